package org.remixstudio.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official SBOM JSON schemas kept under {@code src/test/resources/sbom-schemas} (see the README
 * there for where each came from), with the CycloneDX schema's relative references
 * ({@code spdx.schema.json}, {@code jsf-0.82.schema.json}) resolved to the copies beside it, never
 * fetched from the network.
 */
public final class SbomSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "classpath:sbom-schemas/";

    private static final Schema SPDX = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
            .getSchema(SchemaLocation.of(DIR + "spdx-schema.json"));
    private static final Schema CYCLONEDX = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaIdResolvers(r -> r.mapPrefix("http://cyclonedx.org/schema/", DIR)))
            .getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"));

    private SbomSchemas() {
    }

    /** Schema errors of an SPDX 2.3 JSON document; empty when valid. */
    public static List<Error> spdx(byte[] document) {
        return SPDX.validate(read(document));
    }

    /** Schema errors of a CycloneDX 1.6 JSON BOM; empty when valid. */
    public static List<Error> cycloneDx(byte[] document) {
        return CYCLONEDX.validate(read(document));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(byte[] document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
