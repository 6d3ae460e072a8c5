package org.remixstudio.app.controls;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * Hands a parent its children only when they changed: {@code setAll} with the same nodes still takes
 * them out and puts them back, and JavaFX then styles each of them again from scratch.
 */
public final class ChildNodes {

    private ChildNodes() {
    }

    public static void setAllIfChanged(ObservableList<Node> children, List<? extends Node> next) {
        if (!children.equals(next)) {
            children.setAll(next);
        }
    }
}
