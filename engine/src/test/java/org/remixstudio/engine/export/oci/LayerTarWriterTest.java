package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.build.layer.LayerTarReader;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;

class LayerTarWriterTest {

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant OLD = Instant.parse("2001-09-09T01:46:40Z");
    private static final Instant FUTURE = Instant.parse("2099-01-01T00:00:00.750Z");

    @TempDir
    Path tmp;

    private final LayerTarWriter gzip = new LayerTarWriter(EPOCH, LayerTarWriter.Compression.GZIP);
    private final LayerTarWriter plain = new LayerTarWriter(EPOCH, LayerTarWriter.Compression.NONE);

    private static LayerEntry file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry(TreeEntry.file(path, 0644, bytes.length, OLD), ContentSource.of(bytes));
    }

    private static LayerEntry dir(String path) {
        return LayerEntry.of(TreeEntry.directory(path, 0755, OLD));
    }

    private static List<TarArchiveEntry> list(Path layer) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(layer);
             InputStream in = layer.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    private static List<String> names(Path layer) throws IOException {
        return list(layer).stream().map(TarArchiveEntry::getName).toList();
    }

    @Test
    void write_sortsParentsFirstAndWhiteoutsBeforeSiblings() throws IOException {
        List<LayerEntry> entries = List.of(
                file("a.b", "x"), file("a/z", "x"), dir("a"), file("a/b/c", "x"), dir("a/b"),
                LayerEntry.whiteout("a/old", OLD), LayerEntry.opaqueWhiteout("a", OLD), file("a/-dash", "x"));

        LayerBlob blob = plain.write(entries, tmp.resolve("layer.tar"));

        assertThat(names(blob.file())).containsExactly(
                "a/", "a/.wh..wh..opq", "a/.wh.old", "a/-dash", "a/b/", "a/b/c", "a/z", "a.b");
    }

    @Test
    void write_clampsMtimesToSourceDateEpochAndKeepsOlderOnes() throws IOException {
        List<LayerEntry> entries = List.of(
                new LayerEntry(TreeEntry.file("new", 0644, 0, FUTURE), null),
                new LayerEntry(TreeEntry.file("old", 0644, 0, OLD), null));

        List<TarArchiveEntry> written = list(plain.write(entries, tmp.resolve("layer.tar")).file());

        assertThat(written.get(0).getLastModifiedTime().toInstant()).isEqualTo(EPOCH);
        assertThat(written.get(1).getLastModifiedTime().toInstant()).isEqualTo(OLD);
    }

    @Test
    void write_usesTheEntriesOwnersNotTheHosts() throws IOException {
        TreeEntry owned = TreeEntry.file("srv/data", 04750, 0, OLD).withOwner(3000000, 42, "builder", "shadow");

        TarArchiveEntry written = list(plain.write(List.of(LayerEntry.of(owned)), tmp.resolve("l.tar")).file()).get(0);

        assertThat(written.getLongUserId()).isEqualTo(3000000);
        assertThat(written.getLongGroupId()).isEqualTo(42);
        assertThat(written.getUserName()).isEqualTo("builder");
        assertThat(written.getGroupName()).isEqualTo("shadow");
        assertThat(written.getMode() & 07777).isEqualTo(04750);
    }

    @Test
    void write_longAndNonAsciiNamesAndTargets_goIntoPaxRecordsThatGnuTarReads() throws Exception {
        String longDir = "usr/share/" + "very-long-directory-name/".repeat(6);
        String longName = longDir.substring(0, longDir.length() - 1) + "/file.txt";
        String accented = "usr/share/doc/café/naïve.txt";
        List<LayerEntry> entries = List.of(
                file(longName, "long"), file(accented, "accent"),
                LayerEntry.of(TreeEntry.symlink("usr/link", "/" + longName, OLD)));

        LayerBlob blob = gzip.write(entries, tmp.resolve("layer.tar.gz"));

        assertThat(names(blob.file())).containsExactly("usr/link", accented, longName);
        assertThat(list(blob.file()).get(0).getLinkName()).isEqualTo("/" + longName);
        String gnu = Commands.ok("tar", "-tzf", blob.file().toString());
        assertThat(gnu.lines().toList()).containsExactly("usr/link", accented, longName);
    }

    @Test
    void write_binaryXattrIsStoredByteForByteInTheSchilyRecord() throws IOException {
        byte[] capability = {1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        capability[8] = (byte) 0xff;
        TreeEntry ping = TreeEntry.file("usr/bin/ping", 0755, 0, OLD).withXattrs(List.of(
                new Xattr("security.capability", capability), Xattr.ofText("user.note", "text")));

        Path layer = plain.write(List.of(LayerEntry.of(ping)), tmp.resolve("l.tar")).file();

        byte[] tar = Files.readAllBytes(layer);
        assertThat(tar[156]).as("first header is a PAX extended header").isEqualTo((byte) 'x');
        byte[] expected = concat("SCHILY.xattr.security.capability=".getBytes(StandardCharsets.US_ASCII), capability,
                new byte[] {'\n'});
        assertThat(indexOf(tar, expected)).isPositive();
        assertThat(new String(tar, StandardCharsets.ISO_8859_1)).contains("SCHILY.xattr.user.note=text\n")
                .contains("LIBARCHIVE.xattr.security.capability="
                        + Base64.getEncoder().withoutPadding().encodeToString(capability) + "\n")
                .doesNotContain("LIBARCHIVE.xattr.user.note");
        assertThat(list(layer)).extracting(TarArchiveEntry::getName).containsExactly("usr/bin/ping");
    }

    @Test
    void write_thenRead_givesBinaryXattrsBackByteForByte() throws Exception {
        byte[] capability = {1, 0, 0, 2, (byte) 0xff, 0x20, 0, 0, (byte) 0xc3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        List<Xattr> xattrs = List.of(new Xattr("security.capability", capability), Xattr.ofText("user.note", "tëxt"),
                new Xattr("user.odd name%", new byte[] {(byte) 0x80}));
        TreeEntry ping = TreeEntry.file("usr/bin/ping", 0755, 0, OLD).withXattrs(xattrs);

        Path layer = gzip.write(List.of(LayerEntry.of(ping)), tmp.resolve("l.tar.gz")).file();

        try (LayerTarReader reader = LayerTarReader.open(layer)) {
            assertThat(reader.next().xattrs()).containsExactlyInAnyOrderElementsOf(xattrs);
            assertThat(reader.next()).isNull();
        }
        // GNU tar takes the archive, reading the SCHILY records and passing over libarchive's
        assertThat(Commands.ok("tar", "--xattrs", "--xattrs-include=*", "-tvzf", layer.toString()))
                .contains("usr/bin/ping");
    }

    @Test
    void xattrNames_roundTripThroughLibarchiveEncoding() {
        for (String name : List.of("security.capability", "user.a=b", "user.100%", "user.é", "user.a b", "user.%41")) {
            String encoded = Xattr.urlEncode(name);
            assertThat(encoded).doesNotContain("=", " ").matches("\\p{ASCII}+");
            assertThat(Xattr.urlDecode(encoded)).isEqualTo(name);
        }
        assertThat(Xattr.urlEncode("user.a=b")).isEqualTo("user.a%3Db");
    }

    @Test
    void write_hardLinkSortingBeforeItsFile_becomesTheFileAndTheFileLinksToIt() throws Exception {
        byte[] content = "shared".getBytes(StandardCharsets.UTF_8);
        List<LayerEntry> entries = List.of(
                new LayerEntry(TreeEntry.file("z/real", 0755, content.length, OLD), ContentSource.of(content)),
                LayerEntry.of(TreeEntry.hardlink("a/link", "z/real", 0755, OLD)));

        Path layer = plain.write(entries, tmp.resolve("l.tar")).file();

        List<TarArchiveEntry> written = list(layer);
        assertThat(written.get(0).getName()).isEqualTo("a/link");
        assertThat(written.get(0).isFile()).isTrue();
        assertThat(written.get(0).getSize()).isEqualTo(content.length);
        assertThat(written.get(1).getName()).isEqualTo("z/real");
        assertThat(written.get(1).isLink()).isTrue();
        assertThat(written.get(1).getLinkName()).isEqualTo("a/link");
        Path out = Files.createDirectories(tmp.resolve("x"));
        Commands.ok("tar", "-xf", layer.toString(), "-C", out.toString());
        assertThat(Files.getAttribute(out.resolve("z/real"), "unix:nlink")).isEqualTo(2);
    }

    @Test
    void write_devicesAndFifos_areWrittenWithoutExistingOnDisk() throws IOException {
        List<LayerEntry> entries = List.of(
                LayerEntry.of(TreeEntry.special("dev/console", EntryType.CHAR_DEVICE, 0600, 5, 1, OLD)),
                LayerEntry.of(TreeEntry.special("dev/sda", EntryType.BLOCK_DEVICE, 0660, 8, 0, OLD)),
                LayerEntry.of(TreeEntry.special("run/fifo", EntryType.FIFO, 0600, 0, 0, OLD)));

        List<TarArchiveEntry> written = list(plain.write(entries, tmp.resolve("l.tar")).file());

        assertThat(written.get(0).isCharacterDevice()).isTrue();
        assertThat(written.get(0).getDevMajor()).isEqualTo(5);
        assertThat(written.get(0).getDevMinor()).isEqualTo(1);
        assertThat(written.get(1).isBlockDevice()).isTrue();
        assertThat(written.get(2).isFIFO()).isTrue();
    }

    @Test
    void write_uncompressedLayer_hasDigestEqualToDiffId() throws IOException {
        LayerBlob blob = plain.write(List.of(file("a", "x")), tmp.resolve("l.tar"));

        assertThat(blob.digest()).isEqualTo(blob.diffId());
        assertThat(blob.mediaType()).isEqualTo(MediaTypes.LAYER_TAR);
        assertThat(blob.digest()).isEqualTo(Digest.of(Files.readAllBytes(blob.file())));
    }

    @Test
    void write_gzipLayer_digestCoversTheBlobAndDiffIdTheTar() throws IOException {
        LayerBlob blob = gzip.write(List.of(file("a", "x")), tmp.resolve("l.tar.gz"));

        byte[] stored = Files.readAllBytes(blob.file());
        assertThat(blob.digest()).isEqualTo(Digest.of(stored));
        assertThat(blob.size()).isEqualTo(stored.length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            assertThat(blob.diffId()).isEqualTo(Digest.of(in.readAllBytes()));
        }
        assertThat(blob.mediaType()).isEqualTo(MediaTypes.LAYER_TAR_GZIP);
    }

    @Test
    void write_sameEntriesInAnyOrder_giveIdenticalBytes() throws IOException {
        List<LayerEntry> entries = new ArrayList<>(List.of(dir("etc"), file("etc/a", "1"), file("etc/b", "2"), dir("usr")));
        LayerBlob first = gzip.write(entries, tmp.resolve("first.tar.gz"));
        java.util.Collections.reverse(entries);
        LayerBlob second = gzip.write(entries, tmp.resolve("second.tar.gz"));

        assertThat(Files.mismatch(first.file(), second.file())).isEqualTo(-1L);
        assertThat(first.digest()).isEqualTo(second.digest());
    }

    @Test
    void write_duplicatePath_isRefused() {
        assertThatThrownBy(() -> plain.write(List.of(file("etc/a", "1"), file("etc/a", "2")), tmp.resolve("l.tar")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("'etc/a' is listed twice");
    }

    @Test
    void write_realFileWithWhiteoutPrefix_isRefused() {
        assertThatThrownBy(() -> plain.write(List.of(file("etc/.wh.trick", "not empty")), tmp.resolve("l.tar")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("reserved whiteout prefix");
    }

    @Test
    void write_hardLinkToPathOutsideTheLayer_isRefused() {
        assertThatThrownBy(() -> plain.write(List.of(LayerEntry.of(TreeEntry.hardlink("a", "missing", 0644, OLD))),
                tmp.resolve("l.tar")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("'missing', which is not a file in this layer");
    }

    @Test
    void write_contentShorterThanDeclared_failsAndLeavesNoFile() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        LayerEntry lying = new LayerEntry(TreeEntry.file("a", 0644, 100, OLD), ContentSource.of(new byte[10]));

        assertThatThrownBy(() -> gzip.write(List.of(lying), out.resolve("l.tar.gz")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("'a' ended 90 bytes before its declared size 100");
        try (var left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void compress_ofTheWrittenTar_givesTheBytesOfAGzipWrite() throws IOException {
        List<LayerEntry> entries = List.of(dir("usr"), file("usr/a", "a".repeat(3_000_000)), file("usr/b", "bee"));

        LayerBlob direct = gzip.write(entries, tmp.resolve("direct.tar.gz"));
        LayerBlob tar = plain.write(entries, tmp.resolve("layer.tar"));
        LayerBlob later = gzip.compress(tar, tmp.resolve("later.tar.gz"));

        assertThat(later.digest()).isEqualTo(direct.digest());
        assertThat(later.diffId()).isEqualTo(direct.diffId()).isEqualTo(tar.digest());
        assertThat(Files.readAllBytes(later.file())).isEqualTo(Files.readAllBytes(direct.file()));
    }

    @Test
    void compress_ofATarChangedSinceItWasWritten_fails() throws IOException {
        LayerBlob tar = plain.write(List.of(file("a", "one")), tmp.resolve("layer.tar"));
        Files.write(tar.file(), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> gzip.compress(tar, tmp.resolve("out.tar.gz")))
                .isInstanceOf(EngineException.class).hasMessageContaining("changed after it was written");
        assertThat(tmp.resolve("out.tar.gz")).doesNotExist();
    }

    @Test
    void zstd_layersAreZstdFramesWithTheirMediaType_andTheSameBytesWrittenOrCompressedLater() throws Exception {
        LayerTarWriter zstd = new LayerTarWriter(EPOCH, LayerTarWriter.Compression.ZSTD);
        List<LayerEntry> entries = List.of(dir("usr"), file("usr/a", "abc".repeat(2_000_000)), file("usr/b", "bee"));

        LayerBlob direct = zstd.write(entries, tmp.resolve("direct.tar.zst"));
        LayerBlob later = zstd.compress(plain.write(entries, tmp.resolve("layer.tar")), tmp.resolve("later.tar.zst"));

        assertThat(direct.mediaType()).isEqualTo("application/vnd.oci.image.layer.v1.tar+zstd");
        assertThat(Files.readAllBytes(later.file())).isEqualTo(Files.readAllBytes(direct.file()));
        assertThat(direct.diffId()).isEqualTo(later.diffId());
        assertThat(Commands.ok("zstd", "--test", direct.file().toString())).doesNotContain("Error");
        Path tar = tmp.resolve("unpacked.tar");
        Commands.ok("zstd", "-d", "-q", "-o", tar.toString(), direct.file().toString());
        assertThat(Digest.of(tar)).isEqualTo(direct.diffId());
    }

    /** What reproducible zstd layers rest on: libzstd's multi-threaded output does not depend on the workers. */
    @Test
    void zstdMultiThreadedOutput_isTheSameForAnyNumberOfWorkers() throws IOException {
        byte[] data = new byte[9 << 20];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (random.nextInt(6) == 0 ? random.nextInt(256) : 'a' + (i / 7) % 19);
        }
        List<byte[]> outputs = new ArrayList<>();
        for (int workers : new int[] {1, 2, 4}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (com.github.luben.zstd.ZstdOutputStream zstd = new com.github.luben.zstd.ZstdOutputStream(out,
                    LayerTarWriter.ZSTD_LEVEL)) {
                zstd.setChecksum(true);
                zstd.setWorkers(workers);
                zstd.setCloseFrameOnFlush(false);
                for (int off = 0; off < data.length; off += 100_000 * workers) {
                    zstd.write(data, off, Math.min(100_000 * workers, data.length - off));
                }
            }
            outputs.add(out.toByteArray());
        }

        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
        assertThat(outputs.get(2)).isEqualTo(outputs.get(0));
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
