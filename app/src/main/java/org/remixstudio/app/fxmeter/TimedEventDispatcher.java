package org.remixstudio.app.fxmeter;

import javafx.event.Event;
import javafx.event.EventDispatchChain;
import javafx.event.EventDispatcher;

/**
 * A window's event dispatcher that times each event's whole dispatch as a slice of the
 * {@link FxWorkMeter}. The window's dispatcher is the first of every event dispatch chain into its
 * scene, so the slice covers every filter and handler on the way, the app's and the controls' own.
 */
record TimedEventDispatcher(EventDispatcher delegate, FxWorkMeter meter) implements EventDispatcher {

    @Override
    public Event dispatchEvent(Event event, EventDispatchChain tail) {
        int token = meter.begin(event);
        try {
            return delegate.dispatchEvent(event, tail);
        } finally {
            meter.end(token);
        }
    }
}
