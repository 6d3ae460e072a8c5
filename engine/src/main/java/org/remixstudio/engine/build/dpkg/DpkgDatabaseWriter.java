package org.remixstudio.engine.build.dpkg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.deb.ControlFile;

/**
 * Writes dpkg's database ({@code /var/lib/dpkg}, dpkg(1) "FILES", deb-control(5), deb-triggers(5)) for
 * packages that are unpacked but not configured, exactly what {@code dpkg --unpack} leaves behind, so
 * that {@code dpkg --configure -a} inside the tree finishes the installation:
 * <ul>
 *   <li>{@code status}: each package's control paragraph plus {@code Status: install ok unpacked} and a
 *       {@code Conffiles} field whose hashes say {@code newconffile} (dpkg's marker for a conffile
 *       unpacked as {@code .dpkg-new} and not yet installed; {@code src/main/configure.c});</li>
 *   <li>{@code info/NAME.list} (file list, archive order), {@code info/NAME.md5sums}, and every other
 *       control file ({@code conffiles}, maintainer scripts, {@code triggers}, {@code shlibs},
 *       {@code symbols}, {@code templates}, …) as {@code info/NAME.FILE}, where NAME is
 *       {@code name:arch} for {@code Multi-Arch: same} packages; {@code info/format} says {@code 1};</li>
 *   <li>{@code triggers/File} and {@code triggers/TRIGGER}: the trigger interests of the set
 *       ({@code PATH PACKAGE[/noawait]} and {@code PACKAGE[/noawait]} lines; {@code src/main/trigproc.c}
 *       and {@code lib/dpkg/triggers.c}), and an empty {@code triggers/Unincorp};</li>
 *   <li>{@code arch}: the native architecture, as mmdebstrap writes it.</li>
 * </ul>
 * {@code available}, {@code diversions} and {@code statoverride} are not written: dpkg creates them
 * when something needs them, and a fresh mmdebstrap tree has none but {@code diversions}.
 */
public final class DpkgDatabaseWriter {

    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private final Path admindir;

    /** @param root the tree; the database goes to {@code root/var/lib/dpkg} */
    public DpkgDatabaseWriter(Path root) {
        this.admindir = root.resolve("var/lib/dpkg");
    }

    /**
     * Writes the database of {@code packages} (in install order) for {@code architecture}.
     */
    public void write(List<UnpackedPackage> packages, String architecture) {
        for (String dir : List.of("", "info", "triggers", "updates", "alternatives")) {
            TreeFiles.directory(dir.isEmpty() ? admindir : admindir.resolve(dir), DIR_MODE);
        }
        TreeFiles.write(admindir.resolve("arch"), (architecture + "\n").getBytes(StandardCharsets.US_ASCII), FILE_MODE);
        TreeFiles.write(admindir.resolve("info/format"), "1\n".getBytes(StandardCharsets.US_ASCII), FILE_MODE);
        for (UnpackedPackage p : packages) {
            writeInfo(p);
        }
        TreeFiles.write(admindir.resolve("status"), status(packages), FILE_MODE);
        writeTriggers(packages);
    }

    private void writeInfo(UnpackedPackage p) {
        Path info = admindir.resolve("info");
        String name = p.dpkgName();
        StringBuilder list = new StringBuilder();
        for (String path : p.paths()) {
            list.append(path).append('\n');
        }
        TreeFiles.write(info.resolve(name + ".list"), list.toString().getBytes(StandardCharsets.UTF_8), FILE_MODE);
        byte[] md5sums = p.md5sums();
        if (md5sums.length > 0 || p.control().file("md5sums").isPresent()) {
            TreeFiles.write(info.resolve(name + ".md5sums"), md5sums, FILE_MODE);
        }
        for (ControlFile f : p.control().files().values()) {
            if (f.name().equals("control") || f.name().equals("md5sums")) {
                continue;
            }
            TreeFiles.write(info.resolve(name + "." + f.name()), f.content(), f.mode() & 07777);
        }
    }

    /** The status file: control paragraphs as shipped, with the unpacked status and conffile markers. */
    static byte[] status(List<UnpackedPackage> packages) {
        List<UnpackedPackage> sorted = new ArrayList<>(packages);
        sorted.sort(Comparator.comparing(UnpackedPackage::dpkgName));
        StringBuilder out = new StringBuilder();
        for (UnpackedPackage p : sorted) {
            String control = p.control().file("control").orElseThrow().text().stripTrailing();
            out.append(control).append('\n');
            out.append("Status: install ok unpacked\n");
            if (!p.control().conffiles().isEmpty()) {
                out.append("Conffiles:\n");
                for (String conffile : p.control().conffiles()) {
                    out.append(' ').append(conffile).append(" newconffile\n");
                }
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void writeTriggers(List<UnpackedPackage> packages) {
        StringBuilder fileTriggers = new StringBuilder();
        Map<String, StringBuilder> named = new LinkedHashMap<>();
        for (UnpackedPackage p : packages) {
            var triggers = p.control().file("triggers");
            if (triggers.isEmpty()) {
                continue;
            }
            for (TriggerDirective d : TriggerDirective.parse(triggers.get().text())) {
                if (!d.isInterest()) {
                    continue;
                }
                String who = p.dpkgName() + (d.noawait() ? "/noawait" : "");
                if (d.isFileTrigger()) {
                    fileTriggers.append(d.name()).append(' ').append(who).append('\n');
                } else {
                    named.computeIfAbsent(d.name(), k -> new StringBuilder()).append(who).append('\n');
                }
            }
        }
        Path dir = admindir.resolve("triggers");
        if (fileTriggers.length() > 0) {
            TreeFiles.write(dir.resolve("File"), fileTriggers.toString().getBytes(StandardCharsets.UTF_8), FILE_MODE);
        }
        for (Map.Entry<String, StringBuilder> e : named.entrySet()) {
            TreeFiles.write(dir.resolve(e.getKey()), e.getValue().toString().getBytes(StandardCharsets.UTF_8),
                    FILE_MODE);
        }
        TreeFiles.write(dir.resolve("Unincorp"), new byte[0], FILE_MODE);
    }
}
