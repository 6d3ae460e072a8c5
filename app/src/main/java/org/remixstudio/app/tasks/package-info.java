/**
 * Background work for the view models: a small pool of daemon threads that runs JavaFX
 * {@code Task}s, and a helper that keeps only the latest task of a kind alive so that stale answers
 * (a search typed further, a drag moved on) are cancelled instead of shown. The JavaFX thread never
 * waits on the engine. Every piece of work these hand back to the JavaFX thread carries a label and
 * goes through {@link org.remixstudio.app.tasks.FxWork}, so that a meter can time it.
 */
package org.remixstudio.app.tasks;
