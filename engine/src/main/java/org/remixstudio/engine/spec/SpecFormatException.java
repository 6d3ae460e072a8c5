package org.remixstudio.engine.spec;

import java.util.List;
import org.remixstudio.engine.api.EngineException;

/**
 * A spec or lock file that cannot be used as it is. Carries every problem found in one pass, so
 * the user can fix them all at once; the message lists them compiler-style
 * ({@code FILE:LINE:COLUMN: PATH: message}), which editors and terminals turn into links.
 */
public class SpecFormatException extends EngineException {

    private final String source;
    private final List<SpecProblem> problems;

    /**
     * @param source   the file (or other input) at fault, as named to the user
     * @param problems at least one problem
     */
    public SpecFormatException(String source, List<SpecProblem> problems) {
        super(format(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a format error needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String format(String source, List<SpecProblem> problems) {
        if (problems.size() == 1) {
            return source + ":" + problems.get(0);
        }
        StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size()).append(" problems:");
        for (SpecProblem p : problems) {
            sb.append("\n  ").append(source).append(':').append(p);
        }
        return sb.toString();
    }
}
