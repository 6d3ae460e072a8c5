package org.remixstudio.app.catalog;

import java.util.List;
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
import org.remixstudio.engine.api.PackageLicenseInfo;
import org.remixstudio.engine.api.PlannedPackage;

/**
 * The details of the package selected in the catalog or in the layer stack: description, version,
 * sizes, its license (how it was found, why it is unknown), why the remix installs it (the reason the
 * plan gives) and what else in the remix needs it.
 * Looked up in the background; selecting another package cancels the lookup before.
 */
public final class PackageDetailsViewModel {

    private final LatestOnly<Optional<Found>> lookup;
    private final ReadOnlyObjectWrapper<PackageInfo> info = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Select a package to see its details");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Map<String, PlannedPackage> installed = Map.of();
    private Map<String, PackageLicenseInfo> licenses = Map.of();

    /** A package's fields and its license as the store knows it (null when not). */
    private record Found(PackageDetails details, PackageLicenseInfo license) {
    }

    private final ReadOnlyObjectProperty<PackageCatalog> catalog;

    public PackageDetailsViewModel(ReadOnlyObjectProperty<PackageCatalog> catalog, BackgroundRunner runner) {
        this.catalog = catalog;
        this.lookup = new LatestOnly<>(runner, "package details");
    }

    public void setInstalled(Map<String, PlannedPackage> packages) {
        installed = Map.copyOf(packages);
        PackageInfo current = info.get();
        if (current != null) {
            info.set(of(current.details(), current.license().orElse(null)));
        }
    }

    /** Called by the layer stack as the licenses of the remix's packages become known. */
    public void setLicenses(Map<String, PackageLicenseInfo> known) {
        licenses = Map.copyOf(known);
        PackageInfo current = info.get();
        if (current != null && current.license().isEmpty()) {
            info.set(of(current.details(), null));
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
        lookup.submit(() -> catalog.show(name).map(d -> new Found(d, catalog.knownLicenses(List.of(
                new PlannedPackage(d.name(), d.version(), d.architecture(), "", "", "", d.installedSize(), d.size(),
                        false, ""))).get(d.name()))), found -> {
            busy.set(false);
            if (found.isPresent()) {
                info.set(of(found.get().details(), found.get().license()));
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

    private PackageInfo of(PackageDetails d, PackageLicenseInfo stored) {
        PackageLicenseInfo l = stored;
        PackageLicenseInfo inRemix = licenses.get(d.name());
        if (l == null && inRemix != null && inRemix.version().equals(d.version())) {
            l = inRemix;
        }
        return new PackageInfo(d, Optional.ofNullable(installed.get(d.name())),
                d.reverseDependencies().stream().filter(installed::containsKey).toList(), Optional.ofNullable(l));
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
