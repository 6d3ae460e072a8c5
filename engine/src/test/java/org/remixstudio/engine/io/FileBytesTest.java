package org.remixstudio.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {

    @TempDir
    Path dir;

    @Test
    void read_fileOfManyChunks_returnsEveryByte() throws Exception {
        byte[] data = new byte[3 * 64 * 1024 + 123];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("big"), data);

        assertThat(FileBytes.read(file)).isEqualTo(data);
    }

    @Test
    void read_emptyFile_returnsNoBytes() throws Exception {
        assertThat(FileBytes.read(Files.createFile(dir.resolve("empty")))).isEmpty();
    }

    @Test
    void read_missingFile_throwsNoSuchFile() {
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }
}
