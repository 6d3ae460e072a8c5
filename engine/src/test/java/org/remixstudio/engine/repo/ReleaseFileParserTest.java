package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;

class ReleaseFileParserTest {

    private static final String RELEASE = """
            Origin: Debian
            Label: Debian-Security
            Suite: oldstable-security
            Codename: bookworm-security
            Date: Tue, 24 Nov 2026 00:34:33 UTC
            Valid-Until: Tue, 01 Dec 2026 00:34:33 +0000
            Acquire-By-Hash: yes
            No-Support-for-Architecture-all: Packages
            Architectures: amd64 arm64
            Components: updates/main updates/contrib
            Description: Debian 12 - Security Updates
            MD5Sum:
             d41d8cd98f00b204e9800998ecf8427e        0 main/binary-amd64/Packages
            SHA256:
             9a654c21a035edc55b422292960320bcdc3b9351a35d48fccd42359f2cf130a8  2531138 main/binary-amd64/Packages
             EE8AB5A3CE537673F0833471F7E8659185BA0A2E615DC54127315057D2455376   379616 main/binary-amd64/Packages.xz
            """;

    @Test
    void parsesTheFieldsThatMatter() {
        ReleaseFile r = new ReleaseFileParser("InRelease").parse(RELEASE);

        assertThat(r.origin()).isEqualTo("Debian");
        assertThat(r.suite()).isEqualTo("oldstable-security");
        assertThat(r.codename()).isEqualTo("bookworm-security");
        assertThat(r.date()).isEqualTo(Instant.parse("2026-11-24T00:34:33Z"));
        assertThat(r.validUntil()).isEqualTo(Instant.parse("2026-12-01T00:34:33Z"));
        assertThat(r.acquireByHash()).isTrue();
        assertThat(r.archIndexesIncludeAll()).isTrue();
        assertThat(r.architectures()).containsExactly("amd64", "arm64");
        assertThat(r.components()).containsExactly("updates/main", "updates/contrib");
        assertThat(r.sha256Files()).hasSize(2);
        assertThat(r.file("main/binary-amd64/Packages.xz")).hasValue(new IndexFileEntry(
                "main/binary-amd64/Packages.xz", 379616,
                "ee8ab5a3ce537673f0833471f7e8659185ba0a2e615dc54127315057d2455376"));
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        ReleaseFile r = new ReleaseFileParser("Release").parse("Suite: s\nSHA256:\n");

        assertThat(r.date()).isNull();
        assertThat(r.validUntil()).isNull();
        assertThat(r.acquireByHash()).isFalse();
        assertThat(r.archIndexesIncludeAll()).isFalse();
        assertThat(r.architectures()).isEmpty();
    }

    @Test
    void datesWithoutWeekday_orWithGmt_areRead() {
        assertThat(ReleaseFileParser.parseDate("5 Jan 2025 01:02:03 GMT")).isEqualTo(Instant.parse("2025-01-05T01:02:03Z"));
        assertThat(ReleaseFileParser.parseDate("Sun, 05 Jan 2025 03:02:03 +0200"))
                .isEqualTo(Instant.parse("2025-01-05T01:02:03Z"));
    }

    @Test
    void brokenFiles_areNamedInTheError() {
        assertThatThrownBy(() -> new ReleaseFileParser("http://m.example/InRelease").parse("Suite: s\n"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("http://m.example/InRelease").hasMessageContaining("no SHA256");
        assertThatThrownBy(() -> new ReleaseFileParser("R").parse("Suite: s\nSHA256:\n abc 1 x\n"))
                .hasMessageContaining("malformed SHA256 line 'abc 1 x'");
        assertThatThrownBy(() -> new ReleaseFileParser("R").parse("Date: yesterday\nSHA256:\n"))
                .hasMessageContaining("unreadable date 'yesterday'");
    }
}
