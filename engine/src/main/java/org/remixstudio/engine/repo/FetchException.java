package org.remixstudio.engine.repo;

import org.remixstudio.engine.api.EngineException;

/**
 * A URL that could not be fetched after the retries (network down, server error, refused access).
 * Distinct from "not found", which {@link Fetcher} reports as an empty result. The loader falls back
 * to the cache when it sees this.
 */
public final class FetchException extends EngineException {

    private final String url;

    public FetchException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
