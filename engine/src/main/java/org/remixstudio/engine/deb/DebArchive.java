package org.remixstudio.engine.deb;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.remixstudio.engine.control.ControlSyntaxException;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.UnsafePathException;

/**
 * A Debian binary package file (deb(5)). Opening it reads {@code debian-binary} and the whole
 * {@code control.tar} (small, held in memory as {@link DebControl}) and notes which {@code data.tar}
 * variant follows; the file tree is streamed later by {@link #openData()}, which reads the file
 * again from the start so that an archive object never holds an open file.
 */
public final class DebArchive {

    private static final Set<MemberCompression> CONTROL_COMPRESSIONS =
            EnumSet.of(MemberCompression.NONE, MemberCompression.GZIP, MemberCompression.XZ, MemberCompression.ZSTD);
    private static final Set<MemberCompression> DATA_COMPRESSIONS = EnumSet.allOf(MemberCompression.class);

    private final Path file;
    private final DebLimits limits;
    private final DebControl control;
    private final String dataMemberName;

    private DebArchive(Path file, DebLimits limits, DebControl control, String dataMemberName) {
        this.file = file;
        this.limits = limits;
        this.control = control;
        this.dataMemberName = dataMemberName;
    }

    /** Opens a package with {@link DebLimits#defaults()}. */
    public static DebArchive open(Path file) {
        return open(file, DebLimits.defaults());
    }

    /**
     * Reads the package's format version and control information.
     *
     * @throws DebFormatException when the file is not a format-2 {@code .deb}, is truncated, or its control
     *                            information is malformed
     */
    public static DebArchive open(Path file, DebLimits limits) {
        try (DebMembers members = DebMembers.open(file)) {
            DebMembers.Member controlMember = members.next("control.tar", CONTROL_COMPRESSIONS);
            DebControl control = readControl(members, controlMember, limits);
            DebMembers.Member dataMember = members.next("data.tar", DATA_COMPRESSIONS);
            return new DebArchive(file, limits, control, dataMember.name());
        }
    }

    public Path file() {
        return file;
    }

    public DebControl control() {
        return control;
    }

    public DebLimits limits() {
        return limits;
    }

    /** The data member's name, e.g. {@code data.tar.xz}. */
    public String dataMemberName() {
        return dataMemberName;
    }

    /** Starts streaming the file tree; the caller closes the reader. */
    public DebDataReader openData() {
        DebMembers members = DebMembers.open(file);
        try {
            members.next("control.tar", CONTROL_COMPRESSIONS);
            DebMembers.Member data = members.next("data.tar", DATA_COMPRESSIONS);
            return new DebDataReader(members, data, limits);
        } catch (RuntimeException e) {
            members.close();
            throw e;
        }
    }

    /** Streams every data entry through {@code handler}, in archive order. */
    public void forEachDataEntry(DataEntryHandler handler) {
        try (DebDataReader reader = openData()) {
            var entry = reader.next();
            while (entry != null) {
                handler.accept(entry, reader.content());
                entry = reader.next();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static DebControl readControl(DebMembers members, DebMembers.Member member, DebLimits limits) {
        Path file = members.file();
        MeteredInputStream raw = new MeteredInputStream(members.stream(), Long.MAX_VALUE, IllegalStateException::new);
        Map<String, ControlFile> files = new LinkedHashMap<>();
        String entryName = "";
        try {
            MeteredInputStream decompressed = new MeteredInputStream(member.compression().decompress(raw),
                    limits.maxControlBytes(), () -> new DebFormatException(file, member.name()
                    + " decompresses to more than " + limits.maxControlBytes() + " bytes, the limit for control data."));
            TarArchiveInputStream tar = new TarArchiveInputStream(decompressed, StandardCharsets.UTF_8.name());
            TarArchiveEntry t;
            while ((t = tar.getNextEntry()) != null) {
                entryName = t.getName();
                String path = TreePaths.normalize(entryName);
                boolean regular = (t.getLinkFlag() == '0' || t.getLinkFlag() == 0) && !entryName.endsWith("/");
                if (regular && !path.contains("/")) {
                    files.put(path, new ControlFile(path, t.getMode() & 07777, tar.readAllBytes()));
                }
            }
            decompressed.drain();
            raw.drain();
        } catch (UnsafePathException e) {
            throw new DebFormatException(file, member.name() + " entry '" + entryName + "': " + e.getMessage()
                    + ". The package is broken or hostile; do not install it.");
        } catch (IOException e) {
            String what = e.getMessage() == null ? "unexpected end of data" : e.getMessage();
            throw new DebFormatException(file, "cannot read member '" + member.name() + "': " + what
                    + ". The file is truncated or corrupt; download it again.", e);
        }
        if (raw.count() != member.length()) {
            throw new DebFormatException(file, "member '" + member.name() + "' is truncated: " + raw.count() + " of "
                    + member.length() + " bytes present. Download the package again.");
        }
        return new DebControl(parseControl(file, files), conffiles(files), md5sums(file, files), files);
    }

    private static Paragraph parseControl(Path file, Map<String, ControlFile> files) {
        ControlFile control = files.get("control");
        if (control == null) {
            throw new DebFormatException(file, "control.tar has no 'control' file; this is not a valid Debian package");
        }
        List<Paragraph> paragraphs;
        try {
            paragraphs = new Deb822Parser(file + " (control)").parseAll(new StringReader(control.text()));
        } catch (ControlSyntaxException e) {
            throw new DebFormatException(file, "malformed control file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (paragraphs.size() != 1) {
            throw new DebFormatException(file, "control file holds " + paragraphs.size()
                    + " paragraphs where exactly one is required (Debian policy §5.3)");
        }
        Paragraph fields = paragraphs.get(0);
        if (fields.get("Package").isEmpty()) {
            throw new DebFormatException(file, "control file lacks the required 'Package' field");
        }
        return fields;
    }

    /** Lines of {@code conffiles}; dpkg ≥ 1.20 allows flags such as {@code remove-on-upgrade} before the path. */
    private static List<String> conffiles(Map<String, ControlFile> files) {
        ControlFile conffiles = files.get("conffiles");
        List<String> paths = new ArrayList<>();
        if (conffiles != null) {
            for (String line : conffiles.text().split("\n")) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty()) {
                    paths.add(trimmed.substring(trimmed.lastIndexOf(' ') + 1));
                }
            }
        }
        return paths;
    }

    /** {@code md5sums}: one {@code <md5>  <path>} line per file, paths relative to the root. */
    private static Map<String, String> md5sums(Path file, Map<String, ControlFile> files) {
        ControlFile md5sums = files.get("md5sums");
        Map<String, String> sums = new LinkedHashMap<>();
        if (md5sums == null) {
            return sums;
        }
        int lineNo = 0;
        for (String line : md5sums.text().split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String md5 = space < 0 ? "" : line.substring(0, space);
            if (md5.length() != 32 || !md5.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new DebFormatException(file, "md5sums line " + lineNo + " does not start with an MD5 sum");
            }
            String path = line.substring(space).trim();
            try {
                sums.put(TreePaths.normalize(path), md5.toLowerCase(java.util.Locale.ROOT));
            } catch (UnsafePathException e) {
                throw new DebFormatException(file, "md5sums line " + lineNo + ": path '" + path + "': " + e.getMessage());
            }
        }
        return sums;
    }

    @Override
    public String toString() {
        return "DebArchive[" + file + ", " + control.packageName() + " " + control.version() + "]";
    }
}
