package org.remixstudio.engine.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.build.layer.LayerTarReader;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * Reads an image tarball: an OCI image layout in a tar (image-layout.md: {@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/…}, as {@code skopeo copy … oci-archive:} writes it), a
 * {@code docker save} archive ({@code manifest.json} naming config and layer files, Docker image
 * specification v1.2), or both in one tar as the engine writes it. For each image it reports names,
 * configuration (config.md) and, per layer, sizes, digests (recomputed and compared with what the
 * manifest and config claim), the history entry, the entries, the whiteouts, and the Debian
 * packages the layer adds, removes or changes, read from the {@code var/lib/dpkg/status} files the
 * layers carry one after the other.
 */
public final class ImageArchiveInspector {

    private static final long MAX_JSON = 16L << 20;
    private static final int MAX_STATUS = 256 << 20;
    private static final String STATUS = "var/lib/dpkg/status";
    private static final Set<String> INDEX_TYPES = Set.of("application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final ObjectMapper json = new ObjectMapper();

    /**
     * @throws EngineException when the file is missing, not a tar, neither format, or lacks a blob
     *                         its manifests name
     */
    public ImageInspection inspect(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new EngineException("image archive " + archive + " does not exist or is not a file");
        }
        try (TarFile tar = new TarFile(archive)) {
            return new Reading(archive, tar).run();
        } catch (IOException e) {
            throw new EngineException(archive + " is not a readable tar archive (" + e.getMessage()
                    + "); give an image tarball such as 'podman save' or 'skopeo copy … oci-archive:' writes", e);
        }
    }

    /** One archive being read. */
    private final class Reading {
        final Path archive;
        final TarFile tar;
        final Map<String, TarArchiveEntry> files = new HashMap<>();

        Reading(Path archive, TarFile tar) {
            this.archive = archive;
            this.tar = tar;
            for (TarArchiveEntry e : tar.getEntries()) {
                if (e.isFile()) {
                    String name = e.getName();
                    while (name.startsWith("./") || name.startsWith("/")) {
                        name = name.substring(name.startsWith("./") ? 2 : 1);
                    }
                    files.put(name, e);
                }
            }
        }

        ImageInspection run() throws IOException {
            boolean oci = files.containsKey("index.json");
            boolean docker = files.containsKey("manifest.json");
            if (!oci && !docker) {
                throw new EngineException(archive + " is neither an OCI image layout (no index.json) nor a"
                        + " docker-archive (no manifest.json)");
            }
            Map<String, List<String>> dockerTags = new LinkedHashMap<>();
            List<JsonNode> dockerImages = new ArrayList<>();
            if (docker) {
                for (JsonNode image : readJson("manifest.json")) {
                    dockerImages.add(image);
                    List<String> tags = new ArrayList<>();
                    image.path("RepoTags").forEach(t -> tags.add(t.asText()));
                    dockerTags.put(image.path("Config").asText(), tags);
                }
            }
            List<InspectedImage> images = new ArrayList<>();
            if (oci) {
                collectOci(readJson("index.json"), new ArrayList<>(), dockerTags, images, 0);
            } else {
                for (JsonNode image : dockerImages) {
                    images.add(dockerImage(image));
                }
            }
            String format = oci && docker ? "oci-archive+docker-archive" : oci ? "oci-archive" : "docker-archive";
            return new ImageInspection(format, images);
        }

        /** Walks an index (and any index inside it) to its image manifests. */
        private void collectOci(JsonNode index, List<String> inheritedNames, Map<String, List<String>> dockerTags,
                                List<InspectedImage> images, int depth) throws IOException {
            if (depth > 4) {
                throw new EngineException(archive + ": image indexes nest too deeply");
            }
            for (JsonNode d : index.path("manifests")) {
                List<String> names = new ArrayList<>(inheritedNames);
                JsonNode annotations = d.path("annotations");
                for (String key : List.of("io.containerd.image.name", "org.opencontainers.image.ref.name")) {
                    if (annotations.hasNonNull(key)) {
                        names.add(annotations.get(key).asText());
                    }
                }
                String digest = d.path("digest").asText();
                JsonNode doc = readJson(blobPath(digest));
                if (INDEX_TYPES.contains(d.path("mediaType").asText()) || doc.has("manifests")) {
                    collectOci(doc, names, dockerTags, images, depth + 1);
                } else {
                    images.add(ociImage(digest, doc, names, dockerTags));
                }
            }
        }

