package org.remixstudio.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.dpkg.TreeFiles;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.sandbox.SandboxMode;

/**
 * The builder against its reference on the real archive: a release's minbase built by us (package set
 * from our resolver over the host's verified sources) and by {@code mmdebstrap --variant=minbase},
 * both with the same SOURCE_DATE_EPOCH, compared path by path (type, owner, mode, symlink target,
 * content). Every remaining difference is one of those explained in docs/build-vs-mmdebstrap.md.
 * One subclass per release.
 */
@Tag("archive")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RootfsBuilderArchiveTest {

    private static final long EPOCH = 1_700_000_000L;

    /** The differences docs/build-vs-mmdebstrap.md explains. */
    private static final List<String> EXPLAINED = List.of(
            "etc/hostname", "etc/resolv.conf",
            "var/cache/debconf/config.dat-old", "var/cache/debconf/templates.dat-old", "var/lib/dpkg/status-old",
            "var/lib/dpkg/diversions-old", "var/lib/apt/extended_states");

    /** The release whose minbase is built, e.g. {@code bookworm}. */
    protected abstract String release();

    private Path work;
    private MinbaseSet set;
    private RootfsBuild build;
    private Duration warmBuild;
    private Duration mmdebstrapTime;
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void buildBoth() throws Exception {
        work = Files.createTempDirectory("remix-build-" + release());
        set = MinbaseSet.load(release());
        RootfsOptions options = RootfsOptions.defaults("amd64").withAptSources(set.sourceLines)
                .withAutoInstalled(set.autoInstalled).withSourceDateEpoch(EPOCH);
        RootfsBuilder builder = new RootfsBuilder(DebFetcher.create(MinbaseSet.DEB_CACHE), options);
        // a first build fills the .deb cache; the second is the measured warm-cache build
        builder.build(set.packages, work.resolve("cold"), e -> { });
        TreeFiles.delete(work.resolve("cold"));
        long start = System.nanoTime();
        build = builder.build(set.packages, work.resolve("rootfs"), events::add);
        warmBuild = Duration.ofNanos(System.nanoTime() - start);
        mmdebstrapTime = Mmdebstrap.build("minbase", release(), set.sourceLines, EPOCH, work.resolve("mmdebstrap.tar"));
        System.out.println(release() + " minbase, remix build (warm .deb cache): " + warmBuild.toMillis() + " ms; phases "
                + build.phases().stream().map(p -> p.phase() + " " + p.duration().toMillis() + " ms")
                .collect(Collectors.joining(", ")) + "; mmdebstrap: " + mmdebstrapTime.toMillis() + " ms");
    }

    @AfterAll
    void cleanUp() {
        TreeFiles.delete(work);
    }

    @Test
    void minbase_matchesMmdebstrap_exceptForTheExplainedDifferences() throws IOException {
        TreeSnapshot ours = TreeSnapshot.ofDirectory(build.root()).with(build.specialFiles());
        TreeSnapshot theirs = TreeSnapshot.ofTar(work.resolve("mmdebstrap.tar"));
        List<String> diff = ours.diff(theirs);
        diff.forEach(d -> System.out.println("differs: " + d));
        List<String> paths = diff.stream().map(d -> d.substring(0, d.indexOf(": "))).toList();
        assertThat(paths).isSubsetOf(EXPLAINED);
        assertThat(ours.nodes().size()).isGreaterThan(5000);
    }

    @Test
    void minbase_isConfigured_everyPackageInstalled_auditSilent() {
        assertThat(build.configured()).isTrue();
        assertThat(build.sandbox()).isEqualTo(SandboxMode.ROOT);
        assertThat(build.warnings()).isEmpty();
        String status = chroot("dpkg-query", "-W", "-f", "${db:Status-Abbrev} ${Package}\n");
        List<String> lines = status.lines().toList();
        assertThat(lines).hasSize(set.packages.size()).allMatch(l -> l.startsWith("ii "));
        assertThat(chroot("dpkg", "--audit")).isEmpty();
        assertThat(chroot("dpkg", "-l").lines().filter(l -> l.matches("^[a-z][A-Z ]?[A-Z ]? .*")).toList())
                .allMatch(l -> l.startsWith("ii "));
    }

    @Test
    void minbase_hasUsersAlternativesAndNoHostFiles() throws IOException {
        Path root = build.root();
        assertThat(Files.readSymbolicLink(root.resolve("bin")).toString()).isEqualTo("usr/bin"); // merged /usr
        assertThat(Files.readString(root.resolve("etc/passwd"))).startsWith("root:x:0:0:");
        assertThat(Files.readSymbolicLink(root.resolve("etc/alternatives/awk")).toString()).isEqualTo("/usr/bin/mawk");
        assertThat(chroot("awk", "BEGIN { print 1 + 1 }").strip()).isEqualTo("2");
        assertThat(root.resolve("etc/hostname")).doesNotExist();
        assertThat(root.resolve("etc/resolv.conf")).doesNotExist();
        assertThat(root.resolve("etc/machine-id")).doesNotExist(); // minbase has no systemd
        assertThat(root.resolve("var/lib/apt/lists")).isDirectoryNotContaining(p -> p.toString().endsWith("Packages"));
        assertThat(root.resolve("usr/sbin/policy-rc.d")).doesNotExist();
        assertThat(Files.readString(root.resolve("usr/sbin/start-stop-daemon"), StandardCharsets.ISO_8859_1))
                .doesNotContain("Fake start-stop-daemon");
        assertThat(Files.readString(root.resolve("etc/apt/sources.list")))
                .isEqualTo(String.join("\n\n", set.sourceLines) + "\n");
        // nothing of the sandbox is left mounted or behind
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(root.toString());
        assertThat(root.resolve("var/lib/dpkg/tmp.ci")).doesNotExist();
        assertThat(root.resolve("dev/null")).doesNotExist();
    }

    @Test
    void progress_reportsEveryPhaseToItsEnd() {
        for (String step : List.of("fetch", "unpack", "configure")) {
            List<ProgressEvent> of = events.stream().filter(e -> e.step().equals(step)).toList();
            assertThat(of).as(step).isNotEmpty();
            ProgressEvent last = of.get(of.size() - 1);
            assertThat(last.done()).as(step).isEqualTo(last.total());
        }
        Map<String, Long> totals = new java.util.HashMap<>();
        events.forEach(e -> totals.put(e.step(), e.total()));
        assertThat(totals.get("unpack")).isEqualTo(set.packages.size());
    }

    private String chroot(String... command) {
        List<String> cmd = new ArrayList<>(List.of("chroot", build.root().toString()));
        cmd.addAll(List.of(command));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
