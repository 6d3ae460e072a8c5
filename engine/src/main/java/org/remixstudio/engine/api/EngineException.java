package org.remixstudio.engine.api;

/**
 * A failure meant for the user: the message names the thing at fault (file, package, field, URL,
 * source) and says what to do. Internal causes are kept for {@code --debug} and the app's detail view.
 */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
