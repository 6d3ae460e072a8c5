package org.remixstudio.engine.sbom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an image holds, as both SBOM writers take it: the image (the SBOM's described root), its
 * packages sorted by name and architecture, and the signed Release files they came from sorted by URI
 * and suite. Sorting here is what makes two SBOMs of the same image byte-identical.
 *
 * @param name         the image name (the spec's name)
 * @param version      the image version or tag, e.g. {@code latest}
 * @param architecture the image's Debian architecture
 * @param distro       the purl {@code distro} qualifier, e.g. {@code debian-12} or {@code debian-sid}
 * @param created      the creation time written into the documents (the build's fixed time when reproducible)
 * @param toolVersion  the version of the creating tool (remix-studio), e.g. {@code 0.1.0}
 */
public record ImageSbom(String name, String version, String architecture, String distro, Instant created,
                        String toolVersion, List<SbomPackage> packages, List<SbomRelease> releases) {

    private static final Comparator<SbomPackage> PACKAGE_ORDER =
            Comparator.comparing(SbomPackage::name).thenComparing(SbomPackage::architecture);
    private static final Comparator<SbomRelease> RELEASE_ORDER =
            Comparator.comparing(SbomRelease::uri).thenComparing(SbomRelease::suite);
    /** The namespace of the name-based UUIDs of SBOM documents (itself a fixed random UUID). */
    private static final UUID NAMESPACE = UUID.fromString("3f5e0c1a-7f3b-4b64-9d1e-6a2f0f6e2b91");

    public ImageSbom {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(distro, "distro");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(toolVersion, "toolVersion");
        packages = packages.stream().sorted(PACKAGE_ORDER).toList();
        releases = releases.stream().sorted(RELEASE_ORDER).distinct().toList();
        List<String> keys = new ArrayList<>();
        for (SbomPackage p : packages) {
            if (!keys.isEmpty() && keys.get(keys.size() - 1).equals(p.key())) {
                throw new IllegalArgumentException("package " + p.key() + " is listed twice");
            }
            keys.add(p.key());
        }
    }

    /**
     * A name-based UUID (RFC 4122 §4.3, version 5) of everything the documents say, so a document's
     * identity (SPDX namespace, CycloneDX serial number) changes exactly when its content does.
     */
    public UUID contentUuid() {
        StringBuilder text = new StringBuilder();
        text.append(name).append('\n').append(version).append('\n').append(architecture).append('\n')
                .append(distro).append('\n').append(created).append('\n').append(toolVersion).append('\n');
        for (SbomPackage p : packages) {
            text.append(p).append('\n');
        }
        for (SbomRelease r : releases) {
            text.append(r).append('\n');
        }
        return nameUuid(text.toString());
    }

    static UUID nameUuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            String hex = HexFormat.of().formatHex(hash, 0, 16);
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (56 - 8 * i));
            out[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return out;
    }
}
