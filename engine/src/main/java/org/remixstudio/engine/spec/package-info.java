/**
 * The remix spec ({@code NAME.remix.json}): what image to build, as immutable records, its reader
 * (with errors that name the file, line, column and JSON path at fault), its canonical writer, a
 * check of package names against a catalog, and the lock file ({@code NAME.remix.lock.json}) that
 * pins what a spec resolved to, with a comparison that says exactly what moved since. The format is
 * described in {@code docs/spec.md} and {@code docs/remix-spec.schema.json}.
 */
package org.remixstudio.engine.spec;
