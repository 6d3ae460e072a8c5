package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.BootCommand;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.RemixEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix run IMAGE}: boots an exported disk in QEMU with its serial console on this terminal. */
@Command(name = "run", description = {
    "Boot a disk image made by `remix build --format qcow2|raw|vmdk` in QEMU (UEFI firmware, KVM when it works,",
    "else software emulation), with its serial console on this terminal. Ctrl-A X quits."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The disk image (qcow2, raw or vmdk).")
    Path image;

    @Option(names = "--arch", defaultValue = "amd64", paramLabel = "ARCH",
            description = "The image's architecture: amd64 or arm64 (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--memory", defaultValue = "1024", paramLabel = "MIB", description = "Guest memory in MiB (default: ${DEFAULT-VALUE}).")
    int memory;

    @Option(names = "--keep-changes",
            description = "Write the guest's changes into the image (by default they are discarded, so the image stays as built).")
    boolean keepChanges;

    @Option(names = "--ssh-port", paramLabel = "PORT", description = "Forward this host port (127.0.0.1) to the guest's SSH port.")
    Integer sshPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BootCommand boot = new RemixEngine(EngineSettings.defaults())
                .prepareBoot(image, architecture, memory, !keepChanges, sshPort);
        PrintWriter err = spec.commandLine().getErr();
        err.println("booting " + image + (boot.kvm() ? " with KVM" : " with software emulation (no usable KVM: slower)")
                + "; Ctrl-A X quits");
        err.flush();
        try {
            Process qemu = new ProcessBuilder(boot.command()).inheritIO().start();
            int exit = qemu.waitFor();
            if (exit != 0) {
                throw new EngineException("QEMU ended with exit code " + exit + ": " + String.join(" ", boot.command()));
            }
            return 0;
        } finally {
            boot.cleanUp();
        }
    }
}
