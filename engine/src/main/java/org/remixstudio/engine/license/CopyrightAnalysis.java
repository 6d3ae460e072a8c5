package org.remixstudio.engine.license;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a copyright file says about licenses.
 *
 * @param main     the license of the package as a whole: the {@code Files: *} stanza's, else the header's,
 *                 else the first license found; empty when unknown
 * @param all      every license id the file mentions (exceptions left out)
 * @param evidence how {@code main} was found
 * @param reason   why the license is unknown, or a note on how it was chosen; may be empty
 * @param similar  for a {@code LicenseRef-} name the file declares with a text the detector recognizes as one
 *                 SPDX license: that license ({@code LicenseRef-BSD-variant} → {@code BSD-3-Clause}); used for
 *                 categories only, the declared name stays
 */
public record CopyrightAnalysis(Optional<SpdxExpression> main, SortedSet<String> all, Evidence evidence,
                                String reason, SortedMap<String, String> similar) {

    public CopyrightAnalysis {
        all = Collections.unmodifiableSortedSet(new TreeSet<>(all));
        similar = Collections.unmodifiableSortedMap(new TreeMap<>(similar));
    }

    public static CopyrightAnalysis unknown(String reason) {
        return new CopyrightAnalysis(Optional.empty(), new TreeSet<>(), Evidence.UNKNOWN, reason, new TreeMap<>());
    }

    static CopyrightAnalysis of(SpdxExpression main, Set<String> all, Evidence evidence, String note,
                                Map<String, String> similar) {
        SortedSet<String> ids = new TreeSet<>(all);
        ids.addAll(main.licenseIds());
        return new CopyrightAnalysis(Optional.of(main), ids, evidence, note, new TreeMap<>(similar));
    }
}
