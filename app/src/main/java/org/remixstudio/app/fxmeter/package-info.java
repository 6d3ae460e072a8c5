/**
 * Measures the studio's own work on the JavaFX thread, slice by slice, so that "no frame over 16 ms
 * from app code" can be checked honestly: every runnable, task callback and event dispatch the app
 * causes is one labelled slice, each scene's CSS and layout pass is another kind of slice, and the
 * stop-the-world collections that fall inside a slice are taken out of its time, because a GC pause
 * stalls every thread and is not the slice's code. Off (the studio's default) nothing here runs.
 */
package org.remixstudio.app.fxmeter;
