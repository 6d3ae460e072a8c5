package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.build.layer.ManifestEntry;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.export.oci.ContentSource;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.io.AtomicFiles;
import org.remixstudio.engine.sbom.CycloneDxWriter;
import org.remixstudio.engine.sbom.ImageSbom;
import org.remixstudio.engine.sbom.SpdxWriter;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * The two SBOM documents of one build and everywhere they go (docs/sbom.md): into the image at
 * {@code /usr/share/remix-studio/sbom/NAME.spdx.json} and {@code NAME.cdx.json} (as a small top layer of
 * their own, or written into the tree before it is squashed), beside the exported image as
 * {@code OUT.spdx.json} and {@code OUT.cdx.json}, and into the manifest annotations and config labels
 * as path and digest.
 */
final class ImageSbomFiles {

    /** The directory inside the image that holds the SBOMs. */
    static final String DIRECTORY = "usr/share/remix-studio/sbom";
    /** Annotation and label keys: {@code PREFIX + "spdx.path"}, {@code PREFIX + "spdx.digest"}, same for cyclonedx. */
    static final String ANNOTATION_PREFIX = "org.remixstudio.sbom.";

    private final byte[] spdx;
    private final byte[] cycloneDx;
    private final String spdxPath;
    private final String cycloneDxPath;

    ImageSbomFiles(ImageSbom sbom, String imageName) {
        this.spdx = new SpdxWriter().write(sbom);
        this.cycloneDx = new CycloneDxWriter().write(sbom);
        String file = imageName.replaceAll("[^A-Za-z0-9._-]", "_");
        this.spdxPath = DIRECTORY + "/" + file + ".spdx.json";
        this.cycloneDxPath = DIRECTORY + "/" + file + ".cdx.json";
    }

    byte[] spdx() {
        return spdx;
    }

    byte[] cycloneDx() {
        return cycloneDx;
    }

    /** Path and digest of each document, for the manifest annotations and the config labels. */
    Map<String, String> annotations() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ANNOTATION_PREFIX + "spdx.path", "/" + spdxPath);
        out.put(ANNOTATION_PREFIX + "spdx.digest", Digest.of(spdx).toString());
        out.put(ANNOTATION_PREFIX + "cyclonedx.path", "/" + cycloneDxPath);
        out.put(ANNOTATION_PREFIX + "cyclonedx.digest", Digest.of(cycloneDx).toString());
        return out;
    }

    /**
     * The entries of a layer adding the two files on top of a tree described by {@code below}: the
     * parent directories as they are below (so the layer changes nothing but the SBOM directory), new
     * ones as root-owned 0755.
     */
    List<LayerEntry> layerEntries(TreeManifest below, Instant mtime) {
        List<LayerEntry> entries = new ArrayList<>();
        for (String dir : TreePaths.ancestors(spdxPath)) {
            if (dir.equals(TreePaths.ROOT)) {
                continue;
            }
            Optional<ManifestEntry> existing = below.get(dir);
            entries.add(LayerEntry.of(existing.filter(e -> e.type() == org.remixstudio.engine.tree.EntryType.DIRECTORY)
                    .map(e -> e.toTreeEntry(e.uid() == 0 ? "root" : "", e.gid() == 0 ? "root" : ""))
                    .orElse(TreeEntry.directory(dir, 0755, mtime))));
        }
        entries.add(new LayerEntry(TreeEntry.file(spdxPath, 0644, spdx.length, mtime), ContentSource.of(spdx)));
        entries.add(new LayerEntry(TreeEntry.file(cycloneDxPath, 0644, cycloneDx.length, mtime),
                ContentSource.of(cycloneDx)));
        return entries;
    }

    /** Writes the two files into a build tree (before it is squashed into one layer or a root filesystem). */
    void writeInto(Path tree, Instant mtime) {
        try {
            Path dir = tree.resolve(DIRECTORY);
            List<Path> created = new ArrayList<>();
            for (Path p = dir; !Files.exists(p); p = p.getParent()) {
                created.add(0, p);
            }
            Files.createDirectories(dir);
            for (Path p : created) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setLastModifiedTime(p, FileTime.from(mtime));
            }
            for (Map.Entry<String, byte[]> f : Map.of(spdxPath, spdx, cycloneDxPath, cycloneDx).entrySet()) {
                Path file = tree.resolve(f.getKey());
                Files.write(file, f.getValue());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                Files.setLastModifiedTime(file, FileTime.from(mtime));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SBOMs into the build tree " + tree, e);
        }
    }

    /** {@code OUT.spdx.json} and {@code OUT.cdx.json} beside the exported image, each written atomically. */
    List<Path> writeBeside(Path output) {
        Path spdxFile = output.resolveSibling(output.getFileName() + ".spdx.json");
        Path cdxFile = output.resolveSibling(output.getFileName() + ".cdx.json");
        try {
            AtomicFiles.writeBytes(spdxFile, spdx);
            AtomicFiles.writeBytes(cdxFile, cycloneDx);
        } catch (IOException e) {
            throw new EngineException("cannot write the SBOMs beside " + output + ": " + e.getMessage()
                    + ". Check that its directory is writable and has space.", e);
        }
        return List.of(spdxFile, cdxFile);
    }
}
