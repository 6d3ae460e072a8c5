package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.BuildRequest;
import org.remixstudio.engine.api.BuildResult;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.RemixEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix build SPEC}: the image a spec describes, as an image tarball, OCI directory or rootfs tar. */
@Command(name = "build", description = {
    "Build the image a .remix.json spec describes: one layer for the base and one per spec layer.",
    "SOURCE_DATE_EPOCH (or the spec's timestamp) makes the output reproducible."})
final class BuildCommand implements Callable<Integer> {

    /** Output formats of {@code --format}. */
    enum Format { oci, oci_dir, rootfs }

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the image (default: NAME.tar, or NAME for oci-dir, beside the current directory).")
    Path output;

    @Option(names = "--format", defaultValue = "oci", paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = "oci (one tar: OCI layout and docker-archive), oci-dir, or rootfs (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--squash", description = "Write one layer with the final tree.")
    boolean squash;

    @Option(names = "--tag", paramLabel = "NAME:TAG", description = "The name the image loads as (default: SPECNAME:latest).")
    String tag;

    @Option(names = "--source", paramLabel = "LINE",
            description = "A one-line sources.list entry used besides the spec's sources. Repeatable.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--lock", paramLabel = "LOCK",
            description = "Install exactly the package set of this lock file, or fail listing what moved.")
    Path lock;

    @Option(names = "--locked",
            description = "Like --lock with NAME.remix.lock.json beside the spec (written by `remix lock`).")
    boolean locked;

    @Option(names = "--offline", description = "Do not touch the network; use the cached indexes and packages.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true,
            description = "Cache directory (default: $XDG_CACHE_HOME/remix-studio).")
    Path cacheDir;

    @Option(names = "--timings", hidden = true,
            description = "Print how long each phase took (JVM start, catalog, resolve, tree, fetch, layers, export).")
    boolean timings;

    @Spec
    CommandSpec spec;

    /** Accepts {@code oci-dir} as picocli's enum matching cannot. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format; use oci, oci-dir or rootfs");
            }
        }
    }

    /** {@code NAME} of {@code NAME.remix.json}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".remix.json") ? name.substring(0, name.length() - ".remix.json".length())
                : name.replaceFirst("\\.json$", "");
    }

    @Override
    public Integer call() {
        EngineSettings settings = EngineSettings.defaults().withOffline(offline);
        if (cacheDir != null) {
            settings = settings.withCacheDir(cacheDir);
        }
        BuildRequest.Format kind = switch (format) {
            case oci -> BuildRequest.Format.OCI;
            case oci_dir -> BuildRequest.Format.OCI_DIR;
            case rootfs -> BuildRequest.Format.ROOTFS;
        };
        Path out = output != null ? output
                : Path.of(baseName(specFile) + (kind == BuildRequest.Format.OCI_DIR ? "" : ".tar"));
        ProgressBar bar = ProgressBar.forTerminal();
        java.util.List<String> phases = new java.util.ArrayList<>();
        if (timings) {
            long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            phases.add("jvm start " + (System.currentTimeMillis() - started) + " ms");
        }
        java.util.function.Consumer<org.remixstudio.engine.api.ProgressEvent> progress = e -> {
            if (timings && e.step().equals("phase")) {
                phases.add(e.detail());
            }
            bar.accept(e);
        };
        BuildResult result;
        try {
            BuildRequest request = new BuildRequest(specFile, out, kind, squash, tag, sources);
            if (lock != null) {
                request = request.withLock(lock);
            } else if (locked) {
                request = request.withLockBesideSpec();
            }
            result = new RemixEngine(settings).build(request, progress);
        } finally {
            bar.finish();
        }
        PrintWriter w = spec.commandLine().getOut();
        for (BuildResult.Layer l : result.layers()) {
            w.printf("layer %-16s %4d packages (+%d -%d)  %10s  %s%s%n", l.name(), l.packages(), l.added(), l.removed(),
                    Sizes.human(l.size()), l.diffId(), l.fromCache() ? "  (cached)" : "");
        }
        result.warnings().forEach(x -> w.println("warning: " + x));
        w.println("wrote " + result.output() + " (" + Sizes.human(result.size()) + ")"
                + (result.digest().isEmpty() ? "" : " " + result.digest()));
        result.sboms().forEach(f -> w.println("wrote " + f));
        phases.forEach(p -> w.println("phase " + p));
        w.flush();
        return 0;
    }
}
