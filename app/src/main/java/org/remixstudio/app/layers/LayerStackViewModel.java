package org.remixstudio.app.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.document.SpecEdits;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.app.tasks.LatestOnly;
import org.remixstudio.app.tasks.LatestStream;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.LayerEdit;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.PackageLicenseInfo;
import org.remixstudio.engine.api.PlannedLayer;
import org.remixstudio.engine.api.PlannedPackage;
import org.remixstudio.engine.api.RemixPlan;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * The layer stack: the open remix planned layer by layer by the engine (sizes, the packages each
 * layer asked for, the dependencies they pulled in), and every edit of layers and their packages.
 * The stack shows the spec's layers at once and fills in the figures when the plan arrives; a new
 * edit cancels a plan still running for the one before.
 */
public final class LayerStackViewModel {

    public static final String BASE = "base";

    /** The name of the preview layer of what a VM disk export adds (the engine's layer name). */
    public static final String VM_ESSENTIALS = "vm-essentials";

    private final DocumentViewModel document;
    private final ReadOnlyObjectProperty<PackageCatalog> catalog;
    private final LatestOnly<RemixPlan> planner;
    private final LatestOnly<Essentials> essentialsPlanner;
    private final ObjectProperty<String> vmKernel = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PlannedLayer> essentials = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper essentialsError = new ReadOnlyStringWrapper("");
    /** What the license store knew of the preview's packages when it was planned. */
    private Map<String, PackageLicenseInfo> essentialsLicenses = Map.of();
    /** The plan of the spec shown, null while it is being planned. */
    private RemixPlan shownPlan;
    private final ObservableList<LayerItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RemixPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> selectedLayer = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedPackage = new SimpleObjectProperty<>();
    private final List<Consumer<Map<String, PlannedPackage>>> installedListeners = new ArrayList<>();
    private final LatestStream<PackageLicenseInfo> licenseStream;
    private final ReadOnlyObjectWrapper<Map<String, PackageLicenseInfo>> licenses =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper licensesPending = new ReadOnlyBooleanWrapper();

    public LayerStackViewModel(DocumentViewModel document, ReadOnlyObjectProperty<PackageCatalog> catalog,
                               BackgroundRunner runner, BackgroundRunner licenseRunner) {
        this.document = document;
        this.catalog = catalog;
        this.planner = new LatestOnly<>(runner, "plan");
        this.essentialsPlanner = new LatestOnly<>(runner, "vm-essentials plan");
        this.licenseStream = new LatestStream<>(licenseRunner, "layer licenses");
        document.specProperty().addListener((o, a, b) -> replan());
        catalog.addListener((o, a, b) -> replan());
        vmKernel.addListener((o, a, b) -> replanEssentials());
    }

    /** Called with the remix's final package set after every plan. */
    public void onInstalled(Consumer<Map<String, PlannedPackage>> listener) {
        installedListeners.add(listener);
    }

    private void replan() {
        RemixSpec spec = document.spec();
        if (spec == null) {
            items.clear();
            return;
        }
        shownPlan = null;
        keepSelection(spec);
        replanEssentials();
        PackageCatalog c = catalog.get();
        if (c == null) {
            return;
        }
        planning.set(true);
        planner.submit(() -> c.plan(spec), result -> {
            planning.set(false);
            error.set("");
            plan.set(result);
            shownPlan = result;
            publish();
            Map<String, PlannedPackage> set = new LinkedHashMap<>();
            result.packages().forEach(p -> set.put(p.name(), p));
            installedListeners.forEach(l -> l.accept(set));
            streamLicenses(c, spec, result);
        }, failure -> {
            planning.set(false);
            error.set(failure.getMessage());
        });
    }

    /**
     * Plans the preview of what a VM disk export adds, when a disk format is chosen ({@link
     * #vmKernelProperty()} set): the engine's own {@code vm-essentials} layer on top of the remix, with the
     * licenses the store already knows of its packages (store only: a preview must not fetch a kernel
     * {@code .deb} just to colour a stripe).
     */
    private void replanEssentials() {
        RemixSpec spec = document.spec();
        PackageCatalog c = catalog.get();
        String flavour = vmKernel.get();
        essentials.set(null);
        essentialsError.set("");
        essentialsLicenses = Map.of();
        if (spec == null || c == null || flavour == null) {
            essentialsPlanner.cancel();
            publish();
            return;
        }
        publish();
        essentialsPlanner.submit(() -> {
            PlannedLayer layer = c.vmEssentials(spec, flavour);
            return new Essentials(layer, knownLicenses(c, layer));
        }, planned -> {
            essentialsLicenses = planned.licenses();
            essentials.set(planned.layer());
            publish();
        }, failure -> {
            essentialsError.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            publish();
        });
    }

    /** The preview's plan and the licenses the store knows of its packages. */
    private record Essentials(PlannedLayer layer, Map<String, PackageLicenseInfo> licenses) {
    }

    private static Map<String, PackageLicenseInfo> knownLicenses(PackageCatalog c, PlannedLayer layer) {
        try {
            return c.knownLicenses(layer.added());
        } catch (EngineException e) {
            // the preview's packages and sizes matter more than its stripe; the remix's own license
            // stream reports a broken license store
            return Map.of();
        }
    }

