package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.util.List;
import org.remixstudio.engine.inspect.DpkgPackage;
import org.remixstudio.engine.inspect.ImageArchiveInspector;
import org.remixstudio.engine.inspect.ImageInspection;
import org.remixstudio.engine.inspect.InspectedImage;
import org.remixstudio.engine.inspect.InspectedLayer;
import org.remixstudio.engine.inspect.PackageChange;

/**
 * Reads an image tarball back: what {@code remix build} wrote (OCI layout and docker-archive in one
 * tar), or a plain OCI layout tar or docker-archive from other tools. Stateless and thread-safe.
 *
 * <pre>{@code
 * for (ImageInfo image : new ImageInspector().inspect(Path.of("web.tar"))) {
 *     image.layers().forEach(l -> System.out.println(l.createdBy() + ": +" + l.packagesAdded()));
 * }
 * }</pre>
 */
public final class ImageInspector {

    /**
     * Reads every image in the archive, each layer in full (digests are recomputed, packages
     * read from the layers' dpkg status files).
     *
     * @throws EngineException when the file is missing, not an image tarball, or incomplete
     */
    public List<ImageInfo> inspect(Path archive) {
        ImageInspection inspection = new ImageArchiveInspector().inspect(archive);
        return inspection.images().stream().map(i -> info(archive, inspection.format(), i)).toList();
    }

    private static ImageInfo info(Path archive, String format, InspectedImage i) {
        return new ImageInfo(archive.toString(), format, i.references(), i.manifestDigest(), i.configDigest(),
                i.architecture(), i.os(), i.created(), i.author(), i.user(), i.entrypoint(), i.cmd(), i.env(),
                i.workingDir(), i.exposedPorts(), i.volumes(), i.labels(), i.stopSignal(),
                i.layers().stream().map(ImageInspector::layer).toList(), i.warnings());
    }

    private static LayerInfo layer(InspectedLayer l) {
        return new LayerInfo(l.index(), l.digest(), l.diffId(), l.mediaType(), l.compressedSize(), l.uncompressedSize(),
                l.createdBy(), l.comment(), l.entries(), l.whiteouts(), l.opaqueDirectories(),
                l.added().stream().map(ImageInspector::pkg).toList(),
                l.removed().stream().map(ImageInspector::pkg).toList(),
                l.changed().stream().map(ImageInspector::change).toList());
    }

    private static InstalledPackageInfo pkg(DpkgPackage p) {
        return new InstalledPackageInfo(p.name(), p.version(), p.architecture());
    }

    private static PackageVersionChange change(PackageChange c) {
        return new PackageVersionChange(c.name(), c.architecture(), c.oldVersion(), c.newVersion());
    }
}
