package org.remixstudio.engine.export.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An image configuration (OCI image spec v1.1, config.md): platform, runtime defaults, the layers'
 * uncompressed digests ({@code rootfs.diff_ids}) and the history. Docker reads the same document.
 *
 * <pre>{@code
 * {"created":"2024-01-01T00:00:00Z","architecture":"amd64","os":"linux",
 *  "config":{"User":"0:0","Env":["PATH=/usr/bin:/bin"],"Entrypoint":["/bin/sh"],"WorkingDir":"/",
 *            "ExposedPorts":{"8080/tcp":{}},"Labels":{"org.example":"x"}},
 *  "rootfs":{"type":"layers","diff_ids":["sha256:5f70…"]},
 *  "history":[{"created":"2024-01-01T00:00:00Z","created_by":"remix: base (bash, coreutils)"}]}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"created", "author", "architecture", "os", "variant", "config", "rootfs", "history"})
public record OciImageConfig(String created, String author, String architecture, String os, String variant,
                             Config config, RootFs rootfs, List<History> history) {

    /** Execution defaults (config.md, {@code config}); field names are Docker's, capitalized. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels",
            "StopSignal"})
    public record Config(
            @JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("StopSignal") String stopSignal) {
    }

    /** The layers' uncompressed digests, bottom first (config.md, {@code rootfs}). */
    @JsonPropertyOrder({"type", "diff_ids"})
    public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    /** One history step (config.md, {@code history}); {@code empty_layer} marks steps without a layer. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    @JsonPropertyOrder({"created", "created_by", "author", "comment", "empty_layer"})
    public record History(String created, @JsonProperty("created_by") String createdBy, String author,
                          String comment, @JsonProperty("empty_layer") boolean emptyLayer) {
    }
}
