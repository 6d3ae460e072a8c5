package org.remixstudio.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.remixstudio.engine.io.Executables;
import java.util.List;
import java.util.Optional;
import org.remixstudio.engine.api.EngineException;

/**
 * Builds the QEMU command line that boots an exported disk the way its libvirt domain does: UEFI
 * firmware from the host's OVMF/AAVMF (a private copy of the variable store per run), q35 (or
 * {@code virt} on arm64), the disk on virtio, user-mode networking with a virtio NIC, and the serial
 * console on standard input/output ({@code mon:stdio}: Ctrl-A X quits). KVM is used when a probe
 * says it works ({@link #kvmUsable}), else software emulation (TCG). Neither looking at
 * {@code /dev/kvm} nor QEMU's own {@code -accel kvm -accel tcg} fallback is enough: on some hosts
 * {@code /dev/kvm} opens and a VM is created, and QEMU then aborts setting the first vCPU's MSRs.
 */
public final class QemuLauncher {

    /** UEFI firmware: the read-only code and the template of the variable store. */
    public record Firmware(Path code, Path varsTemplate) {
    }

    /** A command ready to run, with whether it uses KVM and the run's private variable store. */
    public record Prepared(List<String> command, boolean kvm, Path varsFile) {
    }

    /** How to boot. */
    public record Options(int memoryMib, int cpus, boolean snapshot, Integer sshPort) {
        public static Options defaults() {
            return new Options(1024, 2, true, null);
        }
    }

    private final Path root;

    /** @param root the host's root directory ({@code /}; a test tree in tests) */
    public QemuLauncher(Path root) {
        this.root = root;
    }

    /**
     * Everything a boot of {@code image} needs: the emulator and firmware checked, KVM probed, a private
     * variable store made in {@code varsDir}, and the command.
     *
     * @throws EngineException when the image, the emulator or the firmware is missing, saying what to install
     */
    public Prepared prepare(Path image, String architecture, Options options, Path varsDir) {
        if (!Files.isRegularFile(image)) {
            throw new EngineException("no disk image at " + image + "; build one with `remix build SPEC --format qcow2`");
        }
        if (!installed(architecture)) {
            throw new EngineException(emulator(architecture) + " is not installed; install QEMU (Debian: apt-get install "
                    + (architecture.equals("arm64") ? "qemu-system-arm" : "qemu-system-x86") + ")");
        }
        Firmware fw = firmware(architecture).orElseThrow(() -> new EngineException(
                "no UEFI firmware for " + architecture + " in /usr/share; install it (Debian: apt-get install "
                        + (architecture.equals("arm64") ? "qemu-efi-aarch64" : "ovmf") + ")"));
        try {
            DiskFormat format = DiskFormat.of(image);
            boolean kvm = kvmUsable(architecture);
            Path vars = prepareVars(fw, Files.createDirectories(varsDir));
            return new Prepared(command(image, format, architecture, fw, vars, options, kvm), kvm, vars);
        } catch (IOException e) {
            throw new EngineException("cannot prepare to boot " + image + ": " + e.getMessage());
        }
    }

    /** The emulator for a Debian architecture. */
    public static String emulator(String architecture) {
        return switch (architecture) {
            case "amd64" -> "qemu-system-x86_64";
            case "arm64" -> "qemu-system-aarch64";
            default -> throw new EngineException("remix run boots amd64 and arm64 images, not " + architecture);
        };
    }

    /** The host's UEFI firmware for an architecture, newest layout first. */
    public Optional<Firmware> firmware(String architecture) {
        List<List<String>> candidates = architecture.equals("arm64")
                ? List.of(List.of("usr/share/AAVMF/AAVMF_CODE.fd", "usr/share/AAVMF/AAVMF_VARS.fd"))
                : List.of(List.of("usr/share/OVMF/OVMF_CODE_4M.fd", "usr/share/OVMF/OVMF_VARS_4M.fd"),
                        List.of("usr/share/OVMF/OVMF_CODE.fd", "usr/share/OVMF/OVMF_VARS.fd"));
        for (List<String> c : candidates) {
            Path code = root.resolve(c.get(0));
            Path vars = root.resolve(c.get(1));
            if (Files.isRegularFile(code) && Files.isRegularFile(vars)) {
                return Optional.of(new Firmware(code, vars));
            }
        }
        return Optional.empty();
    }

    /**
     * The command that boots {@code image}, with {@code vars} as the writable variable store (copied
     * from the firmware's template by {@link #prepareVars}).
     */
    public List<String> command(Path image, DiskFormat format, String architecture, Firmware firmware, Path vars,
            Options options, boolean kvm) {
        boolean arm = architecture.equals("arm64");
        return List.of(emulator(architecture),
                "-machine", arm ? "virt" : "q35", "-accel", kvm ? "kvm" : "tcg", "-cpu", kvm ? "host" : "max",
                "-m", Integer.toString(options.memoryMib()), "-smp", Integer.toString(options.cpus()),
                "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + firmware.code(),
                "-drive", "if=pflash,format=raw,unit=1,file=" + vars,
                "-drive", "if=virtio,format=" + format.qemuName() + ",file=" + image.toAbsolutePath()
                        + (options.snapshot() ? ",snapshot=on" : ""),
                "-nic", "user,model=virtio-net-pci" + (options.sshPort() == null ? ""
                        : ",hostfwd=tcp:127.0.0.1:" + options.sshPort() + "-:22"),
                "-device", "virtio-rng-pci",
                "-display", "none", "-serial", "mon:stdio");
    }

    /**
     * Whether KVM really runs a guest of this architecture here: starts the emulator with KVM, a
     * stopped vCPU and no devices, and sees whether it survives setting the vCPU up (it aborts
     * within a fraction of a second where KVM is broken). Only for the host's own architecture.
     */
    public static boolean kvmUsable(String architecture) {
        String host = System.getProperty("os.arch");
        boolean same = architecture.equals("amd64") ? host.equals("amd64") || host.equals("x86_64")
                : architecture.equals("arm64") && host.equals("aarch64");
        if (!same || !Files.isWritable(Path.of("/dev/kvm"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(emulator(architecture), "-accel", "kvm", "-machine",
                    architecture.equals("arm64") ? "virt" : "q35", "-cpu", "host", "-m", "64", "-nodefaults",
                    "-display", "none", "-monitor", "none", "-serial", "none", "-S")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ended = p.waitFor(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
                return true;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A private, writable copy of the firmware's variable store in {@code dir}. */
    public Path prepareVars(Firmware firmware, Path dir) throws IOException {
        Path vars = Files.createTempFile(dir, "remix-efivars-", ".fd");
        Files.copy(firmware.varsTemplate(), vars, StandardCopyOption.REPLACE_EXISTING);
        return vars;
    }

    /** Whether the emulator for the architecture is on the PATH. */
    public static boolean installed(String architecture) {
        return Executables.onPath(emulator(architecture)).isPresent();
    }
}