        private InspectedImage ociImage(String manifestDigest, JsonNode manifest, List<String> names,
                                        Map<String, List<String>> dockerTags) throws IOException {
            String configDigest = manifest.path("config").path("digest").asText();
            Set<String> references = new LinkedHashSet<>(names);
            references.addAll(dockerTags.getOrDefault(blobPath(configDigest), List.of()));
            List<LayerSource> layers = new ArrayList<>();
            for (JsonNode l : manifest.path("layers")) {
                String digest = l.path("digest").asText();
                layers.add(new LayerSource(blobPath(digest), digest, l.path("mediaType").asText(), l.path("size").asLong(-1)));
            }
            return image(new ArrayList<>(references), manifestDigest, configDigest, blobPath(configDigest), layers);
        }

        private InspectedImage dockerImage(JsonNode entry) throws IOException {
            String configPath = entry.path("Config").asText();
            List<String> tags = new ArrayList<>();
            entry.path("RepoTags").forEach(t -> tags.add(t.asText()));
            List<LayerSource> layers = new ArrayList<>();
            for (JsonNode l : entry.path("Layers")) {
                layers.add(new LayerSource(l.asText(), null, "", -1));
            }
            return image(tags, "", "sha256:" + sha256(configPath), configPath, layers);
        }

        private InspectedImage image(List<String> references, String manifestDigest, String configDigest,
                                     String configPath, List<LayerSource> sources) throws IOException {
            JsonNode config = readJson(configPath);
            JsonNode rt = config.path("config");
            List<String> warnings = new ArrayList<>();
            List<JsonNode> history = new ArrayList<>();
            config.path("history").forEach(h -> {
                if (!h.path("empty_layer").asBoolean(false)) {
                    history.add(h);
                }
            });
            List<String> diffIds = texts(config.path("rootfs").path("diff_ids"));
            if (history.size() != sources.size() && !history.isEmpty()) {
                warnings.add("the config has " + history.size() + " history entries with a layer for "
                        + sources.size() + " layers");
            }
            if (diffIds.size() != sources.size()) {
                warnings.add("the config lists " + diffIds.size() + " diff_ids for " + sources.size() + " layers");
            }
            List<InspectedLayer> layers = new ArrayList<>();
            DpkgStatus status = DpkgStatus.NONE;
            for (int i = 0; i < sources.size(); i++) {
                JsonNode h = i < history.size() ? history.get(i) : null;
                LayerScan scan = scanLayer(sources.get(i), i + 1, status, warnings);
                if (i < diffIds.size() && !diffIds.get(i).equals(scan.diffId)) {
                    warnings.add("layer " + (i + 1) + ": the config's diff_id " + diffIds.get(i)
                            + " differs from the layer's content, " + scan.diffId);
                }
                Changes changes = changes(status, scan.status);
                status = scan.status;
                layers.add(new InspectedLayer(i + 1, scan.digest, scan.diffId, sources.get(i).mediaType, scan.compressed,
                        scan.uncompressed, h == null ? "" : h.path("created_by").asText(""),
                        h == null ? "" : h.path("comment").asText(""), scan.entries, scan.whiteouts, scan.opaque,
                        changes.added, changes.removed, changes.changed));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            rt.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return new InspectedImage(references, manifestDigest, configDigest, config.path("architecture").asText(""),
                    config.path("os").asText(""), config.path("created").asText(""), config.path("author").asText(""),
                    rt.path("User").asText(""), texts(rt.path("Entrypoint")), texts(rt.path("Cmd")), texts(rt.path("Env")),
                    rt.path("WorkingDir").asText(""), keys(rt.path("ExposedPorts")), keys(rt.path("Volumes")), labels,
                    rt.path("StopSignal").asText(""), layers, warnings);
        }

        private LayerScan scanLayer(LayerSource source, int index, DpkgStatus below, List<String> warnings)
                throws IOException {
            TarArchiveEntry entry = file(source.path);
            MessageDigest sha = sha256Digest();
            LayerScan scan = new LayerScan();
            String origin = archive + " layer " + index + " (" + source.path + ")";
            byte[] status = null;
            boolean statusDeleted = false;
            try (InputStream raw = tar.getInputStream(entry);
                 DigestInputStream digesting = new DigestInputStream(raw, sha);
                 LayerTarReader reader = LayerTarReader.open(new NonClosing(digesting), origin)) {
                TreeEntry e;
                while ((e = reader.next()) != null) {
                    scan.entries++;
                    if (LayerTarReader.isOpaqueWhiteout(e)) {
                        String dir = LayerTarReader.whitedOutPath(e);
                        scan.opaque.add(dir);
                        statusDeleted |= isAtOrAbove(dir, STATUS) && !dir.equals(STATUS);
                    } else if (LayerTarReader.isWhiteoutMetadata(e)) {
                        continue;
                    } else if (LayerTarReader.isWhiteout(e)) {
                        String deleted = LayerTarReader.whitedOutPath(e);
                        scan.whiteouts.add(deleted);
                        statusDeleted |= isAtOrAbove(deleted, STATUS);
                    } else if (e.path().equals(STATUS) && e.type() == EntryType.FILE) {
                        if (e.size() > MAX_STATUS) {
                            throw new EngineException(origin + ": " + STATUS + " is " + e.size()
                                    + " bytes, too large to be a dpkg status file");
                        }
                        status = reader.content().readNBytes((int) e.size());
                    }
                }
                scan.uncompressed = reader.uncompressedSize();
                scan.diffId = reader.diffId().toString();
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            scan.compressed = entry.getSize();
            scan.digest = "sha256:" + HexFormat.of().formatHex(sha.digest());
            if (source.claimedDigest != null && !source.claimedDigest.equals(scan.digest)) {
                warnings.add("layer " + index + ": the manifest says " + source.claimedDigest + " but the blob hashes to "
                        + scan.digest);
            }
            if (source.claimedSize >= 0 && source.claimedSize != scan.compressed) {
                warnings.add("layer " + index + ": the manifest says " + source.claimedSize + " bytes but the blob has "
                        + scan.compressed);
            }
            scan.status = status != null ? DpkgStatus.parse(status, origin + " " + STATUS)
                    : statusDeleted ? DpkgStatus.NONE : below;
            return scan;
        }

        private TarArchiveEntry file(String path) {
            TarArchiveEntry e = files.get(path);
            if (e == null) {
                throw new EngineException(archive + ": '" + path + "', named by the image's manifest, is missing from"
                        + " the archive; the archive is incomplete");
            }
            return e;
        }

        private JsonNode readJson(String path) throws IOException {
            TarArchiveEntry e = file(path);
            if (e.getSize() > MAX_JSON) {
                throw new EngineException(archive + ": '" + path + "' is " + e.getSize()
                        + " bytes, too large for an image document");
            }
            try (InputStream in = tar.getInputStream(e)) {
                return json.readTree(in);
            } catch (com.fasterxml.jackson.core.JacksonException bad) {
                throw new EngineException(archive + ": '" + path + "' is not valid JSON: " + bad.getOriginalMessage(), bad);
            }
        }

        private String sha256(String path) throws IOException {
            MessageDigest sha = sha256Digest();
            try (InputStream in = new DigestInputStream(tar.getInputStream(file(path)), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        }

        private String blobPath(String digest) {
            int colon = digest.indexOf(':');
            if (colon <= 0 || digest.indexOf('/') >= 0 || digest.contains("..")) {
                throw new EngineException(archive + ": '" + digest + "' is not a valid digest (descriptor.md)");
            }
            return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
        }
    }

    private static boolean isAtOrAbove(String path, String target) {
        return target.equals(path) || path.equals(TreePaths.ROOT) || target.startsWith(path + "/");
    }

    private record Changes(List<DpkgPackage> added, List<DpkgPackage> removed, List<PackageChange> changed) {
    }

    private static Changes changes(DpkgStatus before, DpkgStatus after) {
        List<DpkgPackage> added = new ArrayList<>();
        List<DpkgPackage> removed = new ArrayList<>();
        List<PackageChange> changed = new ArrayList<>();
        for (DpkgPackage p : after.packages().values()) {
            DpkgPackage old = before.packages().get(p.key());
            if (old == null) {
                added.add(p);
            } else if (!old.version().equals(p.version())) {
                changed.add(new PackageChange(p.name(), p.architecture(), old.version(), p.version()));
            }
        }
        for (DpkgPackage p : before.packages().values()) {
            if (!after.packages().containsKey(p.key())) {
                removed.add(p);
            }
        }
        return new Changes(added, removed, changed);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where a layer's bytes are and what the manifest claims about them. */
    private record LayerSource(String path, String claimedDigest, String mediaType, long claimedSize) {
    }

    /** What reading one layer found. */
    private static final class LayerScan {
        long entries;
        long compressed;
        long uncompressed;
        String digest;
        String diffId;
        final List<String> whiteouts = new ArrayList<>();
        final List<String> opaque = new ArrayList<>();
        DpkgStatus status;
    }

    /** Lets the layer reader close its streams without closing the digest stream still to be drained. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller drains and closes the stream underneath
        }
    }
}
