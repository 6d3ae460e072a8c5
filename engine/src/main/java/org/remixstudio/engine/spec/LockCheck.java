package org.remixstudio.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.remixstudio.engine.api.EngineException;

/**
 * The comparison of a lock file with a fresh resolution of its spec: exactly what moved, in a stable
 * order (spec, then Release files by URI and suite, then layers in the fresh build order, then
 * layers that are gone; packages by name and architecture within a layer). A build that must be
 * reproducible refuses to go on when anything moved; {@code remix lock} shows the same list before it
 * records the new set.
 */
public final class LockCheck {

    private final List<LockChange> changes;

    private LockCheck(List<LockChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Compares what {@code locked} pins with what {@code fresh} (a lock made from a new resolution) holds. */
    public static LockCheck compare(RemixLock locked, RemixLock fresh) {
        List<LockChange> changes = new ArrayList<>();
        if (!locked.specSha256().equals(fresh.specSha256())) {
            changes.add(new LockChange(LockChange.Kind.SPEC_CHANGED, "", "spec", locked.specSha256(), fresh.specSha256()));
        }
        compareReleases(locked.releases(), fresh.releases(), changes);
        Map<String, LockedLayer> lockedLayers = byKey(locked.layers(), LockedLayer::name);
        Map<String, LockedLayer> freshLayers = byKey(fresh.layers(), LockedLayer::name);
        for (LockedLayer layer : fresh.layers()) {
            LockedLayer old = lockedLayers.get(layer.name());
            if (old == null) {
                changes.add(new LockChange(LockChange.Kind.LAYER_ADDED, layer.name(), layer.name(), "", ""));
                comparePackages(layer.name(), List.of(), layer.packages(), changes);
            } else {
                comparePackages(layer.name(), old.packages(), layer.packages(), changes);
            }
        }
        for (LockedLayer layer : locked.layers()) {
            if (!freshLayers.containsKey(layer.name())) {
                changes.add(new LockChange(LockChange.Kind.LAYER_REMOVED, layer.name(), layer.name(), "", ""));
            }
        }
        return new LockCheck(changes);
    }

    private static void compareReleases(List<ReleaseDigest> locked, List<ReleaseDigest> fresh, List<LockChange> out) {
        Map<String, ReleaseDigest> before = byKey(locked, ReleaseDigest::key);
        Map<String, ReleaseDigest> after = byKey(fresh, ReleaseDigest::key);
        List<String> keys = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(keys::add);
        keys.sort(null);
        for (String key : keys) {
            ReleaseDigest b = before.get(key);
            ReleaseDigest a = after.get(key);
            if (b == null) {
                out.add(new LockChange(LockChange.Kind.RELEASE_ADDED, "", key, "", a.sha256()));
            } else if (a == null) {
                out.add(new LockChange(LockChange.Kind.RELEASE_REMOVED, "", key, b.sha256(), ""));
            } else if (!a.sha256().equals(b.sha256())) {
                out.add(new LockChange(LockChange.Kind.RELEASE_CHANGED, "", key, b.sha256(), a.sha256()));
            }
        }
    }

    private static void comparePackages(String layer, List<LockedPackage> locked, List<LockedPackage> fresh,
            List<LockChange> out) {
        Map<String, LockedPackage> before = byKey(locked, LockedPackage::key);
        Map<String, LockedPackage> after = byKey(fresh, LockedPackage::key);
        List<LockedPackage> all = new ArrayList<>(locked);
        fresh.stream().filter(p -> !before.containsKey(p.key())).forEach(all::add);
        all.sort(LockedPackage.ORDER);
        for (LockedPackage p : all) {
            LockedPackage b = before.get(p.key());
            LockedPackage a = after.get(p.key());
            if (b == null) {
                out.add(new LockChange(LockChange.Kind.PACKAGE_ADDED, layer, p.key(), "", a.version()));
            } else if (a == null) {
                out.add(new LockChange(LockChange.Kind.PACKAGE_REMOVED, layer, p.key(), b.version(), ""));
            } else if (!a.version().equals(b.version())) {
                out.add(new LockChange(LockChange.Kind.VERSION_CHANGED, layer, p.key(), b.version(), a.version()));
            } else if (!a.sha256().equals(b.sha256())) {
                out.add(new LockChange(LockChange.Kind.DEB_CHANGED, layer, p.key(), b.sha256(), a.sha256()));
            }
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }

    public List<LockChange> changes() {
        return changes;
    }

    /** Whether the fresh resolution is exactly what the lock pins. */
    public boolean matches() {
        return changes.isEmpty();
    }

    /**
     * A message listing every change, for the lock file named {@code lockFile}; says so when nothing
     * moved.
     */
    public String message(String lockFile) {
        if (changes.isEmpty()) {
            return lockFile + " matches: nothing moved";
        }
        StringBuilder sb = new StringBuilder(lockFile).append(" no longer matches what the spec resolves to (")
                .append(changes.size()).append(changes.size() == 1 ? " change" : " changes").append("):");
        for (LockChange c : changes) {
            sb.append("\n  ").append(c.describe());
        }
        return sb.append("\nRun `remix lock` to record the new set if these changes are wanted.").toString();
    }

    /**
     * Holds a build to the lock's package set: throws an {@link EngineException} with
     * {@link #message} when any layer or package moved. What may move without changing a single
     * installed byte (the spec's other fields, re-signed Release files) comes back as notes.
     */
    public List<String> requireSamePackages(String lockFile) {
        boolean packagesMoved = changes.stream().anyMatch(c -> switch (c.kind()) {
            case SPEC_CHANGED, RELEASE_ADDED, RELEASE_REMOVED, RELEASE_CHANGED -> false;
            default -> true;
        });
        if (packagesMoved) {
            throw new EngineException(message(lockFile));
        }
        return changes.stream().map(c -> lockFile + ": " + c.describe() + "; every locked package is unchanged")
                .toList();
    }

    /** Throws an {@link EngineException} with {@link #message} when anything moved. */
    public void requireMatch(String lockFile) {
        if (!changes.isEmpty()) {
            throw new EngineException(message(lockFile));
        }
    }
}
