package org.remixstudio.app.tasks;

import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;

/**
 * The app's own work on the JavaFX thread, as a meter sees it. Every runnable the app hands to the FX
 * thread goes through {@link #runLater}, and every task callback, batch of background results and
 * timer callback the app sets is wrapped by {@link #timed}, each under a label ("catalog search
 * succeeded", "layer licenses updates"), so that a meter can time each one and name the slow ones.
 * {@link #UNMETERED}, what the studio runs with, hands the work back unchanged: no wrapper, no clock
 * read, nothing recorded.
 */
public interface FxWork {

    /** No meter: {@link #timed} returns what it was given. */
    FxWork UNMETERED = new FxWork() {
        @Override
        public Runnable timed(String label, Runnable work) {
            return work;
        }

        @Override
        public <E extends Event> EventHandler<E> timed(String label, EventHandler<E> handler) {
            return handler;
        }
    };

    /** {@code work}, timed under {@code label} each time it runs on the FX thread. */
    Runnable timed(String label, Runnable work);

    /** {@code handler} (null stays null), timed under {@code label} each time it handles an event. */
    <E extends Event> EventHandler<E> timed(String label, EventHandler<E> handler);

    /** Hands {@code work} to the FX thread ({@code Platform.runLater}), timed under {@code label}. */
    default void runLater(String label, Runnable work) {
        Platform.runLater(timed(label, work));
    }
}
