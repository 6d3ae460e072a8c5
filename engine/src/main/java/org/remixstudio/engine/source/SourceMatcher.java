package org.remixstudio.engine.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.SourcePackage;

/**
 * Finds the source package of each binary: the {@code Sources} entry whose name is the binary's
 * {@code Source} (or its own name) and whose version equals the source version, which is the one in
 * parentheses of {@code Source: foo (1.2-3)} when the binary's version differs (binNMUs, versioned
 * binaries such as {@code gcc-12-base}), else the binary's own version (Debian policy §5.6.1). The
 * first entry in load order wins when several suites carry the same version.
 */
public final class SourceMatcher {

    private final Map<String, List<SourcePackage>> byName = new HashMap<>();

    public SourceMatcher(Collection<SourcePackage> sources) {
        for (SourcePackage s : sources) {
            byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        }
    }

    public List<SourceMatch> match(Collection<BinaryPackage> binaries) {
        List<SourceMatch> out = new ArrayList<>(binaries.size());
        for (BinaryPackage b : binaries) {
            SourcePackage found = null;
            for (SourcePackage s : byName.getOrDefault(b.source(), List.of())) {
                if (s.version().compareTo(b.sourceVersion()) == 0) {
                    found = s;
                    break;
                }
            }
            out.add(new SourceMatch(b, found));
        }
        return out;
    }
}
