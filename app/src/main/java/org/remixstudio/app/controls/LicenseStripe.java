package org.remixstudio.app.controls;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A thin stripe of license category colours, each as wide as its share of a layer's packages. Until
 * the engine reports licenses the stripe is empty and drawn as "not known yet" (a neutral hatched
 * bar), never as a made-up mix; packages whose license is still being read are a hatched segment of their
 * own ({@code pending}). Styled by {@code license-stripe}; segments get {@code license-CATEGORY}.
 */
public final class LicenseStripe extends Control {

    /** One category's share. */
    public record Segment(String category, double weight) {
    }

    /** The order categories are drawn in: least to most restrictive, then unknown and not known yet. */
    public static final List<String> ORDER = List.of("public-domain", "permissive", "weak-copyleft", "strong-copyleft",
            "network-copyleft", "non-free", "unknown", "pending");

    /** Segments from package counts per category (category {@code pending}: licenses not known yet), in {@link #ORDER}. */
    public static List<Segment> segments(java.util.Map<String, Integer> counts) {
        List<Segment> out = new java.util.ArrayList<>();
        for (String c : ORDER) {
            Integer n = counts.get(c);
            if (n != null && n > 0) {
                out.add(new Segment(c, n));
            }
        }
        counts.forEach((c, n) -> {
            if (!ORDER.contains(c) && n > 0) {
                out.add(new Segment(c, n));
            }
        });
        return out;
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
