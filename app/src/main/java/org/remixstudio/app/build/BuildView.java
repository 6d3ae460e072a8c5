package org.remixstudio.app.build;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.remixstudio.app.Dialogs;
import org.remixstudio.app.controls.SizeText;

/**
 * The Build & export pane: output choice (unavailable formats greyed out with the reason), folder,
 * file name and tag; a progress bar per step, the log, Cancel; and at the end the digest and size
 * with "Show in folder".
 */
public final class BuildView extends VBox {

    private final BuildViewModel vm;

    public BuildView(BuildViewModel vm) {
        this.vm = vm;
        setSpacing(10);
        setPadding(new Insets(14));
        setId("build-view");
        Label title = new Label("Build & export");
        title.getStyleClass().add("pane-title");

        ComboBox<OutputChoice> output = new ComboBox<>();
        output.setId("build-output");
        output.getItems().addAll(OutputChoice.values());
        output.valueProperty().bindBidirectional(vm.outputProperty());
        output.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(OutputChoice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.toString());
                setDisable(c != null && !c.available());
                getStyleClass().remove("unavailable");
                if (c != null && !c.available()) {
                    getStyleClass().add("unavailable");
                }
            }
        });
        output.setAccessibleText("Output format");
        TextField folder = new TextField();
        folder.textProperty().bind(vm.directoryProperty().asString());
        folder.setEditable(false);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Build into folder");
            java.io.File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.directoryProperty().set(dir.toPath());
            }
        });
        TextField name = new TextField();
        name.setId("build-file-name");
        name.textProperty().bindBidirectional(vm.fileNameProperty());
        name.setAccessibleText("Output file name");
        TextField tag = new TextField();
        tag.setId("build-tag");
        tag.textProperty().bindBidirectional(vm.tagProperty());
        tag.setAccessibleText("Image tag");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Output"), output);
        form.addRow(1, new Label("Folder"), new HBox(6, folder, choose));
        form.addRow(2, new Label("File name"), name);
        form.addRow(3, new Label("Tag"), tag);
        form.disableProperty().bind(vm.runningProperty());

        VBox steps = new VBox(4);
        for (BuildStep step : vm.steps()) {
            steps.getChildren().add(stepRow(step));
        }
        vm.steps().addListener((javafx.collections.ListChangeListener<BuildStep>) c -> {
            steps.getChildren().clear();
            vm.steps().forEach(s -> steps.getChildren().add(stepRow(s)));
        });

        ListView<String> log = new ListView<>(vm.log());
        log.setId("build-log");
        log.getStyleClass().add("log-view");
        log.setPrefHeight(160);
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
        VBox.setVgrow(log, Priority.ALWAYS);

        Label error = new Label();
        error.setId("build-error");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button details = new Button("Details…");
        details.visibleProperty().bind(vm.errorDetailsProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> Dialogs.error(getScene().getWindow(), "The build failed", vm.errorProperty().get(),
                vm.errorDetailsProperty().get()));

        Label done = new Label();
        done.setId("build-result");
        done.setWrapText(true);
        Button show = new Button("Show in folder");
        show.setOnAction(e -> OutputFolder.show(vm.resultProperty().get().output()));
        HBox resultBox = new HBox(10, done, show);
        resultBox.getStyleClass().add("result-box");
        resultBox.setAlignment(Pos.CENTER_LEFT);
        resultBox.visibleProperty().bind(vm.resultProperty().isNotNull());
        resultBox.managedProperty().bind(resultBox.visibleProperty());
        vm.resultProperty().addListener((o, a, r) -> done.setText(r == null ? "" : "Built " + r.output().getFileName()
                + " — " + SizeText.bytes(r.size()) + (r.digest().isEmpty() ? "" : "\n" + r.digest())));

        Button build = new Button("Build");
        build.setId("build-start");
        build.setDefaultButton(true);
        build.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.runningProperty().get()
                || vm.outputProperty().get() == null || !vm.outputProperty().get().available(),
                vm.runningProperty(), vm.outputProperty()));
        build.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel build");
        cancel.setId("build-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, build);
        getChildren().addAll(title, form, steps, log, new HBox(8, error, details), resultBox, buttons);
    }

    private static HBox stepRow(BuildStep step) {
        Label name = new Label(step.label());
        name.getStyleClass().add("step-name");
        ProgressBar bar = new ProgressBar();
        bar.setId("step-" + step.key());
        bar.progressProperty().bind(step.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(step.label() + " progress");
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label detail = new Label();
        detail.getStyleClass().add("muted");
        detail.textProperty().bind(step.detailProperty());
        detail.setPrefWidth(220);
        HBox row = new HBox(8, name, bar, detail);
        row.getStyleClass().add("step-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
