package org.remixstudio.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A booting virtual machine's serial console, driven like a person at a terminal: wait until some
 * text appears (after a given point), type a line. Everything the guest printed is kept for the
 * failure message.
 */
public final class SerialConsole implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final OutputStream input;

    private SerialConsole(Process process) {
        this.process = process;
        this.input = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    output.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // the emulator ended
            }
        }, "serial console reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the emulator command with its serial console on standard input and output. */
    public static SerialConsole start(List<String> command) throws IOException {
        return new SerialConsole(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Waits until {@code text} appears after position {@code from} of the output; returns the position
     * just after it.
     *
     * @throws AssertionError with the whole console output when it does not appear in time
     */
    public int await(String text, int from, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            int at = output.indexOf(text, from);
            if (at >= 0) {
                return at + text.length();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' did not appear on the serial console within " + timeout
                + (process.isAlive() ? "" : " (the emulator ended with exit " + process.exitValue() + ")")
                + "; console output:\n" + output);
    }

    /** Types a line (with a carriage return, as a terminal sends it). */
    public void type(String line) throws IOException {
        input.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** Everything printed so far. */
    public String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
