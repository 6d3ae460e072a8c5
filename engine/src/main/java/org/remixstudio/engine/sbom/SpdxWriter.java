package org.remixstudio.engine.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link ImageSbom} as an SPDX 2.3 JSON document (SPDX specification 2.3: clause 6 document
 * creation information, clause 7 package information, clause 10 other licensing information, clause 11
 * relationships; JSON serialization per annex and {@code spdx-schema.json}).
 *
 * <ul>
 *   <li>The image is a package ({@code SPDXRef-Image}, purpose {@code CONTAINER}) the document
 *       {@code DESCRIBES}; it {@code CONTAINS} every Debian package; the signed Release files are its
 *       external references (category {@code OTHER}, type {@code debian-release}, locator the Release
 *       directory, the SHA-256 in the comment, since a locator cannot carry a digest).</li>
 *   <li>Each Debian package: name, {@code versionInfo}, {@code supplier} from the Maintainer, the
 *       {@code .deb} URL as {@code downloadLocation}, its SHA-256 checksum, declared and concluded
 *       license, the source package in {@code sourceInfo}, the purl as a {@code PACKAGE-MANAGER}
 *       reference; {@code DEPENDS_ON} relationships from its resolved dependencies.</li>
 *   <li>{@code LicenseRef-} identifiers used in license expressions are defined in
 *       {@code hasExtractedLicensingInfos}, as clause 10 requires.</li>
 * </ul>
 * The document namespace ends in the document's content UUID, so equal content gives equal bytes.
 */
public final class SpdxWriter {

