package org.remixstudio.app.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.remixstudio.app.controls.DragFormats;
import org.remixstudio.app.controls.LayerStack;
import org.remixstudio.app.controls.LicenseStripe;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.app.controls.StackLayer;
import org.remixstudio.app.impact.ImpactViewModel;
import org.remixstudio.engine.api.PlannedPackage;
import org.remixstudio.engine.api.RemixPlan;

/**
 * The center pane: a toolbar of layer commands over the {@link LayerStack}, and a remove target at
 * the bottom to drop packages dragged out of a layer. Turns the stack's gestures into view model
 * commands and drag previews into impact questions.
 */
public final class LayerStackView extends BorderPane {

    private final LayerStackViewModel vm;
    private final LayerStack stack = new LayerStack();

    public LayerStackView(LayerStackViewModel vm, ImpactViewModel impact) {
        this.vm = vm;
        getStyleClass().add("layer-pane");
        stack.setId("layer-stack");
        stack.selectedLayerProperty().bindBidirectional(vm.selectedLayerProperty());
        stack.selectedPackageProperty().bindBidirectional(vm.selectedPackageProperty());
        vm.items().addListener((javafx.collections.ListChangeListener<LayerItem>) c -> refresh());
        refresh();

        stack.setOnPackageDragOver(impact::previewAdd);
        stack.setOnPackageDragExit(impact::endPreview);
        stack.setOnPackageDropped((layer, pkg) -> {
            impact.endPreview();
            vm.addPackage(layer, pkg);
        });
        stack.setOnPackageRemoved(vm::removePackage);
        stack.setOnLayerMoved(vm::moveLayerTo);
        stack.setLayerMenu(this::layerMenu);
        stack.setPackageMenu(lp -> packageMenu(lp[0], lp[1]));

        setTop(toolbar());
        setCenter(stack);
        setBottom(bottom());
    }

    private void refresh() {
        RemixPlan plan = vm.planProperty().get();
        long previewSize = vm.items().stream().filter(LayerItem::preview).mapToLong(LayerItem::installedSize).sum();
        long total = plan == null ? 0 : Math.max(1, plan.installedSize() + previewSize);
        List<StackLayer> layers = new ArrayList<>();
        for (LayerItem item : vm.items()) {
            if (item.preview()) {
                layers.add(preview(item, total));
                continue;
            }
            double fraction = total == 0 ? 0 : (double) item.installedSize() / total;
            String size = plan == null ? "…" : SizeText.kib(item.installedSize());
            List<StackLayer.Chip> chips = item.requested().stream().map(p -> chip(p, true)).toList();
            List<StackLayer.Chip> deps = item.dependencies().stream().map(p -> chip(p, false)).toList();
            String depText = deps.isEmpty() ? "" : (item.base()
                    ? SizeText.count(deps.size()) + " packages of the " + "base"
                    : "+" + SizeText.count(deps.size()) + (deps.size() == 1 ? " dependency, " : " dependencies, ")
                    + SizeText.kib(item.dependencySize()));
            if (item.base() && !deps.isEmpty()) {
                depText = SizeText.count(deps.size()) + " packages, " + SizeText.kib(item.installedSize());
            }
            String detail = item.base() ? vm.variantLabel() : (plan == null ? "" : "→ " + SizeText.kib(item.totalSize()));
            layers.add(new StackLayer(item.name(), item.base(), fraction, size, detail, chips, depText, deps,
                    item.removed(), LicenseStripe.segments(item.licenseMix())));
        }
        // a license batch often changes nothing the stack shows (a package of another layer's category count)
        if (!stack.getLayers().equals(layers)) {
            stack.getLayers().setAll(layers);
        }
    }

    /** The dashed layer of what a VM disk export adds: its packages and size, or why it cannot be planned. */
    private StackLayer preview(LayerItem item, long total) {
        boolean planned = vm.essentialsProperty().get() != null;
        String problem = vm.essentialsErrorProperty().get();
        String size = planned ? "+" + SizeText.kib(item.installedSize()) : (problem.isEmpty() ? "…" : "");
        String detail = !problem.isEmpty() ? problem
                : !planned ? "added by the VM export: planning…"
                : item.requested().isEmpty() && item.dependencies().isEmpty()
                        ? "added by the VM export: nothing, the remix has what booting needs"
                        : "added by the VM export → " + SizeText.kib(item.totalSize());
        List<StackLayer.Chip> chips = item.requested().stream().map(p -> chip(p, true)).toList();
        List<StackLayer.Chip> deps = item.dependencies().stream().map(p -> chip(p, false)).toList();
        String depText = deps.isEmpty() ? "" : "+" + SizeText.count(deps.size())
                + (deps.size() == 1 ? " dependency, " : " dependencies, ") + SizeText.kib(item.dependencySize());
        double fraction = total == 0 ? 0 : (double) item.installedSize() / total;
        return new StackLayer(item.name(), false, fraction, size, detail, chips, depText, deps, item.removed(),
                LicenseStripe.segments(item.licenseMix()), true);
    }

