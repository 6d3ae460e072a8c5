package org.remixstudio.engine.build.pipeline;

/**
 * One layer of a finished image.
 *
 * @param name      the spec layer's name, {@code base}, or {@code squashed}
 * @param packages  packages installed once the layer is applied
 * @param added     packages the layer installs
 * @param removed   packages the layer purges
 * @param diffId    the uncompressed layer's digest
 * @param size      the compressed layer's size in bytes
 * @param fromCache whether the layer came from the layer cache instead of being built
 */
public record BuiltLayer(String name, int packages, int added, int removed, String diffId, long size,
                         boolean fromCache) {
}
