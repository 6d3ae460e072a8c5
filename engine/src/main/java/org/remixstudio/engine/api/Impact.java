package org.remixstudio.engine.api;

import java.util.List;

/**
 * What a {@link LayerEdit} does to a remix, before anything is built.
 *
 * @param before          the remix as it is
 * @param after           the remix with the edit
 * @param added           packages the image gains (or gets in another version), with the layer installing them
 * @param removed         packages the image loses, with the layer that had installed them
 * @param installedDelta  KiB, after minus before
 * @param downloadDelta   bytes of {@code .deb}s, after minus before
 */
public record Impact(RemixPlan before, RemixPlan after, List<PlannedPackage> added, List<PlannedPackage> removed,
                     long installedDelta, long downloadDelta) {

    public Impact {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
