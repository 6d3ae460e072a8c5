package org.remixstudio.app.controls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One layer's card in the {@link LayerStack}: header (grip, name, detail, size), size bar, license
 * stripe, the packages asked for as chips, the dependencies behind a toggle, what the layer removes.
 * A card stands for one layer (by name) and is updated in place by {@link #show}: a new plan, a license
 * batch or another chip changes the texts, bars and chips that changed, and every other node keeps its
 * styles, so the next CSS pass only styles what is new. Which layer it stands for, whether it is the
 * base or the export preview, is fixed when it is made.
 */
final class LayerCard extends VBox {

    /** A selected layer card or package chip. */
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A pseudo-class rather than a style class: it restyles the card, not its whole subtree from scratch. */
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final LayerStack stack;
    private final String name;
    private final boolean base;
    private final boolean preview;
    private final Set<String> expanded;
    private final Runnable relayout;
    private final Label detail = new Label();
    private final Label total = new Label();
    private final HBox header;
    private final SizeBar bar = new SizeBar();
    private final LicenseStripe stripe = new LicenseStripe();
    private final FlowPane chipPane = new FlowPane(6, 6);
    private final Label hint = new Label("Drop packages here");
    private final Button toggle = new Button();
    private final FlowPane dependencyPane = new FlowPane(4, 4);
    private final Label removed = new Label();
    private final Map<String, PackageChip> chips = new HashMap<>();
    private final Map<String, PackageChip> dependencies = new HashMap<>();
    private StackLayer shown;
    private int specIndex;
    /** Whether the dependency list was open when the card last showed its layer. */
    private boolean shownOpen;

    /**
     * @param expanded the names of the layers whose dependency list is open (the skin's, kept across cards)
     * @param relayout shows the stack again, after the dependency toggle changed {@code expanded}
     */
    LayerCard(LayerStack stack, StackLayer layer, Set<String> expanded, Runnable relayout) {
        super(6);
        this.stack = stack;
        this.name = layer.name();
        this.base = layer.base();
        this.preview = layer.preview();
        this.expanded = expanded;
        this.relayout = relayout;
        getStyleClass().add("layer-card");
        if (base) {
            getStyleClass().add("base");
        }
        if (preview) {
            getStyleClass().add("preview");
        }
        setId("layer-" + LayerStackSkin.safeId(name));
        setFocusTraversable(true);

        Label grip = new Label(base ? "▤" : preview ? "◌" : "⠿");
        grip.getStyleClass().add("grip");
        if (preview) {
            LazyTooltip.install(grip, () -> "What the VM disk export adds on top of the remix; not editable");
        } else if (!base) {
            LazyTooltip.install(grip, () -> "Drag to move the layer");
            grip.setOnDragDetected(e -> {
                Dragboard db = grip.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(DragFormats.LAYER, name);
                db.setContent(content);
                e.consume();
            });
        }
        Label title = new Label(base ? "base" : name);
        title.getStyleClass().add("layer-name");
        detail.getStyleClass().add("layer-detail");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        total.getStyleClass().add("layer-size");
        header = new HBox(8, grip, title, detail, spacer, total);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("layer-header");
        chipPane.getStyleClass().add("chips");
        hint.getStyleClass().add("drop-hint");
        toggle.getStyleClass().addAll("dependency-toggle", "flat");
        toggle.setOnAction(e -> {
            if (!expanded.remove(name)) {
                expanded.add(name);
            }
            relayout.run();
        });
        dependencyPane.getStyleClass().add("dependencies");
        removed.getStyleClass().add("removed");
        removed.setWrapText(true);

        setOnMouseClicked(e -> {
            stack.selectedLayerProperty().set(name);
            requestFocus();
        });
        setOnContextMenuRequested(e -> {
            stack.selectedLayerProperty().set(name);
            ContextMenu menu = stack.layerMenu().apply(name);
            if (menu != null) {
                menu.show(this, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        focusedProperty().addListener((o, was, is) -> {
            if (is) {
                stack.selectedLayerProperty().set(name);
            }
        });
        if (!preview) {
            installDropTarget();
        }
    }

    /** Whether this card can show {@code layer}: the same layer, the same kind. */
    boolean shows(StackLayer layer) {
        return layer.name().equals(name) && layer.base() == base && layer.preview() == preview;
    }

    /** Shows {@code layer}'s figures, chips and texts, changing only what differs from what is shown. */
    void show(StackLayer layer, int index) {
        specIndex = index;
        boolean open = expanded.contains(name);
        if (layer.equals(shown) && open == shownOpen) {
            return;
        }
        shown = layer;
        setAccessibleText((preview ? "Preview of layer " : "Layer ") + name + ", " + layer.sizeText() + ", "
                + layer.chips().size() + " packages asked for"
                + (layer.dependencyText().isEmpty() ? "" : ", " + layer.dependencyText()));
        detail.setText(layer.detailText());
        total.setText(layer.sizeText());
        bar.setFraction(layer.fraction());
        bar.setAccessibleText(layer.sizeText());
        stripe.segmentsProperty().set(layer.licenses());

        List<Node> children = new ArrayList<>(List.of(header, bar, stripe));
        sync(chipPane, chips, layer.chips(), true);
        if (!layer.chips().isEmpty()) {
            children.add(chipPane);
        } else if (!base && !preview) {
            children.add(hint);
        }
        boolean listed = open && !layer.dependencyText().isEmpty();
        if (!layer.dependencyText().isEmpty()) {
            toggle.setText((open ? "▾ " : "▸ ") + layer.dependencyText());
            toggle.setAccessibleText((open ? "Hide " : "Show ") + layer.dependencyText());
            children.add(toggle);
            if (listed) {
                children.add(dependencyPane);
            }
        }
        // a closed list keeps no chips: the base's can be a hundred
        sync(dependencyPane, dependencies, listed ? layer.dependencies() : List.of(), false);
        shownOpen = open;
        if (!layer.removed().isEmpty()) {
            removed.setText("Removes " + String.join(", ", layer.removed()));
            children.add(removed);
        }
        ChildNodes.setAllIfChanged(getChildren(), children);
    }

    /** Makes {@code pane} hold one chip per package of {@code wanted}, in order, reusing the chips it has. */
    private void sync(FlowPane pane, Map<String, PackageChip> made, List<StackLayer.Chip> wanted, boolean requested) {
        List<Node> next = new ArrayList<>(wanted.size());
        Map<String, PackageChip> kept = new HashMap<>();
        for (StackLayer.Chip c : wanted) {
            PackageChip chip = made.get(c.name());
            if (chip == null) {
                chip = new PackageChip(stack, name, c.name(), requested, preview);
            }
            chip.show(c);
            kept.put(c.name(), chip);
            next.add(chip);
        }
        made.clear();
        made.putAll(kept);
        ChildNodes.setAllIfChanged(pane.getChildren(), next);
    }

    /** Marks the card and the chip selected. */
    void select(String layer, String pkg) {
        pseudoClassStateChanged(SELECTED, name.equals(layer));
        chips.values().forEach(c -> c.select(layer, pkg));
        dependencies.values().forEach(c -> c.select(layer, pkg));
    }

    private void installDropTarget() {
        setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (db.hasContent(DragFormats.PACKAGE) && !base) {
                e.acceptTransferModes(TransferMode.COPY);
            } else if (db.hasContent(DragFormats.LAYER) && !base && !name.equals(db.getContent(DragFormats.LAYER))) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragEntered(e -> {
            Dragboard db = e.getDragboard();
            if (base) {
                return;
            }
            if (db.hasContent(DragFormats.PACKAGE)) {
                pseudoClassStateChanged(DROP_TARGET, true);
                stack.onPackageDragOver().accept(name, (String) db.getContent(DragFormats.PACKAGE));
            } else if (db.hasContent(DragFormats.LAYER)) {
                pseudoClassStateChanged(DROP_TARGET, true);
            }
        });
        setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(this::dropped);
    }

    private void dropped(DragEvent e) {
        Dragboard db = e.getDragboard();
        boolean done = false;
        if (db.hasContent(DragFormats.PACKAGE)) {
            stack.onPackageDropped().accept(name, (String) db.getContent(DragFormats.PACKAGE));
            done = true;
        } else if (db.hasContent(DragFormats.LAYER)) {
            stack.onLayerMoved().accept((String) db.getContent(DragFormats.LAYER), specIndex);
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }
}
