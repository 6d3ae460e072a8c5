package org.remixstudio.engine.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;
import org.remixstudio.engine.spec.LoadedSpec;
import org.remixstudio.engine.spec.PackageNameChecker;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.spec.RemixSpecWriter;
import org.remixstudio.engine.spec.SpecProblem;

/**
 * Measures reading and writing a spec, and {@link PackageNameChecker} on the host's real bookworm
 * main indexes (~63,000 names), where "did you mean" has to scan every name. Not a test: run it by
 * hand after building the test classes, e.g.
 *
 * <pre>
 * mvn -q -o -pl engine test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.remixstudio.engine.bench.SpecCheckBenchmark \
 *     [-Dexec.args="/var/lib/apt/lists docs/examples/all-fields.remix.json"]
 * </pre>
 */
public final class SpecCheckBenchmark {

    private static final String TYPOS = """
            {"specVersion": 1, "name": "typos", "suite": "bookworm", "layers": [
              {"name": "a", "add": ["ngnix", "curl", "python3-requets", "libssl", "openssh-sever", "less", "vim", "git"]},
              {"name": "b", "remove": ["nano", "pearl"]}]}
            """;

    private SpecCheckBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path lists = Path.of(args.length > 0 ? args[0] : "/var/lib/apt/lists");
        Path example = Path.of(args.length > 1 ? args[1] : "docs/examples/all-fields.remix.json");
        if (!Files.exists(example)) {
            example = Path.of("..").resolve(example); // run from the engine directory
        }
        RemixSpecReader reader = new RemixSpecReader();
        RemixSpecWriter writer = new RemixSpecWriter();

        int rounds = 20_000;
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += reader.read(example).layers().size();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += reader.read(example).layers().size();
        }
        long t1 = System.nanoTime();
        var spec = reader.read(example);
        for (int i = 0; i < rounds; i++) {
            sink += writer.toJson(spec).length();
        }
        long t2 = System.nanoTime();
        System.out.printf("read %s: %.1f us, write: %.1f us (%d rounds each, warm)%n", example.getFileName(),
                (t1 - t0) / 1e3 / rounds, (t2 - t1) / 1e3 / rounds, rounds);

        Catalog catalog = load(lists);
        System.out.printf("catalog: %,d names%n", catalog.nameCount());
        LoadedSpec typos = reader.load(new java.io.StringReader(TYPOS), "typos.remix.json");
        PackageNameChecker checker = new PackageNameChecker(catalog);
        long c0 = System.nanoTime();
        List<SpecProblem> problems = checker.check(typos);
        long c1 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            sink += checker.check(typos).size();
        }
        long c2 = System.nanoTime();
        int warm = 50;
        for (int i = 0; i < warm; i++) {
            sink += checker.check(typos).size();
        }
        long c3 = System.nanoTime();
        System.out.printf("check, first (builds the search index): %d ms; warm: %.1f ms per spec with %d unknown names%n",
                (c1 - c0) / 1_000_000, (c3 - c2) / 1e6 / warm, problems.size());
        problems.forEach(p -> System.out.println("  " + p));
        System.out.println("(checksum " + sink + ")");
    }

    private static Catalog load(Path lists) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(lists, "*bookworm*_main_binary-*_Packages*")) {
            ds.forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no bookworm main Packages files in " + lists + "; run apt-get update");
        }
        List<BinaryPackage> all = new ArrayList<>();
        for (Path f : files) {
            IndexOrigin origin = new IndexOrigin(lists.toUri().toString(), "bookworm", "bookworm", "main", "");
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                InputStream in;
                try {
                    in = new CompressorStreamFactory().createCompressorInputStream(raw);
                } catch (CompressorException notCompressed) {
                    in = raw;
                }
                new PackagesIndexParser(f.toString(), origin).parse(new InputStreamReader(in, StandardCharsets.UTF_8), all::add);
            }
        }
        return new Catalog(all, "amd64");
    }
}
