package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the licenses out of a copyright file's text: a machine-readable file (copyright-format 1.0)
 * through its {@code License} fields, whose main license is that of the {@code Files: *} stanza
 * (§5.2; else the header's §5.1, else the first Files stanza's); a free-form file, or a License field
 * whose first line is text rather than short names, through {@link LicenseTextDetector}: the first
 * license the text grants most firmly (a license text or the usual grant wording, before a passing
 * "released under", before a mere mention) is taken as the main one.
 */
public final class CopyrightAnalyzer {

    /** A License synopsis longer than this that is no list of short names is the start of a license text. */
    private static final int MAX_NAME_LENGTH = 80;

    private final Dep5Parser dep5 = new Dep5Parser();
    private final Dep5Synopsis synopsis;
    private final LicenseTextDetector detector;

    public CopyrightAnalyzer(SpdxNormalizer normalizer) {
        this.synopsis = new Dep5Synopsis(normalizer);
        this.detector = new LicenseTextDetector(normalizer);
    }

    /** The engine's analyzer over the bundled SPDX list. */
    public static CopyrightAnalyzer standard() {
        return new CopyrightAnalyzer(new SpdxNormalizer(SpdxLicenseList.bundled()));
    }

    public CopyrightAnalysis analyze(String text) {
        if (text.isBlank()) {
            return CopyrightAnalysis.unknown("the copyright file is empty");
        }
        Optional<Dep5Copyright> parsed = dep5.parse(text);
        return parsed.map(this::machineReadable).orElseGet(() -> freeForm(text, ""));
    }

    private CopyrightAnalysis machineReadable(Dep5Copyright file) {
        Set<String> all = new TreeSet<>();
        Found main = null;
        Found first = null;
        for (Dep5Copyright.FilesStanza files : file.files()) {
            Found f = license(files.license());
            if (f == null) {
                continue;
            }
            all.addAll(f.ids);
            if (files.coversAll() && main == null) {
                main = f;
            }
            if (first == null) {
                first = f;
            }
        }
        for (Dep5Copyright.LicenseField standalone : file.standalone()) {
            Found f = license(standalone);
            if (f != null) {
                all.addAll(f.ids);
            }
        }
        Map<String, String> similar = similar(file);
        String note = "";
        if (main == null && file.header().isPresent()) {
            main = license(file.header().get());
            note = main == null ? "" : "no 'Files: *' stanza; the header's License is taken for the package";
        }
        if (main == null && first != null) {
            main = first;
            note = "no 'Files: *' stanza; the first Files stanza's License is taken for the package";
        }
        if (main == null) {
            return CopyrightAnalysis.unknown("the machine-readable copyright file has no License field");
        }
        return CopyrightAnalysis.of(main.expression, all, main.evidence, note, similar);
    }

    /** A License field's expression: its short names, or what its text says when the first line is text. */
    private Found license(Dep5Copyright.LicenseField field) {
        if (field.synopsis().isEmpty() && field.text().isBlank()) {
            return null;
        }
        Optional<SpdxExpression> declared = synopsis.parse(field.synopsis());
        if (declared.isPresent()) {
            return new Found(declared.get(), Evidence.DECLARED, declared.get().licenseIds());
        }
        List<LicenseTextDetector.Detection> detected = detector.detect(field.synopsis() + "\n" + field.text());
        if (detected.isEmpty()) {
            if (field.synopsis().isEmpty() || field.synopsis().length() > MAX_NAME_LENGTH) {
                return null;
            }
            // a name with spaces ("IBM PUBLIC LICENSE VERSION 1.0 - JIKES COMPILER"): declared all the same, kept
            SpdxExpression named = new SpdxExpression.License(LicenseRefs.of(field.synopsis()));
            return new Found(named, Evidence.DECLARED, named.licenseIds());
        }
        Set<String> ids = new TreeSet<>();
        detected.forEach(d -> ids.addAll(d.expression().licenseIds()));
        LicenseTextDetector.Detection main = strongest(detected);
        return new Found(main.expression(), Evidence.DETECTED, ids);
    }

    private CopyrightAnalysis freeForm(String text, String note) {
        List<LicenseTextDetector.Detection> detected = detector.detect(text);
        if (detected.isEmpty()) {
            return CopyrightAnalysis.unknown("the free-form copyright file names no license the detector knows");
        }
        Set<String> all = new TreeSet<>();
        detected.forEach(d -> all.addAll(d.expression().licenseIds()));
        LicenseTextDetector.Detection main = strongest(detected);
        return CopyrightAnalysis.of(main.expression(), all, Evidence.DETECTED, note, Map.of());
    }

    /**
     * The SPDX license each {@code LicenseRef-} short name's text reads as, where the detector finds exactly
     * one license granted by a license text (the BSD conditions, the MIT grant …).
     */
    private Map<String, String> similar(Dep5Copyright file) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Dep5Copyright.LicenseField> fields = new ArrayList<>(file.standalone());
        file.files().forEach(f -> fields.add(f.license()));
        file.header().ifPresent(fields::add);
        for (Dep5Copyright.LicenseField f : fields) {
            Optional<SpdxExpression> e = synopsis.parse(f.synopsis());
            if (e.isPresent() && e.get() instanceof SpdxExpression.License l && LicenseRefs.isRef(l.id())
                    && !f.text().isBlank()) {
                texts.putIfAbsent(l.id(), f.text());
            }
        }
        Map<String, String> similar = new TreeMap<>();
        texts.forEach((ref, text) -> {
            List<String> strong = detector.detect(text).stream()
                    .filter(d -> d.strength() == LicenseTextDetector.Detection.STRONG_GRANT)
                    .filter(d -> d.expression() instanceof SpdxExpression.License l && !LicenseRefs.isRef(l.id()))
                    .map(d -> d.expression().render()).distinct().toList();
            if (strong.size() == 1) {
                similar.put(ref, strong.get(0));
            }
        });
        return similar;
    }

    /** The first of the most firmly granted licenses. */
    private static LicenseTextDetector.Detection strongest(List<LicenseTextDetector.Detection> detected) {
        LicenseTextDetector.Detection best = detected.get(0);
        for (LicenseTextDetector.Detection d : detected) {
            if (d.strength() > best.strength()) {
                best = d;
            }
        }
        return best;
    }

    private record Found(SpdxExpression expression, Evidence evidence, Set<String> ids) {
    }
}
