package org.remixstudio.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The studio's icon (icons/remix-studio.svg, drawn as PNGs at the sizes window managers ask for;
 * the build copies icons/ into the jar) on every window it opens, so the task bar and window switcher
 * show it rather than a generic one.
 */
public final class AppIcons {

    /** The PNG sizes in icons/, smallest first. */
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static final String DIR = "/org/remixstudio/app/icons/";

    private final List<Image> images;

    private AppIcons(List<Image> images) {
        this.images = List.copyOf(images);
    }

    /** The icons, decoded once per JVM (every main window used to decode them again) and immutable. */
    public static AppIcons shared() {
        return Shared.ICONS;
    }

    private static final class Shared {
        static final AppIcons ICONS = load();
    }

    /** The icons in the class path, every size; a missing one is an error in the build. */
    public static AppIcons load() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            String name = DIR + "remix-studio-" + size + ".png";
            try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the studio's icon " + name + " is not in the class path;"
                            + " build the app with Maven, which copies icons/ into it");
                }
                images.add(new Image(in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the studio's icon " + name, e);
            }
        }
        return new AppIcons(images);
    }

    public List<Image> images() {
        return images;
    }

    /** Gives {@code stage} the icon. */
    public void applyTo(Stage stage) {
        stage.getIcons().setAll(images);
    }
}
