package org.remixstudio.engine.build.pipeline;

import java.util.List;
import java.util.Objects;
import org.remixstudio.engine.sbom.ImageSbomAssembler;
import org.remixstudio.engine.sbom.SbomRelease;

/**
 * What a build needs, besides its package set, to write the image's SBOMs: how to describe packages
 * (distro, tool version, licenses) and the signed Release files the catalog was loaded from.
 */
public record SbomRecipe(ImageSbomAssembler assembler, List<SbomRelease> releases) {

    public SbomRecipe {
        Objects.requireNonNull(assembler, "assembler");
        releases = List.copyOf(releases);
    }
}
