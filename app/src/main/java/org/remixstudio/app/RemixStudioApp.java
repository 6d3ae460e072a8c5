package org.remixstudio.app;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The studio's entry point ({@code mvn -pl app javafx:run}): the host's apt sources, the user's
 * cache and XDG directories, a new minbase remix.
 */
public final class RemixStudioApp extends Application {

    private Studio studio;

    @Override
    public void start(Stage stage) {
        studio = new Studio(StudioOptions.defaults());
        MainWindow window = new MainWindow(studio, stage);
        stage.show();
        studio.start(recovered -> Dialogs.confirm(stage, "Restore unsaved work?",
                "The studio closed before '" + recovered.spec().name() + "' was saved. Restore those changes?",
                "Restore"));
        window.catalogView().focusSearch();
    }

    @Override
    public void stop() {
        if (studio != null) {
            studio.close();
        }
    }

    public static void main(String[] args) {
        launch(RemixStudioApp.class, args);
    }
}
