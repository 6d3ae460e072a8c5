package org.remixstudio.engine.spec;

import org.remixstudio.engine.resolve.BaseVariant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documentation's promises: every example in docs/examples reads, the JSON Schema
 * (docs/remix-spec.schema.json, draft 2020-12) accepts every example and what the writer writes, and
 * schema and reader both refuse malformed specs.
 */
class RemixSpecExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;
    private final RemixSpecReader reader = new RemixSpecReader();

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode schemaNode = JSON.readTree(Files.readString(DocsFiles.schema()));
        assertThat(schemaNode.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    private static List<Error> schemaErrors(String json) throws IOException {
        return schema.validate(JSON.readTree(json));
    }

    @Test
    void theThreeDocumentedExamplesExist() throws IOException {
        assertThat(DocsFiles.examples()).extracting(p -> p.getFileName().toString()).contains(
                "minimal-bookworm.remix.json", "trixie-web.remix.json", "two-layers-remove.remix.json");
    }

    @Test
    void everyExample_readsWithTheReader() throws IOException {
        for (Path example : DocsFiles.examples()) {
            RemixSpec spec = reader.read(example);
            assertThat(spec.name() + ".remix.json").isEqualTo(example.getFileName().toString());
        }
    }

    @Test
    void examples_sayWhatTheDocsSay() {
        RemixSpec minimal = reader.read(DocsFiles.example("minimal-bookworm.remix.json"));
        assertThat(minimal.suite()).isEqualTo("bookworm");
        assertThat(minimal.variant()).isEqualTo(BaseVariant.MINBASE);
        assertThat(minimal.layers()).singleElement().satisfies(l -> assertThat(l.add()).containsExactly(PackageRef.of("ca-certificates")));

        RemixSpec web = reader.read(DocsFiles.example("trixie-web.remix.json"));
        assertThat(web.suite()).isEqualTo("trixie");
        assertThat(web.layers()).singleElement().satisfies(l -> assertThat(l.add()).containsExactly(PackageRef.of("nginx")));
        assertThat(web.container().exposedPorts()).containsExactly("80/tcp");

        RemixSpec two = reader.read(DocsFiles.example("two-layers-remove.remix.json"));
        assertThat(two.suite()).isEqualTo("bookworm");
        assertThat(two.layers()).hasSize(2);
        assertThat(two.layers().get(0).add()).containsExactly(PackageRef.of("curl"), PackageRef.of("less"));
        assertThat(two.layers().get(1).remove()).containsExactly("less");
    }

    @Test
    void everyExample_validatesAgainstTheSchema() throws IOException {
        for (Path example : DocsFiles.examples()) {
            assertThat(schemaErrors(Files.readString(example))).as(example.toString()).isEmpty();
        }
    }

    @Test
    void theMinimalSpecAndTheWritersOutput_validateAgainstTheSchema() throws IOException {
        String minimal = "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\"}";
        assertThat(schemaErrors(minimal)).isEmpty();
        assertThat(schemaErrors(new RemixSpecWriter().toJson(reader.read(minimal, "m")))).isEmpty();
        assertThat(schemaErrors(spec("\"container\": {\"env\": [\"A=1\"], \"exposedPorts\": [\"80\"], \"workdir\": \"/\"},"
                + " \"sources\": [{\"uris\": [\"file:///srv/r/\"], \"suites\": [\"./\"]}]"))).isEmpty();
    }

    private static String spec(String extra) {
        return "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", " + extra + "}";
    }

    /** Malformed specs that both the schema and the reader refuse. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"specVersion\": 1, \"name\": \"m\"}",
        "{\"specVersion\": 2, \"name\": \"m\", \"suite\": \"bookworm\"}",
        "{\"specVersion\": 1, \"name\": \"Upper\", \"suite\": \"bookworm\"}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"layres\": []}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"layers\": [{\"name\": \"a\", \"add\": [42]}]}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"layers\": [{\"name\": \"a\", \"add\": [\"Nginx\"]}]}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"layers\": [{\"add\": [\"nginx\"]}]}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"layers\": [{\"name\": \"base\"}]}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"variant\": \"minimal\"}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"architecture\": \"amd46\"}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"sources\": \"sytem\"}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"sources\": []}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"sources\": [{\"suites\": [\"bookworm\"]}]}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"files\": [{\"path\": \"/etc/x\", \"mode\": 644, \"content\": \"\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"files\": [{\"path\": \"/etc/../x\", \"content\": \"\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"files\": [{\"path\": \"etc/x\", \"content\": \"\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"files\": [{\"path\": \"/etc/x\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"files\": [{\"path\": \"/etc/x\", \"content\": \"a\", \"contentBase64\": \"YQ==\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"users\": [{\"name\": \"Bob\", \"uid\": 1000}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"users\": [{\"name\": \"bob\", \"uid\": 1000, \"passwordHash\": \"secret\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"customizations\": {\"users\": [{\"name\": \"bob\"}]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"container\": {\"exposedPorts\": [\"80/http\"]}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"container\": {\"env\": {\"PORT\": 80}}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"container\": {\"cmd\": \"nginx\"}}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"timestamp\": -5}",
        "{\"specVersion\": 1, \"name\": \"m\", \"suite\": \"bookworm\", \"description\": null}"
    })
    void malformedSpec_isRefusedByTheSchemaAndTheReader(String json) throws IOException {
        assertThat(schemaErrors(json)).as("schema errors for %s", json).isNotEmpty();
        assertThat(reader.problems(json, "m.remix.json")).as("reader problems for %s", json).isNotEmpty();
    }
}
