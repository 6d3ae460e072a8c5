package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.remixstudio.engine.export.disk.qcow2.Qcow2Writer;
import org.remixstudio.engine.export.disk.vmdk.StreamOptimizedVmdkWriter;
import org.remixstudio.engine.io.AtomicFiles;

/**
 * Turns a raw disk (usually the {@link SparseImageFile} the partition and file-system writers
 * filled) into the chosen {@link DiskImageFormat} at a target path, atomically: the image is written
 * under a temporary name beside the target and renamed into place only when complete, so a failure
 * or cancellation leaves no partial file. Identifiers in the output (the VMDK content ID and image
 * UUID) come from the seed, so the same disk gives the same bytes.
 */
public final class DiskImageWriter {

    private final SeededIds ids;
    private final boolean compressQcow2;

    /**
     * @param ids           where the VMDK identifiers come from
     * @param compressQcow2 store qcow2 clusters deflate-compressed (smaller, slower to write and read)
     */
    public DiskImageWriter(SeededIds ids, boolean compressQcow2) {
        this.ids = ids;
        this.compressQcow2 = compressQcow2;
    }

    /** Writes the raw image file {@code rawImage} (all of it considered) as {@code format}. */
    public void write(Path rawImage, DiskImageFormat format, Path target) throws IOException {
        if (Files.exists(target) && Files.isSameFile(rawImage, target)) {
            throw new IllegalArgumentException("the disk image " + target + " cannot be written over its own raw source;"
                    + " choose another output path");
        }
        write(SparseImageFile.contentOf(rawImage), format, target);
    }

    /** Writes {@code disk} as {@code format} to {@code target}. */
    public void write(DiskContent disk, DiskImageFormat format, Path target) throws IOException {
        AtomicFiles.writeFile(target, tmp -> {
            switch (format) {
                case RAW -> {
                    try (RandomAccessFile out = new RandomAccessFile(tmp.toFile(), "rw")) {
                        new RawImageWriter().write(disk, out);
                        out.getChannel().force(true);
                    }
                }
                case QCOW2 -> {
                    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        new Qcow2Writer(compressQcow2).write(disk, out);
                        out.force(true);
                    }
                }
                case VMDK -> {
                    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        new StreamOptimizedVmdkWriter().write(disk, new StreamOptimizedVmdkWriter.Identity(
                                target.getFileName().toString(), ids.int32("vmdk-cid"), ids.uuid("vmdk-image")), out);
                        out.force(true);
                    }
                }
            }
        });
    }
}
