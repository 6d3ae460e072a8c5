package org.remixstudio.engine.spec;

import org.remixstudio.engine.resolve.BaseVariant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A remix spec: everything needed to build one image, as read from a {@code NAME.remix.json} file
 * (described in docs/spec.md). Values are already checked by {@link RemixSpecReader}; a spec made in
 * code can be checked the same way with {@link RemixSpecReader#validate(RemixSpec)}.
 *
 * @param specVersion   the format version, {@value #CURRENT_VERSION} for this engine
 * @param name          the image name: lower-case letters, digits, {@code .}, {@code _}, {@code -}
 * @param description   free text, may be empty
 * @param sources       the host's apt sources or explicit entries
 * @param suite         the release built from, e.g. {@code bookworm} or {@code trixie}
 * @param architecture  a Debian architecture, default {@value #DEFAULT_ARCHITECTURE}
 * @param variant       the base under the layers, default {@link BaseVariant#MINBASE}
 * @param recommends    whether {@code Recommends} are installed too, default false
 * @param layers        in build order, with unique names
 * @param customizations users, files and settings applied after the packages
 * @param container     the OCI runtime config
 * @param timestamp     seconds since the epoch used for every file time and the image's creation
 *                      time (like {@code SOURCE_DATE_EPOCH}); empty means the build decides
 */
public record RemixSpec(
        int specVersion,
        String name,
        String description,
        SourcesSpec sources,
        String suite,
        String architecture,
        BaseVariant variant,
        boolean recommends,
        List<LayerSpec> layers,
        Customizations customizations,
        ContainerConfigSpec container,
        OptionalLong timestamp) {

    public static final int CURRENT_VERSION = 1;
    public static final String DEFAULT_ARCHITECTURE = "amd64";
    public static final BaseVariant DEFAULT_VARIANT = BaseVariant.MINBASE;

    public RemixSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(variant, "variant");
        layers = List.copyOf(layers);
        Objects.requireNonNull(customizations, "customizations");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * A spec with every default: system sources, {@value #DEFAULT_ARCHITECTURE}, minbase, no
     * recommends, no customizations or container config.
     */
    public static RemixSpec of(String name, String suite, List<LayerSpec> layers) {
        return new RemixSpec(CURRENT_VERSION, name, "", SourcesSpec.SYSTEM, suite, DEFAULT_ARCHITECTURE,
                DEFAULT_VARIANT, false, layers, Customizations.NONE, ContainerConfigSpec.NONE, OptionalLong.empty());
    }
}
