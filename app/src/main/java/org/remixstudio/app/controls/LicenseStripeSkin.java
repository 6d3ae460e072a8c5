package org.remixstudio.app.controls;

import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** Draws a {@link LicenseStripe}: one region per segment, or one "unknown" region when there are none. */
final class LicenseStripeSkin extends SkinBase<LicenseStripe> {

    LicenseStripeSkin(LicenseStripe stripe) {
        super(stripe);
        stripe.segmentsProperty().addListener(o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        var segments = getSkinnable().segmentsProperty().get();
        if (segments.isEmpty()) {
            Region unknown = new Region();
            unknown.getStyleClass().addAll("segment", "license-pending");
            Tooltip.install(unknown, new Tooltip("Licenses: not known yet"));
            getChildren().add(unknown);
            return;
        }
        for (LicenseStripe.Segment s : segments) {
            Region r = new Region();
            r.getStyleClass().addAll("segment", "license-" + s.category());
            r.setUserData(s.weight());
            Tooltip.install(r, new Tooltip((s.category().equals("pending") ? "license not known yet" : s.category())
                    + ": " + (long) s.weight() + " package" + (s.weight() == 1 ? "" : "s")));
            getChildren().add(r);
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double total = getChildren().stream().mapToDouble(n -> n.getUserData() instanceof Double d ? d : 1).sum();
        double at = x;
        for (var n : getChildren()) {
            double share = (n.getUserData() instanceof Double d ? d : 1) / total;
            ((Region) n).resizeRelocate(at, y, w * share, h);
            at += w * share;
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 4 + top + bottom;
    }
}
