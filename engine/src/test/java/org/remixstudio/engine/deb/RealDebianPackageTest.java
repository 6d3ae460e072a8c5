package org.remixstudio.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Reads real packages fetched from the Debian archive configured in the host's apt sources
 * ({@code apt-get download}), so the reader is checked against what dpkg-deb really produces.
 */
@Tag("archive")
class RealDebianPackageTest {

    @TempDir
    static Path downloads;
    @TempDir
    Path target;

    private static Path bash;
    private static Path passwd;
    private static Path perlBase;

    @BeforeAll
    static void download() throws Exception {
        try {
            TestDebs.run(downloads, "apt-get", "download", "bash", "passwd", "perl-base");
        } catch (IOException firstTry) {
            // a fresh machine may have no package lists yet
            TestDebs.run(downloads, "apt-get", "update", "-q");
            TestDebs.run(downloads, "apt-get", "download", "bash", "passwd", "perl-base");
        }
        bash = find("bash_");
        passwd = find("passwd_");
        perlBase = find("perl-base_");
    }

    private static Path find(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static Map<String, TreeEntry> entries(DebArchive deb) {
        Map<String, TreeEntry> all = new LinkedHashMap<>();
        deb.forEachDataEntry((entry, content) -> all.put(entry.path(), entry));
        return all;
    }

    @Test
    void bash_controlAndEntriesMatchWhatDpkgDebShows() {
        DebArchive deb = DebArchive.open(bash);

        assertThat(deb.control().packageName()).isEqualTo("bash");
        assertThat(deb.control().fields().get("Essential")).contains("yes");
        assertThat(deb.control().conffiles()).contains("/etc/bash.bashrc", "/etc/skel/.bashrc");
        assertThat(deb.control().maintainerScripts()).containsKeys("postinst", "prerm", "postrm");
        assertThat(deb.control().md5sums()).containsKey("bin/bash");
        Map<String, TreeEntry> entries = entries(deb);
        TreeEntry shell = entries.get("bin/bash");
        assertThat(shell.type()).isEqualTo(EntryType.FILE);
        assertThat(shell.mode()).isEqualTo(0755);
        assertThat(shell.uid()).isZero();
        assertThat(shell.gid()).isZero();
        assertThat(shell.uname()).isEqualTo("root");
        assertThat(shell.gname()).isEqualTo("root");
        assertThat(shell.size()).isGreaterThan(500_000);
        TreeEntry rbash = entries.get("bin/rbash");
        assertThat(rbash.type()).isEqualTo(EntryType.SYMLINK);
        assertThat(rbash.linkTarget()).isEqualTo("bash");
    }

    @Test
    void bash_extractedFilesMatchTheirMd5sums() throws Exception {
        DebArchive deb = DebArchive.open(bash);

        ExtractionReport report = new TreeExtractor(target, ExtractOptions.defaults()).extractAll(deb);

        // md5sums lists every regular file except the conffiles
        assertThat(report.files()).isEqualTo(deb.control().md5sums().size() + deb.control().conffiles().size());
        for (Map.Entry<String, String> sum : deb.control().md5sums().entrySet()) {
            byte[] content = Files.readAllBytes(target.resolve(sum.getKey()));
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
            assertThat(md5).as(sum.getKey()).isEqualTo(sum.getValue());
        }
        assertThat(Files.isSymbolicLink(target.resolve("bin/rbash"))).isTrue();
        assertThat(Files.getAttribute(target.resolve("bin/bash"), "unix:mode")).isEqualTo(0100755);
    }

    @Test
    void passwd_keepsSetuidSetgidAndTheShadowGroupFromTheHeader() throws IOException {
        Map<String, TreeEntry> entries = entries(DebArchive.open(passwd));

        assertThat(entries.get("usr/bin/passwd").mode()).isEqualTo(04755);
        TreeEntry expiry = entries.get("usr/bin/expiry");
        assertThat(expiry.mode()).isEqualTo(02755);
        assertThat(expiry.gid()).isEqualTo(42);
        assertThat(expiry.gname()).isEqualTo("shadow");

        new TreeExtractor(target, ExtractOptions.defaults()).extractAll(DebArchive.open(passwd));
        assertThat(Files.getAttribute(target.resolve("usr/bin/passwd"), "unix:mode")).isEqualTo(0104755);
        assertThat(Files.getAttribute(target.resolve("usr/bin/expiry"), "unix:gid")).isEqualTo(42);
    }

    @Test
    void perlBase_hardLinkIsReadAndExtractedAsAHardLink() {
        Map<String, TreeEntry> entries = entries(DebArchive.open(perlBase));
        TreeEntry versioned = entries.values().stream()
                .filter(e -> e.type() == EntryType.HARDLINK).findFirst().orElseThrow();
        assertThat(versioned.linkTarget()).isEqualTo("usr/bin/perl");

        ExtractionReport report = new TreeExtractor(target, ExtractOptions.defaults()).extractAll(DebArchive.open(perlBase));

        assertThat(report.hardlinks()).isPositive();
        assertThat(target.resolve(versioned.path())).hasSameBinaryContentAs(target.resolve("usr/bin/perl"));
    }
}
