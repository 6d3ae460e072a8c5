package org.remixstudio.engine.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.List;

/**
 * Parses strict JSON (RFC 8259: no comments, no trailing commas, one value; a leading byte order mark
 * is skipped) into a Jackson tree,
 * recording the line and column where every value starts under its JSON path. A repeated member
 * name is a problem (RFC 8259 §4 leaves it undefined; we refuse to guess which one counts). A syntax
 * error ends parsing with one problem at the place Jackson stopped.
 */
final class LocatedJsonParser {

    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    LocatedJsonParser() {
        this.factory = JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    }

    /** Parses {@code reader}; throws {@link SpecFormatException} for invalid JSON. */
    JsonDocument parse(Reader reader, String source) throws IOException {
        JsonDocument doc = new JsonDocument(source);
        String[] at = {JsonPaths.ROOT};
        try (JsonParser p = factory.createParser(skipByteOrderMark(reader))) {
            if (p.nextToken() == null) {
                throw new SpecFormatException(source, List.of(new SpecProblem(JsonPaths.ROOT, 1, 1,
                        "the file is empty: expected a JSON object")));
            }
            doc.setRoot(value(p, JsonPaths.ROOT, null, doc, at));
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SpecFormatException(source, List.of(new SpecProblem(JsonPaths.ROOT, l.getLineNr(),
                        l.getColumnNr(), "more text after the end of the JSON value: a file holds exactly one object")));
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new SpecFormatException(source, List.of(new SpecProblem(at[0],
                    l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage())));
        }
        return doc;
    }

    /** Some editors start UTF-8 files with U+FEFF; it is not JSON (RFC 8259 §8.1) but harmless, so skip it. */
    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    private JsonNode value(JsonParser p, String path, String parent, JsonDocument doc, String[] at) throws IOException {
        at[0] = path;
        JsonLocation l = p.currentTokenLocation();
        doc.recordPosition(path, parent, new JsonDocument.Position(l.getLineNr(), l.getColumnNr()));
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String childPath = JsonPaths.member(path, name);
                    JsonLocation nameAt = p.currentTokenLocation();
                    p.nextToken();
                    if (o.has(name)) {
                        // The repeated value is parsed aside so the first one keeps its positions.
                        value(p, childPath, path, new JsonDocument(doc.source()), at);
                        doc.problems().add(new SpecProblem(childPath, nameAt.getLineNr(), nameAt.getColumnNr(),
                                "'" + name + "' appears twice in this object: keep one"));
                    } else {
                        o.set(name, value(p, childPath, path, doc, at));
                    }
                    at[0] = path;
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, JsonPaths.element(path, i++), path, doc, at));
                    at[0] = path;
                }
                return a;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + t + " at " + path);
        }
    }
}
