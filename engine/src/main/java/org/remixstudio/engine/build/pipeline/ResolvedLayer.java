package org.remixstudio.engine.build.pipeline;

import org.remixstudio.engine.resolve.Resolution;

/**
 * A layer's plan with the resolution of its full package set.
 *
 * @param plan       what the layer adds and removes
 * @param resolution every package installed once the layer is applied, each with its reason
 */
public record ResolvedLayer(LayerPlan plan, Resolution resolution) {
}
