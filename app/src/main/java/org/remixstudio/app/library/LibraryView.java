package org.remixstudio.app.library;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.remixstudio.app.Dialogs;
import org.remixstudio.app.controls.SizeText;

/** The library window's content: remixes with their builds beneath them, and the actions on a remix. */
public final class LibraryView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** A tree row: a remix or one of its builds. */
    private record Row(LibraryEntry entry, LibraryEntry.Build build) {
    }

    public LibraryView(LibraryViewModel vm, Consumer<LibraryEntry> reopen) {
        setSpacing(8);
        setPadding(new Insets(12));
        setId("library-view");
        Label title = new Label("Library");
        title.getStyleClass().add("pane-title");
        TreeTableView<Row> table = new TreeTableView<>(new TreeItem<>());
        table.setShowRoot(false);
        table.setId("library-table");
        table.getColumns().add(column("Remix / build", r -> r.build() == null ? r.entry().name()
                : WHEN.format(r.build().finishedAt()) + "  " + r.build().format()));
        table.getColumns().add(column("Saved / output", r -> r.build() == null ? WHEN.format(r.entry().updatedAt())
                : r.build().output().getFileName().toString()));
        table.getColumns().add(column("Size", r -> r.build() == null ? r.entry().builds().size() + " builds"
                : SizeText.bytes(r.build().size())));
        table.getColumns().add(column("Digest / spec hash", r -> r.build() == null ? r.entry().file().toString()
                : (r.build().digest().isEmpty() ? "" : r.build().digest() + "  ") + "spec " + r.build().specHash()
                .substring(0, Math.min(12, r.build().specHash().length()))));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.entries().addListener((javafx.collections.ListChangeListener<LibraryEntry>) c -> {
            table.getRoot().getChildren().clear();
            for (LibraryEntry e : vm.entries()) {
                TreeItem<Row> item = new TreeItem<>(new Row(e, null));
                e.builds().forEach(b -> item.getChildren().add(new TreeItem<>(new Row(e, b))));
                table.getRoot().getChildren().add(item);
            }
        });
        Button open = new Button("Reopen");
        Button duplicate = new Button("Duplicate");
        Button delete = new Button("Delete…");
        open.setOnAction(e -> selected(table).ifPresent(reopen));
        duplicate.setOnAction(e -> selected(table).ifPresent(vm::duplicate));
        delete.setOnAction(e -> selected(table).ifPresent(entry -> {
            if (Dialogs.confirm(getScene().getWindow(), "Delete '" + entry.name() + "'?",
                    "This deletes " + entry.file() + " and forgets its builds. Built images stay on disk.", "Delete")) {
                vm.delete(entry);
            }
        }));
        for (Button b : new Button[] {open, duplicate, delete}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        getChildren().addAll(title, table, new HBox(8, open, duplicate, delete), error);
        vm.refresh();
    }

    private static java.util.Optional<LibraryEntry> selected(TreeTableView<Row> table) {
        TreeItem<Row> item = table.getSelectionModel().getSelectedItem();
        return item == null ? java.util.Optional.empty() : java.util.Optional.of(item.getValue().entry());
    }

    private static TreeTableColumn<Row, String> column(String name, java.util.function.Function<Row, String> text) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(name);
        c.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().getValue() == null ? ""
                : text.apply(f.getValue().getValue())));
        return c;
    }
}
