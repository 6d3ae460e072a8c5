package org.remixstudio.engine.export.oci;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a container of the image runs by default (the {@code config} object of config.md).
 *
 * @param user         user and optional group, e.g. {@code 0:0} or {@code app}; empty for the runtime's default
 * @param env          {@code NAME=value} entries
 * @param entrypoint   the executable and its first arguments
 * @param cmd          default arguments (or the command when there is no entrypoint)
 * @param workingDir   absolute working directory; empty for {@code /}
 * @param exposedPorts ports such as {@code 8080/tcp}
 * @param labels       image labels
 * @param stopSignal   e.g. {@code SIGTERM}; empty for the runtime's default
 */
public record RuntimeConfig(String user, List<String> env, List<String> entrypoint, List<String> cmd,
                            String workingDir, SortedSet<String> exposedPorts, Map<String, String> labels,
                            String stopSignal) {

    public RuntimeConfig {
        user = user == null ? "" : user;
        env = List.copyOf(env == null ? List.of() : env);
        entrypoint = List.copyOf(entrypoint == null ? List.of() : entrypoint);
        cmd = List.copyOf(cmd == null ? List.of() : cmd);
        workingDir = workingDir == null ? "" : workingDir;
        exposedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(exposedPorts == null ? List.of() : exposedPorts));
        labels = Collections.unmodifiableMap(new TreeMap<>(labels == null ? Map.of() : labels));
        stopSignal = stopSignal == null ? "" : stopSignal;
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry '" + e + "' must look like NAME=value");
            }
        }
        if (!workingDir.isEmpty() && !workingDir.startsWith("/")) {
            throw new IllegalArgumentException("working directory '" + workingDir + "' must be absolute");
        }
    }

    /** Nothing set: the runtime's defaults apply. */
    public static RuntimeConfig empty() {
        return new RuntimeConfig("", List.of(), List.of(), List.of(), "", new TreeSet<>(), Map.of(), "");
    }
}
