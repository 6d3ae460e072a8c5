package org.remixstudio.app.catalog;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.engine.api.PackageDetails;
import org.remixstudio.engine.api.PackageLicenseInfo;

/** The details of the selected package: what it is, its sizes, why it is in the remix, what needs it. */
public final class PackageDetailsView extends ScrollPane {

    private final VBox box = new VBox(8);

    public PackageDetailsView(PackageDetailsViewModel vm) {
        getStyleClass().add("details-pane");
        setFitToWidth(true);
        box.setPadding(new Insets(10));
        box.setId("package-details");
        setContent(box);
        vm.infoProperty().addListener((o, a, b) -> show(b, vm.placeholderProperty().get()));
        vm.placeholderProperty().addListener((o, a, b) -> show(vm.infoProperty().get(), b));
        show(null, vm.placeholderProperty().get());
    }

    private void show(PackageInfo info, String placeholder) {
        box.getChildren().clear();
        Label title = new Label("Package");
        title.getStyleClass().add("pane-title");
        box.getChildren().add(title);
        if (info == null) {
            Label p = new Label(placeholder);
            p.getStyleClass().add("muted");
            p.setWrapText(true);
            box.getChildren().add(p);
            return;
        }
        PackageDetails d = info.details();
        Label name = new Label(d.name());
        name.getStyleClass().add("details-name");
        name.setId("details-name");
        Label summary = new Label(d.shortDescription());
        summary.setWrapText(true);
        summary.getStyleClass().add("details-summary");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        row = field(grid, row, "Version", d.version() + " (" + d.architecture() + ")");
        row = field(grid, row, "Section", d.section() + (d.priority().isEmpty() ? "" : ", " + d.priority()));
        row = field(grid, row, "Installed", SizeText.kib(d.installedSize()));
        row = field(grid, row, "Download", SizeText.bytes(d.size()));
        if (info.license().isPresent()) {
            PackageLicenseInfo l = info.license().get();
            row = field(grid, row, "License", l.spdx().equals("NOASSERTION") ? "unknown" : l.spdx());
            row = field(grid, row, "Category", l.category() + (l.nonFree() ? " (non-free component)" : ""));
            row = field(grid, row, "How found", switch (l.howFound()) {
                case "declared" -> "declared (machine-readable copyright file)";
                case "detected" -> "detected in the copyright file's text";
                default -> "unknown";
            });
            if (!l.reason().isEmpty()) {
                row = field(grid, row, l.howFound().equals("unknown") ? "Why unknown" : "Note", l.reason());
            }
            if (l.licenses().size() > 1) {
                row = field(grid, row, "All licenses", String.join(", ", l.licenses()));
            }
        } else {
            row = field(grid, row, "License", "not known yet");
        }
        row = field(grid, row, "Source", d.source() + " " + d.sourceVersion());
        if (!d.suite().isEmpty()) {
            row = field(grid, row, "From", d.suite() + "/" + d.component());
        }
        field(grid, row, "Why here", info.planned().map(p -> p.reason() + " (layer " + p.layer() + ")")
                .orElse("not in this remix"));
        Label why = new Label();
        box.getChildren().addAll(name, summary, grid);
        if (!d.depends().isEmpty()) {
            box.getChildren().add(section("Depends", d.depends()));
        }
        if (!info.neededHere().isEmpty()) {
            box.getChildren().add(section("Needed here by", String.join(", ", info.neededHere())));
        }
        if (!d.reverseDependencies().isEmpty()) {
            int n = d.reverseDependencies().size();
            box.getChildren().add(section("Needed in the archive by", String.join(", ",
                    d.reverseDependencies().subList(0, Math.min(n, 30))) + (n > 30 ? " … (" + n + " in all)" : "")));
        }
        Label description = new Label(d.longDescription());
        description.setWrapText(true);
        description.getStyleClass().add("details-description");
        box.getChildren().add(description);
        why.setVisible(false);
    }

    private static int field(GridPane grid, int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("field-key");
        // a long wrapping value must not squeeze the key column down to an ellipsis
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        grid.addRow(row, k, v);
        return row + 1;
    }

    private static VBox section(String heading, String text) {
        Label h = new Label(heading);
        h.getStyleClass().add("field-key");
        Label t = new Label(text);
        t.setWrapText(true);
        return new VBox(2, h, t);
    }
}
