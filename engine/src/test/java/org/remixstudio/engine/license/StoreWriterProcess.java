package org.remixstudio.engine.license;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A separate process for {@code LicenseStoreTest}: writes {@code COUNT} results named {@code PREFIX-i}
 * into the store in {@code DIR}, one transaction each, while other processes do the same.
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        SpdxLicenseList list = SpdxLicenseList.bundled();
        try (LicenseStore store = LicenseStore.open(dir, list)) {
            for (int i = 0; i < count; i++) {
                store.put(new SourceLicense(new SourceKey(prefix + "-" + i, "1.0"),
                        Optional.of(new SpdxExpression.License("MIT")), new TreeSet<>(java.util.List.of("MIT")),
                        Evidence.DECLARED, "", prefix + "-" + i));
                store.find(new SourceKey(prefix + "-" + (i / 2), "1.0"));
            }
        }
    }
}
