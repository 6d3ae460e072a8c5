/**
 * Reads image tarballs back: OCI image layouts in a tar, {@code docker save} archives, and the
 * combination the engine writes. {@link org.remixstudio.engine.inspect.ImageArchiveInspector}
 * reports each image's names, configuration and layers, with recomputed digests, history lines,
 * whiteouts and the Debian packages each layer adds, removes or changes (from the layers'
 * {@code var/lib/dpkg/status}). Used by {@code remix inspect} through the api's {@code ImageInspector}.
 */
package org.remixstudio.engine.inspect;
