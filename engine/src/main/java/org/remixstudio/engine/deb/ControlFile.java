package org.remixstudio.engine.deb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One file from a package's {@code control.tar}: {@code control}, {@code conffiles}, {@code md5sums}, a
 * maintainer script ({@code preinst}, {@code postinst}, {@code prerm}, {@code postrm}, {@code config}) or
 * metadata such as {@code triggers}, {@code shlibs}, {@code symbols}, {@code templates}.
 *
 * @param name    file name inside control.tar, e.g. {@code postinst}
 * @param mode    permission bits as stored (scripts are executable)
 * @param content raw bytes
 */
public record ControlFile(String name, int mode, byte[] content) {

    public ControlFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content as UTF-8 text (maintainer scripts and metadata files are text). */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlFile f && f.name.equals(name) && f.mode == mode && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ControlFile[" + name + ", " + Integer.toOctalString(mode) + ", " + content.length + " bytes]";
    }
}
