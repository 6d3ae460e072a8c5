package org.remixstudio.engine.api;

import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.license.CopyrightAnalyzer;
import org.remixstudio.engine.license.CopyrightExtractor;
import org.remixstudio.engine.license.LicenseScanner;
import org.remixstudio.engine.license.LicenseStore;
import org.remixstudio.engine.license.SpdxLicenseList;
import org.remixstudio.engine.license.SpdxNormalizer;

/**
 * Wires a {@link LicenseScanner} for the facade: the settings' license store and package cache, the
 * bundled SPDX list, and the catalog for copyright files that live in another package. The caller closes
 * the returned store when done ({@link Open#close()}); {@code known} and {@code scanMissing} of the scanner
 * are what the impact stream uses.
 */
final class LicenseScanning {

    /** A scanner and the store it writes to. */
    record Open(LicenseScanner scanner, LicenseStore store, SpdxLicenseList list) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    private LicenseScanning() {
    }

    static Open open(EngineSettings settings, Catalog catalog) {
        SpdxLicenseList list = SpdxLicenseList.bundled();
        LicenseStore store = LicenseStore.open(settings.dataDir(), list);
        LicenseScanner scanner = new LicenseScanner(store,
                new DebFetcherSource(DebFetcher.create(settings.cacheDir().resolve("debs")), settings.offline()),
                new CopyrightExtractor(CopyrightExtractor.DEFAULT_MAX_BYTES),
                new CopyrightAnalyzer(new SpdxNormalizer(list)), catalog::candidate, LicenseScanner.DEFAULT_PARALLELISM);
        return new Open(scanner, store, list);
    }
}
