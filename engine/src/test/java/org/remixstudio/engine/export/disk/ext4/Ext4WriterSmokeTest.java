package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.tree.TreeEntry;

class Ext4WriterSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smallTree_passesFsck() throws Exception {
        Instant t = Instant.parse("2024-01-02T03:04:05Z");
        List<TreeEntry> entries = List.of(
                TreeEntry.directory("etc", 0755, t),
                TreeEntry.file("etc/hostname", 0644, 6, t),
                TreeEntry.symlink("etc/link", "hostname", t));
        Ext4Options o = Ext4Options.defaults(Ext4Size.contentPlus(16 << 20),
                UUID.fromString("11111111-2222-3333-4444-555555555555"),
                UUID.fromString("66666666-7777-8888-9999-aaaaaaaaaaaa"), t);
        Path img = dir.resolve("fs.img");
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            new Ext4Writer().write(entries, e -> new ByteArrayInputStream("remix\n".getBytes(StandardCharsets.UTF_8)), o, ch, 0);
        }
        E2fsTools.Run r = E2fsTools.fsck(img);
        System.out.println(r.stdout() + r.stderr());
        assertThat(r.exit()).isZero();
    }
}
