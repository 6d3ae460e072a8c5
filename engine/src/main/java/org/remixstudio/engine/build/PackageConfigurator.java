package org.remixstudio.engine.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.dpkg.UnpackedPackage;
import org.remixstudio.engine.build.sandbox.CommandResult;
import org.remixstudio.engine.build.sandbox.OwnershipFix;
import org.remixstudio.engine.build.sandbox.Sandbox;

/**
 * Finishes an installation whose files and database are in place: inside the {@link Sandbox} it runs
 * each package's {@code preinst install} in install order, with the environment dpkg gives
 * maintainer scripts (dpkg(1) "ENVIRONMENT": {@code DPKG_MAINTSCRIPT_PACKAGE}, {@code …_ARCH},
 * {@code …_NAME}, {@code DPKG_ADMINDIR}, {@code DPKG_RUNNING_VERSION}, …) from the package's control
 * area in {@code /var/lib/dpkg/tmp.ci} as dpkg does, then {@code dpkg --configure} with every package
 * in install order, which installs the {@code .dpkg-new} conffiles, runs every
 * {@code postinst configure} in dependency order and processes the triggers. dpkg reports each
 * package's state on its status file descriptor; those lines drive the {@code configure} progress.
 */
final class PackageConfigurator {

    private final Sandbox sandbox;
    private final ControlStaging stagedControl;

    PackageConfigurator(Sandbox sandbox, ControlStaging stagedControl) {
        this.sandbox = sandbox;
        this.stagedControl = stagedControl;
    }

    void configure(List<UnpackedPackage> packages, Map<String, String> baseEnvironment, List<OwnershipFix> ownership,
                   Consumer<ProgressEvent> progress) {
        String dpkgVersion = packages.stream().filter(p -> p.pkg().name().equals("dpkg")).findFirst()
                .map(p -> p.pkg().version().toString())
                .orElseThrow(() -> new EngineException("The package set has no dpkg, so it cannot configure itself."
                        + " Add dpkg to the packages (every base variant includes it)."));
        StringBuilder script = new StringBuilder("set -e\n");
        List<UnpackedPackage> withPreinst = new ArrayList<>();
        for (UnpackedPackage p : packages) {
            if (p.control().file("preinst").isPresent()) {
                withPreinst.add(p);
                String dir = stagedControl.stage(p);
                // dpkg runs a preinst from the package's extracted control area, tmp.ci; debconf reads the
                // package name and templates from there
                script.append("echo 'preinst ").append(p.dpkgName()).append("' >&3\n")
                        .append("rm -rf ").append(ControlStaging.TMP_CI).append('\n')
                        .append("mv ").append(dir).append(' ').append(ControlStaging.TMP_CI).append('\n')
                        .append("DPKG_MAINTSCRIPT_PACKAGE=").append(p.pkg().name())
                        .append(" DPKG_MAINTSCRIPT_ARCH=").append(p.pkg().architecture())
                        .append(" DPKG_MAINTSCRIPT_NAME=preinst DPKG_MAINTSCRIPT_PACKAGE_REFCOUNT=1 PERL_DL_NONLAZY=1 ")
                        .append(ControlStaging.TMP_CI).append("/preinst install\n");
            }
        }
        script.append("rm -rf ").append(ControlStaging.TMP_CI).append('\n');
        script.append("echo 'configure' >&3\n");
        // the install order, not -a: dpkg then configures in this order wherever dependencies allow, as it
        // does for the packages given to dpkg --install
        script.append("dpkg --status-fd 3 --configure");
        for (UnpackedPackage p : packages) {
            script.append(' ').append(p.dpkgName());
        }
        script.append('\n');
        // what apt's own update and clean would leave: its download directories belong to _apt
        script.append("if getent passwd _apt >/dev/null; then\n")
                .append("  chown _apt:root /var/lib/apt/lists/partial /var/cache/apt/archives/partial\n")
                .append("  chmod 0700 /var/lib/apt/lists/partial /var/cache/apt/archives/partial\n")
                .append("fi\n");
        script.append(RootfsCleanup.script());
        Map<String, String> env = new LinkedHashMap<>(baseEnvironment);
        env.put("DPKG_ADMINDIR", "/var/lib/dpkg");
        env.put("DPKG_ROOT", "");
        env.put("DPKG_RUNNING_VERSION", dpkgVersion);

        int total = withPreinst.size() + packages.size();
        AtomicInteger done = new AtomicInteger();
        String[] current = {"preinst"};
        progress.accept(new ProgressEvent("configure", "", 0, total, ProgressEvent.Unit.ITEMS));
        CommandResult result = sandbox.run(script.toString(), env, ownership, line -> {
            // "preinst NAME" from our script; "status: NAME: installed" from dpkg (dpkg(1) --status-fd)
            if (line.startsWith("preinst ")) {
                current[0] = line;
                progress.accept(new ProgressEvent("configure", line, done.getAndIncrement(), total,
                        ProgressEvent.Unit.ITEMS));
            } else if (line.startsWith("status: ")) {
                String[] f = line.split(": ");
                if (f.length >= 3) {
                    current[0] = "configure " + f[1];
                    if (f[2].equals("installed")) {
                        // trigger processing can report a package installed twice; stay below the total
                        progress.accept(new ProgressEvent("configure", f[1],
                                Math.min(done.incrementAndGet(), total - 1), total, ProgressEvent.Unit.ITEMS));
                    }
                }
            }
        });
        if (!result.ok()) {
            throw new EngineException("Configuring the packages failed at '" + current[0] + "' (exit status "
                    + result.exitCode() + "). The maintainer script's last output:\n" + result.tail(25));
        }
        progress.accept(new ProgressEvent("configure", "", total, total, ProgressEvent.Unit.ITEMS));
    }
}
