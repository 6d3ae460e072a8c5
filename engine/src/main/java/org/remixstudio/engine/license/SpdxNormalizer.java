package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one Debian copyright short name (copyright-format 1.0 §7.1), optionally with an exception
 * ("{@code GPL-2+ with OpenSSL exception}"), into an SPDX expression. In order:
 * <ol>
 *   <li>the alias table {@code dep5-aliases.txt} ({@code Expat} → {@code MIT}, {@code public-domain} →
 *       {@code LicenseRef-public-domain}, unversioned names → their lowest version, as §7.1 implies);</li>
 *   <li>the GNU families by rule: {@code GPL-2} → {@code GPL-2.0-only}, {@code GPL-2+}, {@code GPLv2+},
 *       {@code GPL-2.0+} → {@code GPL-2.0-or-later}, {@code LGPL-2.1}, {@code AGPL-3}, {@code GFDL-NIV-1.3+}
 *       → {@code GFDL-1.3-no-invariants-or-later}; an unversioned {@code GPL} is version 1 (§7.1);</li>
 *   <li>an SPDX id matched case-insensitively ({@code BSD-3-clause}, {@code zlib}), also with {@code .0}
 *       added to a bare major version ({@code Apache-2} → {@code Apache-2.0}); another trailing {@code +}
 *       becomes SPDX's {@code +} operator;</li>
 *   <li>anything else is kept as {@code LicenseRef-NAME}, never dropped.</li>
 * </ol>
 * Exceptions become {@code WITH} when SPDX lists them ({@code exception-aliases.txt} and a prefix rule
 * find {@code Autoconf-exception-2.0} for "Autoconf" after GPL-2); otherwise the license keeps the
 * exception by name ({@link SpdxExpression.License}).
 */
public final class SpdxNormalizer {

    private static final Pattern GNU = Pattern.compile(
            "(?i)(agpl|lgpl|gpl|gfdl-niv|gfdl|fdl)[-_ ]?v?(\\d+(?:\\.\\d+)*)?(\\+|-or-later|-only)?(-no-invariants?)?(\\+)?");
    private static final Pattern JOINED_EXCEPTION = Pattern.compile("(?i)(.+?)[-_]with[-_](.+?)[-_]exceptions?");
    private static final Pattern MAJOR_ONLY = Pattern.compile("(.*-)(\\d+)");

    private final SpdxLicenseList list;
    private final SpdxExpressionParser expressions;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> exceptionAliases = new LinkedHashMap<>();

    public SpdxNormalizer(SpdxLicenseList list) {
        this.list = list;
        this.expressions = new SpdxExpressionParser(list);
        for (String line : SpdxLicenseList.lines("dep5-aliases.txt")) {
            int eq = line.indexOf('=');
            aliases.put(key(line.substring(0, eq)), line.substring(eq + 1).strip());
        }
        for (String line : SpdxLicenseList.lines("exception-aliases.txt")) {
            int eq = line.indexOf('=');
            exceptionAliases.put(key(line.substring(0, eq)), line.substring(eq + 1).strip());
        }
    }

    public SpdxLicenseList list() {
        return list;
    }

    /** One short name without exception. */
    public SpdxExpression normalize(String shortName) {
        return normalize(shortName, "");
    }

    /**
     * @param shortName a short name as written, e.g. {@code GPL-2+}
     * @param exception the keywords of a "with KEYWORDS exception" clause, e.g. {@code OpenSSL}, or empty
     */
    public SpdxExpression normalize(String shortName, String exception) {
        String name = shortName.strip();
        SpdxExpression base = normalizeName(name);
        if (exception.isBlank()) {
            return base;
        }
        if (!(base instanceof SpdxExpression.License l)) {
            // an alias that expands to several licenses (Perl) cannot carry one exception: keep the pair as written
            return new SpdxExpression.License(LicenseRefs.of(name), exception.strip(), false);
        }
        Optional<String> listed = spdxException(exception, l.id());
        return listed.<SpdxExpression>map(e -> new SpdxExpression.License(l.id(), e, true))
                .orElseGet(() -> new SpdxExpression.License(l.id(), exceptionName(exception), false));
    }

