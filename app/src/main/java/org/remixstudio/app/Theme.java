package org.remixstudio.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark: AtlantaFX's Primer themes as the user agent stylesheet, plus the studio's own
 * studio.css whose colours follow the theme's looked-up colours.
 */
public enum Theme {
    LIGHT, DARK;

    private static final String STUDIO_CSS = Theme.class.getResource("studio.css").toExternalForm();

    /** Applies the theme to the whole application and to {@code scene}. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(STUDIO_CSS)) {
            scene.getStylesheets().add(STUDIO_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("light", "dark");
        scene.getRoot().getStyleClass().add(this == DARK ? "dark" : "light");
    }
}
