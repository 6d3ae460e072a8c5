package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PipelinedInputStreamTest {

    @Test
    void deliversEveryByteInOrder_withItsDigestAndCount() throws Exception {
        byte[] data = new byte[5_000_123];
        new Random(7).nextBytes(data);

        try (PipelinedInputStream in = new PipelinedInputStream(new ByteArrayInputStream(data),
                MessageDigest.getInstance("SHA-256"), "test")) {
            byte[] copy = in.readAllBytes();

            assertThat(copy).isEqualTo(data);
            assertThat(in.count()).isEqualTo(data.length);
            assertThat(in.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }

    @Test
    void aReadErrorOfTheSource_reachesTheReader() throws Exception {
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (++n > 300_000) {
                    throw new IOException("disk on fire");
                }
                return 1;
            }
        };
        try (PipelinedInputStream in = new PipelinedInputStream(failing, MessageDigest.getInstance("SHA-256"), "test")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("disk on fire");
        }
    }

    @Test
    void closingEarly_stopsTheReaderThread() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        PipelinedInputStream in = new PipelinedInputStream(endless, MessageDigest.getInstance("SHA-256"), "endless");
        in.read(new byte[1000]);

        in.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("endless") && t.isAlive());
        assertThatThrownBy(in::count).isInstanceOf(IllegalStateException.class);
    }
}
