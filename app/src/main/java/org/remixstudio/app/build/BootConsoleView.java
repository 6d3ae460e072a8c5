package org.remixstudio.app.build;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The serial console of a VM booted with "Boot it": the guest's output in a monospace text area
 * (appended batch by batch), a line to type into with Enter sending it, Ctrl+C and Ctrl+D keys, and
 * Stop. An error that kept the VM from starting (no QEMU, no firmware) is shown with what to install.
 */
public final class BootConsoleView extends VBox {

    /** Characters the text area keeps; the view model keeps its own copy. */
    private static final int SHOWN_CHARS = BootConsoleViewModel.MAX_CHARS;

    public BootConsoleView(BootConsoleViewModel vm) {
        setId("boot-console");
        setSpacing(8);
        setPadding(new Insets(10));
        Label status = new Label();
        status.setId("boot-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("boot-error");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextArea console = new TextArea(vm.text());
        console.setId("boot-console-text");
        console.getStyleClass().add("console");
        console.setEditable(false);
        console.setWrapText(true);
        console.setAccessibleText("Serial console of the virtual machine");
        VBox.setVgrow(console, Priority.ALWAYS);
        vm.onOutput(text -> {
            console.appendText(text);
            if (console.getLength() > SHOWN_CHARS) {
                console.deleteText(0, console.getLength() - SHOWN_CHARS * 3 / 4);
            }
        });
        vm.onCleared(console::clear);

        TextField input = new TextField();
        input.setId("boot-input");
        input.getStyleClass().add("console");
        input.setPromptText("Type a line for the console and press Enter (an empty line sends Enter)");
        input.setAccessibleText("Line to send to the virtual machine's console");
        HBox.setHgrow(input, Priority.ALWAYS);
        input.setOnAction(e -> {
            vm.sendLine(input.getText());
            input.clear();
        });
        Button ctrlC = new Button("Ctrl+C");
        ctrlC.setTooltip(new Tooltip("Send an interrupt (Ctrl+C) to the console"));
        ctrlC.setOnAction(e -> vm.send("\u0003"));
        Button ctrlD = new Button("Ctrl+D");
        ctrlD.setTooltip(new Tooltip("Send end of input (Ctrl+D) to the console, e.g. to log out"));
        ctrlD.setOnAction(e -> vm.send("\u0004"));
        Button stop = new Button("Stop");
        stop.setId("boot-stop");
        stop.setTooltip(new Tooltip("Power the virtual machine off at once; the image stays as built"));
        stop.setOnAction(e -> vm.stop());
        for (javafx.scene.Node n : new javafx.scene.Node[] {input, ctrlC, ctrlD, stop}) {
            n.disableProperty().bind(vm.runningProperty().not());
        }
        HBox keys = new HBox(6, input, ctrlC, ctrlD, stop);
        keys.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(status, error, console, keys);
    }
}
