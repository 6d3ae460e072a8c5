package org.remixstudio.engine.spec;

import org.remixstudio.engine.catalog.CloseMatches;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the members of one JSON object with type and value checks, reporting every problem to the
 * {@link JsonDocument} instead of stopping at the first, so one read lists all of a file's problems.
 * A member that is missing or wrong reads as null (or an empty list), and the caller carries on.
 */
final class ObjectView {

    /** One element of a JSON array, with its path. */
    record Element(JsonNode node, String path) {
    }

    private final JsonDocument doc;
    private final JsonNode node;
    private final String path;

    private ObjectView(JsonDocument doc, JsonNode node, String path) {
        this.doc = doc;
        this.node = node;
        this.path = path;
    }

    /**
     * A view of {@code node}, or null (with a problem reported) when it is not an object. Members not
     * in {@code fields} are reported as unknown, with the closest known name as a hint.
     */
    static ObjectView of(JsonDocument doc, JsonNode node, String path, String expectation, List<String> fields) {
        if (node == null || !node.isObject()) {
            doc.report(path, "expected " + expectation + ", got " + JsonDocument.describe(node));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                List<String> close = CloseMatches.closest(name, fields, 1);
                doc.report(JsonPaths.member(path, name), "unknown field '" + name + "'"
                        + (close.isEmpty() ? "; the fields here are " + String.join(", ", fields)
                                : CloseMatches.hint(close)));
            }
        });
        return new ObjectView(doc, node, path);
    }

    JsonDocument doc() {
        return doc;
    }

    String path() {
        return path;
    }

    String path(String field) {
        return JsonPaths.member(path, field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    void report(String field, String message) {
        doc.report(path(field), path, message);
    }

    void reportMissing(String field, String expectation) {
        doc.report(path(field), path, "missing required field '" + field + "': expected " + expectation);
    }

    /** A string member; null when absent (reported if required) or wrong. */
    String string(String field, boolean required, String expectation, ValueCheck check) {
        if (!node.has(field)) {
            if (required) {
                reportMissing(field, expectation);
            }
            return null;
        }
        return text(doc, node.get(field), path(field), expectation, check);
    }

    /** A whole-number member in {@code [min, max]}; null when absent (reported if required) or wrong. */
    Long integer(String field, boolean required, String expectation, long min, long max) {
        if (!node.has(field)) {
            if (required) {
                reportMissing(field, expectation);
            }
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            doc.report(path(field), "expected " + expectation + ", got " + JsonDocument.describe(v));
            return null;
        }
        return v.asLong();
    }

    /** A boolean member, or {@code fallback} when absent or wrong. */
    boolean bool(String field, boolean fallback) {
        if (!node.has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            doc.report(path(field), "expected true or false, got " + JsonDocument.describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    /** The elements of an array member; empty when absent or not an array (then reported). */
    List<Element> elements(String field, boolean required, String expectation) {
        if (!node.has(field)) {
            if (required) {
                reportMissing(field, expectation);
            }
            return List.of();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            doc.report(path(field), "expected " + expectation + ", got " + JsonDocument.describe(v));
            return List.of();
        }
        List<Element> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(new Element(v.get(i), JsonPaths.element(path(field), i)));
        }
        return out;
    }

    /**
     * A list of strings; items that are wrong are reported and left out. With {@code unique}, an item
     * repeating an earlier one is a problem too.
     */
    List<String> strings(String field, boolean required, String expectation, String itemExpectation,
            ValueCheck check, boolean unique) {
        List<String> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Element e : elements(field, required, expectation)) {
            String s = text(doc, e.node(), e.path(), itemExpectation, check);
            if (s == null) {
                continue;
            }
            String first = seen.putIfAbsent(s, e.path());
            if (unique && first != null) {
                doc.report(e.path(), JsonDocument.quote(s) + " is listed twice (also at " + first + "): keep one");
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** A string value at {@code path}; null (reported) when not a string or when {@code check} fails. */
    static String text(JsonDocument doc, JsonNode v, String path, String expectation, ValueCheck check) {
        if (v == null || !v.isTextual()) {
            doc.report(path, "expected " + expectation + ", got " + JsonDocument.describe(v));
            return null;
        }
        String problem = check.problem(v.asText());
        if (problem != null) {
            doc.report(path, problem);
            return null;
        }
        return v.asText();
    }
}
