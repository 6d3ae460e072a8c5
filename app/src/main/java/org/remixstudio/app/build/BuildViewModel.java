package org.remixstudio.app.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.app.tasks.FxBatcher;
import org.remixstudio.engine.api.BuildRequest;
import org.remixstudio.engine.api.BuildResult;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecWriter;

/**
 * Build & export: the output, file name and tag; the build itself in the background with a progress
 * bar per engine step, a log, and Cancel (which interrupts the engine). The remix is built from a
 * snapshot written to a scratch file, so an unsaved remix builds too and the document is never
 * touched; a failure leaves the remix as it was and reports the engine's message.
 */
public final class BuildViewModel {

    /** The Debian kernel flavours a VM disk can have; the first is the default. */
    public static final List<String> KERNEL_FLAVOURS = List.of("cloud", "generic");

    /** Memory of a VM started with "Boot it", MiB. */
    static final int BOOT_MEMORY_MIB = 1024;

    private final RemixEngine engine;
    private final DocumentViewModel document;
    private final ObservableValue<PackageCatalog> catalog;
    private final BackgroundRunner runner;
    private final ObjectProperty<OutputChoice> output = new SimpleObjectProperty<>(OutputChoice.CONTAINER_TARBALL);
    private final ObjectProperty<Path> directory = new SimpleObjectProperty<>();
    private final StringProperty fileName = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty diskSize = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper diskSizeProblem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> kernel = new SimpleObjectProperty<>(KERNEL_FLAVOURS.get(0));
    private final javafx.beans.property.BooleanProperty compress = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<BootableDisk> disk = new ReadOnlyObjectWrapper<>();
    private final BootConsoleViewModel console;
    private final ObservableList<BuildStep> steps = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BuildRecord> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Throwable> errorDetails = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<BuildRecord>> finishedListeners = new ArrayList<>();
    private Task<BuildResult> task;
    private final FxBatcher<ProgressEvent> progressBatcher;

    /**
     * @param catalog the studio's loaded catalog: a build of a remix for its sources, suite and
     *                architecture reuses it rather than loading a second copy (which would take the
     *                studio's memory well over its budget while a build runs)
     */
    public BuildViewModel(RemixEngine engine, DocumentViewModel document, ObservableValue<PackageCatalog> catalog,
                          BackgroundRunner runner, Path defaultDir, BootConsoleViewModel console) {
        this.engine = engine;
        this.catalog = catalog;
        this.document = document;
        this.runner = runner;
        this.console = console;
        this.progressBatcher = new FxBatcher<>("build progress", runner.fxWork(), this::progress);
        directory.set(defaultDir);
        resetSteps();
        output.addListener((o, a, b) -> {
            suggestNames();
            if (!running.get()) {
                resetSteps();
            }
        });
        diskSize.addListener((o, a, b) -> diskSizeProblem.set(DiskSize.problem(b)));
    }

    /**
     * What a VM disk output is, for the pane to say under the choice: how it boots and the libvirt
     * domain file written beside it.
     */
    public String diskNote() {
        String file = fileName.get().strip();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        return "Boots with UEFI; a libvirt domain " + (base.isEmpty() ? "NAME" : base) + ".xml is written beside it"
                + " (virsh define, then virsh start). Adds a vm-essentials layer with what the remix lacks to boot.";
    }

    /**
     * Boots the last disk built in the console view model: the engine's QEMU command with UEFI
     * firmware, {@value #BOOT_MEMORY_MIB} MiB, and a snapshot, so the image stays as built.
     */
    public void boot() {
        BootableDisk d = disk.get();
        if (d == null) {
            return;
        }
        console.start(() -> engine.prepareBoot(d.image(), d.architecture(), BOOT_MEMORY_MIB, true, null));
    }

    /** Fills in the file name and tag for the open remix. */
    public void suggestNames() {
        RemixSpec spec = document.spec();
        if (spec != null) {
            fileName.set(spec.name() + output.get().suffix());
            tag.set(spec.name() + ":latest");
        }
    }

