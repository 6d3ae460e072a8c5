package org.remixstudio.app.build;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Shows a build's output in the desktop's file manager ({@code xdg-open} on its folder), from the
 * Build window's button and from the end-of-build notification. Runs off the FX thread, as starting
 * a process can take a moment; without a file manager nothing happens (the path is in the log).
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    public static void show(Path output) {
        Path dir = output.toAbsolutePath().getParent();
        Thread t = new Thread(() -> {
            try {
                new ProcessBuilder("xdg-open", dir.toString()).inheritIO().start();
            } catch (IOException e) {
                // no file manager: the path is in the log and the result line
            }
        }, "show-in-folder");
        t.setDaemon(true);
        t.start();
    }
}
