package org.remixstudio.engine.deb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Test fixtures: real packages built with {@code dpkg-deb --build}, and hand-crafted (possibly
 * hostile) packages assembled from tar entries that dpkg-deb would never produce.
 */
final class TestDebs {

    static final Instant MTIME = Instant.parse("2024-05-01T12:00:00Z");

    private TestDebs() {
    }

    /** Runs a command, failing the test with its output when it exits non-zero. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Builds a package from a staging tree (which holds DEBIAN/) with dpkg-deb, as root:root. */
    static Path dpkgBuild(Path staging, Path deb, String compression) throws IOException, InterruptedException {
        run(staging.getParent(), "dpkg-deb", "--root-owner-group", "-Z" + compression, "--build",
                staging.toString(), deb.toString());
        return deb;
    }

    /** One entry of a hand-made tar. */
    record Spec(String name, byte type, int mode, String content, String link, long uid, Map<String, String> pax) {

        static Spec dir(String name) {
            return new Spec(name, TarConstants.LF_DIR, 0755, null, null, 0, Map.of());
        }

        static Spec file(String name, String content) {
            return new Spec(name, TarConstants.LF_NORMAL, 0644, content, null, 0, Map.of());
        }

        static Spec symlink(String name, String target) {
            return new Spec(name, TarConstants.LF_SYMLINK, 0777, null, target, 0, Map.of());
        }

        static Spec hardlink(String name, String target) {
            return new Spec(name, TarConstants.LF_LINK, 0644, null, target, 0, Map.of());
        }

        static Spec special(String name, byte type) {
            return new Spec(name, type, 0666, null, null, 0, Map.of());
        }

        Spec mode(int newMode) {
            return new Spec(name, type, newMode, content, link, uid, pax);
        }

        Spec uid(long newUid) {
            return new Spec(name, type, mode, content, link, newUid, pax);
        }

        Spec pax(Map<String, String> headers) {
            return new Spec(name, type, mode, content, link, uid, headers);
        }
    }

    /** A tar made entry by entry, names kept exactly as given (absolute and {@code ..} names included). */
    static byte[] tar(List<Spec> specs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Spec s : specs) {
                TarArchiveEntry e = new TarArchiveEntry(s.name(), s.type(), true);
                e.setMode(s.mode());
                e.setModTime(MTIME.toEpochMilli());
                e.setUserId(s.uid());
                e.setGroupId(s.uid());
                e.setUserName(s.uid() == 0 ? "root" : "u" + s.uid());
                e.setGroupName(s.uid() == 0 ? "root" : "g" + s.uid());
                if (s.link() != null) {
                    e.setLinkName(s.link());
                }
                if (s.type() == TarConstants.LF_CHR) {
                    e.setDevMajor(1);
                    e.setDevMinor(3);
                }
                s.pax().forEach(e::addPaxHeader);
                byte[] content = s.content() == null ? new byte[0] : s.content().getBytes(StandardCharsets.UTF_8);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(0))) {
            xz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] controlTarGz(String packageName) throws IOException {
        String control = "Package: " + packageName + "\nVersion: 1.0\nArchitecture: all\n"
                + "Maintainer: Test <test@example.org>\nDescription: crafted test package\n";
        return gzip(tar(List.of(Spec.dir("./"), Spec.file("./control", control))));
    }

    /** Assembles a .deb from raw members, the way deb(5) lays them out. */
    static Path assemble(Path deb, byte[] controlTarGz, String dataMember, byte[] data) throws IOException {
        List<Object[]> members = new ArrayList<>();
        members.add(new Object[] {"debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII)});
        members.add(new Object[] {"control.tar.gz", controlTarGz});
        members.add(new Object[] {dataMember, data});
        try (OutputStream out = Files.newOutputStream(deb); ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
            for (Object[] m : members) {
                byte[] content = (byte[]) m[1];
                ar.putArchiveEntry(new ArArchiveEntry((String) m[0], content.length, 0, 0, 0100644, 0));
                ar.write(content);
                ar.closeArchiveEntry();
            }
        }
        return deb;
    }

    /** A crafted package whose data.tar.xz holds exactly the given entries. */
    static Path craft(Path deb, List<Spec> dataEntries) throws IOException {
        return assemble(deb, controlTarGz("crafted"), "data.tar.xz", xz(tar(dataEntries)));
    }
}
