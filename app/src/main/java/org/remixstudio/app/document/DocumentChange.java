package org.remixstudio.app.document;

import java.util.Optional;
import org.remixstudio.engine.api.LayerEdit;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * What just happened to the open remix, for the panes that follow it (impact, layer stack).
 *
 * @param label  what the user did, as the Edit menu names it
 * @param before the remix before
 * @param after  the remix now
 * @param edit   the package edit of one layer, when it was one (the impact pane asks the engine about it)
 */
public record DocumentChange(String label, RemixSpec before, RemixSpec after, Optional<LayerEdit> edit) {
}
