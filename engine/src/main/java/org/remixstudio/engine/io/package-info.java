/**
 * Small file-system helpers every feature shares: writing files and directories under a temporary
 * name and renaming them into place, so that no reader and no failure ever sees half of one.
 */
package org.remixstudio.engine.io;