    /** The stack shown: the spec's layers with the figures of their plan, and the export's preview on top. */
    private void publish() {
        RemixSpec spec = document.spec();
        if (spec == null) {
            items.clear();
            return;
        }
        List<LayerItem> list = new ArrayList<>(fromSpec(spec, shownPlan, licenses.get()));
        if (vmKernel.get() != null) {
            Map<String, PackageLicenseInfo> known = new HashMap<>(licenses.get());
            known.putAll(essentialsLicenses);
            list.add(preview(essentials.get(), known));
        }
        items.setAll(list);
    }

    /**
     * The preview layer: what the export asks for as chips, what they pull in as dependencies, its license
     * mix from {@code licenses} (packages not read yet count as pending); empty until planned.
     */
    static LayerItem preview(PlannedLayer layer, Map<String, PackageLicenseInfo> licenses) {
        if (layer == null) {
            return new LayerItem(VM_ESSENTIALS, false, List.of(), List.of(), List.of(), 0, 0, 0, Map.of(), true);
        }
        return new LayerItem(VM_ESSENTIALS, false, layer.added().stream().filter(PlannedPackage::requested).toList(),
                layer.added().stream().filter(p -> !p.requested()).toList(), layer.removed(), layer.installedSize(),
                layer.downloadSize(), layer.totalInstalledSize(), mix(layer.added(), licenses), true);
    }

    /**
     * The licenses of the plan's packages for the layers' stripes: what the store knows at once, the rest as
     * copyright files are read. A newer plan cancels the stream; licenses already known are kept.
     */
    private void streamLicenses(PackageCatalog c, RemixSpec spec, RemixPlan result) {
        List<PlannedPackage> packages = result.packages();
        licensesPending.set(true);
        licenseStream.submit(sink -> c.licenses(packages, sink, e -> { }), batch -> {
            Map<String, PackageLicenseInfo> next = new HashMap<>(licenses.get());
            batch.forEach(l -> next.put(l.name(), l));
            licenses.set(Map.copyOf(next));
            if (document.spec() == spec) {
                publish();
            }
        }, () -> licensesPending.set(false), failure -> {
            licensesPending.set(false);
            error.set(failure.getMessage());
        });
    }

    private void keepSelection(RemixSpec spec) {
        String sel = selectedLayer.get();
        boolean exists = sel != null && (sel.equals(BASE) || spec.layers().stream().anyMatch(l -> l.name().equals(sel)));
        if (!exists) {
            selectedLayer.set(spec.layers().isEmpty() ? BASE : spec.layers().get(spec.layers().size() - 1).name());
        }
    }

    /**
     * Base first; figures from the plan when there is one, license mixes from {@code licenses} (by package
     * name; a package whose license is missing there, or known for another version, counts as pending).
     */
    static List<LayerItem> fromSpec(RemixSpec spec, RemixPlan plan, Map<String, PackageLicenseInfo> licenses) {
        List<LayerItem> out = new ArrayList<>();
        Optional<PlannedLayer> base = plan == null ? Optional.empty() : plan.layer(BASE);
        out.add(new LayerItem(BASE, true, List.of(), base.map(PlannedLayer::added).orElse(List.of()), List.of(),
                base.map(PlannedLayer::installedSize).orElse(0L), base.map(PlannedLayer::downloadSize).orElse(0L),
                base.map(PlannedLayer::totalInstalledSize).orElse(0L),
                mix(base.map(PlannedLayer::added).orElse(List.of()), licenses)));
        for (LayerSpec layer : spec.layers()) {
            Optional<PlannedLayer> planned = plan == null ? Optional.empty() : plan.layer(layer.name());
            Map<String, PlannedPackage> added = new HashMap<>();
            planned.ifPresent(p -> p.added().forEach(a -> added.put(a.name(), a)));
            List<PlannedPackage> requested = new ArrayList<>();
            for (PackageRef ref : layer.add()) {
                PlannedPackage p = added.remove(ref.name());
                requested.add(p != null ? p : new PlannedPackage(ref.name(), ref.version().orElse(""), "", "", "",
                        layer.name(), 0, 0, true, "requested"));
            }
            List<PlannedPackage> deps = planned.map(p -> p.added().stream().filter(a -> added.containsKey(a.name()))
                    .toList()).orElse(List.of());
            out.add(new LayerItem(layer.name(), false, requested, deps,
                    planned.map(PlannedLayer::removed).orElse(layer.remove()),
                    planned.map(PlannedLayer::installedSize).orElse(0L),
                    planned.map(PlannedLayer::downloadSize).orElse(0L),
                    planned.map(PlannedLayer::totalInstalledSize).orElse(0L),
                    mix(planned.map(PlannedLayer::added).orElse(List.of()), licenses)));
        }
        return out;
    }

