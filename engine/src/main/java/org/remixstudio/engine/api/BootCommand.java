package org.remixstudio.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A ready QEMU command line that boots an exported disk (see {@link RemixEngine#prepareBoot}); the
 * caller runs it (the CLI on its terminal, the studio in a console window) and then calls
 * {@link #cleanUp()} to remove the per-run firmware variable store.
 *
 * @param command  the emulator and its arguments; the serial console is on standard input/output
 * @param kvm      whether it uses KVM (else software emulation, several times slower)
 * @param varsFile the writable UEFI variable store made for this run
 */
public record BootCommand(List<String> command, boolean kvm, Path varsFile) {

    public BootCommand {
        command = List.copyOf(command);
    }

    /** Removes the run's variable store. */
    public void cleanUp() {
        try {
            Files.deleteIfExists(varsFile);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
