package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;

class Ext4WriterTest {

    private static final Instant T = Instant.parse("2024-01-02T03:04:05Z");
    private static final UUID ID = UUID.fromString("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
    private static final UUID SEED = UUID.fromString("f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f");

    @TempDir
    Path dir;

    private final Ext4Writer writer = new Ext4Writer();

    private static Ext4Options options(Ext4Size size) {
        return Ext4Options.defaults(size, ID, SEED, T);
    }

    /** A small tree of every kind of entry, files' content being their path. */
    private static List<TreeEntry> sampleTree() {
        List<TreeEntry> entries = new ArrayList<>();
        entries.add(TreeEntry.directory("usr", 0755, T));
        entries.add(TreeEntry.directory("usr/bin", 0755, T));
        for (int i = 0; i < 300; i++) {
            String p = "usr/bin/tool-" + i;
            entries.add(TreeEntry.file(p, 0755, p.length(), T));
        }
        entries.add(TreeEntry.symlink("bin", "usr/bin", T));
        entries.add(TreeEntry.hardlink("usr/bin/alias", "usr/bin/tool-1", 0755, T));
        entries.add(TreeEntry.special("dev-null", EntryType.CHAR_DEVICE, 0666, 1, 3, T));
        entries.add(TreeEntry.file("cap", 0755, 3, T).withXattrs(List.of(Xattr.ofText("user.x", "y"))));
        return entries;
    }

    private static Ext4Content pathContent() {
        return e -> new ByteArrayInputStream((e.path().equals("cap") ? "cap" : e.path()).getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, List<TreeEntry> entries, Ext4Options o) throws IOException {
        Path img = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            writer.write(entries, pathContent(), o, ch, 0);
        }
        return img;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void write_sameInputTwice_isBitIdentical() throws Exception {
        Ext4Options o = options(Ext4Size.contentPlus(32 << 20));
        Path a = write("a.img", sampleTree(), o);
        Path b = write("b.img", sampleTree(), o);
        assertThat(sha256(a)).isEqualTo(sha256(b));
        assertThat(E2fsTools.fsck(a).exit()).isZero();
    }

    @Test
    void write_inputOrder_doesNotMatter() throws Exception {
        Ext4Options o = options(Ext4Size.contentPlus(32 << 20));
        List<TreeEntry> shuffled = new ArrayList<>(sampleTree());
        Collections.shuffle(shuffled, new Random(7));
        // hard links must follow their target in a tar, but the writer does not care
        assertThat(sha256(write("shuffled.img", shuffled, o))).isEqualTo(sha256(write("sorted.img", sampleTree(), o)));
    }

    @Test
    void write_differentUuid_givesADifferentImage() throws Exception {
        Path a = write("a.img", sampleTree(), options(Ext4Size.contentPlus(32 << 20)));
        Path b = write("b.img", sampleTree(), Ext4Options.defaults(Ext4Size.contentPlus(32 << 20),
                UUID.fromString("00000000-0000-4000-8000-000000000001"), SEED, T));
        assertThat(sha256(a)).isNotEqualTo(sha256(b));
        assertThat(E2fsTools.debugfs(b, "stats")).contains("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void write_atAnOffset_leavesTheBytesBeforeItAlone_andEqualsAWriteAtZero() throws Exception {
        Ext4Options o = options(Ext4Size.contentPlus(16 << 20));
        Path plain = write("plain.img", sampleTree(), o);
        Path disk = dir.resolve("disk.img");
        long offset = 1 << 20;
        try (FileChannel ch = FileChannel.open(disk, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.wrap("MBR".getBytes(StandardCharsets.US_ASCII)), 0);
            Ext4Result r = writer.write(sampleTree(), pathContent(), o, ch, offset);
            assertThat(ch.size()).isEqualTo(offset + r.sizeBytes());
        }
        byte[] all = Files.readAllBytes(disk);
        assertThat(new String(all, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("MBR");
        assertThat(java.util.Arrays.copyOfRange(all, (int) offset, all.length)).isEqualTo(Files.readAllBytes(plain));
    }

    @Test
    void write_fixedSize_usesExactlyThatSize_andReportsCounts() throws Exception {
        Path img = dir.resolve("fixed.img");
        Ext4Result r;
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            r = writer.write(sampleTree(), pathContent(), options(Ext4Size.fixed(100L << 20)), ch, 0);
        }
        assertThat(r.sizeBytes()).isEqualTo(100L << 20);
        assertThat(r.blockCount()).isEqualTo(25600);
        assertThat(r.uuid()).isEqualTo(ID);
        String stats = E2fsTools.debugfs(img, "stats");
        assertThat(stats).contains("Free blocks:              " + r.freeBlocks(), "Free inodes:              " + r.freeInodes());
        assertThat(E2fsTools.fsck(img).exit()).isZero();
    }

    @Test
    void write_largeFilesystem_withManyGroupsAndABigJournal_passesFsck() throws Exception {
        // 160 groups: a 3-block descriptor table, backups up to group 125, ten flex groups; the 1 GiB
        // journal needs eight extents and so an extent tree block.
        Path img = write("large.img", sampleTree(), options(Ext4Size.fixed(20L << 30)).withJournalBlocks(262144));
        E2fsTools.Run fsck = E2fsTools.fsck(img);
        assertThat(fsck.exit()).as(fsck.stdout()).isZero();
        String header = E2fsTools.run(List.of("dumpe2fs", "-h", img.toString())).stdout();
        assertThat(header).contains("Block count:              5242880", "Total journal size:       1024M");
        assertThat(E2fsTools.debugfs(img, "stat <8>")).contains("(ETB0)");
        assertThat(E2fsTools.run(List.of("dumpe2fs", img.toString())).stdout())
                .contains("Group 125: (Blocks 4096000-4128767) csum", "Backup superblock at 4096000, Group descriptors at 4096001-4096003")
                .doesNotContain("EXPECTED");
        long allocated = Long.parseLong(E2fsTools.run(List.of("du", "-B1", img.toString())).stdout().split("\\s")[0]);
        assertThat(allocated).isLessThan(8L << 20);
    }

    @Test
    void minimalSize_isEnoughForTheTree() throws Exception {
        Ext4Options o = options(Ext4Size.contentPlus(0));
        long minimal = writer.minimalSize(sampleTree(), 0, o);
        Path img = write("minimal.img", sampleTree(), o.withSize(Ext4Size.fixed(minimal)));
        assertThat(E2fsTools.fsck(img).exit()).isZero();
    }

    @Test
    void contentPlus_leavesAtLeastTheFreeSpaceAsked_andMatchesMinimalSize() throws Exception {
        long free = 100L << 20;
        Path img = dir.resolve("free.img");
        Ext4Result r;
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            r = writer.write(sampleTree(), pathContent(), options(Ext4Size.contentPlus(free)), ch, 0);
        }
        assertThat(r.freeBlocks() * 4096).isBetween(free, free + (8L << 20));
        assertThat(writer.minimalSize(sampleTree(), free, options(Ext4Size.contentPlus(0)))).isEqualTo(r.sizeBytes());
    }

    @Test
    void write_sizeTooSmall_failsBeforeWriting_namingTheNeededSize() {
        List<TreeEntry> big = List.of(TreeEntry.file("big", 0644, 200L << 20, T));
        assertThatThrownBy(() -> write("small.img", big, options(Ext4Size.fixed(64L << 20))))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("too small for the tree").hasMessageContaining("give a larger disk size");
    }

    @Test
    void write_contentShorterThanTheEntrySize_namesTheFile() {
        List<TreeEntry> entries = List.of(TreeEntry.file("etc/short", 0644, 100, T));
        assertThatThrownBy(() -> write("short.img", entries, options(Ext4Size.contentPlus(8 << 20))))
                .isInstanceOf(EngineException.class).hasMessageContaining("'etc/short'").hasMessageContaining("ended after");
    }

    @Test
    void write_duplicatePath_isRefused() {
        List<TreeEntry> entries = List.of(TreeEntry.file("a", 0644, 0, T), TreeEntry.directory("a", 0755, T));
        assertThatThrownBy(() -> write("dup.img", entries, options(Ext4Size.contentPlus(8 << 20))))
                .isInstanceOf(EngineException.class).hasMessageContaining("'a' appears twice");
    }

    @Test
    void write_hardLinkToMissingOrDirectory_isRefused() {
        Ext4Options o = options(Ext4Size.contentPlus(8 << 20));
        assertThatThrownBy(() -> write("h1.img", List.of(TreeEntry.hardlink("x", "nope", 0644, T)), o))
                .isInstanceOf(EngineException.class).hasMessageContaining("'nope', which is not in the tree");
        assertThatThrownBy(() -> write("h2.img", List.of(TreeEntry.directory("d", 0755, T),
                TreeEntry.hardlink("x", "d", 0644, T)), o))
                .isInstanceOf(EngineException.class).hasMessageContaining("directories cannot be hard-linked");
    }

    @Test
    void write_entryInsideAFile_isRefused() {
        List<TreeEntry> entries = List.of(TreeEntry.file("a", 0644, 0, T), TreeEntry.file("a/b", 0644, 0, T));
        assertThatThrownBy(() -> write("in-file.img", entries, options(Ext4Size.contentPlus(8 << 20))))
                .isInstanceOf(EngineException.class).hasMessageContaining("inside 'a', which is a FILE");
    }

    @Test
    void write_unknownXattrNamespace_isRefused() {
        List<TreeEntry> entries = List.of(TreeEntry.file("a", 0644, 0, T).withXattrs(List.of(Xattr.ofText("os2.x", "y"))));
        assertThatThrownBy(() -> write("xattr.img", entries, options(Ext4Size.contentPlus(8 << 20))))
                .isInstanceOf(EngineException.class).hasMessageContaining("'os2.x' of 'a'");
    }

    @Test
    void write_missingParents_areMadeAsRootOwnedDirectories() throws Exception {
        Path img = write("parents.img", List.of(TreeEntry.file("a/b/c", 0600, 5, T)), options(Ext4Size.contentPlus(8 << 20)));
        assertThat(E2fsTools.fsck(img).exit()).isZero();
        assertThat(E2fsTools.debugfs(img, "stat /a/b")).contains("Type: directory", "Mode:  0755");
        assertThat(E2fsTools.cat(img, "a/b/c")).isEqualTo("a/b/c".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void write_lostAndFoundFromTheInput_keepsItsMetadataAndInode11() throws Exception {
        List<TreeEntry> entries = List.of(new TreeEntry("lost+found", EntryType.DIRECTORY, 0700, 0, 0, "", "", T, 0, "", 0,
                0, List.of()), TreeEntry.file("lost+found/#12", 0644, 0, T));
        Path img = write("lf.img", entries, options(Ext4Size.contentPlus(8 << 20)));
        assertThat(E2fsTools.fsck(img).exit()).isZero();
        assertThat(E2fsTools.debugfs(img, "stat /lost+found")).contains("Inode: 11 ");
    }

    @Test
    void write_posixAcl_isStoredInExt4sOwnEncoding() throws Exception {
        byte[] acl = HexFormat.of().parseHex("02000000" + "01000600ffffffff" + "02000600e8030000"
                + "04000400ffffffff" + "10000600ffffffff" + "20000400ffffffff");
        List<TreeEntry> entries = List.of(TreeEntry.file("acl", 0664, 0, T)
                .withXattrs(List.of(new Xattr("system.posix_acl_access", acl))));
        Path img = write("acl.img", entries, options(Ext4Size.contentPlus(8 << 20)));
        assertThat(E2fsTools.fsck(img).exit()).isZero();
        assertThat(E2fsTools.debugfs(img, "ea_list /acl")).contains("system.posix_acl_access");
        Path back = dir.resolve("acl.bin");
        E2fsTools.debugfs(img, "ea_get -f " + back + " /acl system.posix_acl_access");
        // e2fsprogs hands short entries (owner, group, mask, other) back with id 0 where Linux says -1
        byte[] asE2fsprogsReturnsIt = HexFormat.of().parseHex("02000000" + "0100060000000000" + "02000600e8030000"
                + "0400040000000000" + "1000060000000000" + "2000040000000000");
        assertThat(Files.readAllBytes(back)).isEqualTo(asE2fsprogsReturnsIt);
    }

    @Test
    void write_reportsProgressInContentBytes() throws Exception {
        List<org.remixstudio.engine.api.ProgressEvent> events = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(dir.resolve("progress.img"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            writer.write(sampleTree(), pathContent(), options(Ext4Size.contentPlus(8 << 20)), ch, 0, events::add);
        }
        long total = sampleTree().stream().mapToLong(TreeEntry::size).sum();
        assertThat(events).isNotEmpty().allMatch(e -> e.step().equals("ext4") && e.total() == total);
        assertThat(events.get(events.size() - 1).done()).isEqualTo(total);
    }

    @Test
    void write_interrupted_throwsCancellation() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> write("cancel.img", sampleTree(), options(Ext4Size.contentPlus(8 << 20))))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
