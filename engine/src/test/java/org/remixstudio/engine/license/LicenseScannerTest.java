package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.FixtureDeb;
import org.remixstudio.engine.catalog.BinaryPackage;

/** The scanner over real fixture packages made with dpkg-deb and a real SQLite store. */
class LicenseScannerTest {

    @TempDir
    Path dir;

    private final Map<String, Path> files = new HashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private LicenseStore store;

    /** A package cache holding nothing: every package is "fetched" from the fixtures, unless broken. */
    private final DebSource source = new DebSource() {
        @Override
        public Optional<Path> cached(BinaryPackage pkg) {
            return Optional.empty();
        }

        @Override
        public Path fetch(BinaryPackage pkg) {
            fetches.incrementAndGet();
            Path p = files.get(pkg.name());
            if (p == null) {
                throw new EngineException("Package " + pkg.name() + ": the mirror is unreachable");
            }
            return p;
        }
    };

    @BeforeEach
    void openStore() {
        store = LicenseStore.open(dir.resolve("data"), SpdxLicenseList.bundled());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private LicenseScanner scanner(DebSource debs) {
        return new LicenseScanner(store, debs, new CopyrightExtractor(4096), CopyrightAnalyzer.standard(),
                name -> Optional.empty(), 3);
    }

    private BinaryPackage pkg(FixtureDeb deb, String name, String source, String section) throws Exception {
        Path file = deb.build(Files.createDirectories(dir.resolve(name)));
        files.put(name, file);
        return TestPackages.entry(name, "1.0-1", source, "1.0-1", section, file);
    }

    private static final String DEP5 = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\n"
            + "License: GPL-2+\n";

    @Test
    void missingLicenses_areReadOncePerSourceStoredAndThenKnown() throws Exception {
        BinaryPackage lib = pkg(FixtureDeb.of("libfoo1", "1.0-1").file("usr/share/doc/libfoo1/copyright", DEP5),
                "libfoo1", "foo", "libs");
        BinaryPackage dev = pkg(FixtureDeb.of("libfoo-dev", "1.0-1").symlink("usr/share/doc/libfoo-dev", "libfoo1"),
                "libfoo-dev", "foo", "libdevel");
        BinaryPackage bar = pkg(FixtureDeb.of("bar", "1.0-1").file("usr/share/doc/bar/copyright",
                "Permission is hereby granted, free of charge, to any person obtaining a copy\n"), "bar", "bar", "utils");
        List<BinaryPackage> set = List.of(lib, dev, bar);
        LicenseScanner scanner = scanner(source);
        assertThat(scanner.known(set)).isEmpty();

        List<PackageLicense> streamed = Collections.synchronizedList(new ArrayList<>());
        List<ProgressEvent> events = new ArrayList<>();
        scanner.scanMissing(set, streamed::add, events::add);

        assertThat(streamed).extracting(PackageLicense::name).containsExactlyInAnyOrder("libfoo1", "libfoo-dev", "bar");
        assertThat(fetches.get()).isEqualTo(2);  // one read per source package
        Map<BinaryPackage, PackageLicense> known = scanner.known(set);
        assertThat(known).hasSize(3);
        assertThat(known.get(dev).spdx()).isEqualTo("GPL-2.0-or-later");
        assertThat(known.get(dev).evidence()).isEqualTo(Evidence.DECLARED);
        assertThat(known.get(bar).spdx()).isEqualTo("MIT");
        assertThat(known.get(bar).evidence()).isEqualTo(Evidence.DETECTED);
        assertThat(events).last().satisfies(e -> {
            assertThat(e.step()).isEqualTo("licenses");
            assertThat(e.done()).isEqualTo(2);
            assertThat(e.total()).isEqualTo(2);
        });

        scanner.scanMissing(set, streamed::add, e -> { });
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void aBinaryWhoseDocsLiveInAnotherPackage_readsThatPackage() throws Exception {
        BinaryPackage lib = pkg(FixtureDeb.of("libbaz1", "1.0-1").file("usr/share/doc/libbaz1/copyright", DEP5),
                "libbaz1", "libbaz", "libs");
        BinaryPackage tool = pkg(FixtureDeb.of("baz-tools", "1.0-1").symlink("usr/share/doc/baz-tools", "libbaz1"),
                "baz-tools", "baz-tools-src", "utils");
        Map<BinaryPackage, PackageLicense> result = scanner(source).scan(List.of(tool, lib), e -> { });
        assertThat(result.get(tool).spdx()).isEqualTo("GPL-2.0-or-later");
        assertThat(result.get(tool).license().copyrightFrom()).isEqualTo("libbaz1");
    }

    @Test
    void badInput_givesUnknownWithAReasonPerPackage_neverAFailure() throws Exception {
        BinaryPackage none = pkg(FixtureDeb.of("nodoc", "1.0-1").file("usr/bin/nodoc", "x"), "nodoc", "nodoc", "utils");
        BinaryPackage huge = pkg(FixtureDeb.of("huge", "1.0-1").file("usr/share/doc/huge/copyright", "x".repeat(10_000)),
                "huge", "huge", "utils");
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            garbage.append((char) (i % 9));
        }
        BinaryPackage bin = pkg(FixtureDeb.of("bin", "1.0-1").file("usr/share/doc/bin/copyright", garbage.toString()),
                "bin", "bin", "utils");
        Path notDeb = Files.write(dir.resolve("broken.deb"), "this is not an ar archive".getBytes());
        files.put("broken", notDeb);
        BinaryPackage broken = TestPackages.entry("broken", "1.0-1", "broken", "1.0-1", "utils", notDeb);
        BinaryPackage good = pkg(FixtureDeb.of("good", "1.0-1").file("usr/share/doc/good/copyright", DEP5),
                "good", "good", "utils");

        Map<BinaryPackage, PackageLicense> r = scanner(source).scan(List.of(none, huge, bin, broken, good), e -> { });

        assertThat(r.get(none).evidence()).isEqualTo(Evidence.UNKNOWN);
        assertThat(r.get(none).reason()).contains("no /usr/share/doc/nodoc/copyright");
        assertThat(r.get(huge).reason()).contains("more than the 4096 bytes");
        assertThat(r.get(bin).reason()).contains("not text");
        assertThat(r.get(broken).reason()).contains("broken.deb");
        assertThat(r.get(good).spdx()).isEqualTo("GPL-2.0-or-later");
        assertThat(r.values()).filteredOn(l -> l.evidence() == Evidence.UNKNOWN).allSatisfy(l -> {
            assertThat(l.spdx()).isEqualTo("NOASSERTION");
            assertThat(l.category(LicenseCategories.bundled())).isEqualTo(LicenseCategory.UNKNOWN);
        });
    }

    @Test
    void aPackageThatCannotBeFetched_isUnknownAndNotStored() throws Exception {
        Path file = FixtureDeb.of("gone", "1.0-1").file("usr/share/doc/gone/copyright", DEP5).build(dir);
        BinaryPackage gone = TestPackages.entry("gone", "1.0-1", "gone", "1.0-1", "utils", file);
        LicenseScanner scanner = scanner(source);
        Map<BinaryPackage, PackageLicense> r = scanner.scan(List.of(gone), e -> { });
        assertThat(r.get(gone).evidence()).isEqualTo(Evidence.UNKNOWN);
        assertThat(r.get(gone).reason()).contains("cannot fetch gone").contains("unreachable");
        assertThat(scanner.known(List.of(gone))).isEmpty();

        files.put("gone", file);
        assertThat(scanner.scan(List.of(gone), e -> { }).get(gone).spdx()).isEqualTo("GPL-2.0-or-later");
    }

    @Test
    void nonFreeComponents_areNonFreeWhateverTheCopyrightSays() throws Exception {
        BinaryPackage fw = pkg(FixtureDeb.of("firmware-x", "1.0-1").file("usr/share/doc/firmware-x/copyright", DEP5),
                "firmware-x", "firmware-x", "non-free-firmware/kernel");
        PackageLicense l = scanner(source).scan(List.of(fw), e -> { }).get(fw);
        assertThat(l.nonFree()).isTrue();
        assertThat(l.spdx()).isEqualTo("GPL-2.0-or-later");
        assertThat(l.category(LicenseCategories.bundled())).isEqualTo(LicenseCategory.NON_FREE);
    }

    @Test
    void interruptingTheCaller_cancelsTheScan() throws Exception {
        BinaryPackage a = pkg(FixtureDeb.of("slow", "1.0-1").file("usr/share/doc/slow/copyright", DEP5), "slow", "slow", "x");
        CountDownLatch started = new CountDownLatch(1);
        DebSource blocking = new DebSource() {
            @Override
            public Optional<Path> cached(BinaryPackage pkg) {
                return Optional.empty();
            }

            @Override
            public Path fetch(BinaryPackage pkg) {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new CancellationException("fetch cancelled");
                }
                return files.get(pkg.name());
            }
        };
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        try {
            assertThatThrownBy(() -> scanner(blocking).scanMissing(List.of(a), l -> { }, e -> { }))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
            interrupter.join();
        }
        assertThat(scanner(source).known(List.of(a))).isEmpty();
    }
}
