/**
 * The open remix as a document: its immutable spec, the file it lives in, unsaved-change state,
 * undo and redo of every edit, recent files and crash recovery through autosaves. Edits are pure
 * functions on the spec, so every pane sees the same consistent remix and undo restores it exactly.
 */
package org.remixstudio.app.document;
