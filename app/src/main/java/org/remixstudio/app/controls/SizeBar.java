package org.remixstudio.app.controls;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A horizontal bar whose filled part is proportional to a size, with the size as text: how much of
 * the image a layer makes up. Styled by the {@code size-bar} class ({@code .track}, {@code .fill}).
 */
public final class SizeBar extends Control {

    private final DoubleProperty fraction = new SimpleDoubleProperty(this, "fraction", 0);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    public SizeBar() {
        getStyleClass().add("size-bar");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SizeBarSkin(this);
    }

    /** Filled part, {@code 0..1}. */
    public DoubleProperty fractionProperty() {
        return fraction;
    }

    public void setFraction(double value) {
        fraction.set(Math.max(0, Math.min(1, value)));
    }

    public StringProperty textProperty() {
        return text;
    }
}
