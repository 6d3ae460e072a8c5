/**
 * The library: the user's saved remixes and the builds made from them, kept in an SQLite database
 * in the XDG data directory, with reopen, duplicate and delete.
 */
package org.remixstudio.app.library;
