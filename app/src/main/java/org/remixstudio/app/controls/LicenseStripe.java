package org.remixstudio.app.controls;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A thin stripe of license category colours, each as wide as its share of a layer's packages. Until
 * the engine reports licenses the stripe is empty and drawn as "not known yet" (a neutral hatched
 * bar), never as a made-up mix. Styled by {@code license-stripe}; segments get {@code license-CATEGORY}.
 */
public final class LicenseStripe extends Control {

    /** One category's share. */
    public record Segment(String category, double weight) {
    }

    private final ObjectProperty<List<Segment>> segments = new SimpleObjectProperty<>(this, "segments", List.of());

    public LicenseStripe() {
        getStyleClass().add("license-stripe");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LicenseStripeSkin(this);
    }

    public ObjectProperty<List<Segment>> segmentsProperty() {
        return segments;
    }
}
