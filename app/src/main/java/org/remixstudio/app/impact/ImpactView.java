package org.remixstudio.app.impact;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.remixstudio.app.controls.ChildNodes;
import org.remixstudio.app.controls.LazyTooltip;
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
    private final Label licensesUnknown = new Label("Licenses entering and leaving: not known yet");
    private final VBox entering = new VBox(2);
    private final VBox leaving = new VBox(2);
    private final LicenseStripe stripeBefore = stripe();
    private final LicenseStripe stripeAfter = stripe();
    private final GridPane chart = new GridPane();
    private final Label pending = new Label();
    private final VBox findings = new VBox(2);
    private LicenseImpact shownLicenses;

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
        licensesUnknown.getStyleClass().add("muted");
        entering.setId("impact-licenses-entering");
        leaving.setId("impact-licenses-leaving");
        chart.setHgap(8);
        chart.setVgap(3);
        chart.setId("impact-license-chart");
        chart.addRow(0, key("Before"), stripeBefore);
        chart.addRow(1, key("After"), stripeAfter);
        pending.getStyleClass().add("muted");
        pending.setId("impact-licenses-pending");
        findings.setId("impact-findings");
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

    /**
     * Licenses entering and leaving, a before/after category chart, the pending count and policy findings.
     * A license stream sends a snapshot per batch of copyright files read, mostly with the same entering
     * and leaving licenses and a smaller pending count: the nodes are kept and only what changed is
     * made anew (the chart's stripes are updated, not re-created).
     */
    private void showLicenses(LicenseImpact l) {
        if (l == null) {
            shownLicenses = null;
            ChildNodes.setAllIfChanged(licenseBox.getChildren(), List.of(licensesUnknown));
            return;
        }
        LicenseImpact before = shownLicenses;
        shownLicenses = l;
        if (before == null || !before.entering().equals(l.entering())) {
            changes(entering, "Entering", l.entering());
        }
        if (before == null || !before.leaving().equals(l.leaving())) {
            changes(leaving, "Leaving", l.leaving());
        }
        segments(LicenseStripe.segments(l.categoriesBefore()), LicenseStripe.segments(l.categoriesAfter()));
        List<javafx.scene.Node> shown = new java.util.ArrayList<>(List.of(entering, leaving, chart));
        if (l.pending() > 0) {
            pending.setText("Reading the licenses of " + l.pending() + " package" + (l.pending() == 1 ? "" : "s") + "…");
            shown.add(pending);
        }
        if (!l.findings().isEmpty()) {
            if (before == null || !before.findings().equals(l.findings())) {
                findings(l.findings());
            }
            shown.add(findings);
        }
        ChildNodes.setAllIfChanged(licenseBox.getChildren(), shown);
    }

    private void segments(List<LicenseStripe.Segment> was, List<LicenseStripe.Segment> is) {
        stripeBefore.segmentsProperty().set(was);
        stripeAfter.segmentsProperty().set(is);
    }


    private void findings(List<LicenseFindingInfo> all) {
        findings.getChildren().setAll(key("Policy findings (" + all.size() + ")"));
        for (LicenseFindingInfo f : all.subList(0, Math.min(LIST_LIMIT, all.size()))) {
            Label line = new Label(f.action().toUpperCase(java.util.Locale.ROOT) + "  " + f.pkg() + ": " + f.license()
                    + " (" + f.category() + ", rule " + f.rule() + ", layer " + f.layer() + ")");
            line.setWrapText(true);
            line.getStyleClass().addAll("finding", "finding-" + f.action());
            String chain = String.join("\n→ ", f.chain());
            LazyTooltip.install(line, () -> chain);
            findings.getChildren().add(line);
        }
    }

    private static void changes(VBox box, String heading, List<LicenseChange> changes) {
        box.getChildren().setAll(key(heading + " (" + changes.size() + ")"));
        if (changes.isEmpty()) {
            Label none = new Label("none");
            none.getStyleClass().add("muted");
            box.getChildren().add(none);
        }
        for (LicenseChange c : changes.subList(0, Math.min(LIST_LIMIT, changes.size()))) {
            Label badge = new Label(c.license().equals("NOASSERTION") ? "unknown" : c.license());
            badge.getStyleClass().addAll("license-badge", "license-" + c.category());
            LazyTooltip.install(badge, c::category);
            int n = c.packages().size();
            Label who = new Label(String.join(", ", c.packages().subList(0, Math.min(4, n))) + (n > 4 ? " +" + (n - 4) : ""));
            who.getStyleClass().add("muted");
            HBox line = new HBox(6, badge, who);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
    }

    private static LicenseStripe stripe() {
        LicenseStripe stripe = new LicenseStripe();
        stripe.setPrefWidth(180);
        return stripe;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-key");
        return l;
    }
}
