package org.remixstudio.app.controls;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its node, with the text the node has then. A
 * {@link Tooltip} is a popup window with a scene of its own: making one for every chip and stripe
 * segment each time a layer card is drawn, or for the badges of every catalog row, cost more than the
 * rest of the card or row, for tooltips that are rarely shown.
 */
public final class LazyTooltip {

    private LazyTooltip() {
    }

    /** Gives {@code node} a tooltip of {@code text} (read again each time the pointer enters; empty: none). */
    public static void install(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String now = text.get();
            Object made = node.getProperties().get(LazyTooltip.class);
            if (made instanceof Tooltip t) {
                t.setText(now);
            } else if (!now.isEmpty()) {
                Tooltip t = new Tooltip(now);
                node.getProperties().put(LazyTooltip.class, t);
                Tooltip.install(node, t);
            }
        });
    }
}
