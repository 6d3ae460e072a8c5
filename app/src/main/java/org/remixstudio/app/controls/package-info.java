/**
 * The studio's own controls, each a Control with a Skin and styled by CSS (studio.css): the layer
 * stack, the size bar, the license stripe and the end-of-build toast; and the helpers that keep the
 * FX thread's share of drawing them small (tooltips made on first hover, a per-frame budget for
 * building costly nodes). They know nothing of remixes or the engine; views feed them ready-made texts
 * and listen to their handlers.
 */
package org.remixstudio.app.controls;
