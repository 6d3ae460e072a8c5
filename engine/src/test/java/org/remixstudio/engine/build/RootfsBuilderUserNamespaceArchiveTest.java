package org.remixstudio.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.remixstudio.engine.build.dpkg.TreeFiles;

/**
 * The build as an ordinary user: a user with subordinate id ranges is made for the test
 * ({@code useradd}, {@code /etc/subuid}, {@code /etc/subgid}), builds bookworm minbase in its own JVM
 * ({@code runuser}), and the maintainer scripts run in an unprivileged user namespace. Inside such a
 * namespace the tree must then look like a root-built one: every package {@code ii}, the audit silent,
 * files owned by the system users and groups the packages name.
 */
@Tag("archive")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RootfsBuilderUserNamespaceArchiveTest {

    private static final String USER = "remixbuild";

    private Path work;
    private Path root;
    private String buildOutput;
    private String java;
    private List<String> classpath;

    @BeforeAll
    void buildAsOrdinaryUser() throws Exception {
        ensureUserWithSubordinateIds();
        // fill the shared metadata and .deb caches this test copies for the user
        MinbaseSet set = MinbaseSet.load("bookworm");
        org.remixstudio.engine.build.fetch.DebFetcher.create(MinbaseSet.DEB_CACHE).fetchAll(set.packages, e -> { });
        work = Files.createTempDirectory("remix-userns");
        Files.setAttribute(work, "unix:mode", 0755);
        Path classpath = work.resolve("cp");
        Files.createDirectories(classpath);
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            Path copy = classpath.resolve(i++ + "-" + source.getFileName());
            run("cp", "-r", source.toString(), copy.toString());
            entries.add(copy.toString());
        }
        run("cp", "-r", MinbaseSet.DEB_CACHE.toString(), work.resolve("debs").toString());
        run("cp", "-r", MinbaseSet.TEST_CACHE.resolve("repo-cache").toString(), work.resolve("repo").toString());
        run("chown", "-R", USER + ":" + USER, work.toString());
        root = work.resolve("rootfs");
        java = ProcessHandle.current().info().command().orElse("java");
        this.classpath = entries;
        buildOutput = run("runuser", "-u", USER, "--", "env", "HOME=" + work, java, "-cp",
                String.join(File.pathSeparator, entries), UserNamespaceBuildMain.class.getName(), root.toString(),
                work.resolve("debs").toString(), work.resolve("repo").toString());
        System.out.println("user namespace build: " + buildOutput);
    }

    @AfterAll
    void cleanUp() {
        if (work != null) {
            TreeFiles.delete(work);
        }
    }

    @Test
    void build_ranItsScriptsInAUserNamespace() {
        assertThat(buildOutput).contains("sandbox=USER_NAMESPACE configured=true").contains("warnings=[]");
    }

    @Test
    void insideTheNamespace_everyPackageIsInstalledAndTheAuditIsSilent() {
        String status = inNamespace("dpkg-query", "-W", "-f", "${db:Status-Abbrev}\n");
        assertThat(status.lines().toList()).hasSizeGreaterThan(90).allMatch(l -> l.equals("ii "));
        assertThat(inNamespace("dpkg", "--audit")).isEmpty();
    }

    @Test
    void insideTheNamespace_systemOwnersAndSpecialBitsAreThoseOfThePackages() {
        // chage: root:shadow 2755 in the passwd package; /etc/shadow made by shadowconfig, root:shadow 640
        assertThat(inNamespace("stat", "-c", "%u:%g %a", "/usr/bin/chage", "/etc/shadow", "/var/mail"))
                .isEqualTo("0:42 2755\n0:42 640\n0:8 2775\n");
        assertThat(inNamespace("stat", "-c", "%U:%G", "/var/lib/apt/lists/partial")).isEqualTo("_apt:root\n");
    }

    @Test
    void outsideTheNamespace_ownersAreTheUsersSubordinateIds() throws IOException {
        int userUid = Integer.parseInt(run("id", "-u", USER).strip());
        assertThat(Files.getAttribute(root.resolve("usr/bin/bash"), "unix:uid")).isEqualTo(userUid);
        int gid = (Integer) Files.getAttribute(root.resolve("usr/bin/chage"), "unix:gid");
        assertThat(gid).isEqualTo(subordinateStart("/etc/subgid") + 42 - 1);
    }

    @Test
    void theUser_canDeleteTheTree_throughTheNamespace() {
        Path copy = work.resolve("copy");
        inNamespace("true"); // the tree is intact before the copy is made
        // a copy of the tree plus what scripts may leave: a private directory of a system user, with content
        run("runuser", "-u", USER, "--", "unshare", "--map-auto", "--map-root-user", "sh", "-c",
                "cp -a \"$0\" \"$1\" && mkdir \"$1/private\" && touch \"$1/private/f\" && chown -R 5:5 \"$1/private\""
                        + " && chmod 700 \"$1/private\"", root.toString(), copy.toString());
        assertThat(runOk("runuser", "-u", USER, "--", "rm", "-rf", copy.toString())).isFalse();
        assertThat(run("runuser", "-u", USER, "--", java, "-cp", String.join(File.pathSeparator, classpath),
                RemoveTreeMain.class.getName(), copy.toString())).contains("removed");
        assertThat(copy).doesNotExist();
    }

    private String inNamespace(String... command) {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", USER, "--", "unshare", "--map-auto",
                "--map-root-user", "--fork", "chroot", root.toString()));
        cmd.addAll(List.of(command));
        return run(cmd.toArray(String[]::new));
    }

    private static void ensureUserWithSubordinateIds() throws IOException {
        if (!runOk("id", "-u", USER)) {
            run("useradd", "--create-home", "--shell", "/bin/sh", USER);
        }
        for (String file : List.of("/etc/subuid", "/etc/subgid")) {
            Path p = Path.of(file);
            String text = Files.exists(p) ? Files.readString(p) : "";
            if (text.lines().noneMatch(l -> l.startsWith(USER + ":"))) {
                Files.writeString(p, text + USER + ":3000000:65536\n");
            }
        }
    }

    private static long subordinateStart(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(USER + ":"))
                .map(l -> Long.parseLong(l.split(":")[1])).findFirst().orElseThrow();
    }

    private static boolean runOk(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("LC_ALL", "C.UTF-8");
            Path err = Files.createTempFile("remix-run", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
            String errors = Files.readString(err);
            Files.deleteIfExists(err);
            assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out + errors).isZero();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
