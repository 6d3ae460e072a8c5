package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;

class LicenseStoreTest {

    private static final SpdxLicenseList LIST = SpdxLicenseList.bundled();

    @TempDir
    Path dir;

    @Test
    void storedResults_areFoundAgainAfterReopening() {
        SpdxExpression gpl = new SpdxExpressionParser(LIST).parse("GPL-2.0-or-later WITH Autoconf-exception-2.0 OR MIT");
        SourceLicense l = new SourceLicense(new SourceKey("foo", "1.0-1"), Optional.of(gpl),
                new TreeSet<>(List.of("GPL-2.0-or-later", "MIT", "LicenseRef-x")), Evidence.DECLARED, "", "libfoo1",
                new java.util.TreeMap<>(java.util.Map.of("LicenseRef-x", "BSD-3-Clause")));
        SourceLicense u = SourceLicense.unknown(new SourceKey("bar", "2"), "no copyright file");
        try (LicenseStore store = LicenseStore.open(dir.resolve("data"), LIST)) {
            store.put(l);
            store.put(u);
        }
        try (LicenseStore store = LicenseStore.open(dir.resolve("data"), LIST)) {
            assertThat(store.find(List.of(new SourceKey("foo", "1.0-1"), new SourceKey("bar", "2"),
                    new SourceKey("foo", "1.0-2")))).containsOnlyKeys(new SourceKey("foo", "1.0-1"), new SourceKey("bar", "2"))
                    .containsEntry(new SourceKey("foo", "1.0-1"), l).containsEntry(new SourceKey("bar", "2"), u);
        }
        assertThat(dir.resolve("data").resolve(LicenseStore.FILE_NAME)).exists();
    }

    @Test
    void rowsOfAnOlderReader_countAsMissing() throws Exception {
        try (LicenseStore store = LicenseStore.open(dir, LIST)) {
            store.put(SourceLicense.unknown(new SourceKey("foo", "1"), "x"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(LicenseStore.FILE_NAME));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE source_license SET reader = " + (LicenseStore.READER_VERSION - 1));
        }
        try (LicenseStore store = LicenseStore.open(dir, LIST)) {
            assertThat(store.find(new SourceKey("foo", "1"))).isEmpty();
        }
    }

    @Test
    void concurrentProcesses_writeAndReadWithoutErrors() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("a", "b", "c")) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StoreWriterProcess.class.getName(), dir.toString(), prefix, "150")
                    .redirectErrorStream(true).start());
        }
        StoreWriterProcess.main(new String[] {dir.toString(), "d", "150"});
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
        try (LicenseStore store = LicenseStore.open(dir, LIST)) {
            List<SourceKey> keys = new ArrayList<>();
            for (String prefix : List.of("a", "b", "c", "d")) {
                for (int i = 0; i < 150; i++) {
                    keys.add(new SourceKey(prefix + "-" + i, "1.0"));
                }
            }
            assertThat(store.find(keys)).hasSize(600);
        }
    }

    @Test
    void unusableDirectory_isAnErrorNamingTheStore() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> LicenseStore.open(file, LIST)).isInstanceOf(EngineException.class)
                .hasMessageContaining("license store").hasMessageContaining("not-a-dir");
    }
}
