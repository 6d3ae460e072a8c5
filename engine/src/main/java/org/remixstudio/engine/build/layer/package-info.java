/**
 * Layers from trees: {@link org.remixstudio.engine.build.layer.TreeScanner} records a directory tree
 * as a {@link org.remixstudio.engine.build.layer.TreeManifest} (metadata, hard links and SHA-256 of
 * every path, never following symbolic links), {@link org.remixstudio.engine.build.layer.LayerDiff}
 * turns the manifests before and after a build step into the entries of one OCI layer (additions,
 * modifications, whiteouts, opaque directories, hard links kept),
 * {@link org.remixstudio.engine.build.layer.LayerCache} keeps built layers keyed by the layers below
 * and the step's inputs, {@link org.remixstudio.engine.build.layer.LayerApplier} applies layer
 * blobs onto a directory to re-create the tree after a cached layer,
 * {@link org.remixstudio.engine.build.layer.KeptTrees} keeps a few such trees by ChainID, and
 * {@link org.remixstudio.engine.build.layer.OverlayManifest} gives the manifest of an overlay over a
 * kept tree from its upper directory alone.
 */
package org.remixstudio.engine.build.layer;
