package org.remixstudio.engine.build.dpkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a package's {@code triggers} control file (deb-triggers(5)): {@code interest},
 * {@code interest-await}, {@code interest-noawait}, {@code activate}, {@code activate-await} or
 * {@code activate-noawait}, followed by a trigger name; a name starting with {@code /} is a file
 * trigger. {@code #} starts a comment.
 *
 * @param directive the keyword, lower case
 * @param name      the trigger name or path
 */
public record TriggerDirective(String directive, String name) {

    /** Parses every directive of a {@code triggers} file; unknown keywords are kept and ignored by callers. */
    public static List<TriggerDirective> parse(String text) {
        List<TriggerDirective> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] words = body.split("\\s+");
            if (words.length >= 2) {
                out.add(new TriggerDirective(words[0].toLowerCase(Locale.ROOT), words[1]));
            }
        }
        return out;
    }

    public boolean isInterest() {
        return directive.startsWith("interest");
    }

    /** {@code -noawait}: the triggering package need not wait for the trigger to be processed. */
    public boolean noawait() {
        return directive.endsWith("-noawait");
    }

    public boolean isFileTrigger() {
        return name.startsWith("/");
    }
}
