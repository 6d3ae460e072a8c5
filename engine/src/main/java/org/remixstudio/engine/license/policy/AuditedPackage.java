package org.remixstudio.engine.license.policy;

import java.util.List;
import org.remixstudio.engine.license.PackageLicense;

/**
 * A package of a remix with what a policy finding must name besides its license.
 *
 * @param license the package's licenses
 * @param layer   the layer that brought it in ({@code base} for the base variant)
 * @param chain   why it is there: from what was asked for (or the base) down to the package, one step each
 */
public record AuditedPackage(PackageLicense license, String layer, List<String> chain) {

    public AuditedPackage {
        chain = List.copyOf(chain);
    }
}
