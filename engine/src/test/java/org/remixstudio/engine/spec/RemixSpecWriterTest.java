package org.remixstudio.engine.spec;

import org.remixstudio.engine.resolve.BaseVariant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;

class RemixSpecWriterTest {

    private final RemixSpecWriter writer = new RemixSpecWriter();
    private final RemixSpecReader reader = new RemixSpecReader();

    @Test
    void toJson_minimalSpec_writesTheCoreMembersInOrder() {
        RemixSpec spec = RemixSpec.of("tiny", "bookworm",
                List.of(new LayerSpec("empty", List.of(), List.of()),
                        new LayerSpec("tools", List.of(PackageRef.of("curl"), PackageRef.of("less", "590-2.1~deb12u2")), List.of("nano"))));
        assertThat(writer.toJson(spec)).isEqualTo("""
                {
                  "specVersion": 1,
                  "name": "tiny",
                  "sources": "system",
                  "suite": "bookworm",
                  "architecture": "amd64",
                  "variant": "minbase",
                  "recommends": false,
                  "layers": [
                    {
                      "name": "empty"
                    },
                    {
                      "name": "tools",
                      "add": [
                        "curl",
                        "less=590-2.1~deb12u2"
                      ],
                      "remove": [
                        "nano"
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void toJson_noLayers_writesAnEmptyList() {
        assertThat(writer.toJson(RemixSpec.of("tiny", "sid", List.of()))).contains("\n  \"layers\": []\n}\n");
    }

    @Test
    void toJson_defaultsInsideObjects_areLeftOut() {
        RemixSpec spec = new RemixSpec(1, "x", "", SourcesSpec.explicit(List.of(new SourceSpec(List.of("deb"),
                List.of("file:///srv/repo/"), List.of("./"), List.of(), Optional.empty(), List.of(), false))),
                "bookworm", "arm64", BaseVariant.NONE, true, List.of(),
                new Customizations(List.of(UserSpec.of("alice", 1000)), Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(FileSpec.text("/etc/motd", "hi\n")), List.of()),
                new ContainerConfigSpec(List.of(), List.of(), Map.of("B", "2", "A", "1"), Optional.empty(),
                        Optional.empty(), List.of(), Map.of()),
                OptionalLong.of(0));
        assertThat(writer.toJson(spec)).isEqualTo("""
                {
                  "specVersion": 1,
                  "name": "x",
                  "sources": [
                    {
                      "types": [
                        "deb"
                      ],
                      "uris": [
                        "file:///srv/repo/"
                      ],
                      "suites": [
                        "./"
                      ]
                    }
                  ],
                  "suite": "bookworm",
                  "architecture": "arm64",
                  "variant": "none",
                  "recommends": true,
                  "layers": [],
                  "customizations": {
                    "users": [
                      {
                        "name": "alice",
                        "uid": 1000
                      }
                    ],
                    "files": [
                      {
                        "path": "/etc/motd",
                        "mode": "0644",
                        "owner": "root:root",
                        "content": "hi\\n"
                      }
                    ]
                  },
                  "container": {
                    "env": {
                      "A": "1",
                      "B": "2"
                    }
                  },
                  "timestamp": 0
                }
                """);
        assertThat(reader.read(writer.toJson(spec), "x")).isEqualTo(spec);
    }

    @Test
    void roundTrip_everyExample_givesAnEqualSpecAndTheSameBytes() throws IOException {
        for (Path example : DocsFiles.examples()) {
            RemixSpec spec = reader.read(example);
            String written = writer.toJson(spec);
            assertThat(reader.read(written, example + " (rewritten)")).as(example.toString()).isEqualTo(spec);
            assertThat(written).as("%s is canonical", example).isEqualTo(Files.readString(example));
        }
    }

    @Test
    void roundTrip_nonCanonicalInput_isCanonicalAfterOneWrite() {
        String messy = """
                {"suite":"bookworm","name":"messy","specVersion":1,
                 "container":{"exposedPorts":["8080"],"env":["Z=1","A=2"]},
                 "customizations":{"files":[{"path":"/x","mode":"755","content":"x"}],
                   "users":[{"name":"bob","uid":1001,"home":"/home/bob","shell":"/bin/bash"}]},
                 "layers":[{"name":"a","add":["curl"],"remove":[]}]}
                """;
        RemixSpec spec = reader.read(messy, "messy");
        String once = writer.toJson(spec);
        String twice = writer.toJson(reader.read(once, "once"));
        assertThat(twice).isEqualTo(once);
        assertThat(once).contains("\"8080/tcp\"").contains("\"mode\": \"0755\"").doesNotContain("\"home\"")
                .doesNotContain("\"remove\"");
        assertThat(once.indexOf("\"A\": \"2\"")).isLessThan(once.indexOf("\"Z\": \"1\""));
    }

    @Test
    void toJson_textWithQuotesAndUnicode_isEscapedOnlyWhereJsonRequires() {
        RemixSpec spec = new RemixSpec(1, "x", "caf\u00e9 \"quoted\" \\ tab\t", SourcesSpec.SYSTEM, "bookworm", "amd64",
                BaseVariant.MINBASE, false, List.of(), Customizations.NONE, ContainerConfigSpec.NONE, OptionalLong.empty());
        assertThat(writer.toJson(spec)).contains("\"description\": \"caf\u00e9 \\\"quoted\\\" \\\\ tab\\t\",");
        assertThat(reader.read(writer.toJson(spec), "x")).isEqualTo(spec);
    }

    @Test
    void sha256_isOfTheCanonicalForm_soLayoutDoesNotMatterButContentDoes() {
        RemixSpec a = reader.read("{\"specVersion\":1,\"name\":\"a\",\"suite\":\"bookworm\"}", "a");
        RemixSpec b = reader.read("{\n  \"suite\": \"bookworm\",\n  \"name\": \"a\",\n  \"specVersion\": 1\n}", "b");
        RemixSpec c = reader.read("{\"specVersion\":1,\"name\":\"a\",\"suite\":\"trixie\"}", "c");
        assertThat(writer.sha256(a)).matches("[0-9a-f]{64}").isEqualTo(writer.sha256(b)).isNotEqualTo(writer.sha256(c));
    }

    @Test
    void sha256_matchesSha256sumOfTheWrittenFile(@TempDir Path dir) throws Exception {
        RemixSpec spec = reader.read(DocsFiles.example("trixie-web.remix.json"));
        Path file = dir.resolve("trixie-web.remix.json");
        writer.write(spec, file);
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).isZero();
        assertThat(out).startsWith(writer.sha256(spec) + " ");
    }

    @Test
    void write_replacesAtomicallyAndKeepsPermissions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.remix.json");
        RemixSpec first = RemixSpec.of("s", "bookworm", List.of());
        writer.write(first, file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        RemixSpec second = RemixSpec.of("s", "trixie", List.of());
        writer.write(second, file);
        assertThat(reader.read(file)).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void write_intoMissingDirectory_saysWhatToDo(@TempDir Path dir) {
        Path file = dir.resolve("nope/s.remix.json");
        assertThatThrownBy(() -> writer.write(RemixSpec.of("s", "bookworm", List.of()), file))
                .isInstanceOf(EngineException.class)
                .hasMessage("cannot write the spec " + file + ": the directory " + dir.resolve("nope")
                        + " does not exist; create it first");
    }

    @Test
    void write_userWithGidAndEverything_roundTrips() {
        UserSpec u = new UserSpec("www", 33, OptionalInt.of(33), List.of("adm"), Optional.of("!"), List.of(),
                "/usr/sbin/nologin", "/var/www");
        RemixSpec spec = new RemixSpec(1, "x", "", SourcesSpec.SYSTEM, "bookworm", "amd64", BaseVariant.MINBASE, false,
                List.of(), new Customizations(List.of(u), Optional.of("h"), Optional.of("Etc/UTC"), Optional.of("C.UTF-8"),
                        List.of(), List.of("nginx")), ContainerConfigSpec.NONE, OptionalLong.empty());
        assertThat(reader.read(writer.toJson(spec), "x")).isEqualTo(spec);
    }
}
