package org.remixstudio.app.controls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.VBox;

/**
 * Draws a {@link LayerStack}: a scrolling column of {@link LayerCard}s, the top layer first and the
 * base last. When the layers change, each card is updated in place (cards are kept by layer name), only
 * cards of new layers are made and only cards of gone layers are dropped: a plan or a license batch
 * arrives many times per edit, and re-creating every card and chip each time made the next CSS and
 * layout pass style the whole stack anew. Which dependency lists are open is kept across updates.
 */
final class LayerStackSkin extends SkinBase<LayerStack> {

    private final VBox column = new VBox();
    private final Set<String> expanded = new HashSet<>();
    private final Map<String, LayerCard> cards = new HashMap<>();

    LayerStackSkin(LayerStack stack) {
        super(stack);
        column.getStyleClass().add("layer-column");
        column.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("layer-scroll");
        getChildren().add(scroll);
        stack.getLayers().addListener((javafx.collections.ListChangeListener<StackLayer>) c -> show());
        stack.selectedLayerProperty().addListener(o -> updateSelection());
        stack.selectedPackageProperty().addListener(o -> updateSelection());
        column.setOnDragExited(e -> {
            if (!column.getLayoutBounds().contains(column.sceneToLocal(e.getSceneX(), e.getSceneY()))) {
                stack.onPackageDragExit().run();
            }
        });
        show();
    }

    private void show() {
        List<StackLayer> layers = getSkinnable().getLayers();
        List<Node> next = new ArrayList<>(layers.size());
        Map<String, LayerCard> kept = new HashMap<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            StackLayer layer = layers.get(i);
            LayerCard card = cards.get(layer.name());
            if (card == null || !card.shows(layer) || kept.containsKey(layer.name())) {
                card = new LayerCard(getSkinnable(), layer, expanded, this::show);
            }
            card.show(layer, i - 1);
            kept.put(layer.name(), card);
            next.add(card);
        }
        cards.clear();
        cards.putAll(kept);
        ChildNodes.setAllIfChanged(column.getChildren(), next);
        updateSelection();
    }

    private void updateSelection() {
        String layer = getSkinnable().selectedLayerProperty().get();
        String pkg = getSkinnable().selectedPackageProperty().get();
        cards.values().forEach(c -> c.select(layer, pkg));
    }

    /** A CSS-safe id part: package names may hold '+' and '.'. */
    static String safeId(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