    /** Packages per license category; {@code pending} for those whose license is not known yet. */
    static Map<String, Integer> mix(List<PlannedPackage> packages, Map<String, PackageLicenseInfo> licenses) {
        Map<String, Integer> out = new HashMap<>();
        for (PlannedPackage p : packages) {
            PackageLicenseInfo l = licenses.get(p.name());
            String category = l == null || !l.version().equals(p.version()) ? "pending" : l.category();
            out.merge(category, 1, Integer::sum);
        }
        return out;
    }

    // ---- edits (each one goes through the document, so it can be undone)

    public Optional<String> addPackage(String layer, String pkg) {
        if (VM_ESSENTIALS.equals(layer) && vmKernel.get() != null) {
            return refuse("The vm-essentials layer is what a VM disk export adds and is not part of the remix;"
                    + " add the package to a layer of the remix");
        }
        if (BASE.equals(layer)) {
            return refuse("The base is the " + document.spec().variant().label()
                    + " variant and takes no packages; add the package to a layer above it");
        }
        return document.apply("Add " + pkg + " to " + layer, s -> SpecEdits.addPackage(s, layer, pkg),
                LayerEdit.add(layer, pkg));
    }

    public Optional<String> removePackage(String layer, String pkg) {
        if (BASE.equals(layer)) {
            String top = topLayer().orElse(null);
            if (top == null) {
                return refuse("Add a layer first: a layer above the base removes base packages");
            }
            layer = top;
        }
        String in = layer;
        return document.apply("Remove " + pkg + " from " + in, s -> SpecEdits.removePackage(s, in, pkg),
                LayerEdit.remove(in, pkg));
    }

    /** Adds an empty layer on top, selects it and returns its name. */
    public String addLayer() {
        String name = SpecEdits.freshLayerName(document.spec());
        document.apply("Add layer " + name, s -> SpecEdits.addLayer(s, name), null);
        selectedLayer.set(name);
        return name;
    }

    public Optional<String> renameLayer(String layer, String newName) {
        Optional<String> problem = document.apply("Rename layer " + layer + " to " + newName,
                s -> SpecEdits.renameLayer(s, layer, newName.strip()), null);
        if (problem.isEmpty()) {
            selectedLayer.set(newName.strip());
        }
        return problem;
    }

    /** Moves a layer up ({@code +1}) or down ({@code -1}) the stack. */
    public Optional<String> moveLayer(String layer, int by) {
        int index = SpecEdits.indexOf(document.spec(), layer) + by;
        return moveLayerTo(layer, index);
    }

    public Optional<String> moveLayerTo(String layer, int index) {
        if (index < 0 || index >= document.spec().layers().size()) {
            return refuse("Layer '" + layer + "' is already at the " + (index < 0 ? "bottom" : "top")
                    + (index < 0 ? " (the base stays below every layer)" : ""));
        }
        return document.apply("Move layer " + layer, s -> SpecEdits.moveLayer(s, layer, index), null);
    }

    public Optional<String> mergeDown(String layer) {
        return document.apply("Merge layer " + layer + " down", s -> SpecEdits.mergeDown(s, layer), null);
    }

    public Optional<String> deleteLayer(String layer) {
        return document.apply("Delete layer " + layer, s -> SpecEdits.deleteLayer(s, layer), null);
    }

    private Optional<String> refuse(String why) {
        document.messageProperty().set(why);
        return Optional.of(why);
    }

    /** The base variant's name, for the base layer's caption. */
    public String variantLabel() {
        return document.spec() == null ? "" : document.spec().variant().label();
    }

    public Optional<String> topLayer() {
        List<LayerSpec> layers = document.spec().layers();
        return layers.isEmpty() ? Optional.empty() : Optional.of(layers.get(layers.size() - 1).name());
    }

    /** The spec layers' names, bottom first (for "Add to layer…"). */
    public List<String> editableLayers() {
        return document.spec().layers().stream().map(LayerSpec::name).toList();
    }

    // ---- properties

    /**
     * The kernel flavour of the VM disk export chosen in Build &amp; export ({@code cloud},
     * {@code generic}), or null when the output is not a disk: then no preview layer is shown.
     */
    public ObjectProperty<String> vmKernelProperty() {
        return vmKernel;
    }

    /** The planned preview of what the VM export adds, null while planning or when none is shown. */
    public ReadOnlyObjectProperty<PlannedLayer> essentialsProperty() {
        return essentials.getReadOnlyProperty();
    }

    /** Why the preview could not be planned (e.g. no kernel in the sources), else empty. */
    public ReadOnlyStringProperty essentialsErrorProperty() {
        return essentialsError.getReadOnlyProperty();
    }

    public ObservableList<LayerItem> items() {
        return items;
    }

    /** The licenses known so far of the remix's packages, by name. */
    public ReadOnlyObjectProperty<Map<String, PackageLicenseInfo>> licensesProperty() {
        return licenses.getReadOnlyProperty();
    }

    /** Whether licenses of the plan's packages are still being read. */
    public ReadOnlyBooleanProperty licensesPendingProperty() {
        return licensesPending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RemixPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<String> selectedLayerProperty() {
        return selectedLayer;
    }

    public ObjectProperty<String> selectedPackageProperty() {
        return selectedPackage;
    }
}
