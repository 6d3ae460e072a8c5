package org.remixstudio.engine.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.dpkg.DpkgDatabaseWriter;
import org.remixstudio.engine.build.dpkg.InstallOrder;
import org.remixstudio.engine.build.dpkg.PackageUnpacker;
import org.remixstudio.engine.build.dpkg.UnpackedPackage;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.fetch.FetchedDeb;
import org.remixstudio.engine.build.sandbox.OwnershipFix;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Builds a working Debian root filesystem from a resolved package set, as complete as mmdebstrap
 * makes one for the same set, in five phases:
 * <ol>
 *   <li>{@code fetch}: the {@code .deb}s, verified, from the cache or the mirror ({@link DebFetcher});</li>
 *   <li>{@code unpack}: every package's files into the tree, in parallel, in Java
 *       ({@link PackageUnpacker}); nothing is {@code fsync}ed, the tree is scratch until the image is written;</li>
 *   <li>{@code database}: dpkg's database for "unpacked" packages ({@link DpkgDatabaseWriter});</li>
 *   <li>{@code configure}: the {@code preinst} scripts and {@code dpkg --configure -a} inside a
 *       {@link Sandbox}, never on the host; services are kept from starting ({@link ServiceGuard});</li>
 *   <li>{@code cleanup}: what mmdebstrap removes for reproducibility (done by the configure script
 *       inside the sandbox), apt's files and the {@code /dev} skeleton.</li>
 * </ol>
 * Where no sandbox can be made (not root, and no user namespace with subordinate ids), the build
 * stops after the database with every package unpacked and says so in {@link RootfsBuild#warnings()}.
 * No host file (hostname, {@code resolv.conf}, machine id, apt lists) is copied into the tree.
 */
public final class RootfsBuilder {

    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final DebFetcher fetcher;
    private final RootfsOptions options;
    private final Supplier<SandboxMode> sandboxDetector;

    /**
     * @param fetcher gets and verifies the {@code .deb}s
     * @param options architecture, sources to record, sandbox choice
     */
    public RootfsBuilder(DebFetcher fetcher, RootfsOptions options) {
        this(fetcher, options, Sandbox::detect);
    }

    RootfsBuilder(DebFetcher fetcher, RootfsOptions options, Supplier<SandboxMode> sandboxDetector) {
        this.fetcher = fetcher;
        this.options = options;
        this.sandboxDetector = sandboxDetector;
    }

    /**
     * Builds the tree.
     *
     * @param packages the complete package set (a resolution), in any order
     * @param root     where the tree goes: an empty or absent directory
     * @param progress receives {@code fetch} (bytes), {@code unpack} and {@code configure} (packages) events
     * @throws EngineException       naming the package, file or script at fault
     * @throws CancellationException when the thread is interrupted
     */
    public RootfsBuild build(Collection<BinaryPackage> packages, Path root, Consumer<ProgressEvent> progress) {
        prepareRoot(root);
        List<PhaseTime> phases = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<BinaryPackage> ordered = InstallOrder.of(packages);

        Instant t = Instant.now();
        List<FetchedDeb> debs = fetcher.fetchAll(ordered, progress);
        t = phase(phases, "fetch", t);

        RootfsSkeleton skeleton = new RootfsSkeleton(root);
        skeleton.createBeforeUnpack();
        List<PackageUnpacker.Input> inputs = debs.stream()
                .map(d -> new PackageUnpacker.Input(d.pkg(), d.file())).toList();
        List<UnpackedPackage> unpacked = new PackageUnpacker(root, ExtractOptions.forRootFilesystem(),
                options.unpackThreads()).unpack(inputs, progress);
        t = phase(phases, "unpack", t);

        new DpkgDatabaseWriter(root).write(unpacked, options.architecture());
        t = phase(phases, "database", t);

        SandboxMode mode = options.sandbox() != null ? options.sandbox() : sandboxDetector.get();
        boolean configured = false;
        if (mode == SandboxMode.NONE) {
            warnings.add("Packages were unpacked but not configured: maintainer scripts need an isolated sandbox,"
                    + " and this process can make none (it is not root, and no user namespace with subordinate ids"
                    + " is available). Run as root, or give the user ranges in /etc/subuid and /etc/subgid and"
                    + " install uidmap, then build again.");
        } else {
            configure(root, unpacked, mode, progress);
            configured = true;
        }
        t = phase(phases, "configure", t);

        if (!configured) {
            new RootfsCleanup(root).run(); // after configuring, the sandbox has cleaned up already
        }
        TreeSet<String> auto = new TreeSet<>(options.autoInstalled());
        auto.retainAll(ordered.stream().map(BinaryPackage::name).toList());
        skeleton.completeAfterConfigure(options.aptSources(), List.copyOf(auto), options.architecture());
        phase(phases, "cleanup", t);

        List<TreeEntry> special = new ArrayList<>(RootfsSkeleton.deviceNodes(mtime()));
        unpacked.forEach(u -> special.addAll(u.specialFiles()));
        return new RootfsBuild(root, ordered, configured, mode, special, warnings, phases);
    }

    private void configure(Path root, List<UnpackedPackage> unpacked, SandboxMode mode,
                           Consumer<ProgressEvent> progress) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        env.put("HOME", "/root");
        env.put("DEBIAN_FRONTEND", "noninteractive");
        env.put("DEBCONF_NONINTERACTIVE_SEEN", "true");
        env.put("LC_ALL", "C.UTF-8");
        if (options.sourceDateEpoch() != null) {
            env.put("SOURCE_DATE_EPOCH", Long.toString(options.sourceDateEpoch()));
        }
        List<OwnershipFix> ownership = new ArrayList<>();
        if (mode == SandboxMode.USER_NAMESPACE) {
            for (UnpackedPackage u : unpacked) {
                for (TreeEntry e : u.notRootOwned()) {
                    ownership.add(new OwnershipFix(e.path(), e.uid(), e.gid(),
                            e.type() == EntryType.SYMLINK ? -1 : e.mode()));
                }
            }
        }
        ServiceGuard guard = new ServiceGuard(root);
        ControlStaging staging = new ControlStaging(root);
        guard.install();
        try {
            new PackageConfigurator(new Sandbox(root, mode), staging).configure(unpacked, env, ownership, progress);
        } finally {
            staging.clear();
            guard.remove();
        }
    }

    private Instant mtime() {
        return options.sourceDateEpoch() != null ? Instant.ofEpochSecond(options.sourceDateEpoch()) : Instant.now();
    }

    private static Instant phase(List<PhaseTime> phases, String name, Instant start) {
        Instant now = Instant.now();
        phases.add(new PhaseTime(name, Duration.between(start, now)));
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the build was cancelled after " + name);
        }
        return now;
    }

    private static void prepareRoot(Path root) {
        try {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                    throw new EngineException("Build target " + root + " exists and is not a directory. Choose an"
                            + " empty directory.");
                }
                try (var entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new EngineException("Build target " + root + " is not empty. Choose an empty"
                                + " directory, or delete its contents first.");
                    }
                }
            }
            Files.createDirectories(root);
            Files.setAttribute(root, "unix:mode", 0755);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the build target " + root + ": " + e.getMessage(), e);
        }
    }
}
