package org.remixstudio.engine.license.policy;

import java.util.List;

/**
 * One license of one package that a policy warns about or denies.
 *
 * @param action   {@link PolicyAction#WARN} or {@link PolicyAction#DENY}
 * @param pkg      the binary package
 * @param version  its version
 * @param layer    the layer that brought it in
 * @param license  the SPDX expression the verdict is about (the package's main license, or one license mentioned
 *                 for some of its files)
 * @param category that license's category
 * @param rule     the policy rule that decided: an SPDX id, a category, or {@code default}
 * @param scope    {@link Scope#MAIN} for the package's own license, {@link Scope#OTHER_FILES} for a license the
 *                 copyright file names for some files only
 * @param chain    why the package is in the image, from what was asked for down to it
 */
public record PolicyFinding(PolicyAction action, String pkg, String version, String layer, String license,
                            String category, String rule, Scope scope, List<String> chain) {

    /** Whether a finding is about the package's main license or a license of some of its files. */
    public enum Scope { MAIN, OTHER_FILES }

    public PolicyFinding {
        chain = List.copyOf(chain);
    }
}
