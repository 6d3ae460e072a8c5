package org.remixstudio.app.catalog;

import java.util.List;
import java.util.Optional;
import org.remixstudio.engine.api.PackageDetails;
import org.remixstudio.engine.api.PackageLicenseInfo;
import org.remixstudio.engine.api.PlannedPackage;

/**
 * What the details pane shows about one package: the index's fields, and where the open remix
 * stands with it.
 *
 * @param planned      the package as the remix installs it (layer and reason), empty when it does not
 * @param neededHere   installed packages of the remix that depend on it
 * @param license      its license, how it was found and why it is unknown; empty while not known
 */
public record PackageInfo(PackageDetails details, Optional<PlannedPackage> planned, List<String> neededHere,
                          Optional<PackageLicenseInfo> license) {
}
