package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * The catalog's license answers over a real signed fixture archive whose packages carry copyright files:
 * known licenses from the store, streamed reading of the missing ones, and the license impact of edits.
 * Each test starts with an empty license store (its own data directory); the package cache is shared.
 */
class PackageCatalogLicensesTest {

    @TempDir
    static Path tmp;

    @TempDir
    Path data;

    static FixtureRepository repo;
    static RemixSpec spec;

    private PackageCatalog catalog;

    private static final String DEP5 = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\nLicense: ";

    @BeforeAll
    static void buildArchive() throws Exception {
        repo = FixtureRepository.builder(tmp.resolve("repo"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required")
                        .file("usr/share/doc/base-files/copyright", DEP5 + "GPL-2+\n"))
                .add(FixturePackage.of("libc6", "2.36-9").priority("required").source("glibc")
                        .file("usr/share/doc/libc6/copyright", DEP5 + "LGPL-2.1+\n"))
                .add(FixturePackage.of("webd", "1.0-1").depends("libwebd1")
                        .file("usr/share/doc/webd/copyright", DEP5 + "Expat\n"))
                .add(FixturePackage.of("libwebd1", "1.0-1").source("webd")
                        .file("usr/share/doc/libwebd1/copyright", DEP5 + "Expat\n"))
                .add(FixturePackage.of("gpl-tool", "3.0-1").depends("libwebd1")
                        .file("usr/share/doc/gpl-tool/copyright", "This program is free software; you can redistribute"
                                + " it under the terms of the GNU General Public License as published by the Free"
                                + " Software Foundation; either version 3 of the License, or (at your option) any"
                                + " later version.\n"))
                .add(FixturePackage.of("agpl-app", "3.0-1")
                        .file("usr/share/doc/agpl-app/copyright", DEP5 + "AGPL-3+\n"))
                .add(FixturePackage.of("mystery", "0.1-1").file("usr/share/mystery/README", "no copyright file\n"))
                .build();
        Path file = Files.writeString(tmp.resolve("web.remix.json"), """
                {
                  "specVersion": 1,
                  "name": "web",
                  "sources": [{"types": ["deb"], "uris": ["%s"], "suites": ["stable"], "components": ["main"],
                               "signedBy": "%s"}],
                  "suite": "stable",
                  "architecture": "amd64",
                  "variant": "minbase",
                  "layers": [{"name": "server", "add": ["webd"]}, {"name": "apps", "add": []}]
                }
                """.formatted(repo.uri(), repo.keyringGpg()));
        spec = new RemixSpecReader().read(file);
    }

    @BeforeEach
    void loadCatalog() {
        EngineSettings settings = EngineSettings.defaults().withCacheDir(tmp.resolve("cache")).withDataDir(data);
        catalog = new RemixEngine(settings).loadCatalog(spec, e -> { });
    }

    private List<LicenseImpact> stream(Impact impact, Path policy, List<String> events) {
        List<LicenseImpact> snapshots = new ArrayList<>();
        catalog.licenseImpact(impact, policy, s -> {
            snapshots.add(s);
            events.add("snapshot pending=" + s.pending());
        }, e -> events.add(e.step() + " " + e.done() + "/" + e.total()));
        return snapshots;
    }

    private static LicenseChange change(List<LicenseChange> changes, String license) {
        return changes.stream().filter(c -> c.license().equals(license)).findFirst().orElseThrow(
                () -> new AssertionError(license + " not in " + changes));
    }

    @Test
    void knownLicenses_areEmptyForAFreshStore_andFilledOnceRead() {
        List<PlannedPackage> image = catalog.plan(spec).packages();
        assertThat(catalog.knownLicenses(image)).isEmpty();

        List<PackageLicenseInfo> read = new ArrayList<>();
        catalog.licenses(image, read::add, e -> { });

        assertThat(read).extracting(PackageLicenseInfo::name)
                .containsExactlyInAnyOrder("base-files", "libc6", "webd", "libwebd1");
        Map<String, PackageLicenseInfo> known = catalog.knownLicenses(image);
        assertThat(known).containsOnlyKeys("base-files", "libc6", "webd", "libwebd1");
        PackageLicenseInfo webd = known.get("webd");
        assertThat(webd.spdx()).isEqualTo("MIT");
        assertThat(webd.category()).isEqualTo("permissive");
        assertThat(webd.howFound()).isEqualTo("declared");
        assertThat(webd.layer()).isEqualTo("server");
        assertThat(catalog.settings().dataDir()).isEqualTo(data);
    }

    @Test
    void licenses_giveKnownOnesFirst_andAnUnknownWithItsReason() {
        List<PlannedPackage> image = catalog.impact(spec, LayerEdit.add("apps", "mystery")).after().packages();
        catalog.licenses(image.stream().filter(p -> p.name().equals("webd")).toList(), p -> { }, e -> { });

        List<String> order = new ArrayList<>();
        List<PackageLicenseInfo> read = new ArrayList<>();
        catalog.licenses(image, l -> {
            read.add(l);
            order.add(l.name());
        }, e -> { });

        assertThat(order.get(0)).isIn("webd", "libwebd1");
        PackageLicenseInfo mystery = read.stream().filter(l -> l.name().equals("mystery")).findFirst().orElseThrow();
        assertThat(mystery.spdx()).isEqualTo("NOASSERTION");
        assertThat(mystery.category()).isEqualTo("unknown");
        assertThat(mystery.howFound()).isEqualTo("unknown");
        assertThat(mystery.reason()).isNotEmpty();
    }

    @Test
    void licenseImpact_ofAddingAGplTool_showsGplEnteringWithItsCategory() {
        Impact impact = catalog.impact(spec, LayerEdit.add("apps", "gpl-tool"));

        List<LicenseImpact> snapshots = stream(impact, null, new ArrayList<>());

        LicenseImpact last = snapshots.get(snapshots.size() - 1);
        assertThat(last.pending()).isZero();
        assertThat(last.entering()).containsExactly(
                new LicenseChange("GPL-3.0-or-later", "strong-copyleft", List.of("gpl-tool")));
        assertThat(last.leaving()).isEmpty();
        assertThat(last.categoriesBefore()).isEqualTo(Map.of("strong-copyleft", 1, "weak-copyleft", 1, "permissive", 2));
        assertThat(last.categoriesAfter()).isEqualTo(Map.of("strong-copyleft", 2, "weak-copyleft", 1, "permissive", 2));
        assertThat(last.findings()).isEmpty();
    }

    @Test
    void licenseImpact_ofRemovingTheWebServer_showsMitLeaving() {
        Impact impact = catalog.impact(spec, LayerEdit.remove("server", "webd"));

        List<LicenseImpact> all = stream(impact, null, new ArrayList<>());
        LicenseImpact last = all.get(all.size() - 1);

        assertThat(last.entering()).isEmpty();
        assertThat(change(last.leaving(), "MIT").packages()).containsExactly("libwebd1", "webd");
        assertThat(change(last.leaving(), "MIT").category()).isEqualTo("permissive");
        assertThat(last.categoriesAfter()).doesNotContainKey("permissive");
    }

    @Test
    void licenseImpact_ofAPackageWithoutCopyrightFile_bringsInUnknownNotAMadeUpLicense() {
        Impact impact = catalog.impact(spec, LayerEdit.add("apps", "mystery"));

        List<LicenseImpact> all = stream(impact, null, new ArrayList<>());
        LicenseImpact last = all.get(all.size() - 1);

        assertThat(last.entering()).containsExactly(new LicenseChange("NOASSERTION", "unknown", List.of("mystery")));
        assertThat(last.categoriesAfter()).containsEntry("unknown", 1);
    }

    @Test
    void licenseImpact_streamsAStoreSnapshotBeforeReadingAnyCopyrightFile_andEndsComplete() {
        Impact impact = catalog.impact(spec, LayerEdit.add("apps", "gpl-tool"));
        List<String> events = new ArrayList<>();

        List<LicenseImpact> snapshots = stream(impact, null, events);

        assertThat(events.get(0)).isEqualTo("snapshot pending=5");
        assertThat(snapshots.get(0).entering()).isEmpty();
        assertThat(snapshots.get(0).categoriesAfter()).isEmpty();
        assertThat(events.get(1)).isEqualTo("licenses 0/4");
        assertThat(events.get(events.size() - 1)).isEqualTo("snapshot pending=0");
        assertThat(snapshots).extracting(LicenseImpact::pending).isSortedAccordingTo((a, b) -> b - a);

        List<String> again = new ArrayList<>();
        List<LicenseImpact> warm = stream(impact, null, again);
        assertThat(again).containsExactly("snapshot pending=0");
        assertThat(warm.get(0)).isEqualTo(snapshots.get(snapshots.size() - 1));
    }

    @Test
    void licenseImpact_withADenyingPolicy_namesThePackageItsLayerAndChain() throws Exception {
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"deny\": [\"strong-copyleft\"]}");
        Impact impact = catalog.impact(spec, LayerEdit.add("apps", "gpl-tool"));

        List<LicenseImpact> all = stream(impact, policy, new ArrayList<>());
        LicenseImpact last = all.get(all.size() - 1);

        assertThat(last.findings()).hasSize(1);
        LicenseFindingInfo f = last.findings().get(0);
        assertThat(f.action()).isEqualTo("deny");
        assertThat(f.pkg()).isEqualTo("gpl-tool");
        assertThat(f.layer()).isEqualTo("apps");
        assertThat(f.license()).isEqualTo("GPL-3.0-or-later");
        assertThat(f.rule()).isEqualTo("strong-copyleft");
        assertThat(f.chain()).containsExactly("gpl-tool (requested)");
    }

    @Test
    void licenseImpact_withABrokenPolicy_failsNamingTheFile() throws Exception {
        Path policy = Files.writeString(tmp.resolve("broken-policy.json"), "{\"deny\": [\"GPL-9\"]}");
        Impact impact = catalog.impact(spec, LayerEdit.add("apps", "gpl-tool"));

        assertThatThrownBy(() -> stream(impact, policy, new ArrayList<>()))
                .isInstanceOf(EngineException.class).hasMessageContaining("broken-policy.json: $.deny[0]");
    }

    @Test
    void licenseImpact_isCancelledByInterruptingTheThread_withoutAFurtherSnapshot() {
        Impact impact = catalog.impact(spec, LayerEdit.add("apps", "gpl-tool"));
        List<LicenseImpact> snapshots = new ArrayList<>();

        try {
            assertThatThrownBy(() -> catalog.licenseImpact(impact, null, s -> {
                snapshots.add(s);
                Thread.currentThread().interrupt(); // the user dragged on
            }, e -> { })).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).pending()).isPositive();
    }
}
