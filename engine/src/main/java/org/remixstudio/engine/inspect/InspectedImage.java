package org.remixstudio.engine.inspect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One image found in an archive: its names, configuration (config.md) and layers.
 *
 * @param references     names it is tagged with ({@code org.opencontainers.image.ref.name}, Docker {@code RepoTags})
 * @param manifestDigest digest of the OCI manifest, {@code ""} in a docker-archive without one
 * @param configDigest   digest of the config blob
 * @param architecture   e.g. {@code amd64}
 * @param os             e.g. {@code linux}
 * @param created        creation time as written, {@code ""} when absent
 * @param author         author as written, {@code ""} when absent
 * @param user           {@code config.User}
 * @param entrypoint     {@code config.Entrypoint}
 * @param cmd            {@code config.Cmd}
 * @param env            {@code config.Env}
 * @param workingDir     {@code config.WorkingDir}
 * @param exposedPorts   keys of {@code config.ExposedPorts}
 * @param volumes        keys of {@code config.Volumes}
 * @param labels         {@code config.Labels}
 * @param stopSignal     {@code config.StopSignal}
 * @param layers         bottom first
 * @param warnings       inconsistencies found (digest mismatches, history that does not match the layers)
 */
public record InspectedImage(List<String> references, String manifestDigest, String configDigest, String architecture,
                             String os, String created, String author, String user, List<String> entrypoint,
                             List<String> cmd, List<String> env, String workingDir, List<String> exposedPorts,
                             List<String> volumes, Map<String, String> labels, String stopSignal,
                             List<InspectedLayer> layers, List<String> warnings) {

    public InspectedImage {
        references = List.copyOf(references);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
    }
}
