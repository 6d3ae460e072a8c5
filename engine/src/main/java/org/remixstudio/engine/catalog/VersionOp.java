package org.remixstudio.engine.catalog;

/** A version relation operator of Debian policy §7.1 ({@code << <= = >= >>}). */
public enum VersionOp {
    LT("<<"), LE("<="), EQ("="), GE(">="), GT(">>");

    private final String symbol;

    VersionOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Does {@code candidate} satisfy {@code candidate OP bound}? */
    public boolean test(DebVersion candidate, DebVersion bound) {
        int c = candidate.compareTo(bound);
        return switch (this) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
            case GE -> c >= 0;
            case GT -> c > 0;
        };
    }

    /**
     * Parses an operator; the obsolete {@code <} and {@code >} mean {@code <=} and {@code >=}
     * (policy §7.1).
     */
    public static VersionOp parse(String s) {
        return switch (s) {
            case "<<" -> LT;
            case "<=", "<" -> LE;
            case "=" -> EQ;
            case ">=", ">" -> GE;
            case ">>" -> GT;
            default -> throw new IllegalArgumentException("unknown version operator '" + s + "'");
        };
    }
}
