package org.remixstudio.app.build;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.remixstudio.app.tasks.FxBatcher;
import org.remixstudio.app.tasks.FxWork;
import org.remixstudio.engine.api.BootCommand;

/**
 * "Boot it": runs the engine's QEMU command for a built disk and is its serial console. The
 * command is prepared and started on a thread of its own (preparing copies the firmware variables),
 * its output is read on another and reaches the FX thread in batches with the terminal escapes
 * taken out, and what the user types goes to its standard input from a writer thread, so the FX
 * thread never waits on the guest. Stop destroys the emulator; when it ends, however, the command's
 * per-run files are cleaned up. One boot at a time.
 */
public final class BootConsoleViewModel {

    /** Console text kept; older output is dropped (a boot log is a few hundred KB at most). */
    static final int MAX_CHARS = 400_000;

    private final List<Consumer<String>> outputListeners = new ArrayList<>();
    private final List<Runnable> clearListeners = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final FxWork fxWork;
    private final FxBatcher<String> output;
    private final StringBuilder buffer = new StringBuilder();
    private volatile Run run;
    /** The run Stop ended, so that its end is reported as stopped rather than by its exit code. */
    private volatile Run stopped;

    /** One started emulator: its process, its command (to clean up) and the thread writing its input. */
    private record Run(Process process, BootCommand command, ExecutorService input) {
    }

    /** A console whose FX-thread work is not timed. */
    public BootConsoleViewModel() {
        this(FxWork.UNMETERED);
    }

    /** A console whose output batches and status changes are timed through {@code fxWork}. */
    public BootConsoleViewModel(FxWork fxWork) {
        this.fxWork = fxWork;
        this.output = new FxBatcher<>("boot console output", fxWork, this::append);
    }

    /**
     * Prepares the boot with {@code prepare} (the engine's {@code prepareBoot}) off the FX thread and
     * starts it; an engine error (no QEMU, no firmware: it says what to install) lands in
     * {@link #errorProperty()}. Called on the FX thread.
     */
    public void start(Supplier<BootCommand> prepare) {
        if (running.get()) {
            return;
        }
        running.set(true);
        error.set("");
        buffer.setLength(0);
        clearListeners.forEach(Runnable::run);
        status.set("Starting the virtual machine…");
        Thread starter = new Thread(() -> launch(prepare), "boot-console");
        starter.setDaemon(true);
        starter.start();
    }

    private void launch(Supplier<BootCommand> prepare) {
        BootCommand command;
        Process process;
        try {
            command = prepare.get();
        } catch (RuntimeException e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        try {
            process = new ProcessBuilder(command.command()).redirectErrorStream(true).start();
        } catch (IOException e) {
            command.cleanUp();
            fail("cannot start " + command.command().get(0) + ": " + e.getMessage());
            return;
        }
        ExecutorService input = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "boot-console-input");
            t.setDaemon(true);
            return t;
        });
        Run started = new Run(process, command, input);
        run = started;
        fxWork.runLater("boot console started", () -> status.set("Running" + (command.kvm() ? " with KVM" : " (software emulation, slower)")
                + "; changes are discarded when it stops"));
        read(started);
    }

    /** Reads the console until the emulator closes it, then reports how it ended. */
    private void read(Run r) {
        AnsiStripper stripper = new AnsiStripper();
        char[] chunk = new char[8192];
        try (Reader in = new InputStreamReader(r.process().getInputStream(), StandardCharsets.UTF_8)) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                String shown = stripper.feed(new String(chunk, 0, n));
                if (!shown.isEmpty()) {
                    output.post(shown);
                }
            }
        } catch (IOException e) {
            // the stream closes when Stop destroys the process
        }
        int code;
        try {
            code = r.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        r.command().cleanUp();
        r.input().shutdownNow();
        int exit = code;
        fxWork.runLater("boot console ended", () -> {
            if (run == r) {
                run = null;
            }
            running.set(false);
            status.set(stopped == r ? "The virtual machine was stopped; the image is as built"
                    : "The virtual machine stopped (exit code " + exit + ")");
        });
    }

    private void fail(String message) {
        fxWork.runLater("boot console failed", () -> {
            running.set(false);
            status.set("");
            error.set(message);
        });
    }

    /**
     * Sends a line to the guest's serial console, ended by a carriage return as a terminal's Enter key
     * sends it (the guest's tty turns it into a newline and echoes what it got).
     */
    public void sendLine(String line) {
        send(line + "\r");
    }

    /** Sends text as typed, e.g. a control character. */
    public void send(String keys) {
        Run r = run;
        if (r == null) {
            return;
        }
        byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
        r.input().execute(() -> {
            try {
                OutputStream in = r.process().getOutputStream();
                in.write(bytes);
                in.flush();
            } catch (IOException e) {
                // the guest has gone; the reader reports it
            }
        });
    }

    /** Stops the virtual machine (it is destroyed, like pulling the plug) and removes its per-run files. */
    public void stop() {
        Run r = run;
        if (r != null) {
            stopped = r;
            r.process().destroyForcibly();
            r.command().cleanUp();
            if (Platform.isFxApplicationThread()) {
                status.set("Stopping…");
            }
        }
    }

    /** A batch of output on the FX thread: one piece of text for the listeners, however many reads it took. */
    private void append(List<String> pieces) {
        String joined = pieces.size() == 1 ? pieces.get(0) : String.join("", pieces);
        buffer.append(joined);
        if (buffer.length() > MAX_CHARS) {
            buffer.delete(0, buffer.length() - MAX_CHARS * 3 / 4);
        }
        outputListeners.forEach(l -> l.accept(joined));
    }

    /**
     * Called on the FX thread with each batch of new console text (escapes removed), for a text area's
     * {@code appendText}: appending is cheap where replacing its whole text on every batch is not.
     */
    public void onOutput(Consumer<String> listener) {
        outputListeners.add(listener);
    }

    /** Called when a new boot clears the console. */
    public void onCleared(Runnable listener) {
        clearListeners.add(listener);
    }

    /** The console text kept so far (the last {@value #MAX_CHARS} characters at most). FX thread only. */
    public String text() {
        return buffer.toString();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the boot could not start (the engine's message says what to install), else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
