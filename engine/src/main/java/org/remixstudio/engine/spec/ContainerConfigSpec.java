package org.remixstudio.engine.spec;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The container runtime defaults recorded in the image's OCI config (OCI image spec, config.md,
 * "Properties", {@code config} object): what runs, with which environment, as whom, on which ports.
 * Maps are kept sorted by key so the written spec and the image config are stable.
 *
 * @param entrypoint    {@code Entrypoint}
 * @param cmd           {@code Cmd}
 * @param env           {@code Env}, as name to value
 * @param workdir       {@code WorkingDir}, absolute
 * @param user          {@code User}: {@code name}, {@code uid}, {@code name:group} or {@code uid:gid}
 * @param exposedPorts  {@code ExposedPorts}, each {@code PORT/PROTOCOL}, e.g. {@code 80/tcp}
 * @param labels        {@code Labels}
 */
public record ContainerConfigSpec(
        List<String> entrypoint,
        List<String> cmd,
        Map<String, String> env,
        Optional<String> workdir,
        Optional<String> user,
        List<String> exposedPorts,
        Map<String, String> labels) {

    public static final ContainerConfigSpec NONE = new ContainerConfigSpec(
            List.of(), List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of());

    public ContainerConfigSpec {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = sortedCopy(env);
        Objects.requireNonNull(workdir, "workdir");
        Objects.requireNonNull(user, "user");
        exposedPorts = List.copyOf(exposedPorts);
        labels = sortedCopy(labels);
    }

    private static Map<String, String> sortedCopy(Map<String, String> map) {
        map.forEach((k, v) -> Objects.requireNonNull(v, k));
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
