package org.remixstudio.engine.build.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.remixstudio.engine.build.FixtureDeb;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;
import org.remixstudio.engine.deb.ExtractOptions;

/**
 * Our unpack (files and database) against real {@code dpkg --unpack} of the same packages: the file
 * trees, every {@code info/} file, the trigger interest files and the status entries must agree. The
 * fixtures cover a {@code Multi-Arch: same} package, a conffile, a package without {@code md5sums}
 * (dpkg makes one), file and explicit trigger interests and a file owned by a system group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DpkgUnpackParityTest {

    private Path dir;
    private Path ours;
    private Path theirs;

    @BeforeAll
    void unpackBothWays() throws Exception {
        dir = Files.createTempDirectory("dpkg-parity");
        Path alpha = FixtureDeb.of("alpha", "1.0-1").field("Architecture", "amd64").field("Multi-Arch", "same")
                .field("Depends", "beta (>= 2)")
                .control("conffiles", "/etc/alpha.conf\n")
                .control("triggers", "# comment\ninterest-noawait /usr/share/alpha\ninterest mytrigger\n")
                .control("postinst", "#!/bin/sh\nexit 0\n")
                .control("shlibs", "libalpha 1 alpha (>= 1.0)\n")
                .file("etc/alpha.conf", "setting=1\n")
                .file("usr/share/alpha/data", "data\n")
                .file("usr/share/doc/alpha/copyright", "free\n")
                .symlink("usr/lib/alpha/link", "../../share/alpha/data")
                .build(dir);
        Path beta = FixtureDeb.of("beta", "2.0").field("Essential", "yes").field("Priority", "required")
                .control("md5sums", "00000000000000000000000000000000  usr/bin/beta\n")
                .control("triggers", "interest-await mytrigger\n")
                .control("prerm", "#!/bin/sh\nexit 0\n")
                .file("usr/bin/beta", "#!/bin/sh\n")
                .file("var/mail/.keep", "")
                .owner("var/mail", "0:8")
                .build(dir);
        ours = Files.createDirectories(dir.resolve("ours"));
        List<PackageUnpacker.Input> inputs = List.of(
                new PackageUnpacker.Input(entry("beta", "2.0", "all", MultiArch.NO), beta),
                new PackageUnpacker.Input(entry("alpha", "1.0-1", "amd64", MultiArch.SAME), alpha));
        List<UnpackedPackage> unpacked = new PackageUnpacker(ours, new ExtractOptions(true, true), 2)
                .unpack(inputs, e -> { });
        new DpkgDatabaseWriter(ours).write(unpacked, "amd64");

        theirs = Files.createDirectories(dir.resolve("theirs"));
        for (String d : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers")) {
            Files.createDirectories(theirs.resolve(d));
        }
        Files.writeString(theirs.resolve("var/lib/dpkg/status"), "");
        FixtureDeb.run(dir, "dpkg", "--root=" + theirs, "--force-unsafe-io", "--unpack", beta.toString(),
                alpha.toString());
    }

    @AfterAll
    void cleanUp() {
        TreeFiles.delete(dir);
    }

    @Test
    void fileTrees_areTheSame_conffilesWaitingAsDpkgNew() throws IOException {
        assertThat(tree(ours)).isEqualTo(tree(theirs));
        assertThat(ours.resolve("etc/alpha.conf.dpkg-new")).hasContent("setting=1");
        assertThat(ours.resolve("etc/alpha.conf")).doesNotExist();
    }

    @Test
    void infoFiles_areTheSameNamesContentAndModes() throws IOException {
        Map<String, String> a = infoFiles(ours);
        Map<String, String> b = infoFiles(theirs);
        assertThat(a).isEqualTo(b);
        assertThat(a).containsKeys("alpha:amd64.list", "alpha:amd64.md5sums", "alpha:amd64.conffiles",
                "alpha:amd64.triggers", "alpha:amd64.postinst", "beta.list", "beta.md5sums", "beta.prerm");
    }

    @Test
    void triggerInterests_areTheSame() throws IOException {
        for (String f : List.of("File", "mytrigger", "Unincorp")) {
            assertThat(Files.readString(ours.resolve("var/lib/dpkg/triggers").resolve(f))).as(f)
                    .isEqualTo(Files.readString(theirs.resolve("var/lib/dpkg/triggers").resolve(f)));
        }
        assertThat(ours.resolve("var/lib/dpkg/triggers/mytrigger")).hasContent("beta\nalpha:amd64");
    }

    @Test
    void statusEntries_sayUnpacked_withTheSameFieldsAndConffiles() throws IOException {
        Map<String, Paragraph> a = status(ours);
        Map<String, Paragraph> b = status(theirs);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        for (String name : a.keySet()) {
            Paragraph p = a.get(name);
            Paragraph q = b.get(name);
            assertThat(p.get("Status")).as(name).contains("install ok unpacked").isEqualTo(q.get("Status"));
            assertThat(p.get("Conffiles")).as(name).isEqualTo(q.get("Conffiles"));
            for (String field : q.fields().keySet()) {
                assertThat(p.get(field)).as(name + " " + field).isEqualTo(q.get(field));
            }
        }
    }

    private static BinaryPackage entry(String name, String version, String arch, MultiArch ma) {
        DebVersion v = DebVersion.parse(version);
        return new BinaryPackage(name, v, arch, ma, false, Priority.OPTIONAL, "misc", 1, 1, "", "f", name, v,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "", "", "",
                new IndexOrigin("http://x/", "s", "s", "main", ""));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("var/lib/dpkg") || rel.equals("var/lib") || rel.isEmpty()) {
                    continue;
                }
                out.put(rel, describe(p));
            }
        }
        return out;
    }

    private static Map<String, String> infoFiles(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(root.resolve("var/lib/dpkg/info"))) {
            for (Path p : (Iterable<Path>) list::iterator) {
                out.put(p.getFileName().toString(), describe(p));
            }
        }
        return out;
    }

    private static String describe(Path p) throws IOException {
        var nofollow = java.nio.file.LinkOption.NOFOLLOW_LINKS;
        String meta = Files.getAttribute(p, "unix:uid", nofollow) + ":" + Files.getAttribute(p, "unix:gid", nofollow)
                + " " + Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode", nofollow) & 07777);
        if (Files.isSymbolicLink(p)) {
            return "link " + Files.readSymbolicLink(p);
        }
        return Files.isDirectory(p, nofollow) ? "dir " + meta : "file " + meta + " " + Files.readString(p);
    }

    private static Map<String, Paragraph> status(Path root) throws IOException {
        Map<String, Paragraph> out = new TreeMap<>();
        for (Paragraph p : new Deb822Parser("status").parseAll(
                new StringReader(Files.readString(root.resolve("var/lib/dpkg/status"))))) {
            out.put(p.get("Package", ""), p);
        }
        return out;
    }
}
