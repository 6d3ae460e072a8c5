package org.remixstudio.engine.license;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The category of each license id, from the data file {@code license-categories.txt} beside this
 * class; an id it lacks is {@link LicenseCategory#UNKNOWN}. An expression's category is the least
 * restrictive of an {@code OR} (the licensee may choose) and the most restrictive of an {@code AND}.
 * {@code X+} and an unlisted exception count as {@code X}: an exception only adds permissions
 * (copyright-format 1.0 §7.1 reserves "with … exception" for that).
 */
public final class LicenseCategories {

    private final Map<String, LicenseCategory> table;

    public LicenseCategories(Map<String, LicenseCategory> table) {
        this.table = Collections.unmodifiableMap(new LinkedHashMap<>(table));
    }

    /** The table shipped with the engine. */
    public static LicenseCategories bundled() {
        Map<String, LicenseCategory> table = new LinkedHashMap<>();
        for (String line : SpdxLicenseList.lines("license-categories.txt")) {
            String[] parts = line.split("\\s+");
            LicenseCategory c = LicenseCategory.byId(parts[1]).orElseThrow(() -> new IllegalStateException(
                    "license-categories.txt: unknown category '" + parts[1] + "' for " + parts[0]));
            table.put(parts[0], c);
        }
        return new LicenseCategories(table);
    }

    /** Every entry of the table. */
    public Map<String, LicenseCategory> table() {
        return table;
    }

    public LicenseCategory of(String id) {
        String bare = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
        LicenseCategory c = table.get(bare);
        if (c == null && bare.endsWith("-only")) {
            c = table.get(bare.substring(0, bare.length() - "-only".length()) + "-or-later");
        }
        return c == null ? LicenseCategory.UNKNOWN : c;
    }

    public LicenseCategory of(SpdxExpression e) {
        return of(e, Map.of());
    }

    /**
     * An expression's category, where a {@code LicenseRef-} whose text reads as an SPDX license
     * ({@code similar}) counts as that license.
     */
    public LicenseCategory of(SpdxExpression e, Map<String, String> similar) {
        if (e instanceof SpdxExpression.License l) {
            String like = similar.get(l.id());
            return of(like != null ? like : l.id());
        }
        if (e instanceof SpdxExpression.And a) {
            return a.terms().stream().map(t -> of(t, similar)).max(Enum::compareTo).orElse(LicenseCategory.UNKNOWN);
        }
        SpdxExpression.Or o = (SpdxExpression.Or) e;
        return o.terms().stream().map(t -> of(t, similar)).min(Enum::compareTo).orElse(LicenseCategory.UNKNOWN);
    }

    /** The category of an optional main expression; none is unknown. */
    public LicenseCategory of(Optional<SpdxExpression> e) {
        return e.map(this::of).orElse(LicenseCategory.UNKNOWN);
    }
}
