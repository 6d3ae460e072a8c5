package org.remixstudio.app.controls;

import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Region;

/** Draws a {@link SizeBar}: a track, a fill as wide as the fraction, and the text beside the bar. */
final class SizeBarSkin extends SkinBase<SizeBar> {

    private static final double TEXT_GAP = 8;
    private final Region track = new Region();
    private final Region fill = new Region();
    private final Label label = new Label();

    SizeBarSkin(SizeBar bar) {
        super(bar);
        track.getStyleClass().add("track");
        fill.getStyleClass().add("fill");
        label.getStyleClass().add("size-text");
        label.textProperty().bind(bar.textProperty());
        getChildren().addAll(track, fill, label);
        bar.fractionProperty().addListener(o -> bar.requestLayout());
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double textWidth = label.prefWidth(-1);
        double barWidth = Math.max(0, w - textWidth - TEXT_GAP);
        double barHeight = Math.min(h, 8);
        double barY = y + (h - barHeight) / 2;
        track.resizeRelocate(x, barY, barWidth, barHeight);
        double f = getSkinnable().fractionProperty().get();
        fill.resizeRelocate(x, barY, Math.max(f > 0 ? 2 : 0, barWidth * f), barHeight);
        label.resizeRelocate(x + barWidth + TEXT_GAP, y, textWidth, h);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return Math.max(12, label.prefHeight(-1)) + top + bottom;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 160 + left + right;
    }
}
