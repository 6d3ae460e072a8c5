package org.remixstudio.engine.build.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.export.disk.DiskImageFormat;
import org.remixstudio.engine.export.disk.DiskImageWriter;
import org.remixstudio.engine.export.disk.LibvirtDomainXml;
import org.remixstudio.engine.export.disk.SparseImageFile;
import org.remixstudio.engine.export.disk.ext4.Ext4Options;
import org.remixstudio.engine.export.disk.ext4.Ext4Size;
import org.remixstudio.engine.export.disk.ext4.Ext4Writer;
import org.remixstudio.engine.export.disk.fat.Fat32Writer;
import org.remixstudio.engine.export.disk.fat.FatTree;
import org.remixstudio.engine.export.disk.gpt.GptDisk;
import org.remixstudio.engine.export.disk.gpt.GptLayout;
import org.remixstudio.engine.export.disk.gpt.GptPartition;
import org.remixstudio.engine.export.disk.gpt.GptWriter;
import org.remixstudio.engine.export.disk.gpt.PartitionTypes;
import org.remixstudio.engine.io.AtomicFiles;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Writes a bootable disk from a finished root filesystem (the build's rootfs tar): a GPT disk with
 * an EFI System Partition (FAT32: systemd-boot as the removable-media loader, {@code loader.conf},
 * one Boot Loader Specification Type 1 entry, the kernel and initramfs) and an ext4 root partition
 * holding the tree, as a sparse raw image that is then written as qcow2, raw or VMDK, with a libvirt
 * domain beside it. All identifiers come from {@link DiskIds}, every time from the build's timestamp,
 * so the same spec gives the same disk. The SSH host keys the build's openssh-server made are left
 * out of the root filesystem: each machine makes its own on first boot (see {@link VmEssentials}).
 */
public final class VmDiskWriter {

    /** Size of the EFI System Partition unless the kernel and initramfs need more. */
    public static final long ESP_BYTES = 260L << 20;

    /**
     * What to write.
     *
     * @param diskBytes the whole disk's size, or 0 for the root tree plus {@code freeBytes}
     * @param freeBytes free space left in the root filesystem when {@code diskBytes} is 0
 * @param compress  deflate-compressed qcow2 clusters
     */
    public record Options(String name, String architecture, DiskImageFormat format, long diskBytes, long freeBytes,
                          Instant timestamp, boolean compress) {
    }

    /** What was written. */
    public record Result(Path image, Path domainXml, long diskBytes, long rootFilesystemBytes, String kernelVersion) {
    }

    private final DiskIds ids;

    public VmDiskWriter(DiskIds ids) {
        this.ids = ids;
    }

    /** Writes the disk for {@code rootfsTar} to {@code output} (atomically) and the domain XML beside it. */
    public Result write(Path rootfsTar, Path output, Options options, Consumer<ProgressEvent> progress) {
        Path work = null;
        try (RootfsTar tree = RootfsTar.open(rootfsTar)) {
            List<TreeEntry> entries = rootEntries(tree.entries(), options.timestamp());
            BootFiles boot = BootFiles.find(entries, options.architecture());
            long espBytes = Math.max(ESP_BYTES, roundUpMib(boot.kernel().size() + boot.initrd().size()
                    + boot.loader().size() + (64L << 20)));
            Ext4Writer ext4 = new Ext4Writer();
            Ext4Options fsOptions = Ext4Options.defaults(new Ext4Size.ContentPlus(options.freeBytes()),
                    ids.rootFilesystem(), ids.hashSeed(), options.timestamp()).withLabel("root");
            long rootBytes = ext4.minimalSize(entries, options.freeBytes(), fsOptions);
            long overhead = 2L << 20; // 1 MiB before the first partition, the backup GPT at the end
            long diskBytes = options.diskBytes() > 0 ? options.diskBytes() : roundUpMib(espBytes + rootBytes + overhead);
            if (diskBytes < espBytes + rootBytes + overhead) {
                throw new EngineException("a disk of " + mib(diskBytes) + " is too small for this image: its files"
                        + " need " + mib(espBytes + rootBytes + overhead) + " (root filesystem " + mib(rootBytes)
                        + ", EFI System Partition " + mib(espBytes) + "); choose a larger --disk-size");
            }
            GptDisk disk = new GptLayout(diskBytes, ids.seeded())
                    .add(DiskIds.ESP_KEY, PartitionTypes.EFI_SYSTEM, "ESP", espBytes)
                    .addRemaining(DiskIds.ROOT_KEY, PartitionTypes.linuxRoot(options.architecture()), "root")
                    .build();
            GptPartition espPart = disk.partitions().get(0);
            GptPartition rootPart = disk.partitions().get(1);
            FatTree esp = espTree(tree, boot, options.architecture(), rootPart.guid().toString());
            work = Files.createTempDirectory(output.toAbsolutePath().getParent(), "." + output.getFileName() + ".work-");
            Path rawPath = work.resolve("disk.raw");
            try (SparseImageFile raw = SparseImageFile.create(rawPath, diskBytes)) {
                progress.accept(new ProgressEvent("disk", "partition table", 0, 3, ProgressEvent.Unit.ITEMS));
                new GptWriter().write(disk, raw);
                progress.accept(new ProgressEvent("disk", "EFI System Partition", 1, 3, ProgressEvent.Unit.ITEMS));
                new Fat32Writer().write(esp, espPart.size(), new Fat32Writer.Options("ESP", ids.espSerial(),
                        options.timestamp(), espPart.firstLba()), raw.at(espPart.offset()));
                progress.accept(new ProgressEvent("disk", "root filesystem", 2, 3, ProgressEvent.Unit.ITEMS));
                ext4.write(entries, tree::open, fsOptions.withSize(new Ext4Size.Fixed(rootPart.size())),
                        raw.at(rootPart.offset()), progress);
                progress.accept(new ProgressEvent("disk", options.format().name().toLowerCase(Locale.ROOT),
                        3, 3, ProgressEvent.Unit.ITEMS));
                new DiskImageWriter(ids.seeded(), options.compress()).write(raw.content(), options.format(), output);
            }
            Path xml = domainXmlFor(output);
            String domain = new LibvirtDomainXml(options.name(), output, options.format().name().toLowerCase(
                    Locale.ROOT), options.architecture(), 1024, 2).xml();
            AtomicFiles.writeBytes(xml, domain.getBytes(StandardCharsets.UTF_8));
            return new Result(output, xml, diskBytes, rootPart.size(), boot.version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the disk image " + output, e);
        } finally {
            deleteTree(work);
        }
    }

    /** {@code NAME.xml} beside {@code NAME.qcow2}. */
    public static Path domainXmlFor(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".xml");
    }

    /** The tree for the root filesystem: without the build's SSH host keys, with the ESP's mount point. */
    static List<TreeEntry> rootEntries(List<TreeEntry> tree, Instant timestamp) {
        List<TreeEntry> out = new ArrayList<>(tree.size() + 1);
        boolean hasEfiDir = false;
        for (TreeEntry e : tree) {
            if (e.path().startsWith("etc/ssh/ssh_host_") && e.type() == EntryType.FILE) {
                continue;
            }
            hasEfiDir |= e.path().equals("boot/efi");
            out.add(e);
        }
        if (!hasEfiDir) {
            out.add(new TreeEntry("boot/efi", EntryType.DIRECTORY, 0755, 0, 0, "root", "root", timestamp, 0, "", 0, 0,
                    List.of()));
        }
        return out;
    }

    /** The ESP's files; the boot entry finds the root partition by its GPT GUID. */
    private static FatTree espTree(RootfsTar tree, BootFiles boot, String architecture, String rootPartUuid) {
        String kernel = "vmlinuz-" + boot.version();
        String initrd = "initrd.img-" + boot.version();
        String entry = "title      Debian (" + boot.version() + ")\n"
                + "linux      /" + kernel + "\n"
                + "initrd     /" + initrd + "\n"
                + "options    root=PARTUUID=" + rootPartUuid + " rw console=tty0 console=ttyS0\n";
        return new FatTree()
                .file(BootFiles.fallbackLoaderPath(architecture), boot.loader().size(), () -> tree.open(boot.loader()))
                .file("loader/loader.conf", "default remix.conf\ntimeout 0\n".getBytes(StandardCharsets.US_ASCII))
                .file("loader/entries/remix.conf", entry.getBytes(StandardCharsets.US_ASCII))
                .file(kernel, boot.kernel().size(), () -> tree.open(boot.kernel()))
                .file(initrd, boot.initrd().size(), () -> tree.open(boot.initrd()));
    }

    private static long roundUpMib(long bytes) {
        long mib = 1L << 20;
        return (bytes + mib - 1) / mib * mib;
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static void deleteTree(Path dir) {
        if (dir != null) {
            try {
                AtomicFiles.deleteTree(dir);
            } catch (IOException e) {
                // a leftover scratch directory is harmless
            }
        }
    }
}