    private void resetSteps() {
        List<BuildStep> list = new ArrayList<>(List.of(new BuildStep("release", "Resolve"),
                new BuildStep("fetch", "Fetch"), new BuildStep("unpack", "Unpack"),
                new BuildStep("configure", "Configure"), new BuildStep("layer", "Layers"),
                new BuildStep("export", "Export")));
        if (output.get() != null && output.get().disk()) {
            list.add(new BuildStep("disk", "Disk"));
        }
        steps.setAll(list);
    }

    /** The progress row an engine step belongs to: the disk writer reports {@code disk} and its ext4 files. */
    static String rowOf(String engineStep) {
        return switch (engineStep) {
            case "resolve", "cache" -> "release";
            case "ext4" -> "disk";
            default -> engineStep;
        };
    }

    /** Starts the build; refused (with the reason in {@link #errorProperty()}) for unavailable outputs. */
    public Task<BuildResult> start() {
        OutputChoice choice = output.get();
        if (!choice.available()) {
            error.set(choice.label() + ": " + OutputChoice.UNAVAILABLE + ". Choose a container or root filesystem output.");
            return null;
        }
        if (fileName.get().isBlank() || directory.get() == null) {
            error.set("Choose a folder and a file name for the output");
            return null;
        }
        long diskBytes;
        try {
            diskBytes = choice.disk() ? DiskSize.parse(diskSize.get()) : 0;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        String flavour = kernel.get();
        boolean compressed = compress.get() && compressionOption(choice) != null;
        RemixSpec spec = document.spec();
        PackageCatalog loaded = catalog.getValue();
        Path specFile = document.fileProperty().get();
        Path out = directory.get().resolve(fileName.get().strip());
        String tagText = tag.get().isBlank() ? null : tag.get().strip();
        resetSteps();
        log.clear();
        error.set("");
        errorDetails.set(null);
        result.set(null);
        disk.set(null);
        running.set(true);
        log("Building " + spec.name() + " → " + out);
        java.util.concurrent.atomic.AtomicReference<String> specHash = new java.util.concurrent.atomic.AtomicReference<>();
        task = new Task<>() {
            @Override
            protected BuildResult call() throws IOException {
                specHash.set(new RemixSpecWriter().sha256(spec)); // for the library record, off the FX thread
                Path scratch = Files.createTempDirectory("remix-studio-build");
                try {
                    Path snapshot = scratch.resolve(spec.name() + ".remix.json");
                    new RemixSpecWriter().write(spec, snapshot);
                    BuildRequest request = new BuildRequest(snapshot, out, choice.format().orElseThrow(), false,
                            tagText, List.of());
                    if (choice.disk()) {
                        request = request.withDiskSize(diskBytes).withKernel(flavour).withCompression(compressed);
                    } else if (compressed) {
                        request = request.withLayerCompression(BuildRequest.LayerCompression.ZSTD);
                    }
                    return engine.build(request, loaded, progressBatcher::post);
                } finally {
                    Files.deleteIfExists(scratch.resolve(spec.name() + ".remix.json"));
                    Files.deleteIfExists(scratch);
                }
            }
        };
        task.setOnSucceeded(e -> {
            running.set(false);
            BuildResult r = task.getValue();
            steps.forEach(s -> s.progressProperty().set(1));
            r.warnings().forEach(w -> log("warning: " + w));
            log("Done: " + r.output() + " (" + SizeText.bytes(r.size()) + ")"
                    + (r.digest().isEmpty() ? "" : " " + r.digest()));
            BuildRecord record = new BuildRecord(spec.name(), specFile, specHash.get(), Instant.now(),
                    choice.name(), r.output(), r.digest(), r.size());
            if (choice.disk()) {
                disk.set(new BootableDisk(r.output(), spec.architecture(), r.domainXml()));
                if (r.domainXml() != null) {
                    log("libvirt domain: " + r.domainXml());
                }
            }
            result.set(record);
            finishedListeners.forEach(l -> l.accept(record));
        });
        task.setOnFailed(e -> {
            running.set(false);
            Throwable t = task.getException();
            error.set(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            errorDetails.set(t);
            log("Failed: " + error.get());
        });
        task.setOnCancelled(e -> {
            running.set(false);
            error.set("The build was cancelled; nothing was written");
            log("Cancelled");
        });
        return runner.run("build", task);
    }

    public void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel(true);
        }
    }

