package org.remixstudio.engine.catalog;

/** A {@code Packages} entry that cannot be understood; the message names index, line and package. */
public final class IndexFormatException extends RuntimeException {

    public IndexFormatException(String message) {
        super(message);
    }
}
