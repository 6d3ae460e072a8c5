package org.remixstudio.engine.resolve;

import java.util.List;
import java.util.stream.Collectors;
import org.remixstudio.engine.api.EngineException;

/**
 * A request apt could not satisfy, with the dependency chain that breaks for each package it could
 * not install (apt's "The following packages have unmet dependencies" report).
 */
public final class UnsatisfiableException extends EngineException {

    private final List<DependencyChain> chains;

    public UnsatisfiableException(String intro, List<DependencyChain> chains) {
        super(intro + chains.stream().map(c -> "\n  " + c).collect(Collectors.joining())
                + "\nRemove or change the request, or pick another version or alternative.");
        this.chains = List.copyOf(chains);
    }

    public List<DependencyChain> chains() {
        return chains;
    }
}
