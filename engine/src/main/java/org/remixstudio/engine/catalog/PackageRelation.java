package org.remixstudio.engine.catalog;

/**
 * One alternative of a relationship field: {@code name[:arch] [(op version)]}, e.g.
 * {@code libc6 (>= 2.34)} or {@code python3:any}.
 *
 * @param name          the package (or virtual package) name
 * @param archQualifier {@code null}, {@code any}, {@code native} or an architecture name
 * @param op            the version operator, or {@code null} for an unversioned relation
 * @param version       the version bound, {@code null} exactly when {@code op} is
 */
public record PackageRelation(String name, String archQualifier, VersionOp op, DebVersion version) {

    public static PackageRelation unversioned(String name) {
        return new PackageRelation(name, null, null, null);
    }

    public boolean isVersioned() {
        return op != null;
    }

    /** Whether a package (or provided) version satisfies the version part of this relation. */
    public boolean acceptsVersion(DebVersion candidate) {
        return op == null || (candidate != null && op.test(candidate, version));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        if (archQualifier != null) {
            sb.append(':').append(archQualifier);
        }
        if (op != null) {
            sb.append(" (").append(op.symbol()).append(' ').append(version).append(')');
        }
        return sb.toString();
    }
}
