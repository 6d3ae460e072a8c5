package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds licenses in free-form text: the grants and license texts Debian copyright files quote, and
 * Debian's pointers to {@code /usr/share/common-licenses/NAME}. It looks for the wording each license
 * uses (the GNU licenses' titles with their version and "any later version", the MIT and ISC grants, the
 * BSD clauses counted by their conditions, the Apache, MPL, CPL, EPL, IPL, Artistic, zlib, PSF, OpenSSL, Boost, CC0
 * and GFDL titles, "public domain", Perl's "same terms as Perl itself"), so a hit is a reasoned guess,
 * recorded as {@link Evidence#DETECTED}, never as declared. Each hit says how firmly the text grants it.
 */
public final class LicenseTextDetector {

    /**
     * One license found, at a position of the (normalized) text.
     *
     * @param strength    how firmly the text grants it: {@link #STRONG_GRANT} for a license text or a grant in
     *                    the usual words, {@link #GRANT} for a title after "under", "released" …, {@link #MENTION}
     *                    when it only names it ("GPL-compatible", "the Artistic License in
     *                    /usr/share/common-licenses is …", a pointer to a license file)
     * @param versionless a GNU license named without a version (so "any version", until the text names one)
     */
    public record Detection(SpdxExpression expression, int position, int strength, boolean versionless) {

        /** Only named: "GPL-compatible", a pointer to a license file. */
        public static final int MENTION = 0;
        /** Granted in passing: "other software released under the GPL". */
        public static final int GRANT = 1;
        /** A license text, or a grant in the standard words: "you can redistribute it … under the terms of …". */
        public static final int STRONG_GRANT = 2;

        Detection(SpdxExpression expression, int position, int strength) {
            this(expression, position, strength, false);
        }

        public boolean grant() {
            return strength > MENTION;
        }
    }

    private static final Pattern GRANT_CONTEXT = Pattern.compile(
            "(under|terms of|licen[cs]ed|licen[cs]e:|licen[cs]e (?:for \\S+ )?is|governed by|subject to|released|distributed"
            + "|available)\\b");
    private static final Pattern STRONG_CONTEXT = Pattern.compile(
            "terms of|redistribute it|is free software|licen[cs]ed under|licen[cs]e (?:for \\S+ )?is|licen[cs]e:"
            + "|as a whole|(?:program|package|library|software|code) is (?:released|distributed|licen[cs]ed|available)");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|n't|never)\\b|n't ");
    private static final Pattern PUBLIC_DOMAIN = Pattern.compile(
            "\\b(?:is|are|was|were|placed|released|dedicated|put|into|in) (?:the )?public[ -]domain\\b");

    private static final Pattern GNU_TITLE = Pattern.compile(
            "\\b(?:gnu )?(affero |lesser |library )?general public licen[cs]e\\b");
    private static final Pattern GNU_SHORT = Pattern.compile(
            "(?<![\\w/-])(agpl|lgpl|gpl)(?:[- ]?v(?:ersion)?)?[- ]?(\\d(?:\\.\\d)?)?(\\+|-or-later|-only)?(?![\\w])(?!-? ?(?:in)?compat)");
    private static final Pattern VERSION = Pattern.compile("^(?:(?!\\. ).){0,120}?\\b(?:version|v\\.?)\\s?(\\d(?:\\.\\d)?)\\b");
    private static final Pattern LATER = Pattern.compile("(any later version|or later|or \\(at your option\\)|or newer|\\+)");
    private static final Pattern POINTER = Pattern.compile("/usr/share/common-licenses/([a-z0-9.+_-]+[a-z0-9+])");
    private static final Pattern APACHE = Pattern.compile(
            "apache licen[cs]e,?\\s*(?:version\\s*|v)?(\\d\\.\\d)|apache-(\\d\\.\\d)|apache\\.org/licenses/license-(\\d\\.\\d)");
    private static final Pattern MPL = Pattern.compile(
            "mozilla public licen[cs]e,?\\s*(?:version\\s*|v\\.?\\s*)?(\\d\\.\\d)|\\bmpl-(\\d\\.\\d)");
    private static final Pattern ARTISTIC = Pattern.compile("artistic licen[cs]e(?:[^.]{0,40}?(?:version |v)?\\s*(\\d(?:\\.\\d)?))?");
    private static final Pattern GFDL = Pattern.compile("gnu free documentation licen[cs]e(?:[^.;]{0,60}?version\\s*(\\d\\.\\d))?");
    private static final Pattern BSD = Pattern.compile("redistribution and use in source and binary forms");
    private static final Map<Pattern, String> FIXED = fixed();

    private final SpdxNormalizer normalizer;

    public LicenseTextDetector(SpdxNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    private static Map<Pattern, String> fixed() {
        Map<Pattern, String> m = new LinkedHashMap<>();
        m.put(Pattern.compile("permission is hereby granted, free of charge, to any person obtaining a copy"
                + "|\\bexpat licen[cs]e|\\bmit licen[cs]e|\\bmit/x11"), "MIT");
        m.put(Pattern.compile("permission to use, copy, modify, and(?:/or)? distribute this software for any purpose"
                + " with or without fee is hereby granted|\\bisc licen[cs]e"), "ISC");
        m.put(Pattern.compile("permission to use, copy, modify,? and distribute this software and its documentation"
                + " for any purpose"), "HPND");
        m.put(Pattern.compile("permission to use, copy, modify, distribute,? and sell this software and its documentation"
                + " for any purpose"), "HPND-sell-variant");
        m.put(Pattern.compile("hereby grant permission to use, copy, modify, distribute,? and license this software"),
                "TCL");
        m.put(Pattern.compile("permission is granted to anyone to use this software for any purpose, including"
                + " commercial applications|\\bzlib licen[cs]e|zlib/libpng licen[cs]e"), "Zlib");
        m.put(Pattern.compile("python software foundation licen[cs]e|psf licen[cs]e agreement"), "PSF-2.0");
        m.put(Pattern.compile("\\bopenssl licen[cs]e\\b|developed by the openssl project"), "OpenSSL");
        m.put(Pattern.compile("boost software licen[cs]e"), "BSL-1.0");
        m.put(Pattern.compile("common public licen[cs]e"), "CPL-1.0");
        m.put(Pattern.compile("ibm public licen[cs]e"), "IPL-1.0");
        m.put(Pattern.compile("eclipse public licen[cs]e,? (?:v\\.? ?|version )?2\\.0|\\bepl-2\\.0"), "EPL-2.0");
        m.put(Pattern.compile("eclipse public licen[cs]e,? (?:v\\.? ?|version )?1\\.0|\\bepl-1\\.0"), "EPL-1.0");
        m.put(Pattern.compile("\\bcc0\\b|creative commons zero|publicdomain/zero"), "CC0-1.0");
        m.put(Pattern.compile("same terms as perl itself"), "GPL-1.0-or-later OR Artistic-1.0");
        return m;
    }

    /** Every license found, by position in the text, each once. */
    public List<Detection> detect(String rawText) {
        String text = rawText.toLowerCase(Locale.ROOT).replaceAll("[\\s>#*()]+", " ");
        List<Detection> found = new ArrayList<>();
        gnu(text, found);
        Matcher pd = Pattern.compile("\\bpublic[ -]domain\\b").matcher(text);
        if (pd.find()) {
            // a statement that the work is in the public domain grants; "Public domain, written by …" only names
            Matcher stated = PUBLIC_DOMAIN.matcher(text);
            boolean grant = stated.find();
            found.add(new Detection(new SpdxExpression.License("LicenseRef-public-domain"),
                    grant ? stated.start() : pd.start(), grant ? Detection.STRONG_GRANT : Detection.MENTION));
        }
        pointers(text, found);
        versioned(text, APACHE, "Apache-", "", found);
        versioned(text, MPL, "MPL-", "", found);
        artistic(text, found);
        gfdl(text, found);
        bsd(text, found);
        SpdxExpressionParser parser = new SpdxExpressionParser(normalizer.list());
        for (Map.Entry<Pattern, String> e : FIXED.entrySet()) {
            Matcher m = e.getKey().matcher(text);
            if (m.find()) {
                found.add(new Detection(parser.parse(e.getValue()), m.start(), Detection.STRONG_GRANT));
            }
        }
        return dedupe(found);
    }

    private void gnu(String text, List<Detection> found) {
        Matcher m = GNU_TITLE.matcher(text);
        while (m.find()) {
            String kind = m.group(1) == null ? "" : m.group(1).strip();
            String family = kind.equals("affero") ? "AGPL" : kind.isEmpty() ? "GPL" : "LGPL";
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 300));
            Matcher v = VERSION.matcher(after);
            String version = v.find() ? v.group(1) : null;
            if (version == null) {
                // "version 2 of the GNU General Public License"
                String before = text.substring(Math.max(0, m.start() - 40), m.start());
                Matcher vb = Pattern.compile("version (\\d(?:\\.\\d)?)(?: of)?(?: the)? $").matcher(before);
                version = vb.find() ? vb.group(1) : null;
            }
            String sentence = after.split("(?<=[a-z)])\\. ", 2)[0];
            boolean later = LATER.matcher(sentence.length() > 200 ? sentence.substring(0, 200) : sentence).find();
            found.add(new Detection(gnuExpression(family, version, later), m.start(), granted(text, m.start()),
                    version == null));
        }
        Matcher s = GNU_SHORT.matcher(text);
        while (s.find()) {
            String suffix = s.group(3) == null ? "" : s.group(3);
            String tail = text.substring(s.end(), Math.min(text.length(), s.end() + 40));
            boolean later = suffix.equals("+") || suffix.equals("-or-later") || tail.startsWith(" or later")
                    || tail.startsWith(" or any later");
            found.add(new Detection(gnuExpression(s.group(1).toUpperCase(Locale.ROOT), s.group(2), later), s.start(),
                    granted(text, s.start()), s.group(2) == null));
        }
    }

    /** How firmly the words just before a license title grant it ("you can redistribute it … under the terms of"). */
    private static int granted(String text, int start) {
        String before = text.substring(Math.max(0, start - 120), start);
        // "… doesn't mean that we're distributing Python under the GPL" names the GPL without granting it
        if (NEGATION.matcher(before.substring(Math.max(0, before.length() - 60))).find()) {
            return Detection.MENTION;
        }
        if (STRONG_CONTEXT.matcher(before).find()) {
            return Detection.STRONG_GRANT;
        }
        return GRANT_CONTEXT.matcher(before).find() ? Detection.GRANT : Detection.MENTION;
    }

    private SpdxExpression gnuExpression(String family, String version, boolean later) {
        if (version == null) {
            // GPL §9 (v1/v2) and §14 (v3): with no version given, any version ever published may be chosen
            return normalizer.normalize(family + "+");
        }
        return normalizer.normalize(family + "-" + version + (later ? "+" : ""));
    }

    private void pointers(String text, List<Detection> found) {
        Matcher m = POINTER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("bsd")) {
                found.add(new Detection(new SpdxExpression.License("BSD-3-Clause"), m.start(), Detection.MENTION));
                continue;
            }
            boolean gnu = name.matches("(a|l)?gpl.*|gfdl.*");
            boolean unversioned = name.matches("(a|l)?gpl|gfdl");
            String grant = text.substring(Math.max(0, m.start() - 700), m.start());
            // common-licenses/GPL (a link to the newest) after a grant naming no version: any version may be chosen
            boolean later = gnu && !name.endsWith("+") && (unversioned || LATER.matcher(grant).find());
            found.add(new Detection(normalizer.normalize(name + (later ? "+" : "")), m.start(), Detection.MENTION, unversioned));
        }
    }

    private void versioned(String text, Pattern p, String prefix, String suffix, List<Detection> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(new Detection(normalizer.normalize(prefix + m.group(g) + suffix), m.start(),
                            granted(text, m.start())));
                    break;
                }
            }
        }
    }

    private void artistic(String text, List<Detection> found) {
        Matcher m = ARTISTIC.matcher(text);
        while (m.find()) {
            String v = m.group(1) != null && m.group(1).startsWith("2") ? "2.0" : "1.0";
            found.add(new Detection(normalizer.normalize("Artistic-" + v), m.start(), granted(text, m.start())));
        }
    }

    private void gfdl(String text, List<Detection> found) {
        Matcher m = GFDL.matcher(text);
        while (m.find()) {
            String after = text.substring(m.start(), Math.min(text.length(), m.end() + 120));
            boolean later = LATER.matcher(after).find();
            found.add(new Detection(normalizer.normalize(m.group(1) == null ? "GFDL+"
                    : "GFDL-" + m.group(1) + (later ? "+" : "")), m.start(), granted(text, m.start()),
                    m.group(1) == null));
        }
    }

    /** BSD licenses by their conditions: an advertising clause makes 4, an endorsement clause 3, else 2. */
    private void bsd(String text, List<Detection> found) {
        Matcher m = BSD.matcher(text);
        while (m.find()) {
            String body = text.substring(m.end(), Math.min(text.length(), m.end() + 1600));
            int next = body.indexOf("redistribution and use in source and binary forms");
            if (next >= 0) {
                body = body.substring(0, next);
            }
            String id = body.contains("advertising materials") ? "BSD-4-Clause"
                    : body.contains("endorse or promote") || body.contains("neither the name") ? "BSD-3-Clause"
                    : "BSD-2-Clause";
            found.add(new Detection(new SpdxExpression.License(id), m.start(), Detection.STRONG_GRANT));
        }
    }

    /**
     * Each expression once, at its first position. A GNU license named without a version yields to a
     * versioned one of the same family named later ("released under the GPL; see
     * /usr/share/common-licenses/GPL-3"), which takes over its position and grant.
     */
    private static List<Detection> dedupe(List<Detection> found) {
        found.sort(Comparator.comparingInt(Detection::position));
        List<Detection> merged = new ArrayList<>();
        for (Detection d : found) {
            if (d.versionless()) {
                String family = family(d);
                Detection versioned = found.stream().filter(x -> !x.versionless() && family.equals(family(x)))
                        .filter(x -> x.position() >= d.position()).findFirst()
                        .orElse(found.stream().filter(x -> !x.versionless() && family.equals(family(x)))
                                .findFirst().orElse(null));
                if (versioned != null) {
                    merged.add(new Detection(versioned.expression(), d.position(),
                            Math.max(d.strength(), versioned.strength()), false));
                    continue;
                }
            }
            merged.add(d);
        }
        merged.sort(Comparator.comparingInt(Detection::position));
        Map<String, Detection> byText = new LinkedHashMap<>();
        for (Detection d : merged) {
            Detection earlier = byText.get(d.expression().render());
            if (earlier == null) {
                byText.put(d.expression().render(), d);
            } else if (d.strength() > earlier.strength()) {
                byText.put(d.expression().render(), d);
            }
        }
        List<Detection> out = new ArrayList<>(byText.values());
        out.sort(Comparator.comparingInt(Detection::position));
        return out;
    }

    /** {@code GPL}, {@code LGPL}, {@code AGPL}, {@code GFDL} for a single GNU license, else empty. */
    private static String family(Detection d) {
        if (!(d.expression() instanceof SpdxExpression.License l)) {
            return "";
        }
        Matcher m = Pattern.compile("^(AGPL|LGPL|GPL|GFDL)-").matcher(l.id());
        return m.find() ? m.group(1) : "";
    }
}
