package org.remixstudio.app.controls;

import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Skin;

/**
 * The image drawn as a stack of layers, base at the bottom like a cake: each layer with its name, a
 * size bar, a license stripe, the packages asked for as chips and the dependencies they pulled in
 * behind an expandable line. Packages can be dropped on a layer, dragged out of one, and layers
 * dragged to a new place; the control reports these through its handlers and changes nothing itself.
 * Styled by {@code layer-stack}; see studio.css.
 */
public final class LayerStack extends Control {

    private final ObservableList<StackLayer> layers = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedLayer = new SimpleObjectProperty<>(this, "selectedLayer");
    private final ObjectProperty<String> selectedPackage = new SimpleObjectProperty<>(this, "selectedPackage");
    private BiConsumer<String, String> onPackageDragOver = (l, p) -> { };
    private Runnable onPackageDragExit = () -> { };
    private BiConsumer<String, String> onPackageDropped = (l, p) -> { };
    private BiConsumer<String, String> onPackageRemoved = (l, p) -> { };
    private BiConsumer<String, Integer> onLayerMoved = (l, i) -> { };
    private Function<String, ContextMenu> layerMenu = l -> null;
    private Function<String[], ContextMenu> packageMenu = lp -> null;

    public LayerStack() {
        getStyleClass().add("layer-stack");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LayerStackSkin(this);
    }

    /** Bottom (the base) first. */
    public ObservableList<StackLayer> getLayers() {
        return layers;
    }

    public ObjectProperty<String> selectedLayerProperty() {
        return selectedLayer;
    }

    /** The selected chip's package name. */
    public ObjectProperty<String> selectedPackageProperty() {
        return selectedPackage;
    }

    /** A catalog package is dragged over a layer (called once per layer entered). */
    public void setOnPackageDragOver(BiConsumer<String, String> handler) {
        onPackageDragOver = handler;
    }

    /** The drag left the layers without a drop. */
    public void setOnPackageDragExit(Runnable handler) {
        onPackageDragExit = handler;
    }

    public void setOnPackageDropped(BiConsumer<String, String> handler) {
        onPackageDropped = handler;
    }

    /** A chip's remove button, Delete on a chip, or a chip dropped outside its layer. */
    public void setOnPackageRemoved(BiConsumer<String, String> handler) {
        onPackageRemoved = handler;
    }

    /** A layer was dragged onto another: move it to that layer's place (index among the spec layers). */
    public void setOnLayerMoved(BiConsumer<String, Integer> handler) {
        onLayerMoved = handler;
    }

    public void setLayerMenu(Function<String, ContextMenu> factory) {
        layerMenu = factory;
    }

    /** Context menu for a chip; gets {@code {layer, package}}. */
    public void setPackageMenu(Function<String[], ContextMenu> factory) {
        packageMenu = factory;
    }

    BiConsumer<String, String> onPackageDragOver() {
        return onPackageDragOver;
    }

    Runnable onPackageDragExit() {
        return onPackageDragExit;
    }

    BiConsumer<String, String> onPackageDropped() {
        return onPackageDropped;
    }

    BiConsumer<String, String> onPackageRemoved() {
        return onPackageRemoved;
    }

    BiConsumer<String, Integer> onLayerMoved() {
        return onLayerMoved;
    }

    Function<String, ContextMenu> layerMenu() {
        return layerMenu;
    }

    Function<String[], ContextMenu> packageMenu() {
        return packageMenu;
    }
}
