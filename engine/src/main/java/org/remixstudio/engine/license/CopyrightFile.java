package org.remixstudio.engine.license;

/** What a {@code .deb} holds at {@code /usr/share/doc/PKG/copyright}. */
public sealed interface CopyrightFile permits CopyrightFile.Text, CopyrightFile.Elsewhere, CopyrightFile.Missing {

    /** The file's text, from {@code path} in the package. */
    record Text(String text, String path) implements CopyrightFile {
    }

    /**
     * The package's doc directory (or its copyright file) is a symbolic link into another package's
     * doc directory ({@code usr/share/doc/PKG -> OTHER}), which holds the copyright.
     */
    record Elsewhere(String otherPackage) implements CopyrightFile {
    }

    /** No usable file; {@code reason} says why (missing, too large, not text). */
    record Missing(String reason) implements CopyrightFile {
    }
}
