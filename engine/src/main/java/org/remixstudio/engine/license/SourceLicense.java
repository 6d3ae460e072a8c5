package org.remixstudio.engine.license;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The licenses of one source package version, as read from the copyright file of one of its binaries;
 * what the store keeps.
 *
 * @param key           source package and version
 * @param main          the main ({@code Files: *}) license, empty when unknown
 * @param licenses      every license id the copyright file mentions
 * @param evidence      how the main license was found
 * @param reason        why it is unknown, or a note; may be empty
 * @param copyrightFrom the binary package whose {@code /usr/share/doc/PKG/copyright} was read, empty if none
 * @param similar       {@code LicenseRef-} names whose text reads as an SPDX license ({@link CopyrightAnalysis#similar()})
 */
public record SourceLicense(SourceKey key, Optional<SpdxExpression> main, SortedSet<String> licenses,
                            Evidence evidence, String reason, String copyrightFrom, SortedMap<String, String> similar) {

    public SourceLicense {
        licenses = Collections.unmodifiableSortedSet(new TreeSet<>(licenses));
        similar = Collections.unmodifiableSortedMap(new TreeMap<>(similar));
    }

    /** A result without {@code LicenseRef-} likenesses. */
    public SourceLicense(SourceKey key, Optional<SpdxExpression> main, SortedSet<String> licenses, Evidence evidence,
                         String reason, String copyrightFrom) {
        this(key, main, licenses, evidence, reason, copyrightFrom, new TreeMap<>());
    }

    static SourceLicense of(SourceKey key, CopyrightAnalysis a, String copyrightFrom) {
        return new SourceLicense(key, a.main(), a.all(), a.evidence(), a.reason(), copyrightFrom, a.similar());
    }

    static SourceLicense unknown(SourceKey key, String reason) {
        return new SourceLicense(key, Optional.empty(), new TreeSet<>(), Evidence.UNKNOWN, reason, "");
    }
}
