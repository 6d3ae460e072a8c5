package org.remixstudio.app;

import javafx.application.Application;

/**
 * Starts the studio from a plain class path ({@code installers/remix-studio}): the Java launcher
 * refuses a main class that extends {@code Application} unless JavaFX is on the module path, so this
 * class, which does not, hands over to {@link RemixStudioApp}.
 */
public final class StudioMain {

    private StudioMain() {
    }

    public static void main(String[] args) {
        RenderingPipeline.preferSoftwareWithoutGpu();
        Application.launch(RemixStudioApp.class, args);
    }
}
