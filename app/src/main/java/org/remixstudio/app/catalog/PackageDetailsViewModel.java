package org.remixstudio.app.catalog;

import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.app.tasks.LatestOnly;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.PackageDetails;
import org.remixstudio.engine.api.PlannedPackage;

/**
 * The details of the package selected in the catalog or in the layer stack: description, version,
 * sizes, why the remix installs it (the reason the plan gives) and what else in the remix needs it.
 * Looked up in the background; selecting another package cancels the lookup before.
 */
public final class PackageDetailsViewModel {

    private final LatestOnly<Optional<PackageDetails>> lookup;
    private final ReadOnlyObjectWrapper<PackageInfo> info = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Select a package to see its details");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Map<String, PlannedPackage> installed = Map.of();

    private final ReadOnlyObjectProperty<PackageCatalog> catalog;

    public PackageDetailsViewModel(ReadOnlyObjectProperty<PackageCatalog> catalog, BackgroundRunner runner) {
        this.catalog = catalog;
        this.lookup = new LatestOnly<>(runner);
    }

    public void setInstalled(Map<String, PlannedPackage> packages) {
        installed = Map.copyOf(packages);
        PackageInfo current = info.get();
        if (current != null) {
            info.set(of(current.details()));
        }
    }

    /** Shows {@code name}; null clears the pane. */
    public void show(String name) {
        PackageCatalog catalog = this.catalog.get();
        if (name == null || catalog == null) {
            lookup.cancel();
            info.set(null);
            return;
        }
        busy.set(true);
        lookup.submit(() -> catalog.show(name), found -> {
            busy.set(false);
            if (found.isPresent()) {
                info.set(of(found.get()));
            } else {
                info.set(null);
                placeholder.set(name + " is not in this remix's sources");
            }
        }, failure -> {
            busy.set(false);
            info.set(null);
            placeholder.set(failure.getMessage());
        });
    }

    private PackageInfo of(PackageDetails d) {
        return new PackageInfo(d, Optional.ofNullable(installed.get(d.name())),
                d.reverseDependencies().stream().filter(installed::containsKey).toList());
    }

    public ReadOnlyObjectProperty<PackageInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
