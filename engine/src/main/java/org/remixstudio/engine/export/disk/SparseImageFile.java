package org.remixstudio.engine.export.disk;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A raw disk image being built: a sparse file of a fixed size that remembers which byte ranges were
 * written. The format writers then read only those ranges instead of scanning (and reading the
 * holes of) the whole file, which Java cannot ask the file system about ({@code SEEK_DATA} is not
 * reachable from Java 17). Writes of all-zero blocks into never-written space are dropped, so the
 * file stays sparse.
 */
public final class SparseImageFile implements ImageSink, Closeable {

    private final Path path;
    private final long size;
    private final RandomAccessFile file;
    private final FileChannel channel;
    /** Written ranges, start -> end (exclusive), merged when they touch. */
    private final TreeMap<Long, Long> written = new TreeMap<>();

    private SparseImageFile(Path path, long size, RandomAccessFile file) {
        this.path = path;
        this.size = size;
        this.file = file;
        this.channel = file.getChannel();
    }

    /** Creates (or truncates) {@code path} as an empty sparse image of {@code size} bytes. */
    public static SparseImageFile create(Path path, long size) throws IOException {
        if (size <= 0 || size % 512 != 0) {
            throw new IllegalArgumentException("disk image size must be a positive multiple of 512 bytes, not " + size);
        }
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            file.setLength(0);
            file.setLength(size);
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return new SparseImageFile(path, size, file);
    }

    /**
     * The content of an existing raw image file of which nothing is known: its whole length is
     * offered as data and the format writers skip the zero clusters they read.
     */
    public static DiskContent contentOf(Path rawImage) throws IOException {
        long size = java.nio.file.Files.size(rawImage);
        return new FileContent(rawImage, size, List.of(new ByteRange(0, size)));
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    @Override
    public void write(long offset, ByteBuffer data) throws IOException {
        int length = data.remaining();
        if (offset < 0 || offset + length > size) {
            throw new IOException("write of " + length + " bytes at " + offset + " falls outside the " + size
                    + "-byte image " + path);
        }
        if (length == 0) {
            return;
        }
        if (ZeroBlocks.isZero(data) && !overlapsWritten(offset, offset + length)) {
            return; // zeros over a hole: the hole already reads as zeros
        }
        long pos = offset;
        while (data.hasRemaining()) {
            pos += channel.write(data, pos);
        }
        record(offset, offset + length);
    }

    private boolean overlapsWritten(long start, long end) {
        Map.Entry<Long, Long> before = written.lowerEntry(end);
        return before != null && before.getValue() > start;
    }

    private void record(long start, long end) {
        long s = start;
        long e = end;
        Map.Entry<Long, Long> before = written.floorEntry(s);
        if (before != null && before.getValue() >= s) {
            s = before.getKey();
            e = Math.max(e, before.getValue());
        }
        Map.Entry<Long, Long> next = written.ceilingEntry(s);
        while (next != null && next.getKey() <= e) {
            e = Math.max(e, next.getValue());
            written.remove(next.getKey());
            next = written.ceilingEntry(s);
        }
        written.put(s, e);
    }

    /** The written ranges so far, sorted. */
    public List<ByteRange> writtenRanges() {
        List<ByteRange> ranges = new ArrayList<>(written.size());
        written.forEach((s, e) -> ranges.add(new ByteRange(s, e - s)));
        return ranges;
    }

    /** The image as format writers read it: only the written ranges may hold data. */
    public DiskContent content() throws IOException {
        // no force: the format writers read through the same page cache, and the raw file is scratch
        return new FileContent(path, size, writtenRanges());
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** A raw file read positionally through one channel per reader. */
    private static final class FileContent implements DiskContent {
        private final Path path;
        private final long size;
        private final List<ByteRange> ranges;

        FileContent(Path path, long size, List<ByteRange> ranges) {
            this.path = path;
            this.size = size;
            this.ranges = List.copyOf(ranges);
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public List<ByteRange> dataRanges() {
            return ranges;
        }

        @Override
        public Reader openReader() throws IOException {
            FileChannel in = FileChannel.open(path);
            return new Reader() {
                @Override
                public void read(long offset, ByteBuffer buffer) throws IOException {
                    long pos = offset;
                    while (buffer.hasRemaining()) {
                        int n = in.read(buffer, pos);
                        if (n < 0) {
                            while (buffer.hasRemaining()) {
                                buffer.put((byte) 0);
                            }
                            return;
                        }
                        pos += n;
                    }
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }
}
