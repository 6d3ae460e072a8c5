package org.remixstudio.app.controls;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A short message over a corner of the window that goes away by itself: a title, a text, one action
 * button and a close button ("Build finished … Show in folder"). It is a node of the window's own
 * scene, made once and shown again with new texts: a notification popup (ControlsFX's) is a window of
 * its own with a scene and a stylesheet, and its first one cost the FX thread 60-110 ms, later ones
 * 13-17 ms. Styled by {@code toast} ({@code :error} for failures) with the theme's looked-up colours, so
 * it follows light and dark.
 */
public final class Toast extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final Label title = new Label();
    private final Label text = new Label();
    private final Button action = new Button();
    private final PauseTransition wait = new PauseTransition();
    private final FadeTransition fade = new FadeTransition(Duration.millis(200), this);
    private Runnable onAction = () -> { };

    public Toast() {
        super(6);
        getStyleClass().add("toast");
        title.getStyleClass().add("toast-title");
        text.getStyleClass().add("toast-text");
        text.setWrapText(true);
        Button close = new Button("×");
        close.getStyleClass().addAll("flat", "toast-close");
        close.setAccessibleText("Close the message");
        close.setFocusTraversable(false);
        close.setOnAction(e -> hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        action.getStyleClass().add("toast-action");
        action.setOnAction(e -> {
            hide();
            onAction.run();
        });
        HBox buttons = new HBox(action);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(top, text, buttons);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setVisible(false);
        wait.setOnFinished(e -> hide());
    }

    /**
     * Shows the message for {@code visible} (it replaces one still shown); {@code act} runs when the
     * action button is pressed.
     */
    public void show(String heading, String message, String actionText, Runnable act, Duration visible,
                     boolean error) {
        title.setText(heading);
        text.setText(message);
        action.setText(actionText);
        onAction = act;
        pseudoClassStateChanged(ERROR, error);
        setAccessibleText(heading + ". " + message);
        fade.stop();
        fade.setOnFinished(null);
        fade.setFromValue(isVisible() ? getOpacity() : 0);
        fade.setToValue(1);
        setVisible(true);
        fade.play();
        wait.setDuration(visible);
        wait.playFromStart();
    }

    /** Fades the message out. */
    public void hide() {
        wait.stop();
        if (!isVisible()) {
            return;
        }
        fade.stop();
        fade.setFromValue(getOpacity());
        fade.setToValue(0);
        fade.setOnFinished(e -> setVisible(false));
        fade.play();
    }
}
