package org.remixstudio.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * apt's own answer for a request, as mmdebstrap prints it: runs
 * {@code mmdebstrap --verbose --simulate --variant=V [--include=P] SUITE /dev/null MIRRORS} with the
 * release, {@code -updates} and {@code -security} suites from the host's mirrors (the same indexes
 * {@link RealArchive} loads) and collects the {@code Inst name (version …)} lines of both of its apt
 * calls. Answers are cached under {@code /tmp/remix-test-archive/oracle} since the archive only moves
 * forward between runs of a test session; delete the folder to ask again.
 */
public final class MmdebstrapOracle {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/oracle");

    private MmdebstrapOracle() {
    }

    /** Sorted {@code name version} lines of every package apt would install (amd64, no Recommends). */
    public static List<String> answer(String release, String variant, String include) {
        return answer(release, "amd64", variant, include, false);
    }

    /**
     * The same for another architecture (run in mmdebstrap's chrootless mode, which needs no emulation
     * for a dry run) or with Recommends installed ({@code --aptopt}).
     */
    public static List<String> answer(String release, String arch, String variant, String include,
            boolean recommends) {
        String key = OracleKey.of(release, arch, variant, include, recommends);
        Path file = CACHE.resolve(key + ".txt");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                Files.createDirectories(CACHE);
                List<String> lines = run(release, arch, variant, include, recommends);
                Path tmp = Files.createTempFile(CACHE, "answer", ".part");
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache mmdebstrap's answer in " + file, e);
        }
    }

    private static List<String> run(String release, String arch, String variant, String include, boolean recommends)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("mmdebstrap", "--verbose", "--simulate", "--variant=" + variant));
        if (!arch.equals("amd64")) {
            cmd.add("--architectures=" + arch);
            cmd.add("--mode=chrootless");
        }
        if (recommends) {
            cmd.add("--aptopt=Apt::Install-Recommends \"true\"");
        }
        if (include != null) {
            cmd.add("--include=" + include);
        }
        cmd.add(release);
        cmd.add("/dev/null");
        for (String suite : RealArchive.suites(release)) {
            cmd.add("deb " + RealArchive.mirrorFor(suite) + " " + suite + " main");
        }
        Path log = Files.createTempFile("mmdebstrap", ".log");
        try {
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mmdebstrap did not finish in 10 minutes: " + cmd);
            }
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("mmdebstrap failed (" + process.exitValue() + "): " + cmd + "\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 15), output.size())));
            }
            // both calls start empty in a dry run, so the union of their plans is the answer
            java.util.TreeMap<String, String> set = new java.util.TreeMap<>();
            AptOutput.apply(String.join("\n", output), set);
            return AptOutput.lines(set);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running mmdebstrap", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
