package org.remixstudio.engine.spec;

import java.util.regex.Pattern;

/**
 * Builds the JSON paths named in errors, in the common JSONPath notation ({@code $.layers[1].add[0]},
 * with {@code ['...']} for member names that are not plain identifiers).
 */
final class JsonPaths {

    static final String ROOT = "$";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String member(String parent, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
