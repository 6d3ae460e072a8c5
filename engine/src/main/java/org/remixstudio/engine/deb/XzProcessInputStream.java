package org.remixstudio.engine.deb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.remixstudio.engine.io.Executables;

/**
 * Decodes an {@code .xz} stream with the system's {@code xz} (XZ Utils), fed from another thread.
 * Almost every {@code data.tar} of Debian is xz-compressed, and decoding them is most of the time a
 * build spends unpacking: liblzma decodes the 167 MB of a minimal bookworm's data members in 1.6 s of
 * CPU where XZ for Java takes 2.9 s. Where no {@code xz} is installed, {@link MemberCompression} uses
 * XZ for Java, which decodes the same bytes. The process reads only the member's bytes and writes the
 * decoded tar, which the caller checks as it checks any decoder's output (limits, names, sizes); it
 * runs with a memory limit, and closing the stream early kills it.
 */
final class XzProcessInputStream extends InputStream {

    /** XZ Utils' {@code xz}, looked up once on {@code PATH}; immutable once found. */
    private static final Optional<Path> XZ = System.getProperty("os.name", "").startsWith("Linux")
            ? Executables.onPath("xz") : Optional.empty();

    private final Process process;
    private final InputStream decoded;
    private final Thread feeder;
    /** Reading the compressed bytes failed: the cause of whatever xz says about its input ending early. */
    private volatile IOException readFailure;
    /** Writing to xz failed: a broken pipe when xz stopped early (bad data, or the reader closed). */
    private volatile IOException writeFailure;
    private boolean ended;

    private XzProcessInputStream(InputStream compressed) throws IOException {
        this.process = new ProcessBuilder(XZ.orElseThrow().toString(), "--decompress", "--stdout", "--quiet",
                "--memlimit-decompress=1GiB")
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        this.decoded = process.getInputStream();
        this.feeder = new Thread(() -> feed(compressed), "xz-feed");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** A decoding stream over {@code compressed}, or empty when the system has no {@code xz}. */
    static Optional<InputStream> open(InputStream compressed) throws IOException {
        return XZ.isPresent() ? Optional.of(new XzProcessInputStream(compressed)) : Optional.empty();
    }


    private void feed(InputStream compressed) {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream stdin = process.getOutputStream()) {
            while (true) {
                int n;
                try {
                    n = compressed.read(buffer);
                } catch (IOException e) {
                    readFailure = e;
                    return;
                }
                if (n < 0) {
                    return;
                }
                stdin.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // xz's exit status tells why, if it had one
            writeFailure = e;
        }
    }

    @Override
    public int read() throws IOException {
        int b = decoded.read();
        if (b < 0) {
            end();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = decoded.read(b, off, len);
        if (n < 0) {
            end();
        }
        return n;
    }

    /** At the end of the output: the input must be used up and xz must have found it well-formed. */
    private void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        try {
            feeder.join();
            if (readFailure != null) {
                process.destroyForcibly();
                throw readFailure;
            }
            int status = process.waitFor();
            if (status != 0) {
                String message = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new IOException("xz cannot decode it: " + (message.isEmpty() ? "exit status " + status : message));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new InterruptedIOException("decoding xz data was interrupted");
        }
        if (writeFailure != null) {
            throw writeFailure;
        }
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            ended = true;
            process.destroyForcibly();
            try {
                feeder.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        decoded.close();
        process.getErrorStream().close();
    }
}
