package org.remixstudio.engine.spec;

import java.util.Objects;

/**
 * One difference between a lock file and a fresh resolution of its spec.
 *
 * @param kind    what moved
 * @param layer   the layer concerned, or empty for spec and Release changes
 * @param subject the package ({@code name:arch}), Release ({@code uri suite}) or layer name
 * @param before  the locked value (version, digest), or empty when added
 * @param after   the fresh value, or empty when removed
 */
public record LockChange(Kind kind, String layer, String subject, String before, String after) {

    /** What moved. */
    public enum Kind {
        /** The spec itself changed since the lock was made. */
        SPEC_CHANGED,
        RELEASE_ADDED,
        RELEASE_REMOVED,
        /** The archive published a new Release file for a suite. */
        RELEASE_CHANGED,
        LAYER_ADDED,
        LAYER_REMOVED,
        PACKAGE_ADDED,
        PACKAGE_REMOVED,
        VERSION_CHANGED,
        /** Same name, version and architecture, but a different {@code .deb}: the archive rebuilt it. */
        DEB_CHANGED
    }

    public LockChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** One line for the user, e.g. {@code layer web: nginx (amd64) 1.22.1-9 -> 1.22.1-9+deb12u1}. */
    public String describe() {
        String in = layer.isEmpty() ? "" : "layer " + layer + ": ";
        return switch (kind) {
            case SPEC_CHANGED -> "the spec changed since the lock was made (sha256 " + shortDigest(before)
                    + " -> " + shortDigest(after) + ")";
            case RELEASE_ADDED -> "Release " + subject + " is used now but was not locked";
            case RELEASE_REMOVED -> "Release " + subject + " was locked but is not used now";
            case RELEASE_CHANGED -> "Release " + subject + " changed (sha256 " + shortDigest(before) + " -> "
                    + shortDigest(after) + "): the archive was updated";
            case LAYER_ADDED -> "layer " + subject + " is new";
            case LAYER_REMOVED -> "layer " + subject + " is gone";
            case PACKAGE_ADDED -> in + "+ " + packageLabel() + " " + after;
            case PACKAGE_REMOVED -> in + "- " + packageLabel() + " " + before;
            case VERSION_CHANGED -> in + packageLabel() + " " + before + " -> " + after;
            case DEB_CHANGED -> in + packageLabel() + " same version, different .deb (sha256 " + shortDigest(before)
                    + " -> " + shortDigest(after) + ")";
        };
    }

    /** {@code name (arch)} from {@code name:arch}. */
    private String packageLabel() {
        int colon = subject.lastIndexOf(':');
        return colon < 0 ? subject : subject.substring(0, colon) + " (" + subject.substring(colon + 1) + ")";
    }

    private static String shortDigest(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }

    @Override
    public String toString() {
        return describe();
    }
}
