package org.remixstudio.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.remixstudio.app.fxmeter.FxWorkMeter;
import org.remixstudio.app.tasks.FxWork;

/**
 * The studio's entry point ({@code mvn -pl app javafx:run}, {@code installers/remix-studio [FILE]}):
 * the host's apt sources, the user's cache and XDG directories, and the remix FILE names or else a
 * new minbase remix. With {@code -Dremixstudio.fxmeter=true} the studio
 * times its own work on the FX thread ({@link FxWorkMeter}): every slice over 16 ms is printed as it
 * happens, and the figures of the whole session when the studio closes.
 */
public final class RemixStudioApp extends Application {

    private Studio studio;
    private FxWorkMeter meter;

    @Override
    public void start(Stage stage) {
        FxWork fxWork = FxWork.UNMETERED;
        if (Boolean.getBoolean("remixstudio.fxmeter")) {
            meter = new FxWorkMeter(slice -> System.err.printf(java.util.Locale.ROOT,
                    "FX thread: %.1f ms in %s (cpu %.1f ms, GC %.1f ms)%n", slice.workNanos() / 1e6, slice.label(),
                    slice.cpuNanos() / 1e6, slice.gcNanos() / 1e6));
            meter.attach();
            fxWork = meter;
        }
        studio = new Studio(StudioOptions.defaults(), fxWork);
        MainWindow window = new MainWindow(studio, stage);
        stage.show();
        List<String> files = getParameters().getUnnamed();
        Path file = files.isEmpty() ? null : Path.of(files.get(0)).toAbsolutePath();
        studio.start(recovered -> Dialogs.confirm(stage, "Restore unsaved work?",
                "The studio closed before '" + recovered.spec().name() + "' was saved. Restore those changes?",
                "Restore"), file, window::showError);
        window.catalogView().focusSearch();
    }

    @Override
    public void stop() {
        if (meter != null) {
            System.err.print("FX thread over the session: " + meter.report().format());
            meter.close();
        }
        if (studio != null) {
            studio.close();
        }
    }

    public static void main(String[] args) {
        RenderingPipeline.preferSoftwareWithoutGpu();
        launch(RemixStudioApp.class, args);
    }
}
