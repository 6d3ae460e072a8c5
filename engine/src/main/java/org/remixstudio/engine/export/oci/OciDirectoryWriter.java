package org.remixstudio.engine.export.oci;

import org.remixstudio.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.remixstudio.engine.api.EngineException;

/**
 * Writes one image as an OCI image layout directory (image-layout.md), the {@code oci-dir} format
 * that {@code skopeo copy oci:DIR:TAG …} and {@code umoci} read. It holds exactly the files of the
 * archive {@link OciArchiveWriter} writes, Docker's {@code manifest.json} and {@code repositories}
 * included. The directory is built under a temporary name and renamed into place.
 */
public final class OciDirectoryWriter {

    /** Writes {@code spec} as directory {@code target}, replacing an existing one only when complete. */
    public void write(ImageSpec spec, Path target) {
        ImageDocuments docs = new ImageDocuments(spec);
        try {
            AtomicFiles.writeDirectory(target, dir -> {
                Files.write(dir.resolve("oci-layout"), docs.ociLayout);
                Files.write(dir.resolve("index.json"), docs.index);
                Files.write(dir.resolve("manifest.json"), docs.dockerManifest);
                Files.write(dir.resolve("repositories"), docs.repositories);
                Files.createDirectories(dir.resolve("blobs/sha256"));
                Files.write(dir.resolve(docs.configDigest.blobPath()), docs.config);
                Files.write(dir.resolve(docs.manifestDigest.blobPath()), docs.manifest);
                for (LayerBlob blob : docs.blobs) {
                    Files.copy(blob.file(), dir.resolve(blob.digest().blobPath()), StandardCopyOption.REPLACE_EXISTING);
                }
            });
        } catch (IOException e) {
            throw new EngineException("cannot write image directory " + target + ": " + e.getMessage(), e);
        }
    }
}
