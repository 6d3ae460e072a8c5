package org.remixstudio.engine.resolve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the latest resolutions of one resolver. The studio re-plans a whole remix on every drag,
 * and a remix's layers are resolved as growing requests (decision: each layer from scratch, see
 * {@code LayerPlanner}); with this memo only the requests from the edited layer up are new, so an
 * impact costs one or two resolutions instead of one per layer. Failed resolutions are not kept.
 * Thread-safe; a request resolved by two threads at once is simply computed twice.
 */
public final class ResolutionCache implements Function<ResolveRequest, Resolution> {

    private final Resolver resolver;
    private final Map<ResolveRequest, Resolution> recent;

    /** @param capacity how many resolutions to keep, least recently used dropped first */
    public ResolutionCache(Resolver resolver, int capacity) {
        this.resolver = resolver;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ResolveRequest, Resolution> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Resolution apply(ResolveRequest request) {
        synchronized (recent) {
            Resolution known = recent.get(request);
            if (known != null) {
                return known;
            }
        }
        Resolution fresh = resolver.resolve(request);
        synchronized (recent) {
            recent.put(request, fresh);
        }
        return fresh;
    }
}
