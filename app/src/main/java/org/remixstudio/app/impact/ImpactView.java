package org.remixstudio.app.impact;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.engine.api.PlannedPackage;

/**
 * The right pane's upper half: the impact of the edit being dragged or just made. The figures carry
 * ids ({@code #impact-installed}, …) so tests and screen readers find them.
 */
public final class ImpactView extends VBox {

    private static final int LIST_LIMIT = 12;
    private final Label heading = new Label();
    private final Label installed = new Label("–");
    private final Label download = new Label("–");
    private final Label counts = new Label("–");
    private final VBox lists = new VBox(4);

    public ImpactView(ImpactViewModel vm) {
        getStyleClass().add("impact-pane");
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label("Impact");
        title.getStyleClass().add("pane-title");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox top = new HBox(8, title, spinner);
        top.setAlignment(Pos.CENTER_LEFT);
        heading.textProperty().bind(vm.titleProperty());
        heading.setWrapText(true);
        heading.getStyleClass().add("impact-heading");
        heading.setId("impact-heading");
        installed.setId("impact-installed");
        download.setId("impact-download");
        counts.setId("impact-counts");
        for (Label l : List.of(installed, download, counts)) {
            l.getStyleClass().add("impact-figure");
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.addRow(0, key("Packages"), counts);
        grid.addRow(1, key("Installed"), installed);
        grid.addRow(2, key("Download"), download);
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("error-banner");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label licenses = new Label("Licenses entering and leaving: not known yet");
        licenses.getStyleClass().add("muted");
        getChildren().addAll(top, heading, grid, error, lists, licenses);
        vm.summaryProperty().addListener((o, a, b) -> show(b));
        vm.previewingProperty().addListener((o, a, b) -> pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("preview"), b));
    }

    private void show(ImpactSummary s) {
        lists.getChildren().clear();
        if (s == null) {
            installed.setText("–");
            download.setText("–");
            counts.setText("–");
            return;
        }
        counts.setText("+" + s.added().size() + " / −" + s.removed().size());
        installed.setText(SizeText.kib(s.installedBefore()) + " → " + SizeText.kib(s.installedAfter())
                + "  (" + SizeText.delta(s.installedDelta() * 1024) + ")");
        download.setText(SizeText.bytes(s.downloadBefore()) + " → " + SizeText.bytes(s.downloadAfter())
                + "  (" + SizeText.delta(s.downloadDelta()) + ")");
        if (!s.added().isEmpty()) {
            lists.getChildren().add(list("Added", s.added(), "impact-added"));
        }
        if (!s.removed().isEmpty()) {
            lists.getChildren().add(list("Removed", s.removed(), "impact-removed"));
        }
        if (s.isEmpty()) {
            Label none = new Label("No package changes");
            none.getStyleClass().add("muted");
            lists.getChildren().add(none);
        }
    }

    private static VBox list(String heading, List<PlannedPackage> packages, String style) {
        VBox box = new VBox(2);
        Label h = key(heading + " (" + packages.size() + ")");
        box.getChildren().add(h);
        for (PlannedPackage p : packages.subList(0, Math.min(LIST_LIMIT, packages.size()))) {
            Label l = new Label((style.equals("impact-added") ? "+ " : "− ") + p.name() + "  "
                    + SizeText.kib(p.installedSize()));
            l.getStyleClass().add(style);
            box.getChildren().add(l);
        }
        if (packages.size() > LIST_LIMIT) {
            Label more = new Label("… and " + (packages.size() - LIST_LIMIT) + " more");
            more.getStyleClass().add("muted");
            box.getChildren().add(more);
        }
        return box;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-key");
        return l;
    }
}
