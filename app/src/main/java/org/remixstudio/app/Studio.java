package org.remixstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.remixstudio.app.build.BootConsoleViewModel;
import org.remixstudio.app.build.BuildViewModel;
import org.remixstudio.app.catalog.CatalogViewModel;
import org.remixstudio.app.library.LibraryStore;
import org.remixstudio.app.library.LibraryViewModel;
import org.remixstudio.app.catalog.PackageDetailsViewModel;
import org.remixstudio.app.document.Autosave;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.document.RecentFiles;
import org.remixstudio.app.impact.ImpactViewModel;
import org.remixstudio.app.layers.LayerStackViewModel;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.app.tasks.FxWork;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.api.SourceStatus;
import org.remixstudio.engine.spec.ContainerConfigSpec;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.SourcesSpec;

/**
 * The composition root: makes the engine and every view model from the {@link StudioOptions} and
 * wires them together (the document drives the layer stack and the impact pane; the plan tells the
 * catalog and the details pane what the remix installs). Also knows how the studio starts: restore
 * unsaved work, or load the catalog of the host's sources and open a new remix on its suite.
 */
public final class Studio implements AutoCloseable {

    /** Name of the remix a fresh start opens. */
    public static final String START_NAME = "my-remix";

    private final StudioOptions options;
    private final BackgroundRunner runner;
    /**
     * License streams read copyright files, fetching {@code .deb}s: minutes for a large remix on a first
     * run. They get threads of their own so that plans, searches and saves never wait behind them.
     */
    private final BackgroundRunner licenseRunner;
    private final RemixEngine engine;
    private final Autosave autosave;
    private final DocumentViewModel document;
    private final CatalogViewModel catalog;
    private final PackageDetailsViewModel details;
    private final LayerStackViewModel layers;
    private final ImpactViewModel impact;
    private final BuildViewModel build;
    private final LibraryViewModel library;
    private final StudioSettings settings;

    public Studio(StudioOptions options) {
        this(options, FxWork.UNMETERED);
    }

