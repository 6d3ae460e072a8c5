package org.remixstudio.app;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The studio's standard dialogs: an error as a readable message with the details behind an
 * expander (never a bare stack trace), and the unsaved-changes question.
 */
public final class Dialogs {

    /** The answer to "save the changes?". */
    public enum SaveChoice { SAVE, DISCARD, CANCEL }

    private Dialogs() {
    }

    public static void error(Window owner, String heading, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Remix Studio");
        alert.setHeaderText(heading);
        Label text = new Label(message == null ? "An unexpected error happened." : message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(new VBox(text));
        if (details != null) {
            TextArea area = new TextArea(stackTrace(details));
            area.setEditable(false);
            area.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(new VBox(new Label("Details for a bug report:"), area));
        }
        alert.showAndWait();
    }

    public static SaveChoice askSave(Window owner, String remixName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, cancel);
        alert.initOwner(owner);
        alert.setTitle("Remix Studio");
        alert.setHeaderText("Save the changes to '" + remixName + "'?");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            return SaveChoice.CANCEL;
        }
        return answer.get() == save ? SaveChoice.SAVE : SaveChoice.DISCARD;
    }

    public static boolean confirm(Window owner, String heading, String text, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ok, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Remix Studio");
        alert.setHeaderText(heading);
        return alert.showAndWait().filter(b -> b == ok).isPresent();
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
