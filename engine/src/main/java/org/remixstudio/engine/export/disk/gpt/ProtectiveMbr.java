package org.remixstudio.engine.export.disk.gpt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The protective MBR in block 0 of a GPT disk (UEFI 2.10 §5.2.3, Tables 5.4 and 5.5): one partition
 * record of type 0xEE covering the disk from block 1, so that MBR-only tools see the disk as in use.
 */
public final class ProtectiveMbr {

    static final int GPT_PROTECTIVE_TYPE = 0xEE;

    private ProtectiveMbr() {
    }

    /** Bytes of boot code block 0 holds before the disk signature (Table 5.4, BootCode). */
    public static final int BOOT_CODE_SIZE = 440;

    /** The 512-byte block 0 for a disk of {@code sectorCount} sectors, without boot code. */
    public static ByteBuffer encode(long sectorCount) {
        return encode(sectorCount, new byte[0]);
    }

    /**
     * Block 0 with {@code bootCode} (at most 440 bytes) at its start: the hook for legacy BIOS boot,
     * where the BIOS runs this code (for instance GRUB's boot.img, pointing at a core image in a
     * BIOS boot partition). UEFI firmware ignores it.
     */
    public static ByteBuffer encode(long sectorCount, byte[] bootCode) {
        if (bootCode.length > BOOT_CODE_SIZE) {
            throw new IllegalArgumentException("MBR boot code is " + bootCode.length + " bytes; at most "
                    + BOOT_CODE_SIZE + " fit before the partition records");
        }
        ByteBuffer b = ByteBuffer.allocate(GptDisk.SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(bootCode);
        // The unique MBR disk signature (4 bytes) and the 2 unknown bytes stay zero: the spec says
        // the signature is unused on a GPT disk.
        b.position(446);
        b.put((byte) 0x00); // BootIndicator 0x00, as the spec requires (SeaBIOS boots the code regardless)
        b.put(new byte[] {0x00, 0x02, 0x00}); // StartingCHS 0x000200 = the CHS address of block 1
        b.put((byte) GPT_PROTECTIVE_TYPE);
        b.put(endingChs(sectorCount - 1));
        b.putInt(1); // StartingLBA
        b.putInt((int) Math.min(sectorCount - 1, 0xFFFFFFFFL)); // SizeInLBA, clamped as the spec says
        b.position(510);
        b.put((byte) 0x55).put((byte) 0xAA);
        return b.flip();
    }

    /**
     * CHS address of {@code lba} in the conventional 255-head, 63-sector geometry, or 0xFFFFFF when
     * it cannot be represented (cylinder above 1023), as Table 5.5 asks.
     */
    static byte[] endingChs(long lba) {
        long cylinder = lba / (255 * 63);
        if (cylinder > 1023) {
            return new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        }
        int head = (int) ((lba / 63) % 255);
        int sector = (int) (lba % 63) + 1;
        return new byte[] {(byte) head, (byte) (sector | ((cylinder >> 2) & 0xC0)), (byte) cylinder};
    }
}
