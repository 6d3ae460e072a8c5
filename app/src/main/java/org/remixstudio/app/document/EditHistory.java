package org.remixstudio.app.document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Undo and redo for a remix. Specs are immutable, so an edit is remembered as the spec before and
 * after it; undoing restores the one before. Bounded, so a long session does not grow without end.
 */
public final class EditHistory {

    /** One step: what it was called ("Add nginx to web") and the spec on either side. */
    public record Step(String label, RemixSpec before, RemixSpec after) {
    }

    private final int limit;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    public EditHistory(int limit) {
        this.limit = limit;
    }

    public void record(Step step) {
        undo.push(step);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The step to undo, moved to the redo side; empty when there is none. */
    public Optional<Step> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Step s = undo.pop();
        redo.push(s);
        return Optional.of(s);
    }

    public Optional<Step> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Step s = redo.pop();
        undo.push(s);
        return Optional.of(s);
    }

    public Optional<String> nextUndo() {
        return Optional.ofNullable(undo.peek()).map(Step::label);
    }

    public Optional<String> nextRedo() {
        return Optional.ofNullable(redo.peek()).map(Step::label);
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
