package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks {@link DebVersion#compareTo} against {@code dpkg --compare-versions} for 11,000 version
 * pairs sampled from real Packages indexes (bookworm, its updates, security and backports, trixie
 * and sid; see {@code versions/sample_pairs.py}). The pairs are a committed fixture so the test is
 * reproducible; dpkg judges them at test time.
 *
 * <p>Spawning dpkg costs about a millisecond, so each pair gets exactly one call: the one asserting
 * our answer ({@code lt}, {@code eq} or {@code gt}). The calls run from a few {@code sh} scripts in
 * parallel, which print only the lines dpkg disagrees with; those few are then asked again to show
 * dpkg's own answer.
 */
class DebVersionDpkgParityTest {

    private static final String FIXTURE = "/versions/archive-version-pairs.txt";

    private record Pair(int line, String a, String b) {
    }

    @Test
    void compareTo_agreesWithDpkgOnEverySampledArchivePair(@TempDir Path dir) throws Exception {
        List<Pair> pairs = readPairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(10_000);

        int scripts = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int s = 0; s < scripts; s++) {
            StringBuilder sh = new StringBuilder("export LC_ALL=C\n");
            // A call that must fail proves the failure path works and dpkg really runs.
            sh.append("dpkg --compare-versions 1 gt 2 || echo control\n");
            for (int i = s; i < pairs.size(); i += scripts) {
                Pair p = pairs.get(i);
                String op = switch (Integer.signum(DebVersion.parse(p.a()).compareTo(DebVersion.parse(p.b())))) {
                    case -1 -> "lt";
                    case 0 -> "eq";
                    default -> "gt";
                };
                sh.append("dpkg --compare-versions '").append(p.a()).append("' ").append(op)
                        .append(" '").append(p.b()).append("' || echo ").append(p.line()).append('\n');
            }
            sh.append("echo end\n");
            Path script = dir.resolve("pairs-" + s + ".sh");
            Files.writeString(script, sh);
            runs.add(CompletableFuture.supplyAsync(() -> run("sh", script.toString())));
        }

        List<String> disagreements = new ArrayList<>();
        for (CompletableFuture<String> run : runs) {
            List<String> out = run.get(2, TimeUnit.MINUTES).lines().toList();
            assertThat(out).as("script output").startsWith("control").endsWith("end");
            for (String line : out.subList(1, out.size() - 1)) {
                Pair p = pairs.get(Integer.parseInt(line) - 1);
                disagreements.add("line " + p.line() + ": " + p.a() + " vs " + p.b() + ": ours "
                        + Integer.signum(DebVersion.parse(p.a()).compareTo(DebVersion.parse(p.b())))
                        + ", dpkg " + dpkgSign(p.a(), p.b()));
            }
        }
        assertThat(disagreements).as("pairs where DebVersion and dpkg disagree").isEmpty();
    }

    private static List<Pair> readPairs() throws IOException {
        try (InputStream in = DebVersionDpkgParityTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<Pair> pairs = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String[] ab = lines.get(i).split(" ");
                assertThat(ab).as("%s line %d", FIXTURE, i + 1).hasSize(2);
                pairs.add(new Pair(i + 1, ab[0], ab[1]));
            }
            return pairs;
        }
    }

    private static int dpkgSign(String a, String b) {
        if (run("sh", "-c", "dpkg --compare-versions '" + a + "' lt '" + b + "' && echo yes").contains("yes")) {
            return -1;
        }
        return run("sh", "-c", "dpkg --compare-versions '" + a + "' eq '" + b + "' && echo yes").contains("yes") ? 0 : 1;
    }

    /** Runs a command; its standard error must stay empty (dpkg warns there about odd versions). */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertThat(new String(err.join(), StandardCharsets.UTF_8)).as("stderr of %s", String.join(" ", command))
                    .isEmpty();
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " (is dpkg installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
