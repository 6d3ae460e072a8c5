package org.remixstudio.engine.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code .deb} made with {@code dpkg-deb --build}: control fields, control files (conffiles,
 * triggers, scripts) and a file tree of regular files, directories and symbolic links.
 */
public final class FixtureDeb {

    private final String name;
    private final String version;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> controlFiles = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> symlinks = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();

    private FixtureDeb(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public static FixtureDeb of(String name, String version) {
        return new FixtureDeb(name, version);
    }

    public FixtureDeb field(String field, String value) {
        fields.put(field, value);
        return this;
    }

    /** A control file such as {@code conffiles}, {@code triggers}, {@code postinst} (scripts get mode 0755). */
    public FixtureDeb control(String file, String content) {
        controlFiles.put(file, content);
        return this;
    }

    /** A regular file at a tree path such as {@code usr/share/doc/x/README}. */
    public FixtureDeb file(String path, String content) {
        files.put(path, content);
        return this;
    }

    public FixtureDeb symlink(String path, String target) {
        symlinks.put(path, target);
        return this;
    }

    /** {@code uid:gid} for a path (set in the archive with {@code chown} on the staging tree). */
    public FixtureDeb owner(String path, String uidGid) {
        owners.put(path, uidGid);
        return this;
    }

    /** Builds {@code dir/NAME_VERSION_all.deb} (xz-compressed data, as Debian builds them). */
    public Path build(Path dir) throws IOException, InterruptedException {
        Path staging = Files.createTempDirectory(dir, name + "-staging");
        Path debian = staging.resolve("DEBIAN");
        Files.createDirectories(debian);
        StringBuilder control = new StringBuilder("Package: " + name + "\nVersion: " + version + "\n");
        if (!fields.containsKey("Architecture")) {
            control.append("Architecture: all\n");
        }
        control.append("Maintainer: Test <test@example.invalid>\n");
        fields.forEach((k, v) -> control.append(k).append(": ").append(v).append('\n'));
        if (!fields.containsKey("Description")) {
            control.append("Description: fixture ").append(name).append("\n a package made by a test\n");
        }
        Files.writeString(debian.resolve("control"), control.toString(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : controlFiles.entrySet()) {
            Path p = debian.resolve(e.getKey());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            boolean script = List.of("preinst", "postinst", "prerm", "postrm", "config").contains(e.getKey());
            Files.setAttribute(p, "unix:mode", script ? 0755 : 0644);
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = staging.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> e : symlinks.entrySet()) {
            Path p = staging.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(e.getValue()));
        }
        run(staging, "chmod", "-R", "u=rwX,go=rX", ".");
        for (Map.Entry<String, String> e : owners.entrySet()) {
            run(staging, "chown", "-h", e.getValue(), e.getKey());
        }
        Path deb = dir.resolve(name + "_" + version + "_all.deb");
        List<String> cmd = new ArrayList<>(List.of("dpkg-deb", "-Zxz", "--build"));
        if (owners.isEmpty()) {
            cmd.add("--root-owner-group");
        }
        cmd.addAll(List.of(staging.toString(), deb.toString()));
        run(dir, cmd.toArray(String[]::new));
        run(dir, "rm", "-rf", staging.toString());
        return deb;
    }

    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
