package org.remixstudio.app.build;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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
 * file name and tag, for a VM disk its size and kernel flavour, and compression where the output has a
 * choice (zstd layers, compressed qcow2 clusters); a progress bar per step, the log,
 * Cancel; and at the end the digest and size with "Show in folder", and "Boot it" for a disk.
 */
public final class BuildView extends VBox {

    private final BuildViewModel vm;

    /**
     * @param onBoot opens the console window and boots the last disk built ("Boot it")
     */
    public BuildView(BuildViewModel vm, Runnable onBoot) {
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
        TextField diskSize = new TextField();
        diskSize.setId("build-disk-size");
        diskSize.setPromptText(DiskSize.DEFAULT_TEXT);
        diskSize.setPrefColumnCount(14);
        diskSize.textProperty().bindBidirectional(vm.diskSizeProperty());
        diskSize.setAccessibleText("Disk size, like 4G; empty to " + DiskSize.DEFAULT_TEXT);
        diskSize.setTooltip(new javafx.scene.control.Tooltip("The whole disk's size, like 4G or 2500M; leave it empty to "
                + DiskSize.DEFAULT_TEXT + " free"));
        Label sizeProblem = new Label();
        sizeProblem.setId("build-disk-size-problem");
        sizeProblem.getStyleClass().add("field-error");
        sizeProblem.setWrapText(true);
        sizeProblem.textProperty().bind(vm.diskSizeProblemProperty());
        ComboBox<String> kernel = new ComboBox<>();
        kernel.setId("build-kernel");
        kernel.getItems().addAll(BuildViewModel.KERNEL_FLAVOURS);
        kernel.valueProperty().bindBidirectional(vm.kernelProperty());
        kernel.setAccessibleText("Kernel flavour of the VM disk");
        kernel.setTooltip(new javafx.scene.control.Tooltip(
                "cloud: small, made for virtual machines; generic: drivers for real hardware too"));
        Label note = new Label();
        note.setId("build-disk-note");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(Bindings.createStringBinding(vm::diskNote, vm.fileNameProperty()));
        HBox diskRow = new HBox(8, diskSize, new Label("Kernel"), kernel);
        diskRow.setAlignment(Pos.CENTER_LEFT);
        VBox diskBox = new VBox(4, diskRow, sizeProblem, note);
        Label diskLabel = new Label("Disk size");
        javafx.beans.binding.BooleanBinding isDisk = Bindings.createBooleanBinding(
                () -> vm.outputProperty().get() != null && vm.outputProperty().get().disk(), vm.outputProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {diskLabel, diskBox}) {
            n.visibleProperty().bind(isDisk);
            n.managedProperty().bind(isDisk);
        }
        sizeProblem.managedProperty().bind(sizeProblem.textProperty().isNotEmpty());

        CheckBox compress = new CheckBox();
        compress.setId("build-compress");
        compress.selectedProperty().bindBidirectional(vm.compressProperty());
        compress.textProperty().bind(Bindings.createStringBinding(
                () -> BuildViewModel.compressionOption(vm.outputProperty().get()), vm.outputProperty()));
        compress.accessibleTextProperty().bind(compress.textProperty());
        Label compressLabel = new Label("Compress");
        for (javafx.scene.Node n : new javafx.scene.Node[] {compressLabel, compress}) {
            n.visibleProperty().bind(compress.textProperty().isNotNull());
            n.managedProperty().bind(n.visibleProperty());
        }

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Output"), output);
        form.addRow(1, new Label("Folder"), new HBox(6, folder, choose));
        form.addRow(2, new Label("File name"), name);
        form.addRow(3, new Label("Tag"), tag);
        form.addRow(4, diskLabel, diskBox);
        form.addRow(5, compressLabel, compress);
        // a tag names a container image; a disk has none
        tag.disableProperty().bind(isDisk);
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
        Button boot = new Button("Boot it");
        boot.setId("build-boot");
        boot.setTooltip(new javafx.scene.control.Tooltip(
                "Start the disk in QEMU with UEFI firmware and show its serial console; the image stays as built"));
        boot.visibleProperty().bind(vm.diskProperty().isNotNull());
        boot.managedProperty().bind(boot.visibleProperty());
        boot.disableProperty().bind(vm.console().runningProperty());
        boot.setOnAction(e -> onBoot.run());
        HBox resultBox = new HBox(10, done, show, boot);
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
                || vm.outputProperty().get() == null || !vm.outputProperty().get().available()
                || vm.outputProperty().get().disk() && !vm.diskSizeProblemProperty().get().isEmpty(),
                vm.runningProperty(), vm.outputProperty(), vm.diskSizeProblemProperty()));
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
