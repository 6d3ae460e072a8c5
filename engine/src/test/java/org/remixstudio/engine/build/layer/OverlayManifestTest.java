package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.build.sandbox.OverlayMount;
import org.remixstudio.engine.export.oci.LayerEntry;

/**
 * The derived manifest of a real overlay (the tests run as root, like the sandbox tests) equals a full
 * scan of the merged tree, and the layer made from it is the one a full scan gives.
 */
class OverlayManifestTest {

    @TempDir
    Path tmp;

    private Path lower;
    private TreeManifest lowerManifest;

    @BeforeEach
    void lowerTree() throws Exception {
        lower = Files.createDirectories(tmp.resolve("lower"));
        Files.writeString(lower.resolve("a"), "a");
        Files.createDirectories(lower.resolve("d"));
        Files.writeString(lower.resolve("d/x"), "x");
        Files.writeString(lower.resolve("d/y"), "y");
        Files.createDirectories(lower.resolve("e/sub"));
        Files.writeString(lower.resolve("e/sub/z"), "z");
        Files.writeString(lower.resolve("e/keep"), "k");
        Files.writeString(lower.resolve("link1"), "linked");
        Files.createLink(lower.resolve("link2"), lower.resolve("link1"));
        Files.createDirectories(lower.resolve("gone/deep"));
        Files.writeString(lower.resolve("gone/deep/f"), "f");
        Files.writeString(lower.resolve("becomesDir"), "file");
        lowerManifest = TreeManifest.scan(lower);
    }

    private OverlayMount mount() throws Exception {
        return OverlayMount.mount(List.of(lower), Files.createDirectories(tmp.resolve("upper")),
                Files.createDirectories(tmp.resolve("work")), Files.createDirectories(tmp.resolve("merged")));
    }

    @Test
    void derive_afterChangesOfEveryKind_equalsAScanOfTheMergedTree() throws Exception {
        try (OverlayMount overlay = mount()) {
            Path m = overlay.view();
            Files.writeString(m.resolve("a"), "changed");
            Files.delete(m.resolve("d/x"));
            // replaced as a whole: opaque, with one of the old names made again
            LayerApplier.deleteTree(m.resolve("e"));
            Files.createDirectories(m.resolve("e/sub"));
            Files.writeString(m.resolve("e/sub/new"), "n");
            Files.writeString(m.resolve("link2"), "split");
            LayerApplier.deleteTree(m.resolve("gone"));
            Files.delete(m.resolve("becomesDir"));
            Files.createDirectories(m.resolve("becomesDir"));
            Files.writeString(m.resolve("becomesDir/inside"), "i");
            Files.writeString(m.resolve("new"), "new");
            Files.setAttribute(m.resolve("d/y"), "unix:mode", 0600);

            TreeManifest upper = new TreeScanner().scan(overlay.upper()).manifest();
            TreeManifest derived = OverlayManifest.derive(lowerManifest, upper, m);
            TreeManifest scanned = TreeManifest.scan(m);

            assertThat(derived.differences(scanned, true)).isEmpty();
            assertThat(derived.get("e/sub/z")).isEmpty();
            assertThat(derived.get("e/keep")).isEmpty();
            assertThat(derived.get("gone")).isEmpty();
            assertThat(paths(LayerDiff.compute(lowerManifest, derived, m).entries()))
                    .isEqualTo(paths(LayerDiff.compute(lowerManifest, scanned, m).entries()));
        }
        assertThat(TreeManifest.scan(lower).differences(lowerManifest, true)).isEmpty();
    }

    @Test
    void derive_withNothingChanged_isTheLowerManifest() throws Exception {
        try (OverlayMount overlay = mount()) {
            Files.setAttribute(overlay.upper(), "unix:mode", lowerManifest.get(".").orElseThrow().mode());
            TreeManifest upper = new TreeScanner().scan(overlay.upper()).manifest();
            TreeManifest derived = OverlayManifest.derive(lowerManifest, upper, overlay.view());
            List<String> diff = derived.differences(lowerManifest, false);
            assertThat(diff).isEmpty();
        }
    }

    @Test
    void close_unmounts_leavingTheMountPointEmpty() throws Exception {
        Path merged;
        try (OverlayMount overlay = mount()) {
            merged = overlay.mountPoint();
            assertThat(Files.readString(overlay.view().resolve("a"))).isEqualTo("a");
            // the mount is private to the helper's namespace: this process's view of the path is empty
            try (var s = Files.list(merged)) {
                assertThat(s.toList()).isEmpty();
            }
        }
        assertThat(OverlayMount.available(tmp.resolve("probe"))).isTrue();
    }

    private static List<String> paths(List<LayerEntry> entries) {
        return entries.stream().map(e -> e.entry().path() + " " + e.entry().type() + " " + e.entry().mode()).toList();
    }
}
