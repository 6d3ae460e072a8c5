package org.remixstudio.engine.deb;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.XZInputStream;

/** The compressions deb(5) allows for the {@code control.tar} and {@code data.tar} members, by file suffix. */
enum MemberCompression {
    NONE(""),
    GZIP(".gz"),
    XZ(".xz"),
    ZSTD(".zst"),
    BZIP2(".bz2"),
    LZMA(".lzma");

    private final String suffix;

    MemberCompression(String suffix) {
        this.suffix = suffix;
    }

    /** The compression of a member called {@code base + suffix}, e.g. {@code data.tar.xz}. */
    static Optional<MemberCompression> of(String memberName, String base) {
        if (!memberName.startsWith(base)) {
            return Optional.empty();
        }
        String rest = memberName.substring(base.length());
        for (MemberCompression c : values()) {
            if (c.suffix.equals(rest)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #decompress}, for a data member, which is large: xz through the system's decoder
     * where there is one ({@link XzProcessInputStream}); small control members are not worth a process.
     */
    InputStream decompressData(InputStream in) throws IOException {
        if (this == XZ) {
            try {
                Optional<InputStream> system = XzProcessInputStream.open(in);
                if (system.isPresent()) {
                    return system.get();
                }
            } catch (IOException cannotStart) {
                // xz could not be started (no process left, removed meanwhile): nothing was read yet
            }
        }
        return decompress(in);
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case XZ -> new XZInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case LZMA -> new LZMAInputStream(in);
        };
    }
}
