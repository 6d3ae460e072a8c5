package org.remixstudio.app.catalog;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.Button;
import org.remixstudio.app.controls.DragFormats;
import org.remixstudio.app.controls.FrameBudget;

/**
 * The left pane: search field, filters and the package list. Rows are dragged onto layers; Enter or
 * "Add to layer…" adds the selected package without a mouse; a package dragged out of a layer and
 * dropped here is removed from it.
 */
public final class CatalogView extends VBox {

    /** Row graphics a frame may build: each is a dozen styled nodes, 1-2 ms on a slow machine. */
    private static final int ROWS_PER_FRAME = 5;

    private final CatalogViewModel vm;
    private final ListView<CatalogRow> list = new ListView<>();
    private final TextField search;

    /**
     * @param addTo       adds a package to a layer (the layer stack's command)
     * @param layers      the layers a package can be added to, bottom first
     * @param targetLayer the layer Enter adds to (the selected one)
     * @param removeDragged removes a {@code layer\npackage} dragged out of a layer
     */
    public CatalogView(CatalogViewModel vm, BiConsumer<String, String> addTo, Supplier<List<String>> layers,
                       Supplier<String> targetLayer, Function<String, Boolean> removeDragged) {
        this.vm = vm;
        getStyleClass().add("catalog-pane");
        setSpacing(8);
        setPadding(new Insets(10));

        Label title = new Label("Catalog");
        title.getStyleClass().add("pane-title");

        CustomTextField field = new CustomTextField();
        Button clear = new Button("×");
        clear.getStyleClass().addAll("flat", "clear-search");
        clear.setFocusTraversable(false);
        clear.setAccessibleText("Clear the search");
        clear.setOnAction(e -> field.clear());
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        Label glass = new Label("⌕");
        glass.getStyleClass().add("muted");
        field.setLeft(glass);
        field.setRight(clear);
        search = field;
        search.setId("catalog-search");
        search.setPromptText("Search packages (name or description)");
        search.setAccessibleText("Search packages");
        search.textProperty().bindBidirectional(vm.queryProperty());

        ComboBox<String> section = new ComboBox<>(vm.sections());
        section.setId("section-filter");
        section.valueProperty().bindBidirectional(vm.sectionProperty());
        section.setAccessibleText("Section filter");
        section.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(section, Priority.ALWAYS);
        CheckBox installed = new CheckBox("In this remix");
        installed.setId("installed-filter");
        installed.selectedProperty().bindBidirectional(vm.installedOnlyProperty());
        installed.setTooltip(new Tooltip("Show only packages the remix installs"));
        HBox filters = new HBox(8, section, installed);
        filters.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox loading = new VBox(4, new Label("Loading the package catalog…"), progress, status);
        loading.setId("catalog-loading");
        loading.getStyleClass().add("loading-box");
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        list.setId("catalog-list");
        list.setItems(vm.rows());
        FrameBudget budget = new FrameBudget(ROWS_PER_FRAME);
        list.setCellFactory(v -> new CatalogRowCell(budget));
        list.setAccessibleText("Packages");
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.summaryProperty());
        placeholder.getStyleClass().add("muted");
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b.name());
            }
        });
        list.setOnKeyPressed(e -> {
            CatalogRow row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null && targetLayer.get() != null) {
                addTo.accept(targetLayer.get(), row.name());
                e.consume();
            }
        });
        list.setOnContextMenuRequested(e -> {
            CatalogRow row = list.getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            Menu menu = new Menu("Add to layer");
            for (String layer : layers.get()) {
                MenuItem item = new MenuItem(layer);
                item.setOnAction(a -> addTo.accept(layer, row.name()));
                menu.getItems().add(item);
            }
            menu.setDisable(menu.getItems().isEmpty());
            new ContextMenu(menu).show(list, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // a package dragged out of a layer and dropped on the catalog leaves the layer
        list.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(DragFormats.LAYER_PACKAGE)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        list.setOnDragDropped(e -> {
            e.setDropCompleted(removeDragged.apply((String) e.getDragboard().getContent(DragFormats.LAYER_PACKAGE)));
            e.consume();
        });

        Label summary = new Label();
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(title, search, filters, loading, error, list, summary);
    }

    /** Puts the keyboard focus in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public ListView<CatalogRow> list() {
        return list;
    }
}
