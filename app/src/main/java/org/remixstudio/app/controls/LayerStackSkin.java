package org.remixstudio.app.controls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Draws a {@link LayerStack}: a scrolling column of layer cards, the top layer first and the base
 * last, and turns mouse and keyboard gestures on them into the control's handlers. Cards are rebuilt
 * when the layers change; which dependency lists are open survives the rebuild.
 */
final class LayerStackSkin extends SkinBase<LayerStack> {

    private final VBox column = new VBox();
    private final Set<String> expanded = new HashSet<>();

    LayerStackSkin(LayerStack stack) {
        super(stack);
        column.getStyleClass().add("layer-column");
        column.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("layer-scroll");
        getChildren().add(scroll);
        stack.getLayers().addListener((javafx.collections.ListChangeListener<StackLayer>) c -> rebuild());
        stack.selectedLayerProperty().addListener(o -> updateSelection());
        stack.selectedPackageProperty().addListener(o -> updateSelection());
        column.setOnDragExited(e -> {
            if (!column.getLayoutBounds().contains(column.sceneToLocal(e.getSceneX(), e.getSceneY()))) {
                stack.onPackageDragExit().run();
            }
        });
        rebuild();
    }

    private void rebuild() {
        column.getChildren().clear();
        List<StackLayer> layers = getSkinnable().getLayers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            column.getChildren().add(card(layers.get(i), i - 1));
        }
        updateSelection();
    }

    private Node card(StackLayer layer, int specIndex) {
        LayerStack stack = getSkinnable();
        VBox card = new VBox(6);
        card.getStyleClass().add("layer-card");
        if (layer.base()) {
            card.getStyleClass().add("base");
        }
        if (layer.preview()) {
            card.getStyleClass().add("preview");
        }
        card.setId("layer-" + safeId(layer.name()));
        card.setUserData(layer.name());
        card.setFocusTraversable(true);
        card.setAccessibleText((layer.preview() ? "Preview of layer " : "Layer ") + layer.name() + ", " + layer.sizeText() + ", " + layer.chips().size()
                + " packages asked for" + (layer.dependencyText().isEmpty() ? "" : ", " + layer.dependencyText()));

        Label grip = new Label(layer.base() ? "▤" : layer.preview() ? "◌" : "⠿");
        grip.getStyleClass().add("grip");
        if (layer.preview()) {
            Tooltip.install(grip, new Tooltip("What the VM disk export adds on top of the remix; not editable"));
        } else if (!layer.base()) {
            Tooltip.install(grip, new Tooltip("Drag to move the layer"));
            grip.setOnDragDetected(e -> {
                Dragboard db = grip.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(DragFormats.LAYER, layer.name());
                db.setContent(content);
                e.consume();
            });
        }
        Label name = new Label(layer.base() ? "base" : layer.name());
        name.getStyleClass().add("layer-name");
        Label detail = new Label(layer.detailText());
        detail.getStyleClass().add("layer-detail");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label total = new Label(layer.sizeText());
        total.getStyleClass().add("layer-size");
        HBox header = new HBox(8, grip, name, detail, spacer, total);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("layer-header");

        SizeBar bar = new SizeBar();
        bar.setFraction(layer.fraction());
        bar.setAccessibleText(layer.sizeText());
        LicenseStripe stripe = new LicenseStripe();
        stripe.segmentsProperty().set(layer.licenses());
        card.getChildren().addAll(header, bar, stripe);

        if (!layer.chips().isEmpty()) {
            FlowPane chips = new FlowPane(6, 6);
            chips.getStyleClass().add("chips");
            layer.chips().forEach(c -> chips.getChildren().add(chip(layer.name(), c, true, layer.preview())));
            card.getChildren().add(chips);
        } else if (!layer.base() && !layer.preview()) {
            Label hint = new Label("Drop packages here");
            hint.getStyleClass().add("drop-hint");
            card.getChildren().add(hint);
        }
        if (!layer.dependencyText().isEmpty()) {
            boolean open = expanded.contains(layer.name());
            Button toggle = new Button((open ? "▾ " : "▸ ") + layer.dependencyText());
            toggle.getStyleClass().addAll("dependency-toggle", "flat");
            toggle.setAccessibleText((open ? "Hide " : "Show ") + layer.dependencyText());
            toggle.setOnAction(e -> {
                if (!expanded.remove(layer.name())) {
                    expanded.add(layer.name());
                }
                rebuild();
            });
            card.getChildren().add(toggle);
            if (open) {
                FlowPane deps = new FlowPane(4, 4);
                deps.getStyleClass().add("dependencies");
                layer.dependencies().forEach(c -> deps.getChildren().add(chip(layer.name(), c, false, layer.preview())));
                card.getChildren().add(deps);
            }
        }
        if (!layer.removed().isEmpty()) {
            Label removed = new Label("Removes " + String.join(", ", layer.removed()));
            removed.getStyleClass().add("removed");
            removed.setWrapText(true);
            card.getChildren().add(removed);
        }

        card.setOnMouseClicked(e -> {
            stack.selectedLayerProperty().set(layer.name());
            card.requestFocus();
        });
        card.setOnContextMenuRequested(e -> {
            stack.selectedLayerProperty().set(layer.name());
            ContextMenu menu = stack.layerMenu().apply(layer.name());
            if (menu != null) {
                menu.show(card, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        card.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                stack.selectedLayerProperty().set(layer.name());
            }
        });
        if (!layer.preview()) {
            installDropTarget(card, layer, specIndex);
        }
        return card;
    }

    private void installDropTarget(VBox card, StackLayer layer, int specIndex) {
        LayerStack stack = getSkinnable();
        card.setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (db.hasContent(DragFormats.PACKAGE) && !layer.base()) {
                e.acceptTransferModes(TransferMode.COPY);
            } else if (db.hasContent(DragFormats.LAYER) && !layer.base()
                    && !layer.name().equals(db.getContent(DragFormats.LAYER))) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        card.setOnDragEntered(e -> {
            Dragboard db = e.getDragboard();
            if (layer.base()) {
                return;
            }
            if (db.hasContent(DragFormats.PACKAGE)) {
                card.getStyleClass().add("drop-target");
                stack.onPackageDragOver().accept(layer.name(), (String) db.getContent(DragFormats.PACKAGE));
            } else if (db.hasContent(DragFormats.LAYER)) {
                card.getStyleClass().add("drop-target");
            }
        });
        card.setOnDragExited(e -> card.getStyleClass().remove("drop-target"));
        card.setOnDragDropped(e -> dropped(e, layer, specIndex));
    }

    private void dropped(DragEvent e, StackLayer layer, int specIndex) {
        LayerStack stack = getSkinnable();
        Dragboard db = e.getDragboard();
        boolean done = false;
        if (db.hasContent(DragFormats.PACKAGE)) {
            stack.onPackageDropped().accept(layer.name(), (String) db.getContent(DragFormats.PACKAGE));
            done = true;
        } else if (db.hasContent(DragFormats.LAYER)) {
            stack.onLayerMoved().accept((String) db.getContent(DragFormats.LAYER), specIndex);
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private Node chip(String layer, StackLayer.Chip c, boolean requested, boolean readOnly) {
        LayerStack stack = getSkinnable();
        Label name = new Label(c.name());
        name.getStyleClass().add("chip-name");
        HBox chip = new HBox(4, name);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(requested ? "chip" : "dep-chip");
        chip.setUserData(new String[] {layer, c.name()});
        chip.setId("chip-" + safeId(layer) + "-" + safeId(c.name()));
        if (!c.detail().isEmpty()) {
            Label size = new Label(c.detail());
            size.getStyleClass().add("chip-size");
            chip.getChildren().add(size);
        }
        if (requested && !readOnly) {
            Button remove = new Button("×");
            remove.getStyleClass().addAll("chip-remove", "flat");
            remove.setAccessibleText("Remove " + c.name() + " from " + layer);
            remove.setFocusTraversable(false);
            remove.setOnAction(e -> stack.onPackageRemoved().accept(layer, c.name()));
            chip.getChildren().add(remove);
        }
        if (!c.tooltip().isEmpty()) {
            Tooltip.install(chip, new Tooltip(c.tooltip()));
        }
        chip.setFocusTraversable(true);
        chip.setAccessibleText(c.name() + (c.detail().isEmpty() ? "" : ", " + c.detail())
                + (requested ? ", asked for in layer " : ", dependency in layer ") + layer);
        chip.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            stack.selectedLayerProperty().set(layer);
            stack.selectedPackageProperty().set(c.name());
            chip.requestFocus();
            e.consume();
        });
        chip.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                stack.selectedLayerProperty().set(layer);
                stack.selectedPackageProperty().set(c.name());
            }
        });
        chip.setOnKeyPressed(e -> {
            if (readOnly) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                stack.onPackageRemoved().accept(layer, c.name());
                e.consume();
            }
        });
        chip.setOnContextMenuRequested(e -> {
            stack.selectedPackageProperty().set(c.name());
            ContextMenu menu = stack.packageMenu().apply(new String[] {layer, c.name()});
            if (menu != null) {
                menu.show(chip, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        chip.setOnDragDetected(e -> {
            if (readOnly) {
                return;
            }
            Dragboard db = chip.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(DragFormats.LAYER_PACKAGE, layer + "\n" + c.name());
            db.setContent(content);
            e.consume();
        });
        return chip;
    }

    private void updateSelection() {
        String layer = getSkinnable().selectedLayerProperty().get();
        String pkg = getSkinnable().selectedPackageProperty().get();
        for (Node card : column.getChildren()) {
            boolean sel = card.getUserData() != null && card.getUserData().equals(layer);
            card.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), sel);
            card.lookupAll(".chip, .dep-chip").forEach(chip -> {
                String[] lp = (String[]) chip.getUserData();
                chip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"),
                        lp != null && lp[0].equals(layer) && lp[1].equals(pkg));
            });
        }
    }

    /** A CSS-safe id part: package names may hold '+' and '.'. */
    static String safeId(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
