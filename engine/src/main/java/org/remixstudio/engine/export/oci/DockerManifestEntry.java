package org.remixstudio.engine.export.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One element of a {@code docker save} archive's {@code manifest.json} (Docker image specification
 * v1.2, "Combined Image JSON + Filesystem Changeset Format"). Here the paths point at the same
 * {@code blobs/sha256/…} files the OCI layout uses, so one tar serves both formats.
 *
 * <pre>{@code
 * [{"Config":"blobs/sha256/b5b2…","RepoTags":["remix/base:1.0"],"Layers":["blobs/sha256/9834…"]}]
 * }</pre>
 */
@JsonPropertyOrder({"Config", "RepoTags", "Layers"})
public record DockerManifestEntry(@JsonProperty("Config") String config,
                                  @JsonProperty("RepoTags") List<String> repoTags,
                                  @JsonProperty("Layers") List<String> layers) {
}
