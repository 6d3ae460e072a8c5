package org.remixstudio.engine.export.oci;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON documents of one image, serialized once so that every writer stores the same bytes:
 * config (config.md), manifest (manifest.md), {@code index.json} and {@code oci-layout}
 * (image-layout.md), and Docker's {@code manifest.json} and {@code repositories}.
 */
final class ImageDocuments {

    /** Annotation naming a manifest inside an image layout (annotations.md). */
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    static final String CREATED = "org.opencontainers.image.created";

    final byte[] ociLayout;
    final byte[] config;
    final Digest configDigest;
    final byte[] manifest;
    final Digest manifestDigest;
    final byte[] index;
    final byte[] dockerManifest;
    final byte[] repositories;
    /** Layers to store as blobs, each digest once, in image order. */
    final List<LayerBlob> blobs;

    ImageDocuments(ImageSpec spec) {
        OciJson json = new OciJson();
        String created = DateTimeFormatter.ISO_INSTANT.format(spec.created());

        List<String> diffIds = new ArrayList<>();
        List<OciImageConfig.History> history = new ArrayList<>();
        List<OciDescriptor> layerDescriptors = new ArrayList<>();
        Map<Digest, LayerBlob> unique = new LinkedHashMap<>();
        for (ImageLayer layer : spec.layers()) {
            LayerBlob blob = layer.blob();
            diffIds.add(blob.diffId().toString());
            history.add(new OciImageConfig.History(created, layer.createdBy(), null,
                    layer.comment().isEmpty() ? null : layer.comment(), false));
            layerDescriptors.add(OciDescriptor.of(blob.mediaType(), blob.digest(), blob.size()));
            unique.putIfAbsent(blob.digest(), blob);
        }
        blobs = List.copyOf(unique.values());

        RuntimeConfig rt = spec.runtime();
        Map<String, Map<String, Object>> ports = new TreeMap<>();
        rt.exposedPorts().forEach(p -> ports.put(p, Map.of()));
        OciImageConfig.Config runtime = new OciImageConfig.Config(rt.user(), ports, rt.env(), rt.entrypoint(),
                rt.cmd(), null, rt.workingDir(), rt.labels(), rt.stopSignal());
        config = json.write(new OciImageConfig(created, null, spec.architecture(), spec.os(), null, runtime,
                new OciImageConfig.RootFs("layers", diffIds), history));
        configDigest = Digest.of(config);

        Map<String, String> manifestAnnotations = new TreeMap<>(spec.annotations());
        manifestAnnotations.putIfAbsent(CREATED, created);
        manifest = json.write(new OciManifest(2, MediaTypes.IMAGE_MANIFEST,
                OciDescriptor.of(MediaTypes.IMAGE_CONFIG, configDigest, config.length), layerDescriptors,
                manifestAnnotations));
        manifestDigest = Digest.of(manifest);

        String reference = spec.reference().toString();
        OciDescriptor manifestDescriptor = new OciDescriptor(MediaTypes.IMAGE_MANIFEST, manifestDigest.toString(),
                manifest.length, Map.of(REF_NAME, reference),
                new OciDescriptor.OciPlatform(spec.architecture(), spec.os(), null));
        index = json.write(new OciIndex(2, MediaTypes.IMAGE_INDEX, List.of(manifestDescriptor), null));
        ociLayout = json.write(OciLayout.V1);

        List<String> layerPaths = spec.layers().stream().map(l -> l.blob().digest().blobPath()).toList();
        dockerManifest = json.write(List.of(new DockerManifestEntry(configDigest.blobPath(), List.of(reference),
                layerPaths)));
        repositories = json.write(Map.of(spec.reference().name(), Map.of(spec.reference().tag(), topLayerId(spec))));
    }

    /**
     * The legacy layer ID {@code repositories} maps the tag to. Readers use {@code manifest.json} when it
     * is present, so this only needs to be stable: it is the image-spec ChainID of the top layer
     * (config.md "Layer ChainID").
     */
    private static String topLayerId(ImageSpec spec) {
        Digest chain = null;
        for (ImageLayer layer : spec.layers()) {
            Digest diffId = layer.blob().diffId();
            chain = chain == null ? diffId
                    : Digest.of((chain + " " + diffId).getBytes(StandardCharsets.US_ASCII));
        }
        return chain.hex();
    }
}
