/**
 * The impact pane: packages added and removed and the installed and download sizes before and
 * after, for the edit a drag is about to make and for each edit made, computed by the engine in the
 * background with stale questions cancelled.
 */
package org.remixstudio.app.impact;
