package org.remixstudio.engine.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.remixstudio.engine.api.ProgressEvent;

/**
 * Draws engine progress events as a one-line bar on a terminal's stderr, redrawn at most ten
 * times a second. Off a terminal (pipes, CI logs) it stays silent so output stays clean.
 */
final class ProgressBar implements Consumer<ProgressEvent> {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on stderr when a terminal is attached. */
    static ProgressBar forTerminal() {
        return new ProgressBar(System.err, System.console() != null);
    }

    @Override
    public synchronized void accept(ProgressEvent e) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = e.total() > 0 && e.done() >= e.total();
        if (!finished && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = render(e);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Clears the bar so that following output starts on a clean line. */
    synchronized void finish() {
        if (enabled && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    static String render(ProgressEvent e) {
        double f = e.fraction();
        StringBuilder sb = new StringBuilder();
        if (f >= 0) {
            int filled = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
            sb.append(String.format(Locale.ROOT, "%3d%% ", (int) Math.round(f * 100)));
        } else {
            sb.append("[").append(" ".repeat(WIDTH)).append("]      ");
        }
        sb.append(e.step());
        if (e.unit() == ProgressEvent.Unit.BYTES) {
            sb.append(' ').append(Sizes.human(e.done()));
            if (e.total() > 0) {
                sb.append('/').append(Sizes.human(e.total()));
            }
        } else if (e.total() > 0) {
            sb.append(' ').append(e.done()).append('/').append(e.total());
        }
        if (!e.detail().isEmpty()) {
            String d = e.detail();
            sb.append(' ').append(d.length() > 50 ? "…" + d.substring(d.length() - 49) : d);
        }
        return sb.toString();
    }
}
