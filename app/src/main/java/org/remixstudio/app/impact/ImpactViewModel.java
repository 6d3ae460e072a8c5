package org.remixstudio.app.impact;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.remixstudio.app.document.DocumentChange;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.app.tasks.LatestOnly;
import org.remixstudio.app.tasks.LatestStream;
import org.remixstudio.engine.api.LayerEdit;
import org.remixstudio.engine.api.LicenseImpact;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.spec.RemixSpec;
import javafx.util.Duration;

/**
 * The impact pane: what an edit does to the image, asked of the engine while a package is dragged
 * over a layer (before the drop) and after every edit. Only the newest question is answered: a
 * drag that moves on to another layer cancels the computation for the one before, and when the
 * drag leaves, the pane goes back to the last edit's impact. A drag that crosses several layers while
 * an answer is still being computed is debounced: the next question waits until the pointer has
 * rested on a layer for {@link #SETTLE}, so a fast sweep does not start (and cancel) one computation
 * per layer it passes; a drag onto a layer while nothing runs is answered at once. Licenses entering
 * and leaving follow the sizes: a stream from the engine that starts with what the license store knows
 * and fills in as copyright files are read; a newer question cancels it like it cancels the sizes.
 */
public final class ImpactViewModel {

    /** How long the pointer must rest on a layer before a new preview replaces one still running. */
    static final Duration SETTLE = Duration.millis(30);

    private final LatestOnly<ImpactSummary> computation;
    private final LatestStream<LicenseImpact> licenseStream;
    private final ReadOnlyObjectWrapper<LicenseImpact> licenses = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper licensesPending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper licenseError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Path> policy = new SimpleObjectProperty<>();
    private LicenseImpact lastEditLicenses;
    private long licensesCompleteNanos;
    private final ReadOnlyObjectWrapper<ImpactSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Make an edit to see its impact");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper();
    private ImpactSummary lastEdit;
    private String lastEditTitle = title.get();
    private String previewKey;
    private long startedAt;
    private long lastLatencyNanos;

    private final DocumentViewModel document;
    private final ReadOnlyObjectProperty<PackageCatalog> catalog;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private Runnable pendingPreview;

    public ImpactViewModel(DocumentViewModel document, ReadOnlyObjectProperty<PackageCatalog> catalog,
                           BackgroundRunner runner, BackgroundRunner licenseRunner) {
        this.document = document;
        this.catalog = catalog;
        this.computation = new LatestOnly<>(runner, "impact");
        this.licenseStream = new LatestStream<>(licenseRunner, "impact licenses");
        policy.addListener((o, a, b) -> {
            ImpactSummary shown = summary.get();
            if (shown != null && !busy.get()) {
                streamLicenses(shown, !previewing.get());
            }
        });
        document.onChange(this::changed);
        settle.setOnFinished(runner.fxWork().timed("impact preview settled", e -> {
            Runnable r = pendingPreview;
            pendingPreview = null;
            if (r != null) {
                r.run();
            }
        }));
    }

    /** While a package is dragged over {@code layer}: what dropping it there would do. */
    public void previewAdd(String layer, String pkg) {
        previewAdd(catalog.get(), document.spec(), layer, pkg);
    }

    private void previewAdd(PackageCatalog catalog, RemixSpec spec, String layer, String pkg) {
        String key = layer + "\u0000" + pkg;
        if (catalog == null || key.equals(previewKey)) {
            return;
        }
        boolean sweeping = previewing.get() && busy.get();
        previewKey = key;
        previewing.set(true);
        Runnable ask = () -> compute("Dropping " + pkg + " on " + layer + " would…", () ->
                ImpactSummary.of(catalog.impact(spec, LayerEdit.add(layer, pkg))), false);
        if (sweeping) {
            computation.cancel();
            licenseStream.cancel();
            title.set("Dropping " + pkg + " on " + layer + " would…");
            pendingPreview = ask;
            settle.playFromStart();
        } else {
            ask.run();
        }
    }

