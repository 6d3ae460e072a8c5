package org.remixstudio.engine.resolve;

/**
 * Why a package is in a resolution.
 *
 * @param kind     what brought it in
 * @param parent   for {@link Kind#DEPENDENCY}, the package whose relation pulled it in; otherwise empty
 * @param relation for {@link Kind#DEPENDENCY}, the relation as the control file has it, e.g.
 *                 {@code Depends: usrmerge | usr-is-merged}; for {@link Kind#BASE}, what made it part
 *                 of the base, e.g. {@code Essential: yes}
 */
public record Reason(Kind kind, String parent, String relation) {

    /** What brought a package in. */
    public enum Kind { REQUESTED, BASE, DEPENDENCY }

    public static Reason requested() {
        return new Reason(Kind.REQUESTED, "", "");
    }

    public static Reason base(String why) {
        return new Reason(Kind.BASE, "", why);
    }

    public static Reason dependency(String parent, String relation) {
        return new Reason(Kind.DEPENDENCY, parent, relation);
    }

    /** One line for people, e.g. "dependency of init-system-helpers via `Depends: usrmerge | usr-is-merged`". */
    public String describe() {
        return switch (kind) {
            case REQUESTED -> "requested";
            case BASE -> "part of the base (" + relation + ")";
            case DEPENDENCY -> "dependency of " + parent + " via `" + relation + "`";
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
