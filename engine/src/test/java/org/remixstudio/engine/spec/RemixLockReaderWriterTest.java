package org.remixstudio.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;

class RemixLockReaderWriterTest {

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final String C = "c".repeat(64);

    private final RemixLockReader reader = new RemixLockReader();
    private final RemixLockWriter writer = new RemixLockWriter();

    static RemixLock sample() {
        return new RemixLock(1, A,
                List.of(new ReleaseDigest("http://mirror.example/debian/", "bookworm-updates", C),
                        new ReleaseDigest("http://mirror.example/debian/", "bookworm", B)),
                List.of(new LockedLayer("base", List.of(
                                new LockedPackage("libc6", "2.36-9+deb12u14", "amd64", B),
                                new LockedPackage("base-files", "12.4+deb12u13", "amd64", C))),
                        new LockedLayer("web", List.of(new LockedPackage("nginx", "1.22.1-9+deb12u3", "amd64", A))),
                        new LockedLayer("empty", List.of())));
    }

    @Test
    void toJson_isCanonicalWithSortedReleasesAndPackages() {
        assertThat(writer.toJson(sample())).isEqualTo("""
                {
                  "specVersion": 1,
                  "specSha256": "%1$s",
                  "releases": [
                    {
                      "uri": "http://mirror.example/debian/",
                      "suite": "bookworm",
                      "sha256": "%2$s"
                    },
                    {
                      "uri": "http://mirror.example/debian/",
                      "suite": "bookworm-updates",
                      "sha256": "%3$s"
                    }
                  ],
                  "layers": [
                    {
                      "name": "base",
                      "packages": [
                        {
                          "name": "base-files",
                          "version": "12.4+deb12u13",
                          "architecture": "amd64",
                          "sha256": "%3$s"
                        },
                        {
                          "name": "libc6",
                          "version": "2.36-9+deb12u14",
                          "architecture": "amd64",
                          "sha256": "%2$s"
                        }
                      ]
                    },
                    {
                      "name": "web",
                      "packages": [
                        {
                          "name": "nginx",
                          "version": "1.22.1-9+deb12u3",
                          "architecture": "amd64",
                          "sha256": "%1$s"
                        }
                      ]
                    },
                    {
                      "name": "empty",
                      "packages": []
                    }
                  ]
                }
                """.formatted(A, B, C));
    }

    @Test
    void roundTrip_throughAFile_givesAnEqualLockAndTheSameBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("web.remix.lock.json");
        writer.write(sample(), file);
        RemixLock read = reader.read(file);
        assertThat(read).isEqualTo(sample());
        assertThat(writer.toJson(read)).isEqualTo(Files.readString(file));
        assertThat(read.layer("web")).get().extracting(LockedLayer::packages).asList().hasSize(1);
        assertThat(read.layer("nope")).isEmpty();
    }

    @Test
    void records_sortSoOrderDoesNotMatterForEquality() {
        RemixLock reversed = new RemixLock(1, A, List.of(sample().releases().get(1), sample().releases().get(0)),
                sample().layers());
        assertThat(reversed).isEqualTo(sample());
    }

    @Test
    void read_badValues_areAllReportedWithPaths() {
        SpecFormatException e = catchThrowableOfType(SpecFormatException.class, () -> reader.read("""
                {
                  "specVersion": 1,
                  "specSha256": "ABC",
                  "releases": [
                    {"uri": "mirror", "suite": "bookworm", "sha256": "%1$s"},
                    {"uri": "http://m.example/debian/", "suite": "bookworm", "sha256": "%1$s"},
                    {"uri": "http://m.example/debian/", "suite": "bookworm", "sha256": "%1$s"}
                  ],
                  "layers": [
                    {"name": "base", "packages": [
                      {"name": "libc6", "version": "not a version", "architecture": "amd64", "sha256": "%1$s"},
                      {"name": "libc6", "version": "1", "architecture": "amd64", "sha256": "%1$s"},
                      {"name": "libc6", "version": "1", "architecture": "amd64", "sha256": "%1$s"},
                      {"name": "x", "version": "1", "architecture": "amd64"}
                    ]},
                    {"name": "base", "packages": [], "extra": true}
                  ]
                }
                """.formatted(A), "web.remix.lock.json"));
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly(
                "$.specSha256", "$.releases[0].uri", "$.releases[2]", "$.layers[0].packages[0].version",
                "$.layers[0].packages[2]", "$.layers[0].packages[3].sha256", "$.layers[0].packages[3].name",
                "$.layers[1].name", "$.layers[1].extra");
        assertThat(e.problems().get(0).message()).isEqualTo("\"ABC\" is not a SHA-256 digest: expected 64 lower-case hexadecimal digits");
        assertThat(e.problems().get(2).message()).isEqualTo("the Release of http://m.example/debian/ bookworm is listed"
                + " twice (also at $.releases[1]); make a new lock with `remix lock`");
        assertThat(e.problems().get(4).message()).startsWith("package libc6:amd64 is listed twice in this layer");
    }

    @Test
    void read_unsupportedVersion_saysToRelock() {
        assertThatThrownBy(() -> reader.read("{\"specVersion\": 3, \"specSha256\": \"" + A + "\", \"releases\": [], \"layers\": []}", "x"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessage("x:1:17: $.specVersion: lock format 3 is not supported: this Remix Studio reads 1 only;"
                        + " make a new lock with `remix lock`");
    }

    @Test
    void read_fileNames() {
        assertThatThrownBy(() -> reader.read(Path.of("web.remix.json"))).isInstanceOf(EngineException.class)
                .hasMessage("web.remix.json: a lock file is named NAME.remix.lock.json, beside its spec NAME.remix.json");
        assertThatThrownBy(() -> reader.read(Path.of("/nonexistent/web.remix.lock.json")))
                .hasMessage("/nonexistent/web.remix.lock.json: no such lock file; make one with `remix lock`");
    }
}