    /** A batch of progress events on the FX thread: their log lines are added at once. */
    private void progress(List<ProgressEvent> batch) {
        List<String> lines = new ArrayList<>();
        for (ProgressEvent e : batch) {
            progress(e, lines);
        }
        log(lines);
    }

    private void progress(ProgressEvent e, List<String> lines) {
        String key = rowOf(e.step());
        for (BuildStep step : steps) {
            if (step.key().equals(key)) {
                double f = e.fraction();
                if (e.step().equals("ext4") && f >= 0) {
                    f = (2 + f) / 3; // the root filesystem is the disk step's third part of three
                }
                // a step without a total is running: show it as such until it reports a total
                step.progressProperty().set(f < 0 ? (step.progressProperty().get() < 1 ? -1 : 1) : f);
                step.detailProperty().set(e.detail());
            }
        }
        // every step before the reporting one is over
        int at = indexOf(key);
        for (int i = 0; i < at; i++) {
            if (steps.get(i).progressProperty().get() < 1) {
                steps.get(i).progressProperty().set(1);
            }
        }
        if (e.total() <= 0 || e.done() == 0 || e.done() == e.total()) {
            lines.add(e.step() + ": " + e.detail() + (e.total() > 0 ? " (" + e.done() + "/" + e.total() + ")" : ""));
        }
    }

    private int indexOf(String key) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).key().equals(key)) {
                return i;
            }
        }
        return 0;
    }

    private void log(String line) {
        log(List.of(line));
    }

    private void log(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        log.addAll(lines);
        if (log.size() > 5000) {
            log.remove(0, log.size() - 4000);
        }
    }

    /** Called with every successful build (the library records it). */
    public void onFinished(Consumer<BuildRecord> listener) {
        finishedListeners.add(listener);
    }

    public ObjectProperty<OutputChoice> outputProperty() {
        return output;
    }

    public ObjectProperty<Path> directoryProperty() {
        return directory;
    }

    public StringProperty fileNameProperty() {
        return fileName;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    /** The disk size as typed: empty for the image plus 1 GiB, else like {@code 4G}. */
    public StringProperty diskSizeProperty() {
        return diskSize;
    }

    /** What is wrong with the typed disk size, empty when it is fine. */
    public ReadOnlyStringProperty diskSizeProblemProperty() {
        return diskSizeProblem.getReadOnlyProperty();
    }

    /** Whether the output is written compressed the way {@link #compressionOption} says. */
    public javafx.beans.property.BooleanProperty compressProperty() {
        return compress;
    }

    /**
     * What "compress" means for an output, or {@code null} where the engine has no such choice: zstd
     * instead of gzip layers for container images, deflate-compressed clusters for qcow2 (a VMDK is
     * always compressed, a raw disk or a root filesystem tar never).
     */
    public static String compressionOption(OutputChoice choice) {
        if (choice == OutputChoice.CONTAINER_TARBALL || choice == OutputChoice.OCI_DIRECTORY) {
            return "zstd layers: smaller and faster to build (podman, skopeo, containerd, Docker 23+)";
        }
        return choice == OutputChoice.QCOW2 ? "Compressed clusters: about half the size, slower to write and read" : null;
    }

    /** {@code cloud} or {@code generic}: the kernel a VM disk gets. */
    public ObjectProperty<String> kernelProperty() {
        return kernel;
    }

    /** The VM disk the last build wrote, null when the last build was not a disk (or failed). */
    public ReadOnlyObjectProperty<BootableDisk> diskProperty() {
        return disk.getReadOnlyProperty();
    }

    public BootConsoleViewModel console() {
        return console;
    }

    public ObservableList<BuildStep> steps() {
        return steps;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BuildRecord> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }
}
