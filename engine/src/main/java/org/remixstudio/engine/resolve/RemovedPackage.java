package org.remixstudio.engine.resolve;

/**
 * A package left out of a resolution, and why: asked for, or needing one that was.
 *
 * @param name the package
 * @param why  e.g. "removed on request" or "needs libfoo1 (`Depends: libfoo1 (>= 2)`), which is removed"
 */
public record RemovedPackage(String name, String why) {
}