    /** Where namespaces of documents made by tools without a web site of their own live (SPDX's own convention). */
    static final String NAMESPACE_BASE = "https://spdx.org/spdxdocs/remix-studio/";
    static final String IMAGE_ID = "SPDXRef-Image";
    private static final Pattern LICENSE_REF = Pattern.compile("LicenseRef-[A-Za-z0-9.\\-]+");
    private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9.\\-]");

    public byte[] write(ImageSbom sbom) {
        ObjectNode doc = SbomJson.object();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", sbom.name() + ":" + sbom.version());
        doc.put("documentNamespace", NAMESPACE_BASE + ID_CHARS.matcher(sbom.name()).replaceAll("-") + "-"
                + sbom.contentUuid());
        ObjectNode creation = doc.putObject("creationInfo");
        creation.put("created", sbom.created().truncatedTo(ChronoUnit.SECONDS).toString());
        creation.putArray("creators").add("Tool: remix-studio-" + sbom.toolVersion());
        creation.put("comment", "Debian packages of image " + sbom.name() + ":" + sbom.version() + " ("
                + sbom.architecture() + ", " + sbom.distro() + "), as resolved from the signed package indexes.");

        ArrayNode packages = doc.putArray("packages");
        packages.add(imagePackage(sbom));
        Map<String, String> ids = new TreeMap<>();
        for (SbomPackage p : sbom.packages()) {
            ids.put(p.key(), spdxId(p));
        }
        TreeSet<String> licenseRefs = new TreeSet<>();
        for (SbomPackage p : sbom.packages()) {
            packages.add(debPackage(p, ids.get(p.key())));
            collectRefs(p.license().declared(), licenseRefs);
            collectRefs(p.license().concluded(), licenseRefs);
        }
        if (!licenseRefs.isEmpty()) {
            ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
            for (String ref : licenseRefs) {
                ObjectNode info = extracted.addObject();
                info.put("licenseId", ref);
                info.put("name", ref.substring("LicenseRef-".length()));
                info.put("extractedText", "The license named " + ref.substring("LicenseRef-".length())
                        + " in the packages' copyright files (/usr/share/doc/PACKAGE/copyright in the image);"
                        + " it has no SPDX License List identifier.");
            }
        }

        ArrayNode relationships = doc.putArray("relationships");
        relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", IMAGE_ID);
        for (SbomPackage p : sbom.packages()) {
            relationship(relationships, IMAGE_ID, "CONTAINS", ids.get(p.key()));
        }
        for (SbomPackage p : sbom.packages()) {
            for (String dep : p.dependsOn()) {
                String target = ids.get(dep);
                if (target != null) {
                    relationship(relationships, ids.get(p.key()), "DEPENDS_ON", target);
                }
            }
        }
        return SbomJson.print(doc);
    }

    private static ObjectNode imagePackage(ImageSbom sbom) {
        ObjectNode image = SbomJson.object();
        image.put("SPDXID", IMAGE_ID);
        image.put("name", sbom.name());
        image.put("versionInfo", sbom.version());
        image.put("primaryPackagePurpose", "CONTAINER");
        image.put("downloadLocation", SbomLicense.NOASSERTION);
        image.put("filesAnalyzed", false);
        image.put("licenseConcluded", SbomLicense.NOASSERTION);
        image.put("licenseDeclared", SbomLicense.NOASSERTION);
        image.put("copyrightText", SbomLicense.NOASSERTION);
        image.put("comment", "Image for " + sbom.architecture() + " built by remix-studio from Debian packages ("
                + sbom.distro() + ")");
        if (!sbom.releases().isEmpty()) {
            ArrayNode refs = image.putArray("externalRefs");
            for (SbomRelease r : sbom.releases()) {
                ObjectNode ref = refs.addObject();
                ref.put("referenceCategory", "OTHER");
                ref.put("referenceType", "debian-release");
                ref.put("referenceLocator", r.releaseDirectory().replace(" ", "%20"));
                ref.put("comment", "suite " + r.suite() + ", signed Release file SHA256: " + r.sha256());
            }
        }
        return image;
    }

    private static ObjectNode debPackage(SbomPackage p, String id) {
        ObjectNode pkg = SbomJson.object();
        pkg.put("SPDXID", id);
        pkg.put("name", p.name());
        pkg.put("versionInfo", p.version());
        pkg.put("supplier", p.supplier().isBlank() ? SbomLicense.NOASSERTION : Maintainer.parse(p.supplier()).spdx());
        pkg.put("downloadLocation", p.downloadLocation().isEmpty() ? SbomLicense.NOASSERTION : p.downloadLocation());
        pkg.put("filesAnalyzed", false);
        if (!p.sha256().isEmpty()) {
            ObjectNode checksum = pkg.putArray("checksums").addObject();
            checksum.put("algorithm", "SHA256");
            checksum.put("checksumValue", p.sha256());
        }
        if (!p.homepage().isEmpty()) {
            pkg.put("homepage", p.homepage());
        }
        pkg.put("sourceInfo", "built from Debian source package " + p.source() + " " + p.sourceVersion());
        pkg.put("licenseConcluded", p.license().concluded());
        pkg.put("licenseDeclared", p.license().declared());
        pkg.put("copyrightText", SbomLicense.NOASSERTION);
        if (!p.summary().isEmpty()) {
            pkg.put("summary", p.summary());
        }
        pkg.put("comment", "Debian architecture " + p.architecture());
        ObjectNode purl = pkg.putArray("externalRefs").addObject();
        purl.put("referenceCategory", "PACKAGE-MANAGER");
        purl.put("referenceType", "purl");
        purl.put("referenceLocator", p.purl());
        return pkg;
    }

    /**
     * {@code SPDXRef-deb-NAME-ARCH} with the characters SPDX identifiers lack ({@code +}, {@code ~}, …)
     * replaced by {@code -}; a name that needed replacing gets a short hash so two names cannot meet.
     */
    static String spdxId(SbomPackage p) {
        String name = ID_CHARS.matcher(p.name()).replaceAll("-");
        String id = "SPDXRef-deb-" + name + "-" + ID_CHARS.matcher(p.architecture()).replaceAll("-");
        if (!name.equals(p.name())) {
            id += "-" + shortHash(p.key());
        }
        return id;
    }

    private static String shortHash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void collectRefs(String expression, TreeSet<String> into) {
        Matcher m = LICENSE_REF.matcher(expression);
        while (m.find()) {
            into.add(m.group());
        }
    }

    private static void relationship(ArrayNode into, String from, String type, String to) {
        ObjectNode r = into.addObject();
        r.put("spdxElementId", from);
        r.put("relationshipType", type);
        r.put("relatedSpdxElement", to);
    }
}