    /** A studio whose work on the FX thread is timed through {@code fxWork} (a meter; the benchmark's). */
    public Studio(StudioOptions options, FxWork fxWork) {
        this.options = options;
        this.runner = new BackgroundRunner(3, fxWork);
        this.licenseRunner = new BackgroundRunner(2, fxWork);
        this.engine = new RemixEngine(options.engine());
        this.autosave = new Autosave(options.paths().autosaveDir());
        this.document = new DocumentViewModel(runner, new RecentFiles(options.paths().recentFiles()), autosave);
        this.catalog = new CatalogViewModel(engine, runner);
        this.details = new PackageDetailsViewModel(catalog.catalogProperty(), runner);
        this.layers = new LayerStackViewModel(document, catalog.catalogProperty(), runner, licenseRunner);
        this.impact = new ImpactViewModel(document, catalog.catalogProperty(), runner, licenseRunner);
        this.build = new BuildViewModel(engine, document, catalog.catalogProperty(), runner, java.nio.file.Path.of(System.getProperty("user.home")),
                new BootConsoleViewModel(fxWork));
        this.library = new LibraryViewModel(new LibraryStore(options.paths().libraryDatabase()), runner);
        document.onSaved(file -> library.saved(document.spec().name(), file));
        build.onFinished(library::built);
        this.settings = new StudioSettings(options.paths().settingsFile());
        impact.policyProperty().set(settings.licensePolicy().orElse(null));
        // a VM disk output shows what the export adds as a preview layer on the stack
        layers.vmKernelProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> build.outputProperty().get() != null && build.outputProperty().get().disk()
                        ? build.kernelProperty().get() : null, build.outputProperty(), build.kernelProperty()));
        layers.onInstalled(catalog::setInstalled);
        layers.onInstalled(details::setInstalled);
        layers.licensesProperty().addListener((o, a, b) -> {
            catalog.setLicenses(b);
            details.setLicenses(b);
        });
        catalog.selectedProperty().addListener((o, a, b) -> details.show(b));
        layers.selectedPackageProperty().addListener((o, a, b) -> details.show(b));
        document.specProperty().addListener((o, a, b) -> {
            if (b != null) {
                catalog.loadFor(b, c -> { });
            }
        });
    }

    /**
     * Starts the studio: offers to restore an autosave through {@code askRecover} (true restores
     * it), else loads the catalog of the configured sources and opens a new remix on their suite.
     */
    public void start(java.util.function.Predicate<Autosave.Recovered> askRecover) {
        start(askRecover, null, message -> { });
    }

    /**
     * Like {@link #start(java.util.function.Predicate)}, opening {@code file} (a remix named on the
     * command line; null for none) instead of a new remix unless unsaved work is restored. When the
     * file cannot be read, {@code onError} gets the reason and the new remix opens as without one.
     */
    public void start(java.util.function.Predicate<Autosave.Recovered> askRecover, Path file,
                      Consumer<String> onError) {
        runner.run("warm-up", new javafx.concurrent.Task<Void>() {
            @Override
            protected Void call() {
                new StudioWarmup().run();
                return null;
            }
        });
        Optional<Autosave.Recovered> recovered = autosave.find();
        if (recovered.isPresent() && askRecover.test(recovered.get())) {
            document.recover(recovered.get());
            return;
        }
        recovered.ifPresent(r -> document.discardChanges());
        if (file != null) {
            // the document's sources decide which catalog loads (the listener on the spec)
            document.open(file, message -> {
                onError.accept(message);
                openStartRemix();
            });
        } else {
            openStartRemix();
        }
    }

    private void openStartRemix() {
        catalog.loadDefault(c -> {
            RemixSpec spec = startSpec(c);
            catalog.adopt(spec);
            // the remix opens in a turn of its own: the catalog pane is shown first, and neither turn
            // takes the FX thread for a whole frame
            runner.fxWork().runLater("open the start remix", () -> document.newRemix(spec));
        });
    }

    /** A remix on the loaded sources' suite, with the configured base and one empty layer to fill. */
    RemixSpec startSpec(PackageCatalog c) {
        String suite = c.sources().stream().map(SourceStatus::suite).findFirst().orElse("stable");
        return new RemixSpec(RemixSpec.CURRENT_VERSION, START_NAME, "", SourcesSpec.SYSTEM, suite, c.architecture(),
                options.startVariant(), false, List.of(new LayerSpec("apps", List.of(), List.of())),
                Customizations.NONE, ContainerConfigSpec.NONE, java.util.OptionalLong.empty());
    }

    /** Opens a new remix made in the New remix dialog; its catalog loads if its sources differ. */
    public void newRemix(RemixSpec spec, Consumer<String> onError) {
        try {
            document.newRemix(new org.remixstudio.engine.spec.RemixSpecReader().validate(spec));
        } catch (RuntimeException e) {
            onError.accept(e.getMessage());
        }
    }

    /**
     * Applies a license policy to the impact pane's findings and remembers it ({@code null}: none).
     *
     * @throws java.io.IOException when the preferences cannot be written (the policy still applies)
     */
    public void setLicensePolicy(java.nio.file.Path policy) throws java.io.IOException {
        impact.policyProperty().set(policy);
        settings.setLicensePolicy(policy);
    }

    public StudioOptions options() {
        return options;
    }

    public RemixEngine engine() {
        return engine;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public DocumentViewModel document() {
        return document;
    }

    public CatalogViewModel catalog() {
        return catalog;
    }

    public PackageDetailsViewModel details() {
        return details;
    }

    public LayerStackViewModel layers() {
        return layers;
    }

    public ImpactViewModel impact() {
        return impact;
    }

    public BuildViewModel build() {
        return build;
    }

    public LibraryViewModel library() {
        return library;
    }

    @Override
    public void close() {
        build.console().stop();
        runner.close();
        licenseRunner.close();
    }
}
