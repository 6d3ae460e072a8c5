package org.remixstudio.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON file that remembers where each value started, and the problems found in it so far.
 * Jackson's tree model drops token locations, so {@link LocatedJsonParser} records them by JSON path
 * while it builds the tree; errors found later can then name line and column.
 */
final class JsonDocument {

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    private final String source;
    private JsonNode root;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final List<SpecProblem> problems = new ArrayList<>();

    JsonDocument(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    JsonNode root() {
        return root;
    }

    void setRoot(JsonNode root) {
        this.root = root;
    }

    void recordPosition(String path, String parent, Position position) {
        positions.put(path, position);
        if (parent != null) {
            parents.put(path, parent);
        }
    }

    /** Reports a problem at {@code path}, positioned at that value or, if absent, its nearest parent. */
    void report(String path, String message) {
        Position at = positionOf(path);
        problems.add(new SpecProblem(path, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
    }

    /** Reports a problem about member {@code path} of the object at {@code objectPath}. */
    void report(String path, String objectPath, String message) {
        Position at = positions.containsKey(path) ? positions.get(path) : positionOf(objectPath);
        problems.add(new SpecProblem(path, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
    }

    Position positionOf(String path) {
        for (String p = path; p != null; p = parents.get(p)) {
            Position at = positions.get(p);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    List<SpecProblem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws every problem found, in the order they stand in the file (so a fix goes top to bottom). */
    void throwIfProblems() {
        if (!problems.isEmpty()) {
            List<SpecProblem> inFileOrder = new ArrayList<>(problems);
            inFileOrder.sort(Comparator.comparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column));
            throw new SpecFormatException(source, inFileOrder);
        }
    }

    /** How a value is named in "expected ..., got ..." messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "the string " + quote(node.asText());
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A value as quoted in messages, shortened when long. */
    static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
