package org.remixstudio.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.remixstudio.engine.build.pipeline.BuiltImage;
import org.remixstudio.engine.build.pipeline.LayerPlan;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.build.vm.DiskIds;
import org.remixstudio.engine.build.vm.VmDiskWriter;
import org.remixstudio.engine.export.disk.DiskImageFormat;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.io.AtomicFiles;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * The last step of a VM build: turns the root filesystem tar the pipeline wrote into the bootable
 * disk ({@link VmDiskWriter}) at the requested path, moves the SBOMs beside it, and reports the
 * disk's SHA-256 as its digest (so an export can be verified like an image).
 */
final class DiskExport {

    private final DiskIds ids;

    DiskExport(DiskIds ids) {
        this.ids = ids;
    }

    BuildResult write(RemixSpec built, BuiltImage tree, BuildRequest request, Long epoch, List<BuildResult.Layer> layers,
            List<String> warnings, Consumer<ProgressEvent> progress) {
        DiskImageFormat format = DiskImageFormat.valueOf(request.format().name());
        Instant time = Instant.ofEpochSecond(epoch != null ? epoch : Instant.now().getEpochSecond());
        VmDiskWriter.Result disk = new VmDiskWriter(ids).write(tree.output(), request.output(),
                new VmDiskWriter.Options(built.name(), built.architecture(), format, request.diskBytes(),
                        BuildRequest.DEFAULT_FREE_BYTES, time, request.compress()), progress);
        List<Path> sboms = new ArrayList<>();
        try {
            for (Path sbom : tree.sboms()) {
                String suffix = sbom.getFileName().toString().substring(tree.output().getFileName().toString().length());
                Path target = request.output().resolveSibling(request.output().getFileName() + suffix);
                Files.move(sbom, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                sboms.add(target);
            }
            return new BuildResult(disk.image(), Digest.of(disk.image()).toString(), Files.size(disk.image()), layers,
                    warnings, sboms, disk.domainXml());
        } catch (IOException e) {
            throw new EngineException("cannot finish the disk image " + request.output() + ": " + e.getMessage());
        }
    }

    /**
     * Refuses, before anything is fetched, a disk size that cannot hold the planned packages: their
     * Installed-Size (what dpkg will unpack) plus the ESP and the partition table. The disk writer
     * checks again with the exact figure once the tree exists.
     */
    static void requireRoomFor(List<LayerPlan> plans, BuildRequest request) {
        if (request.diskBytes() == 0) {
            return;
        }
        long installed = plans.get(plans.size() - 1).packages().stream().mapToLong(BinaryPackage::installedSize).sum()
                * 1024;
        long needed = installed + VmDiskWriter.ESP_BYTES + (2L << 20);
        if (request.diskBytes() < needed) {
            throw new EngineException("a disk of " + (request.diskBytes() >> 20) + " MiB is too small for "
                    + request.spec() + ": its packages alone install " + (installed >> 20) + " MiB, and the EFI System"
                    + " Partition takes " + (VmDiskWriter.ESP_BYTES >> 20) + " MiB; choose --disk-size of at least "
                    + ((needed >> 20) + 512) + "M, or leave it out to size the disk to the image");
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            // a leftover scratch directory in the cache is harmless
        }
    }
}
