package org.remixstudio.engine.license;

/** How a package's license was found, so that nothing unknown is presented as known. */
public enum Evidence {
    /** Declared in a machine-readable (DEP-5) copyright file. */
    DECLARED,
    /** Detected from the text of a free-form copyright file (or free text in a DEP-5 field). */
    DETECTED,
    /** Not found; the result's reason says why. */
    UNKNOWN
}
