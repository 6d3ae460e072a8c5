package org.remixstudio.engine.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One image of an image tarball, as {@link ImageInspector} reads it.
 *
 * @param archive        the tarball
 * @param format         {@code oci-archive+docker-archive} (what remix writes), {@code oci-archive} or {@code docker-archive}
 * @param references     the names it is tagged with, e.g. {@code remix/web:1.0}
 * @param manifestDigest the OCI manifest's digest, {@code ""} for a plain docker-archive
 * @param configDigest   the config's digest (the image ID)
 * @param architecture   e.g. {@code amd64}
 * @param os             e.g. {@code linux}
 * @param created        creation time as written
 * @param author         author as written
 * @param user           the user a container runs as, {@code ""} for the runtime's default
 * @param entrypoint     the executable and its first arguments
 * @param cmd            default arguments
 * @param env            {@code NAME=value} entries
 * @param workingDir     working directory
 * @param exposedPorts   e.g. {@code 8080/tcp}
 * @param volumes        volume mount points
 * @param labels         labels
 * @param stopSignal     e.g. {@code SIGTERM}
 * @param layers         bottom first
 * @param warnings       inconsistencies found (a digest that does not match, history out of step with the layers)
 */
public record ImageInfo(String archive, String format, List<String> references, String manifestDigest,
                        String configDigest, String architecture, String os, String created, String author, String user,
                        List<String> entrypoint, List<String> cmd, List<String> env, String workingDir,
                        List<String> exposedPorts, List<String> volumes, Map<String, String> labels, String stopSignal,
                        List<LayerInfo> layers, List<String> warnings) {

    public ImageInfo {
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