    private static StackLayer.Chip chip(PlannedPackage p, boolean requested) {
        // only asked-for chips show a size: the base's hundred dependencies are not formatted for nothing
        String detail = requested && p.installedSize() > 0 ? SizeText.kib(p.installedSize()) : "";
        String tip = p.version().isEmpty() ? p.name() : p.name() + " " + p.version() + "\n" + p.reason();
        return new StackLayer.Chip(p.name(), detail, tip);
    }

    private ToolBar toolbar() {
        Button add = button("+ Layer", "Add a layer on top (Ctrl+L)", e -> vm.addLayer());
        add.setId("add-layer");
        Button rename = button("Rename", "Rename the selected layer (F2)", e -> renameSelected());
        Button up = button("▲", "Move the selected layer up (Alt+Up)", e -> selected().ifPresent(l -> vm.moveLayer(l, 1)));
        up.setId("move-layer-up");
        Button down = button("▼", "Move the selected layer down (Alt+Down)",
                e -> selected().ifPresent(l -> vm.moveLayer(l, -1)));
        down.setId("move-layer-down");
        Button merge = button("Merge down", "Merge the selected layer into the one below",
                e -> selected().ifPresent(vm::mergeDown));
        Button delete = button("Delete", "Delete the selected layer", e -> selected().ifPresent(vm::deleteLayer));
        for (Button b : List.of(rename, up, down, merge, delete)) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().isEmpty(),
                    vm.selectedLayerProperty()));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label planning = new Label("Planning…");
        planning.getStyleClass().add("muted");
        planning.visibleProperty().bind(vm.planningProperty());
        Label title = new Label("Layers");
        title.getStyleClass().add("pane-title");
        return new ToolBar(title, spacer, planning, add, rename, up, down, merge, delete);
    }

    private Optional<String> selected() {
        String l = vm.selectedLayerProperty().get();
        return l == null || LayerStackViewModel.BASE.equals(l) || isPreview(l) ? Optional.empty() : Optional.of(l);
    }

    private boolean isPreview(String layer) {
        return vm.items().stream().anyMatch(i -> i.preview() && i.name().equals(layer));
    }

    private static Button button(String text, String tip, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(action);
        return b;
    }

    private VBox bottom() {
        Label error = new Label();
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label remove = new Label("Drop a package here to remove it from its layer");
        remove.setId("remove-target");
        remove.getStyleClass().add("remove-target");
        remove.setMaxWidth(Double.MAX_VALUE);
        remove.setAlignment(Pos.CENTER);
        remove.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(DragFormats.LAYER_PACKAGE)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        javafx.css.PseudoClass dropTarget = javafx.css.PseudoClass.getPseudoClass("drop-target");
        remove.setOnDragEntered(e -> remove.pseudoClassStateChanged(dropTarget, true));
        remove.setOnDragExited(e -> remove.pseudoClassStateChanged(dropTarget, false));
        remove.setOnDragDropped(e -> {
            e.setDropCompleted(removeDragged((String) e.getDragboard().getContent(DragFormats.LAYER_PACKAGE)));
            e.consume();
        });
        return new VBox(error, remove);
    }

    /** Removes a package dragged out of a layer ({@code layer\npackage}); for the catalog pane too. */
    public boolean removeDragged(String layerAndPackage) {
        if (layerAndPackage == null) {
            return false;
        }
        String[] lp = layerAndPackage.split("\n", 2);
        return vm.removePackage(lp[0], lp[1]).isEmpty();
    }

    private void renameSelected() {
        selected().ifPresent(layer -> {
            TextInputDialog dialog = new TextInputDialog(layer);
            dialog.setTitle("Rename layer");
            dialog.setHeaderText("New name for layer '" + layer + "'");
            dialog.initOwner(getScene().getWindow());
            dialog.showAndWait().ifPresent(name -> vm.renameLayer(layer, name));
        });
    }

    private ContextMenu layerMenu(String layer) {
        if (LayerStackViewModel.BASE.equals(layer) || isPreview(layer)) {
            return null;
        }
        MenuItem rename = item("Rename…", () -> renameSelected());
        MenuItem up = item("Move layer up", () -> vm.moveLayer(layer, 1));
        MenuItem down = item("Move layer down", () -> vm.moveLayer(layer, -1));
        MenuItem merge = item("Merge into the layer below", () -> vm.mergeDown(layer));
        MenuItem delete = item("Delete layer", () -> vm.deleteLayer(layer));
        return new ContextMenu(rename, up, down, merge, new SeparatorMenuItem(), delete);
    }

    private ContextMenu packageMenu(String layer, String pkg) {
        if (isPreview(layer)) {
            return null;
        }
        return new ContextMenu(item("Remove " + pkg + " from " + layer, () -> vm.removePackage(layer, pkg)));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Starts renaming the selected layer (the window's menu and F2 call this). */
    public void rename() {
        renameSelected();
    }

    public LayerStack stack() {
        return stack;
    }
}
