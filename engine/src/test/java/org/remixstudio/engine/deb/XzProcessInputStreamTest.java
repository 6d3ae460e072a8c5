package org.remixstudio.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

class XzProcessInputStreamTest {

    private static byte[] sample(int size) {
        byte[] data = new byte[size];
        Random random = new Random(3);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (random.nextInt(5) == 0 ? random.nextInt(256) : 'a' + i % 17);
        }
        return data;
    }

    private static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(1))) {
            xz.write(data);
        }
        return out.toByteArray();
    }

    private static InputStream open(byte[] compressed) throws IOException {
        return XzProcessInputStream.open(new ByteArrayInputStream(compressed))
                .orElseThrow(() -> new AssertionError("xz (xz-utils) must be installed"));
    }

    @Test
    void decodes_theSameBytesAsXzForJava() throws IOException {
        byte[] data = sample(3_000_000);
        byte[] compressed = xz(data);

        try (InputStream in = open(compressed); InputStream java = new XZInputStream(new ByteArrayInputStream(compressed))) {
            byte[] decoded = in.readAllBytes();
            assertThat(decoded).isEqualTo(data).isEqualTo(java.readAllBytes());
        }
    }

    @Test
    void corruptData_failsWithXzsMessage() throws IOException {
        byte[] compressed = xz(sample(200_000));
        compressed[compressed.length / 2] ^= 0x55;

        try (InputStream in = open(compressed)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("xz cannot decode it");
        }
    }

    @Test
    void truncatedData_fails() throws IOException {
        byte[] compressed = xz(sample(200_000));

        try (InputStream in = open(Arrays.copyOf(compressed, compressed.length - 40))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aFailureToReadTheCompressedBytes_isReportedAsItself() throws IOException {
        byte[] compressed = xz(sample(200_000));
        InputStream failing = new java.io.SequenceInputStream(
                new ByteArrayInputStream(compressed, 0, compressed.length / 2), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Input/output error reading the .deb");
                    }
                });

        try (InputStream in = XzProcessInputStream.open(failing).orElseThrow()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessage("Input/output error reading the .deb");
        }
    }

    @Test
    void closingBeforeTheEnd_stopsTheDecoder() throws Exception {
        byte[] compressed = xz(sample(20_000_000));
        long before = ProcessHandle.current().children().count();

        for (int i = 0; i < 5; i++) {
            try (InputStream in = open(compressed)) {
                assertThat(in.readNBytes(1000)).hasSize(1000);
            }
        }

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.current().children().count() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.current().children().count()).isEqualTo(before);
    }
}
