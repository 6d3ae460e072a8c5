package org.remixstudio.engine.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One explicit package source, shaped like a deb822 entry of apt's {@code *.sources} files
 * (sources.list(5), "DEB822-STYLE FORMAT"): the same fields with JSON names.
 *
 * @param types         {@code deb} (binary packages); {@code deb-src} is accepted and ignored by builds
 * @param uris          archive roots, e.g. {@code http://HOST/debian/}
 * @param suites        suites or codenames; a suite ending in {@code /} names a flat repository
 * @param components    e.g. {@code main}; empty only when every suite is flat
 * @param signedBy      an absolute path to a keyring, or an inline ASCII-armored public key block;
 *                      empty means the build's default keyring
 * @param architectures architectures to fetch from this source; empty means the spec's architecture
 * @param trusted       whether to use the source without a verified signature (apt's
 *                      {@code Trusted: yes}); off by default and best left off
 */
public record SourceSpec(
        List<String> types,
        List<String> uris,
        List<String> suites,
        List<String> components,
        Optional<String> signedBy,
        List<String> architectures,
        boolean trusted) {

    /** Marks the start of an inline key in {@code signedBy}. */
    public static final String ARMORED_KEY_HEADER = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    public SourceSpec {
        types = List.copyOf(types);
        uris = List.copyOf(uris);
        suites = List.copyOf(suites);
        components = List.copyOf(components);
        Objects.requireNonNull(signedBy, "signedBy");
        architectures = List.copyOf(architectures);
    }

    /** Whether {@code signedBy} holds an armored key rather than a keyring path. */
    public boolean hasInlineKey() {
        return signedBy.map(s -> s.strip().startsWith(ARMORED_KEY_HEADER)).orElse(false);
    }
}
