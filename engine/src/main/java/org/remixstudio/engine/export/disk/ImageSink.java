package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where the structure writers (GPT, FAT32, ext4) put their bytes: positional writes into a disk
 * image. Writers never send blocks that are all zeros, so the image stays sparse.
 */
@FunctionalInterface
public interface ImageSink {

    /** Writes all remaining bytes of {@code data} at byte {@code offset} of the image. */
    void write(long offset, ByteBuffer data) throws IOException;

    /** A sink over a plain channel, for callers that manage their own file. */
    static ImageSink of(FileChannel channel) {
        return (offset, data) -> {
            long position = offset;
            while (data.hasRemaining()) {
                position += channel.write(data, position);
            }
        };
    }

    /** A sink that writes at {@code base} + offset into this one (a partition inside a disk). */
    default ImageSink at(long base) {
        ImageSink outer = this;
        return (offset, data) -> outer.write(base + offset, data);
    }
}
