package org.remixstudio.engine.export.disk.gpt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.remixstudio.engine.export.disk.ImageSink;

/**
 * Writes a GPT (UEFI 2.10 §5.3): the protective MBR in block 0, the primary header in block 1 with
 * its partition entry array in blocks 2-33, and the backup array and header at the end of the disk
 * (§5.3.1, Figure 5.1). Header and array carry the CRC32s of §5.3.2 (the CRC32 of zlib and
 * Ethernet, the one {@link CRC32} computes). Only blocks of the partition table are written; the
 * partitions' contents are their own writers' business.
 */
public final class GptWriter {

    static final long SIGNATURE = 0x5452415020494645L; // "EFI PART" read little-endian
    static final int REVISION = 0x00010000;
    static final int HEADER_SIZE = 92;

    private final byte[] mbrBootCode;

    /** A writer whose protective MBR carries no boot code: UEFI boot only. */
    public GptWriter() {
        this(new byte[0]);
    }

    /** A writer that puts {@code mbrBootCode} (at most 440 bytes) into the protective MBR for BIOS boot. */
    public GptWriter(byte[] mbrBootCode) {
        if (mbrBootCode.length > ProtectiveMbr.BOOT_CODE_SIZE) {
            throw new IllegalArgumentException("MBR boot code is " + mbrBootCode.length + " bytes; at most "
                    + ProtectiveMbr.BOOT_CODE_SIZE + " fit");
        }
        this.mbrBootCode = mbrBootCode.clone();
    }

    public void write(GptDisk disk, ImageSink sink) throws IOException {
        byte[] entries = encodeEntries(disk);
        int entriesCrc = crc32(entries, 0, entries.length);
        long backupEntriesLba = disk.lastLba() - GptDisk.ENTRY_ARRAY_SECTORS;

        sink.write(0, ProtectiveMbr.encode(disk.sectorCount(), mbrBootCode));
        sink.write(GptDisk.SECTOR_SIZE, encodeHeader(disk, 1, disk.lastLba(), 2, entriesCrc));
        sink.write(2L * GptDisk.SECTOR_SIZE, ByteBuffer.wrap(entries));
        sink.write(backupEntriesLba * GptDisk.SECTOR_SIZE, ByteBuffer.wrap(entries));
        sink.write(disk.lastLba() * GptDisk.SECTOR_SIZE,
                encodeHeader(disk, disk.lastLba(), 1, backupEntriesLba, entriesCrc));
    }

    /** The partition entry array (§5.3.3, Table 5.7): 128 entries of 128 bytes, unused ones zero. */
    static byte[] encodeEntries(GptDisk disk) {
        ByteBuffer b = ByteBuffer.allocate(GptDisk.ENTRY_COUNT * GptDisk.ENTRY_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int index = 0;
        for (GptPartition p : disk.partitions()) {
            b.position(index * GptDisk.ENTRY_SIZE);
            Guids.put(b, p.type());
            Guids.put(b, p.guid());
            b.putLong(p.firstLba());
            b.putLong(p.lastLba());
            b.putLong(p.attributes());
            b.put(p.name().getBytes(StandardCharsets.UTF_16LE)); // at most 36 code units = 72 bytes
            index++;
        }
        return b.array();
    }

    /** A GPT header block (§5.3.2, Table 5.5) with its CRC32 over the 92 header bytes. */
    static ByteBuffer encodeHeader(GptDisk disk, long myLba, long alternateLba, long entriesLba, int entriesCrc) {
        ByteBuffer b = ByteBuffer.allocate(GptDisk.SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(SIGNATURE);
        b.putInt(REVISION);
        b.putInt(HEADER_SIZE);
        b.putInt(0); // HeaderCRC32, computed with this field zero
        b.putInt(0); // Reserved
        b.putLong(myLba);
        b.putLong(alternateLba);
        b.putLong(GptDisk.firstUsableLba());
        b.putLong(disk.lastUsableLba());
        Guids.put(b, disk.diskGuid());
        b.putLong(entriesLba);
        b.putInt(GptDisk.ENTRY_COUNT);
        b.putInt(GptDisk.ENTRY_SIZE);
        b.putInt(entriesCrc);
        b.putInt(16, crc32(b.array(), 0, HEADER_SIZE));
        b.position(0);
        return b;
    }

    static int crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
