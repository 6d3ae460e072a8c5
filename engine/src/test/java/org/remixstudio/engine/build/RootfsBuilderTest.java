package org.remixstudio.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.repo.Fetcher;
import org.remixstudio.engine.tree.EntryType;

/**
 * The builder on fixture packages served from a {@code file:} mirror, without a sandbox (configuring
 * needs a real Debian package set; the archive tests do that): unpacked tree, database, skeleton,
 * the warning that says why nothing was configured, and the refusals.
 */
class RootfsBuilderTest {

    @TempDir
    Path dir;

    @Test
    void build_withoutSandbox_leavesEveryPackageUnpacked_andSaysWhy() throws Exception {
        List<BinaryPackage> set = List.of(baseFiles(), entry(FixtureDeb.of("hello", "1.0")
                .control("conffiles", "/etc/hello.conf\n").file("etc/hello.conf", "greeting=hi\n")
                .file("usr/bin/hello", "#!/bin/sh\necho hi\n"), ""));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        RootfsBuild build = builder(SandboxMode.NONE).build(set, dir.resolve("root"), events::add);
        Path root = build.root();

        assertThat(build.configured()).isFalse();
        assertThat(build.warnings()).singleElement().asString().contains("not configured").contains("/etc/subuid");
        String status = Files.readString(root.resolve("var/lib/dpkg/status"));
        assertThat(status).contains("Package: hello\n").contains("Status: install ok unpacked\n")
                .contains("Conffiles:\n /etc/hello.conf newconffile\n");
        assertThat(root.resolve("etc/hello.conf.dpkg-new")).hasContent("greeting=hi");
        assertThat(root.resolve("var/lib/dpkg/info/hello.list")).hasContent(
                "/.\n/etc\n/etc/hello.conf\n/usr\n/usr/bin\n/usr/bin/hello");
        assertThat(root.resolve("var/lib/dpkg/arch")).hasContent("amd64");
        assertThat(root.resolve("etc/fstab")).hasContent("# UNCONFIGURED FSTAB FOR BASE SYSTEM");
        assertThat(root.resolve("etc/apt/sources.list")).hasContent("deb http://mirror.invalid/debian test main");
        assertThat((Integer) Files.getAttribute(root.resolve("tmp"), "unix:mode") & 07777).isEqualTo(01777);
        assertThat(Files.readSymbolicLink(root.resolve("dev/fd")).toString()).isEqualTo("/proc/self/fd");
        assertThat(root.resolve("dev/pts")).isDirectory();
        assertThat(build.specialFiles()).anyMatch(e -> e.path().equals("dev/null")
                && e.type() == EntryType.CHAR_DEVICE && e.devMajor() == 1 && e.devMinor() == 3 && e.mode() == 0666);
        assertThat(build.packages()).extracting(BinaryPackage::name).containsExactly("base-files", "hello");
        assertThat(build.phases()).extracting(PhaseTime::phase)
                .containsExactly("fetch", "unpack", "database", "configure", "cleanup");
        assertThat(events).anyMatch(e -> e.step().equals("unpack") && e.done() == 2 && e.total() == 2);
    }

    @Test
    void build_twoPackagesShippingOneFile_needReplaces() throws Exception {
        BinaryPackage first = entry(FixtureDeb.of("first", "1").file("usr/share/common", "from first\n"), "");
        BinaryPackage second = entry(FixtureDeb.of("second", "1").file("usr/share/common", "from second\n"), "");
        assertThatThrownBy(() -> builder(SandboxMode.NONE).build(List.of(baseFiles(), first, second),
                dir.resolve("conflict"), e -> { }))
                .isInstanceOf(EngineException.class).hasMessageContaining("first").hasMessageContaining("second")
                .hasMessageContaining("/usr/share/common").hasMessageContaining("Replaces");

        BinaryPackage replacing = entry(FixtureDeb.of("third", "1").field("Replaces", "first")
                .file("usr/share/common", "from third\n"), "first");
        RootfsBuild build = builder(SandboxMode.NONE).build(List.of(baseFiles(), replacing, first),
                dir.resolve("replaced"), e -> { });
        assertThat(build.root().resolve("usr/share/common")).hasContent("from third");
        assertThat(build.root().resolve("var/lib/dpkg/info/first.list")).content().doesNotContain("/usr/share/common");
        assertThat(build.root().resolve("var/lib/dpkg/info/third.list")).content().contains("/usr/share/common");
    }

    @Test
    void build_intoANonEmptyDirectory_isRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(root.resolve("something"), "x");
        assertThatThrownBy(() -> builder(SandboxMode.NONE).build(List.of(baseFiles()), root, e -> { }))
                .isInstanceOf(EngineException.class).hasMessageContaining(root.toString()).hasMessageContaining("empty");
    }

    private RootfsBuilder builder(SandboxMode mode) {
        Fetcher fetcher = new Fetcher(HttpClient.newHttpClient(), Duration.ofSeconds(5), 1, Duration.ZERO);
        RootfsOptions options = RootfsOptions.defaults("amd64").withSandbox(mode)
                .withAptSources(List.of("deb http://mirror.invalid/debian test main")).withAutoInstalled(Set.of());
        return new RootfsBuilder(new DebFetcher(fetcher, dir.resolve("cache"), 2), options);
    }

    private BinaryPackage baseFiles() throws Exception {
        FixtureDeb deb = FixtureDeb.of("base-files", "12").field("Essential", "yes");
        for (String d : List.of("proc", "sys", "dev", "etc", "usr/sbin", "run", "var/lib")) {
            deb.file(d + "/.keep", "");
        }
        return entry(deb, "");
    }

    private BinaryPackage entry(FixtureDeb fixture, String replaces) throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror/pool"));
        Path deb = fixture.build(mirror);
        byte[] content = Files.readAllBytes(deb);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String name = deb.getFileName().toString().split("_")[0];
        String version = deb.getFileName().toString().split("_")[1];
        List<String> parts = new ArrayList<>(List.of(name, version));
        return TestPackages.entry(parts.get(0), parts.get(1), "all", MultiArch.NO, name.equals("base-files"), "", "",
                replaces, dir.resolve("mirror").toUri().toString(), "pool/" + deb.getFileName(), sha, content.length);
    }
}
