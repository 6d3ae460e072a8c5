package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the first line of a DEP-5 {@code License} field (copyright-format 1.0 §6.7, syntax §7.2):
 * short names joined by {@code or} and {@code and}, where {@code and} binds tighter unless a comma
 * comes first ("{@code A or B, and C}" is {@code (A OR B) AND C}), each name optionally followed by
 * "{@code with KEYWORDS exception}". Tolerates what real files do: {@code and/or} (read as {@code or},
 * the licensee may pick), a bare comma list ({@code and}), names split by a space
 * ({@code public domain}), parentheses around the exception clause, {@code A_or_B}.
 */
public final class Dep5Synopsis {

    /** More words than this in one name ("public domain" has two) and the line is license text, not short names. */
    private static final int MAX_NAME_WORDS = 2;
    /** More words than this in an exception's keywords ("GCC runtime library") and it is text. */
    private static final int MAX_EXCEPTION_WORDS = 4;

    private final SpdxNormalizer normalizer;

    public Dep5Synopsis(SpdxNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** The expression, or empty when the line is not a list of short names (e.g. it starts the license text). */
    public Optional<SpdxExpression> parse(String synopsis) {
        String line = synopsis.strip().replace("(", " ").replace(")", " ").replaceAll("(?i)_(or|and)_", " $1 ")
                .replaceAll("\\s+", " ");
        if (line.isEmpty() || line.endsWith(".") && line.contains(" ")) {
            return Optional.empty();
        }
        SpdxExpression result = null;
        String pendingOp = "and";
        for (String group : line.split(",")) {
            List<String> words = new ArrayList<>(List.of(group.strip().split(" ")));
            words.removeIf(String::isEmpty);
            if (words.isEmpty()) {
                continue;
            }
            String lead = words.get(0).toLowerCase(Locale.ROOT);
            String op = pendingOp;
            if (result != null && (lead.equals("and") || lead.equals("or") || lead.equals("and/or"))) {
                op = lead.equals("and") ? "and" : "or";
                words.remove(0);
            }
            Optional<SpdxExpression> g = group(words);
            if (g.isEmpty()) {
                return Optional.empty();
            }
            result = result == null ? g.get()
                    : op.equals("and") ? SpdxExpression.and(List.of(result, g.get()))
                    : SpdxExpression.or(List.of(result, g.get()));
        }
        return Optional.ofNullable(result);
    }

    /** One comma-free group: {@code or} of {@code and} of names. */
    private Optional<SpdxExpression> group(List<String> words) {
        List<SpdxExpression> ors = new ArrayList<>();
        List<SpdxExpression> ands = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            List<String> nameWords = new ArrayList<>();
            while (i < words.size() && !isOperator(words.get(i)) && !isWith(words.get(i))) {
                nameWords.add(words.get(i++));
            }
            if (nameWords.isEmpty() || nameWords.size() > MAX_NAME_WORDS) {
                return Optional.empty();
            }
            String exception = "";
            if (i < words.size() && isWith(words.get(i))) {
                i++;
                List<String> keywords = new ArrayList<>();
                while (i < words.size() && !words.get(i).toLowerCase(Locale.ROOT).matches("exceptions?")
                        && !isOperator(words.get(i))) {
                    keywords.add(words.get(i++));
                }
                if (i < words.size() && words.get(i).toLowerCase(Locale.ROOT).matches("exceptions?")) {
                    i++;
                }
                if (keywords.isEmpty() || keywords.size() > MAX_EXCEPTION_WORDS) {
                    return Optional.empty();
                }
                exception = String.join(" ", keywords);
            }
            ands.add(normalizer.normalize(String.join("-", nameWords), exception));
            if (i < words.size()) {
                String op = words.get(i++).toLowerCase(Locale.ROOT);
                if (!op.equals("and") && !op.equals("&")) {
                    ors.add(SpdxExpression.and(ands));
                    ands = new ArrayList<>();
                }
                if (i == words.size()) {
                    return Optional.empty();
                }
            }
        }
        if (!ands.isEmpty()) {
            ors.add(SpdxExpression.and(ands));
        }
        return ors.isEmpty() ? Optional.empty() : Optional.of(SpdxExpression.or(ors));
    }

    private static boolean isOperator(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.equals("or") || l.equals("and") || l.equals("and/or") || l.equals("|") || l.equals("&");
    }

    private static boolean isWith(String w) {
        return w.equalsIgnoreCase("with");
    }
}
