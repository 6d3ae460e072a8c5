package org.remixstudio.engine.resolve;

import java.util.List;

/**
 * Why a package cannot be installed, as a path from the package that was asked for down to the
 * relation nothing satisfies, e.g. {@code foo : Depends: bar (>= 2)}, {@code bar : Depends: baz}, and
 * the problem at the end: {@code baz is not installable}.
 *
 * @param links   each step: the package and the relation it cannot have met
 * @param problem what is wrong with the last relation
 */
public record DependencyChain(List<Link> links, String problem) {

    /** One step: {@code pkg : relation}. */
    public record Link(String pkg, String relation) {
        @Override
        public String toString() {
            return pkg + " : " + relation;
        }
    }

    public DependencyChain {
        links = List.copyOf(links);
    }

    /** The package at the start of the chain (the one asked for). */
    public String root() {
        return links.isEmpty() ? "" : links.get(0).pkg();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < links.size(); i++) {
            if (i > 0) {
                sb.append(" -> ");
            }
            sb.append(links.get(i));
        }
        if (!problem.isEmpty()) {
            sb.append(links.isEmpty() ? "" : " but ").append(problem);
        }
        return sb.toString();
    }
}
