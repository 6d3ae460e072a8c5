/**
 * The {@code remix} command line (picocli). Commands only parse options, call the engine's
 * {@code api} package and format results; they hold no engine logic.
 */
package org.remixstudio.engine.cli;
