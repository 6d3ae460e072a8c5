package org.remixstudio.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    @TempDir
    Path tmp;

    @Test
    void build_missingSpec_failsNamingTheFile_andWritesNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path spec = tmp.resolve("nope.remix.json");
        Path target = tmp.resolve("nope.tar");

        int code = RemixCli.execute(new String[] {"build", spec.toString(), "-o", target.toString(),
            "--cache-dir", tmp.resolve("cache").toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("nope.remix.json").contains("no such spec file");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void build_unknownFormat_isAUsageError() {
        StringWriter err = new StringWriter();

        int code = RemixCli.execute(new String[] {"build", "x.remix.json", "--format", "iso"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("use oci, oci-dir, rootfs, qcow2, raw or vmdk");
    }

    @Test
    void build_unknownLayerCompression_isAUsageErrorNamingTheChoices() {
        StringWriter err = new StringWriter();

        int code = RemixCli.execute(new String[] {"build", "x.remix.json", "--layer-compression", "lz4"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--layer-compression").contains("'lz4' is not a layer compression; use gzip or zstd");
    }

    @Test
    void baseName_dropsTheSpecSuffix() {
        assertThat(BuildCommand.baseName(Path.of("/srv/web.remix.json"))).isEqualTo("web");
        assertThat(BuildCommand.baseName(Path.of("other.json"))).isEqualTo("other");
    }
}
