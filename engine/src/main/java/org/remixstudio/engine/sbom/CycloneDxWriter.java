package org.remixstudio.engine.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link ImageSbom} as a CycloneDX 1.6 JSON BOM (CycloneDX specification 1.6 and
 * {@code bom-1.6.schema.json}: {@code metadata}, {@code components}, {@code dependencies}).
 *
 * <ul>
 *   <li>The image is {@code metadata.component} (type {@code container}); the signed Release files are
 *       its {@code externalReferences} of type {@code distribution}, each with the Release file's
 *       SHA-256 in {@code hashes}.</li>
 *   <li>Each Debian package is a {@code library} component whose {@code bom-ref} is its purl: name,
 *       version, {@code supplier} from the Maintainer (the address as {@code contact.email} when it is a
 *       mailbox, else the whole field as the name), the {@code .deb}'s SHA-256 in {@code hashes},
 *       the {@code .deb} URL as a {@code distribution} reference, the homepage as {@code website}, and
 *       source package, source version and architecture as {@code remix-studio:…} properties.</li>
 *   <li>Licenses: CycloneDX allows one SPDX expression per component, so the declared expression is
 *       given with {@code acknowledgement: declared}; when only a concluded one is known it is given
 *       with {@code acknowledgement: concluded}; a concluded expression that differs from the declared
 *       one goes into the property {@code remix-studio:license:concluded}. Unknown licenses are left out
 *       rather than guessed.</li>
 *   <li>{@code dependencies}: the image depends on every package; each package on its resolved
 *       {@code Pre-Depends} and {@code Depends}.</li>
 * </ul>
 * The serial number is the document's content UUID, so equal content gives equal bytes.
 */
public final class CycloneDxWriter {

    static final String IMAGE_REF = "remix-studio-image";
    private static final String PROPERTY = "remix-studio:";

    public byte[] write(ImageSbom sbom) {
        ObjectNode bom = SbomJson.object();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        bom.put("serialNumber", "urn:uuid:" + sbom.contentUuid());
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put("timestamp", sbom.created().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "remix-studio");
        tool.put("version", sbom.toolVersion());
        metadata.set("component", imageComponent(sbom));

        Map<String, String> refs = new TreeMap<>();
        sbom.packages().forEach(p -> refs.put(p.key(), p.purl()));
        ArrayNode components = bom.putArray("components");
        for (SbomPackage p : sbom.packages()) {
            components.add(component(p));
        }
        ArrayNode dependencies = bom.putArray("dependencies");
        ObjectNode image = dependencies.addObject();
        image.put("ref", IMAGE_REF);
        ArrayNode all = image.putArray("dependsOn");
        sbom.packages().forEach(p -> all.add(p.purl()));
        for (SbomPackage p : sbom.packages()) {
            ObjectNode d = dependencies.addObject();
            d.put("ref", p.purl());
            ArrayNode on = d.putArray("dependsOn");
            p.dependsOn().stream().map(refs::get).filter(r -> r != null).forEach(on::add);
        }
        return SbomJson.print(bom);
    }

    private static ObjectNode imageComponent(ImageSbom sbom) {
        ObjectNode image = SbomJson.object();
        image.put("type", "container");
        image.put("bom-ref", IMAGE_REF);
        image.put("name", sbom.name());
        image.put("version", sbom.version());
        if (!sbom.releases().isEmpty()) {
            ArrayNode refs = image.putArray("externalReferences");
            for (SbomRelease r : sbom.releases()) {
                ObjectNode ref = refs.addObject();
                ref.put("url", r.releaseDirectory().replace(" ", "%20"));
                ref.put("comment", "signed Release file of suite " + r.suite());
                ref.put("type", "distribution");
                hash(ref.putArray("hashes"), r.sha256());
            }
        }
        ArrayNode properties = image.putArray("properties");
        property(properties, "architecture", sbom.architecture());
        property(properties, "distro", sbom.distro());
        return image;
    }

    private static ObjectNode component(SbomPackage p) {
        ObjectNode c = SbomJson.object();
        c.put("type", "library");
        c.put("bom-ref", p.purl());
        if (!p.supplier().isBlank()) {
            Maintainer m = Maintainer.parse(p.supplier());
            ObjectNode supplier = c.putObject("supplier");
            if (m.hasMailbox()) {
                supplier.put("name", m.name().isEmpty() ? m.email() : m.name());
                supplier.putArray("contact").addObject().put("email", m.email());
            } else {
                supplier.put("name", p.supplier().strip());
            }
        }
        c.put("name", p.name());
        c.put("version", p.version());
        if (!p.summary().isEmpty()) {
            c.put("description", p.summary());
        }
        if (!p.sha256().isEmpty()) {
            hash(c.putArray("hashes"), p.sha256());
        }
        SbomLicense license = p.license();
        if (license.hasDeclared() || license.hasConcluded()) {
            ObjectNode expression = c.putArray("licenses").addObject();
            expression.put("expression", license.hasDeclared() ? license.declared() : license.concluded());
            expression.put("acknowledgement", license.hasDeclared() ? "declared" : "concluded");
        }
        c.put("purl", p.purl());
        ArrayNode refs = SbomJson.array();
        if (!p.downloadLocation().isEmpty()) {
            ObjectNode deb = refs.addObject();
            deb.put("url", p.downloadLocation());
            deb.put("type", "distribution");
            if (!p.sha256().isEmpty()) {
                hash(deb.putArray("hashes"), p.sha256());
            }
        }
        if (!p.homepage().isEmpty()) {
            ObjectNode site = refs.addObject();
            site.put("url", p.homepage());
            site.put("type", "website");
        }
        if (!refs.isEmpty()) {
            c.set("externalReferences", refs);
        }
        ArrayNode properties = c.putArray("properties");
        property(properties, "debian:architecture", p.architecture());
        property(properties, "debian:source", p.source());
        property(properties, "debian:source-version", p.sourceVersion());
        if (license.hasDeclared() && license.hasConcluded() && !license.concluded().equals(license.declared())) {
            property(properties, "license:concluded", license.concluded());
        }
        return c;
    }

    private static void hash(ArrayNode into, String sha256) {
        ObjectNode h = into.addObject();
        h.put("alg", "SHA-256");
        h.put("content", sha256);
    }

    private static void property(ArrayNode into, String name, String value) {
        ObjectNode p = into.addObject();
        p.put("name", PROPERTY + name);
        p.put("value", value);
    }
}
