package org.remixstudio.engine.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference: {@code mmdebstrap --variant=V SUITE OUT.tar SOURCES…} with SOURCE_DATE_EPOCH set. */
final class Mmdebstrap {

    private Mmdebstrap() {
    }

    /** Builds {@code out} and returns how long mmdebstrap took. */
    static Duration build(String variant, String suite, List<String> sourceLines, long sourceDateEpoch, Path out)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mmdebstrap", "--variant=" + variant, suite, out.toString()));
        cmd.addAll(sourceLines);
        Path log = Files.createTempFile("mmdebstrap", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SOURCE_DATE_EPOCH", Long.toString(sourceDateEpoch));
            Instant start = Instant.now();
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("mmdebstrap did not finish in 15 minutes");
            }
            Duration took = Duration.between(start, Instant.now());
            if (p.exitValue() != 0) {
                throw new IllegalStateException("mmdebstrap failed: " + cmd + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return took;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
