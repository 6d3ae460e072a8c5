package org.remixstudio.app.controls;

import javafx.scene.input.DataFormat;

/**
 * What the studio's drags carry: a package name from the catalog, a package taken out of a layer
 * ({@code layer\npackage}), or a layer being reordered. Private MIME types, so a drag from another
 * program is never mistaken for one of ours.
 */
public final class DragFormats {

    public static final DataFormat PACKAGE = new DataFormat("application/x-remix-studio-package");
    public static final DataFormat LAYER_PACKAGE = new DataFormat("application/x-remix-studio-layer-package");
    public static final DataFormat LAYER = new DataFormat("application/x-remix-studio-layer");

    private DragFormats() {
    }
}
