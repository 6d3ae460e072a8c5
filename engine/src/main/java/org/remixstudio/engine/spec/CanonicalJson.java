package org.remixstudio.engine.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one layout every file of this package is written in, so a file only changes when its content
 * does: members in the order the tree was built, two-space indent, one array element per line,
 * {@code "name": value}, {@code []} and {@code {}} for empty values, LF line ends and a final newline.
 * That is the layout of {@code JSON.stringify(value, null, 2)} and of most editors' formatters, so a
 * user's reformat does not fight ours.
 */
final class CanonicalJson {

    private final ObjectWriter writer;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    CanonicalJson() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        writer = new ObjectMapper().writer(printer);
    }

    JsonNodeFactory nodes() {
        return nodes;
    }

    String print(JsonNode tree) {
        try {
            return writer.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e); // cannot happen for a tree
        }
    }
}