    private SpdxExpression normalizeName(String name) {
        Matcher with = JOINED_EXCEPTION.matcher(name);
        if (with.matches()) {
            // "GPL-3+-WITH-BISON-EXCEPTION": an exception clause written as part of the name
            return normalize(with.group(1), with.group(2));
        }
        String alias = aliases.get(key(name));
        if (alias != null) {
            return expressions.parse(alias);
        }
        boolean plus = name.endsWith("+");
        String bare = plus ? name.substring(0, name.length() - 1) : name;
        if (plus && (alias = aliases.get(key(bare))) != null) {
            SpdxExpression e = expressions.parse(alias);
            return e instanceof SpdxExpression.License l && !LicenseRefs.isRef(l.id())
                    ? new SpdxExpression.License(orLater(l.id())) : e;
        }
        Matcher gnu = GNU.matcher(name);
        if (gnu.matches()) {
            Optional<String> id = gnuId(gnu.group(1), gnu.group(2), gnu.group(3) != null ? gnu.group(3) : gnu.group(5),
                    gnu.group(4) != null);
            if (id.isPresent()) {
                return new SpdxExpression.License(id.get());
            }
        }
        Optional<String> id = spdxId(bare);
        if (id.isPresent()) {
            return new SpdxExpression.License(plus ? orLater(id.get()) : id.get());
        }
        return new SpdxExpression.License(LicenseRefs.of(name));
    }

    /** The SPDX spelling of a name, also with {@code .0} added to a bare major version; deprecated ids replaced. */
    private Optional<String> spdxId(String name) {
        Optional<String> id = list.license(name);
        if (id.isEmpty()) {
            Matcher m = MAJOR_ONLY.matcher(name);
            if (m.matches()) {
                id = list.license(m.group(1) + m.group(2) + ".0");
            }
        }
        return id.map(this::current);
    }

    /** A deprecated GNU id ({@code GPL-2.0}) as its current one ({@code GPL-2.0-only}). */
    private String current(String id) {
        if (list.isDeprecated(id)) {
            if (id.endsWith("+")) {
                return list.license(id.substring(0, id.length() - 1) + "-or-later").orElse(id);
            }
            return list.license(id + "-only").orElse(id);
        }
        return id;
    }

    /** {@code X-only} → {@code X-or-later}; other ids get SPDX's {@code +} operator. */
    private String orLater(String id) {
        if (id.endsWith("-only")) {
            return list.license(id.substring(0, id.length() - "-only".length()) + "-or-later").orElse(id + "+");
        }
        return id.endsWith("+") || id.endsWith("-or-later") ? id : id + "+";
    }

    private Optional<String> gnuId(String familyRaw, String versionRaw, String suffixRaw, boolean noInvariants) {
        String family = familyRaw.toUpperCase(Locale.ROOT);
        boolean niv = family.equals("GFDL-NIV") || noInvariants && family.endsWith("FDL");
        if (niv || family.equals("FDL")) {
            family = "GFDL";
        }
        String suffix = suffixRaw == null ? "" : suffixRaw.toLowerCase(Locale.ROOT);
        boolean later = suffix.equals("+") || suffix.equals("-or-later");
        String version = versionRaw == null ? lowestVersion(family) : versionRaw.replaceAll("(\\.0)+$", "");
        if (!version.contains(".")) {
            version = version + ".0";
        }
        String stem = family + "-" + version + (niv ? "-no-invariants" : "");
        return list.license(stem + (later ? "-or-later" : "-only"));
    }

    /** §7.1: "If the version number is omitted, the lowest version number is implied." */
    private static String lowestVersion(String family) {
        return switch (family) {
            case "LGPL" -> "2.0";
            case "GFDL" -> "1.1";
            default -> "1.0";
        };
    }

    /** An SPDX exception for "with KEYWORDS exception" after license {@code licenseId}. */
    private Optional<String> spdxException(String phrase, String licenseId) {
        String k = key(phrase).replaceAll("-exceptions?$", "");
        String alias = exceptionAliases.get(k);
        if (alias != null) {
            return list.exception(alias);
        }
        Optional<String> exact = list.exception(k).or(() -> list.exception(k + "-exception"));
        if (exact.isPresent()) {
            return exact;
        }
        List<String> candidates = new ArrayList<>();
        for (String e : list.exceptions()) {
            if (e.toLowerCase(Locale.ROOT).startsWith(k + "-exception-")) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Matcher v = Pattern.compile("-(\\d+)\\.").matcher(licenseId);
        String major = v.find() ? v.group(1) : "";
        for (String c : candidates) {
            if (!major.isEmpty() && c.matches(".*-exception-" + major + "(\\.\\d+)*")) {
                return Optional.of(c);
            }
        }
        return Optional.of(candidates.get(candidates.size() - 1));
    }

    /** An unlisted exception's name in the form SPDX names them: {@code OpenSSL} → {@code OpenSSL-exception}. */
    private static String exceptionName(String phrase) {
        String n = phrase.strip().replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return n.toLowerCase(Locale.ROOT).endsWith("exception") ? n : n + "-exception";
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-').replace('/', '-');
    }
}
