package org.remixstudio.engine.repo;

import java.net.URI;
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
    private final Set<String> unreachableHosts = new HashSet<>();
    private final Consumer<ProgressEvent> progress;

    LoadSession(boolean offline, Consumer<ProgressEvent> progress) {
        this.offline = offline;
        this.progress = progress;
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
