package org.remixstudio.app.build;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One step of a build as the progress list shows it, following the engine's progress event steps
 * ({@code release}, {@code fetch}, {@code unpack}, {@code configure}, {@code layer}, {@code export}).
 * Updated on the JavaFX thread only.
 */
public final class BuildStep {

    private final String key;
    private final String label;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty detail = new SimpleStringProperty("");

    public BuildStep(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** {@code 0..1}; {@code -1} while running with an unknown total. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty detailProperty() {
        return detail;
    }
}
