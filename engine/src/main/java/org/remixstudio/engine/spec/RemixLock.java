package org.remixstudio.engine.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lock file ({@code NAME.remix.lock.json}, docs/spec.md "The lock file"): exactly what a spec
 * resolved to, so a later build installs the same {@code .deb} files or says precisely what moved
 * ({@link LockCheck}). Releases are kept sorted by URI and suite; layers stay in build order.
 *
 * @param specVersion the format version, {@value RemixSpec#CURRENT_VERSION}
 * @param specSha256  {@link RemixSpecWriter#sha256} of the spec it was made from
 * @param releases    the verified Release files the resolution used
 * @param layers      the base variant ({@value LockedLayer#BASE}) first, then one entry per spec layer
 */
public record RemixLock(int specVersion, String specSha256, List<ReleaseDigest> releases, List<LockedLayer> layers) {

    public RemixLock {
        Objects.requireNonNull(specSha256, "specSha256");
        releases = releases.stream().sorted(ReleaseDigest.ORDER).toList();
        layers = List.copyOf(layers);
    }

    public Optional<LockedLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
