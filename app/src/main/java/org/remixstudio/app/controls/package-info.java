/**
 * The studio's own controls, each a Control with a Skin and styled by CSS (studio.css): the layer
 * stack, the size bar and the license stripe. They know nothing of remixes or the engine; views feed
 * them ready-made texts and listen to their handlers.
 */
package org.remixstudio.app.controls;
