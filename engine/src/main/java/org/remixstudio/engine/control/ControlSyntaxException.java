package org.remixstudio.engine.control;

/** A deb822 file that does not follow the control-file syntax; names the file and line. */
public final class ControlSyntaxException extends RuntimeException {

    public ControlSyntaxException(String origin, int line, String problem) {
        super(origin + ", line " + line + ": " + problem);
    }
}
