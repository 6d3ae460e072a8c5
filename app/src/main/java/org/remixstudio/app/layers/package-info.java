/**
 * The layer stack, the studio's signature view: the remix drawn as a cake of layers over its base,
 * each with its size, the packages the user asked for and the dependencies they brought, planned by
 * the engine; and every edit of layers and their packages, each undoable.
 */
package org.remixstudio.app.layers;
