package org.remixstudio.app.controls;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.control.SkinBase;

/**
 * Draws a {@link LicenseStripe}: one region per segment, or one "not known yet" region when there are
 * none. License batches change the segments many times while a remix's copyright files are read; the
 * regions are kept and only their category, weight and tooltip text change, and a region's tooltip is
 * made when the pointer first rests on it.
 */
final class LicenseStripeSkin extends SkinBase<LicenseStripe> {

    private static final LicenseStripe.Segment UNKNOWN = new LicenseStripe.Segment("pending", 1);

    /** The segments drawn: a new but equal list (every license batch makes one) changes nothing. */
    private List<LicenseStripe.Segment> drawn;

    LicenseStripeSkin(LicenseStripe stripe) {
        super(stripe);
        stripe.segmentsProperty().addListener(o -> show());
        show();
    }

    private void show() {
        List<LicenseStripe.Segment> segments = getSkinnable().segmentsProperty().get();
        if (segments.equals(drawn)) {
            return;
        }
        drawn = segments;
        boolean unknown = segments.isEmpty();
        List<LicenseStripe.Segment> shown = unknown ? List.of(UNKNOWN) : segments;
        while (getChildren().size() > shown.size()) {
            getChildren().remove(getChildren().size() - 1);
        }
        while (getChildren().size() < shown.size()) {
            Region r = new Region();
            r.getStyleClass().add("segment");
            LazyTooltip.install(r, () -> r.getUserData() instanceof Tip t ? t.text() : "");
            getChildren().add(r);
        }
        for (int i = 0; i < shown.size(); i++) {
            LicenseStripe.Segment s = shown.get(i);
            Region r = (Region) getChildren().get(i);
            String style = "license-" + s.category();
            if (r.getStyleClass().size() != 2 || !r.getStyleClass().get(1).equals(style)) {
                r.getStyleClass().setAll("segment", style);
            }
            r.setUserData(new Tip(s.weight(), unknown ? "Licenses: not known yet"
                    : (s.category().equals("pending") ? "license not known yet" : s.category()) + ": "
                    + (long) s.weight() + " package" + (s.weight() == 1 ? "" : "s")));
        }
        getSkinnable().requestLayout();
    }

    /** A region's share of the stripe and its tooltip text. */
    private record Tip(double weight, String text) {
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double total = getChildren().stream().mapToDouble(LicenseStripeSkin::weight).sum();
        double at = x;
        for (var n : getChildren()) {
            double share = weight(n) / total;
            ((Region) n).resizeRelocate(at, y, w * share, h);
            at += w * share;
        }
    }

    private static double weight(javafx.scene.Node n) {
        return n.getUserData() instanceof Tip t ? t.weight() : 1;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 4 + top + bottom;
    }
}
