package org.remixstudio.app.controls;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;

/**
 * One package on a layer card: a chip for a package asked for (with its size and a remove button on an
 * editable layer), a smaller one for a dependency. A chip stands for one package of one layer for as
 * long as the package stays there; {@link #show} updates its size and tooltip in place, so a new plan or
 * a license batch changes two texts instead of re-creating (and re-styling) the chip.
 */
final class PackageChip extends HBox {


    private final String layer;
    private final String name;
    private final Label size = new Label();
    private String detail = "";
    private String tip = "";

    /**
     * @param requested asked for (a chip) rather than a dependency (a dep-chip)
     * @param readOnly  on a layer that takes no edits (the export preview): no remove, no drag
     */
    PackageChip(LayerStack stack, String layer, String name, boolean requested, boolean readOnly) {
        super(4);
        this.layer = layer;
        this.name = name;
        Label label = new Label(name);
        label.getStyleClass().add("chip-name");
        getChildren().add(label);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add(requested ? "chip" : "dep-chip");
        setId("chip-" + LayerStackSkin.safeId(layer) + "-" + LayerStackSkin.safeId(name));
        size.getStyleClass().add("chip-size");
        if (requested && !readOnly) {
            Button remove = new Button("×");
            remove.getStyleClass().addAll("chip-remove", "flat");
            remove.setAccessibleText("Remove " + name + " from " + layer);
            remove.setFocusTraversable(false);
            remove.setOnAction(e -> stack.onPackageRemoved().accept(layer, name));
            getChildren().add(remove);
        }
        setFocusTraversable(true);
        String role = requested ? ", asked for in layer " : ", dependency in layer ";
        accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> name + (size.getText().isEmpty() ? "" : ", " + size.getText()) + role + layer, size.textProperty()));
        LazyTooltip.install(this, () -> tip);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            stack.selectedLayerProperty().set(layer);
            stack.selectedPackageProperty().set(name);
            requestFocus();
            e.consume();
        });
        focusedProperty().addListener((o, was, is) -> {
            if (is) {
                stack.selectedLayerProperty().set(layer);
                stack.selectedPackageProperty().set(name);
            }
        });
        setOnKeyPressed(e -> {
            if (!readOnly && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                stack.onPackageRemoved().accept(layer, name);
                e.consume();
            }
        });
        setOnContextMenuRequested(e -> {
            stack.selectedPackageProperty().set(name);
            ContextMenu menu = stack.packageMenu().apply(new String[] {layer, name});
            if (menu != null) {
                menu.show(this, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        setOnDragDetected(e -> {
            if (readOnly) {
                return;
            }
            Dragboard db = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(DragFormats.LAYER_PACKAGE, layer + "\n" + name);
            db.setContent(content);
            e.consume();
        });
    }


    /** Shows the chip's size text (asked-for chips only; empty hides it) and tooltip. */
    void show(StackLayer.Chip chip) {
        if (!chip.detail().equals(detail)) {
            detail = chip.detail();
            size.setText(detail);
            if (detail.isEmpty()) {
                getChildren().remove(size);
            } else if (!getChildren().contains(size)) {
                getChildren().add(1, size);
            }
        }
        tip = chip.tooltip();
    }

    /** Marks the chip selected when it is {@code pkg} on {@code selectedLayer}. */
    void select(String selectedLayer, String pkg) {
        pseudoClassStateChanged(LayerCard.SELECTED, layer.equals(selectedLayer) && name.equals(pkg));
    }
}
