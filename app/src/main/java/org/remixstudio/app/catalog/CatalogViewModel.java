package org.remixstudio.app.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.app.tasks.LatestOnly;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.PackageLicenseInfo;
import org.remixstudio.engine.api.PackageSummary;
import org.remixstudio.engine.api.PlannedPackage;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * The catalog pane: loads the packages of the remix's sources, suite and architecture (with a
 * progress bar the first time, from the cache later), and searches them as the user types, with a
 * section filter and an "installed in this remix" filter. The loaded {@link PackageCatalog} is
 * shared with the other panes through {@link #catalogProperty()}.
 */
public final class CatalogViewModel {

    /** The section filter's value for "no filter". */
    public static final String ALL_SECTIONS = "All sections";
    private static final int SEARCH_LIMIT = 400;

    private final RemixEngine engine;
    private final BackgroundRunner runner;
    private final LatestOnly<List<PackageSummary>> search;
    private final LatestOnly<Map<String, PackageLicenseInfo>> licenseLookup;

    private final ReadOnlyObjectWrapper<PackageCatalog> catalog = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty section = new SimpleStringProperty(ALL_SECTIONS);
    private final BooleanProperty installedOnly = new SimpleBooleanProperty();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final ObservableList<CatalogRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> sections = FXCollections.observableArrayList();

    private Map<String, PlannedPackage> installed = Map.of();
    private Map<String, PackageLicenseInfo> remixLicenses = Map.of();
    private Map<String, PackageLicenseInfo> hitLicenses = Map.of();
    private List<PackageSummary> hits = List.of();
    private Task<PackageCatalog> loadTask;
    private String loadedKey;

    public CatalogViewModel(RemixEngine engine, BackgroundRunner runner) {
        this.engine = engine;
        this.runner = runner;
        this.search = new LatestOnly<>(runner, "catalog search");
        this.licenseLookup = new LatestOnly<>(runner, "catalog hit licenses");
        sections.add(ALL_SECTIONS);
        sections.addAll(DebianSections.ALL);
        query.addListener((o, a, b) -> runSearch());
        section.addListener((o, a, b) -> refreshRows());
        installedOnly.addListener((o, a, b) -> refreshRows());
    }

    // ---- loading

    /**
     * Loads the catalog the settings name (the host's sources) when nothing is loaded yet; the
     * studio does this at start, before it knows which suite the first remix is for.
     */
    public Task<PackageCatalog> loadDefault(Consumer<PackageCatalog> onLoaded) {
        return startLoad(null, p -> engine.loadCatalog(p), onLoaded);
    }

    /** Loads the catalog for the remix's sources, suite and architecture, unless it is the loaded one. */
    public Task<PackageCatalog> loadFor(RemixSpec spec, Consumer<PackageCatalog> onLoaded) {
        String key = key(spec);
        if (key.equals(loadedKey) && catalog.get() != null) {
            onLoaded.accept(catalog.get());
            return null;
        }
        return startLoad(key, p -> engine.loadCatalog(spec, p), onLoaded);
    }

    /** After {@link #loadDefault}: the remix the default catalog was loaded for. */
    public void adopt(RemixSpec spec) {
        loadedKey = key(spec);
    }

    private static String key(RemixSpec spec) {
        return spec.sources() + "|" + spec.suite() + "|" + spec.architecture();
    }

    private interface Loader {
        PackageCatalog load(Consumer<ProgressEvent> progress);
    }

    private Task<PackageCatalog> startLoad(String key, Loader loader, Consumer<PackageCatalog> onLoaded) {
        if (loadTask != null) {
            loadTask.cancel(true);
        }
        Task<PackageCatalog> task = new Task<>() {
            @Override
            protected PackageCatalog call() {
                PackageCatalog loaded = loader.load(e -> {
                    updateMessage(describe(e));
                    double f = e.fraction();
                    if (f < 0) {
                        updateProgress(-1, 1);
                    } else {
                        updateProgress(f, 1);
                    }
                });
                // The catalog builds its name index on first use; counting names here builds it in
                // the background rather than in the FX thread's first summary (about 50 ms for bookworm).
                loaded.size();
                return loaded;
            }
        };
        loadTask = task;
        loading.set(true);
        error.set("");
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            if (loadTask != task) {
                return;
            }
            finishLoad();
            loadedKey = key;
            PackageCatalog c = task.getValue();
            catalog.set(c);
            status.set("");
            runSearch();
            onLoaded.accept(c);
        });
        task.setOnFailed(e -> {
            if (loadTask != task) {
                return;
            }
            finishLoad();
            error.set(task.getException().getMessage());
        });
        task.setOnCancelled(e -> finishLoad());
        return runner.run("catalog load", task);
    }

    private void finishLoad() {
        progress.unbind();
        status.unbind();
        progress.set(1);
        loading.set(false);
    }

    private static String describe(ProgressEvent e) {
        String what = switch (e.step()) {
            case "release" -> "Checking the signed release files";
            case "fetch" -> "Downloading the package index";
            case "parse" -> "Reading the package index";
            case "verify" -> "Verifying";
            default -> e.step();
        };
        String amount = e.total() > 0 && e.unit() == ProgressEvent.Unit.BYTES
                ? " (" + SizeText.bytes(e.done()) + " of " + SizeText.bytes(e.total()) + ")" : "";
        return what + amount + (e.detail().isEmpty() ? "" : " — " + shortDetail(e.detail()));
    }

    private static String shortDetail(String detail) {
        int slash = detail.lastIndexOf('/', detail.length() - 2);
        return detail.length() > 60 && slash > 0 ? "…" + detail.substring(slash) : detail;
    }

    // ---- searching

    /** Called by the layer stack whenever the remix's package set is known anew. */
    public void setInstalled(Map<String, PlannedPackage> packages) {
        installed = Map.copyOf(packages);
        refreshRows();
    }

    public boolean isInstalled(String name) {
        return installed.containsKey(name);
    }

    private void runSearch() {
        PackageCatalog c = catalog.get();
        String text = query.get().strip();
        if (c == null || text.isEmpty()) {
            search.cancel();
            hits = List.of();
            refreshRows();
            return;
        }
        search.submit(() -> c.search(text, SEARCH_LIMIT), result -> {
            hits = result;
            refreshRows();
            lookUpLicenses(c, result);
        }, failure -> {
            hits = List.of();
            error.set(failure.getMessage());
            refreshRows();
        });
    }

    /** The badges of search hits: only what the license store knows (no copyright file is read for a search). */
    private void lookUpLicenses(PackageCatalog c, List<PackageSummary> found) {
        List<PlannedPackage> asked = found.stream().map(s -> new PlannedPackage(s.name(), s.version(), s.architecture(),
                "", "", "", s.installedSize(), s.size(), false, "")).toList();
        licenseLookup.submit(() -> c.knownLicenses(asked), known -> {
            hitLicenses = Map.copyOf(known);
            refreshRows();
        }, failure -> { });
    }

    /** Called by the layer stack as the licenses of the remix's packages become known. */
    public void setLicenses(Map<String, PackageLicenseInfo> licenses) {
        remixLicenses = Map.copyOf(licenses);
        refreshRows();
    }

    /** The license of that package version as known, or null. */
    PackageLicenseInfo license(String name, String version) {
        PackageLicenseInfo l = remixLicenses.get(name);
        if (l == null || !l.version().equals(version)) {
            l = hitLicenses.get(name);
        }
        return l != null && l.version().equals(version) ? l : null;
    }

    private void refreshRows() {
        String sec = section.get();
        boolean onlyInstalled = installedOnly.get();
        List<CatalogRow> out = new ArrayList<>();
        if (query.get().isBlank()) {
            if (onlyInstalled) {
                installed.values().stream().sorted(Comparator.comparing(PlannedPackage::name))
                        .forEach(p -> out.add(new CatalogRow(p.name(), p.version(), "", p.installedSize(), p.size(),
                                p.reason(), true, license(p.name(), p.version()))));
            }
        } else {
            for (PackageSummary s : hits) {
                boolean in = installed.containsKey(s.name());
                if (onlyInstalled && !in) {
                    continue;
                }
                if (sec != null && !ALL_SECTIONS.equals(sec) && !DebianSections.plain(s.section()).equals(sec)) {
                    continue;
                }
                out.add(new CatalogRow(s.name(), s.version(), s.section(), s.installedSize(), s.size(),
                        s.shortDescription(), in, license(s.name(), s.version())));
            }
        }
        // licenses and installed sets arrive often and mostly leave the hits as they were: an unchanged list
        // is not handed to the list view again, which would update every visible cell
        if (!rows.equals(out)) {
            rows.setAll(out);
        }
        PackageCatalog c = catalog.get();
        if (c == null) {
            summary.set("");
        } else if (query.get().isBlank() && !onlyInstalled) {
            summary.set("Type to search " + SizeText.count(c.size()) + " packages");
        } else {
            summary.set(SizeText.count(out.size()) + (out.size() >= SEARCH_LIMIT ? "+" : "") + " packages");
        }
    }

    // ---- properties

    public ReadOnlyObjectProperty<PackageCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    public PackageCatalog catalog() {
        return catalog.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty sectionProperty() {
        return section;
    }

    public BooleanProperty installedOnlyProperty() {
        return installedOnly;
    }

    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ObservableList<CatalogRow> rows() {
        return rows;
    }

    public ObservableList<String> sections() {
        return sections;
    }

    /** Whether a search is still running (tests wait on it). */
    public boolean searching() {
        return search.busy();
    }
}
