package org.remixstudio.engine.spec;

/**
 * A spec together with the file it was read from and where each of its values stands in that file,
 * so checks made after reading (such as {@link PackageNameChecker}) can still name line and column.
 */
public final class LoadedSpec {

    private final RemixSpec spec;
    private final JsonDocument document;

    LoadedSpec(RemixSpec spec, JsonDocument document) {
        this.spec = spec;
        this.document = document;
    }

    public RemixSpec spec() {
        return spec;
    }

    /** The file (or other input) as named in errors. */
    public String source() {
        return document.source();
    }

    /** A problem at {@code path}, with the line and column of that value (or its nearest parent). */
    public SpecProblem problemAt(String path, String message) {
        JsonDocument.Position at = document.positionOf(path);
        return new SpecProblem(path, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message);
    }
}
