package org.remixstudio.app.impact;

import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.remixstudio.app.controls.LicenseStripe;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.engine.api.LicenseChange;
import org.remixstudio.engine.api.LicenseFindingInfo;
import org.remixstudio.engine.api.LicenseImpact;
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
    private final VBox licenseBox = new VBox(4);

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
        ProgressIndicator licenseSpinner = new ProgressIndicator();
        licenseSpinner.setPrefSize(14, 14);
        licenseSpinner.setId("impact-licenses-spinner");
        licenseSpinner.visibleProperty().bind(vm.licensesPendingProperty());
        HBox licenseTitle = new HBox(6, key("Licenses"), licenseSpinner);
        licenseTitle.setAlignment(Pos.CENTER_LEFT);
        licenseBox.setId("impact-licenses");
        Label licenseError = new Label();
        licenseError.setWrapText(true);
        licenseError.getStyleClass().add("error-banner");
        licenseError.textProperty().bind(vm.licenseErrorProperty());
        licenseError.visibleProperty().bind(vm.licenseErrorProperty().isNotEmpty());
        licenseError.managedProperty().bind(licenseError.visibleProperty());
        getChildren().addAll(top, heading, grid, error, lists, licenseTitle, licenseError, licenseBox);
        vm.summaryProperty().addListener((o, a, b) -> show(b));
        vm.licensesProperty().addListener((o, a, b) -> showLicenses(b));
        showLicenses(null);
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

    /** Licenses entering and leaving, a before/after category chart, the pending count and policy findings. */
    private void showLicenses(LicenseImpact l) {
        licenseBox.getChildren().clear();
        if (l == null) {
            Label none = new Label("Licenses entering and leaving: not known yet");
            none.getStyleClass().add("muted");
            licenseBox.getChildren().add(none);
            return;
        }
        licenseBox.getChildren().add(changes("Entering", l.entering(), "impact-licenses-entering"));
        licenseBox.getChildren().add(changes("Leaving", l.leaving(), "impact-licenses-leaving"));
        GridPane chart = new GridPane();
        chart.setHgap(8);
        chart.setVgap(3);
        chart.setId("impact-license-chart");
        chart.addRow(0, key("Before"), stripe(l.categoriesBefore()));
        chart.addRow(1, key("After"), stripe(l.categoriesAfter()));
        licenseBox.getChildren().add(chart);
        if (l.pending() > 0) {
            Label pending = new Label("Reading the licenses of " + l.pending() + " package" + (l.pending() == 1 ? "" : "s")
                    + "…");
            pending.getStyleClass().add("muted");
            pending.setId("impact-licenses-pending");
            licenseBox.getChildren().add(pending);
        }
        if (!l.findings().isEmpty()) {
            VBox findings = new VBox(2);
            findings.setId("impact-findings");
            findings.getChildren().add(key("Policy findings (" + l.findings().size() + ")"));
            for (LicenseFindingInfo f : l.findings().subList(0, Math.min(LIST_LIMIT, l.findings().size()))) {
                Label line = new Label(f.action().toUpperCase(java.util.Locale.ROOT) + "  " + f.pkg() + ": " + f.license()
                        + " (" + f.category() + ", rule " + f.rule() + ", layer " + f.layer() + ")");
                line.setWrapText(true);
                line.getStyleClass().addAll("finding", "finding-" + f.action());
                line.setTooltip(new Tooltip(String.join("\n→ ", f.chain())));
                findings.getChildren().add(line);
            }
            licenseBox.getChildren().add(findings);
        }
    }

    private static VBox changes(String heading, List<LicenseChange> changes, String id) {
        VBox box = new VBox(2);
        box.setId(id);
        box.getChildren().add(key(heading + " (" + changes.size() + ")"));
        if (changes.isEmpty()) {
            Label none = new Label("none");
            none.getStyleClass().add("muted");
            box.getChildren().add(none);
        }
        for (LicenseChange c : changes.subList(0, Math.min(LIST_LIMIT, changes.size()))) {
            Label badge = new Label(c.license().equals("NOASSERTION") ? "unknown" : c.license());
            badge.getStyleClass().addAll("license-badge", "license-" + c.category());
            badge.setTooltip(new Tooltip(c.category()));
            int n = c.packages().size();
            Label who = new Label(String.join(", ", c.packages().subList(0, Math.min(4, n))) + (n > 4 ? " +" + (n - 4) : ""));
            who.getStyleClass().add("muted");
            HBox line = new HBox(6, badge, who);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        return box;
    }

    private static LicenseStripe stripe(Map<String, Integer> categories) {
        LicenseStripe stripe = new LicenseStripe();
        stripe.setPrefWidth(180);
        stripe.segmentsProperty().set(LicenseStripe.segments(categories));
        return stripe;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-key");
        return l;
    }
}
