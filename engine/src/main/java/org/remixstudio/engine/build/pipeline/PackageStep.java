package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.RootfsCleanup;
import org.remixstudio.engine.build.ServiceGuard;
import org.remixstudio.engine.build.dpkg.InstallOrder;
import org.remixstudio.engine.build.fetch.FetchedDeb;
import org.remixstudio.engine.build.sandbox.CommandResult;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.catalog.BinaryPackage;

/**
 * Applies one layer's package changes to a configured tree: purges the removed packages and installs
 * the added ones with the image's own dpkg inside a {@link Sandbox}. The tree's dpkg already knows
 * what is installed, so it orders unpacking, triggers and configuration correctly; the
 * {@code .deb}s are copied into the tree's {@code /tmp} for the run and removed with the rest of
 * {@code /tmp} by the same cleanup the base build does.
 */
public final class PackageStep {

    private static final String DEB_DIR = "tmp/remix-debs";

    private final Path root;
    private final SandboxMode mode;
    private final Sandbox sandbox;
    private final Long sourceDateEpoch;

    public PackageStep(Path root, SandboxMode mode, Long sourceDateEpoch) {
        this.root = root;
        this.mode = mode;
        this.sandbox = mode == SandboxMode.NONE ? null : new Sandbox(root, mode);
        this.sourceDateEpoch = sourceDateEpoch;
    }

    /** Runs in {@code sandbox}'s tree, e.g. the merged tree of an overlay. */
    public PackageStep(Sandbox sandbox, Long sourceDateEpoch) {
        this.root = sandbox.root();
        this.mode = sandbox.mode();
        this.sandbox = sandbox;
        this.sourceDateEpoch = sourceDateEpoch;
    }

    /**
     * @param added   the packages to install, with their verified files
     * @param removed names to purge
     * @param auto    names of added packages to mark automatically installed ({@code apt-mark auto})
     * @throws EngineException naming the layer when dpkg fails, with the end of its output
     */
    public void apply(String layer, List<FetchedDeb> added, List<String> removed, Set<String> auto,
                      Consumer<ProgressEvent> progress) {
        if (mode == SandboxMode.NONE) {
            throw new EngineException("Layer '" + layer + "' needs dpkg run inside the image, and this process can make"
                    + " no sandbox. Run as root, or give the user ranges in /etc/subuid and /etc/subgid, then build again.");
        }
        Map<String, FetchedDeb> byName = new LinkedHashMap<>();
        added.forEach(d -> byName.put(d.pkg().name() + ":" + d.pkg().architecture(), d));
        List<BinaryPackage> ordered = InstallOrder.of(added.stream().map(FetchedDeb::pkg).toList());
        List<String> files = new ArrayList<>();
        try {
            Path dir = Files.createDirectories(root.resolve(DEB_DIR));
            int i = 0;
            for (BinaryPackage p : ordered) {
                FetchedDeb deb = byName.get(p.name() + ":" + p.architecture());
                String name = String.format("%04d_%s.deb", i++, p.name());
                Files.copy(deb.file(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                files.add("/" + DEB_DIR + "/" + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the packages of layer '" + layer + "' into " + root + ": " + e, e);
        }
        StringBuilder script = new StringBuilder("set -e\n");
        if (!removed.isEmpty()) {
            script.append("dpkg --purge --force-depends");
            removed.forEach(n -> script.append(' ').append(n));
            script.append('\n');
        }
        if (!files.isEmpty()) {
            script.append("dpkg --install --force-depends");
            files.forEach(f -> script.append(' ').append(f));
            script.append('\n');
        }
        script.append("dpkg --configure -a\n");
        if (!auto.isEmpty()) {
            // apt records the marks in /var/lib/apt/extended_states; without apt there is nothing to mark for
            script.append("if command -v apt-mark >/dev/null; then apt-mark auto");
            auto.forEach(n -> script.append(' ').append(n));
            script.append(" >/dev/null; fi\n");
            // apt-mark builds apt's binary caches; they differ from build to build, and mmdebstrap drops them too
            script.append("rm -f /var/cache/apt/pkgcache.bin /var/cache/apt/srcpkgcache.bin\n");
        }
        script.append(RootfsCleanup.script());
        progress.accept(new ProgressEvent("layer", layer + ": dpkg", 0, 1, ProgressEvent.Unit.ITEMS));
        ServiceGuard guard = new ServiceGuard(root);
        guard.install();
        CommandResult result;
        try {
            result = sandbox.run(script.toString(), environment(), List.of(), line -> { });
        } finally {
            guard.remove();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the build was cancelled in layer " + layer);
        }
        if (!result.ok()) {
            throw new EngineException("dpkg failed in layer '" + layer + "' (exit " + result.exitCode() + "):\n"
                    + result.tail(25) + "\nCheck the packages this layer adds and removes.");
        }
        progress.accept(new ProgressEvent("layer", layer + ": dpkg", 1, 1, ProgressEvent.Unit.ITEMS));
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", "/root");
        env.put("DEBIAN_FRONTEND", "noninteractive");
        env.put("DEBCONF_NONINTERACTIVE_SEEN", "true");
        env.put("LC_ALL", "C.UTF-8");
        if (sourceDateEpoch != null) {
            env.put("SOURCE_DATE_EPOCH", Long.toString(sourceDateEpoch));
        }
        return env;
    }
}