    /** The drag left the layers or was dropped: back to the last edit. */
    public void endPreview() {
        if (previewKey == null) {
            return;
        }
        previewKey = null;
        previewing.set(false);
        settle.stop();
        pendingPreview = null;
        computation.cancel();
        licenseStream.cancel();
        busy.set(false);
        error.set("");
        summary.set(lastEdit);
        title.set(lastEditTitle);
        licenses.set(lastEditLicenses);
        licensesPending.set(false);
        licenseError.set("");
        if (lastEdit != null && (lastEditLicenses == null || !lastEditLicenses.complete())) {
            streamLicenses(lastEdit, true);
        }
    }

    /** After an edit, undo or redo: what it did. */
    private void changed(DocumentChange change) {
        PackageCatalog catalog = this.catalog.get();
        previewKey = null;
        previewing.set(false);
        settle.stop();
        pendingPreview = null;
        if (catalog == null || change.before() == null) {
            return;
        }
        Supplier<ImpactSummary> work = change.edit().isPresent()
                ? () -> ImpactSummary.of(catalog.impact(change.before(), change.edit().get()))
                : () -> ImpactSummary.between(catalog.plan(change.before()), catalog.plan(change.after()));
        compute(change.label(), work, true);
    }

    private void compute(String heading, Supplier<ImpactSummary> work, boolean isEdit) {
        licenseStream.cancel();
        licenses.set(null);
        licensesPending.set(false);
        licenseError.set("");
        busy.set(true);
        error.set("");
        title.set(heading);
        startedAt = System.nanoTime();
        computation.submit(work, result -> {
            lastLatencyNanos = System.nanoTime() - startedAt;
            busy.set(false);
            summary.set(result);
            if (isEdit) {
                lastEdit = result;
                lastEditTitle = heading;
                lastEditLicenses = null;
            }
            streamLicenses(result, isEdit);
        }, failure -> {
            busy.set(false);
            summary.set(null);
            error.set(failure.getMessage());
            if (isEdit) {
                lastEdit = null;
                lastEditTitle = heading;
            }
        });
    }

    /**
     * Streams the licenses entering and leaving with the sizes' answer: the store's snapshot at once,
     * then as copyright files are read; a newer question cancels it.
     */
    private void streamLicenses(ImpactSummary result, boolean isEdit) {
        PackageCatalog c = catalog.get();
        if (c == null || result.impact() == null) {
            return;
        }
        Path policyFile = policy.get();
        licensesPending.set(true);
        licenseError.set("");
        licenseStream.submit(sink -> c.licenseImpact(result.impact(), policyFile, sink, e -> { }), batch -> {
            LicenseImpact latest = batch.get(batch.size() - 1);
            licenses.set(latest);
            licensesPending.set(!latest.complete());
            if (isEdit) {
                lastEditLicenses = latest;
            }
            if (latest.complete()) {
                licensesCompleteNanos = System.nanoTime() - startedAt;
            }
        }, () -> licensesPending.set(false), failure -> {
            licensesPending.set(false);
            licenseError.set(failure.getMessage());
        });
    }

    /** Time from the question to the last license snapshot of the last computation, for the benchmark. */
    public long licensesCompleteNanos() {
        return licensesCompleteNanos;
    }

    /** The license snapshot shown: entering, leaving, categories, findings, pending; null until the first. */
    public ReadOnlyObjectProperty<LicenseImpact> licensesProperty() {
        return licenses.getReadOnlyProperty();
    }

    /** Whether licenses are still being read for the impact shown (the pane's small spinner). */
    public ReadOnlyBooleanProperty licensesPendingProperty() {
        return licensesPending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty licenseErrorProperty() {
        return licenseError.getReadOnlyProperty();
    }

    /** The license policy file whose findings are listed; null for none (the default). */
    public ObjectProperty<Path> policyProperty() {
        return policy;
    }

    /** Time from the question to the answer of the last computation, for the benchmark. */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    public ReadOnlyObjectProperty<ImpactSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }
}
