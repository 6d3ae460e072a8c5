package org.remixstudio.engine.repo;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.remixstudio.engine.api.ProgressEvent;

/**
 * The state of one {@link RepositoryCatalogLoader#load} call: whether it may use the network, the
 * hosts that already failed (so the other suites of a dead host go to the cache at once instead of
 * waiting through the retries again), and where progress goes.
 */
final class LoadSession {

    private final boolean offline;
    private final Duration maxAge;
    private final Set<String> unreachableHosts = new HashSet<>();
    private final Consumer<ProgressEvent> progress;

    /**
     * @param maxAge a cached Release fetched less than this long ago is used without asking the
     *               network again ({@link Duration#ZERO}: always ask)
     */
    LoadSession(boolean offline, Duration maxAge, Consumer<ProgressEvent> progress) {
        this.offline = offline;
        this.maxAge = maxAge;
        this.progress = progress;
    }

    Duration maxAge() {
        return maxAge;
    }

    /** Whether files of this URI must come from the cache. */
    synchronized boolean offlineFor(String uri) {
        return offline || unreachableHosts.contains(host(uri));
    }

    synchronized void markUnreachable(String uri) {
        unreachableHosts.add(host(uri));
    }

    boolean offline() {
        return offline;
    }

    Consumer<ProgressEvent> progress() {
        return progress;
    }

    private static String host(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + (u.getAuthority() == null ? "" : u.getAuthority());
    }
}
