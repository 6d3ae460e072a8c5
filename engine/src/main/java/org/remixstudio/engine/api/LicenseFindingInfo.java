package org.remixstudio.engine.api;

import java.util.List;

/**
 * One license of one package that a policy warns about or denies.
 *
 * @param action   {@code warn} or {@code deny}
 * @param pkg      the package
 * @param version  its version
 * @param layer    the layer that brought it in
 * @param license  the SPDX expression judged
 * @param category its category
 * @param rule     the policy rule that decided (an SPDX id, a category, or {@code default})
 * @param scope    {@code main} (the package's license) or {@code other-files} (a license the copyright file names
 *                 for some files only; at most a warning)
 * @param chain    why the package is in the image, from what was asked for (or the base) down to it
 */
public record LicenseFindingInfo(String action, String pkg, String version, String layer, String license,
                                 String category, String rule, String scope, List<String> chain) {

    public LicenseFindingInfo {
        chain = List.copyOf(chain);
    }
}
