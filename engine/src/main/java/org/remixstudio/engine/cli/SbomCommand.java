package org.remixstudio.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.SbomFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix sbom SPEC --format spdx|cyclonedx [-o FILE]}: the SBOM of the resolved spec, without building. */
@Command(name = "sbom", description = {
    "Write the SBOM of the image a .remix.json spec describes, from its resolution (nothing is built).",
    "The spec's timestamp (or SOURCE_DATE_EPOCH) makes the document reproducible."})
final class SbomCommand implements Callable<Integer> {

    /** Values of {@code --format}. */
    enum Format { spdx, cyclonedx }

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

    @Option(names = "--format", defaultValue = "spdx", paramLabel = "FORMAT",
            description = "spdx (SPDX 2.3 JSON) or cyclonedx (CycloneDX 1.6 JSON) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;



    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] document = engineOptions.run((engine, bar) -> engine.sbom(specFile,
                    format == Format.spdx ? SbomFormat.SPDX : SbomFormat.CYCLONEDX, bar));
        if (output == null) {
            spec.commandLine().getOut().print(new String(document, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
        writeAtomically(output, document);
        spec.commandLine().getErr().println("wrote " + output);
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** Written under a temporary name beside {@code target}, then renamed into place. */
    private static void writeAtomically(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            Files.write(tmp, bytes);
            // the temporary file is created private; the document is for everyone to read
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new EngineException("Cannot write " + target + " (" + e.getMessage() + "). Check that its directory is"
                    + " writable and has space.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is harmless; the target was never touched
                }
            }
        }
    }
}
