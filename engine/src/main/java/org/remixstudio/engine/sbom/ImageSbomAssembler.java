package org.remixstudio.engine.sbom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.IndexOrigin;

/**
 * Makes the {@link ImageSbom} of an installed package set: each catalog entry becomes an
 * {@link SbomPackage} with its purl, {@code .deb} URL and digest, supplier and in-set dependencies.
 * Licenses come from outside (the license scan) through a function; a package it knows nothing about
 * gets {@link SbomLicense#unknown()}.
 */
public final class ImageSbomAssembler {

    private final String distro;
    private final String toolVersion;
    private final Function<BinaryPackage, SbomLicense> licenses;

    /**
     * @param distro   the purl {@code distro} qualifier ({@link #distro})
     * @param toolVersion the version of remix-studio, e.g. {@code 0.1.0}
     * @param licenses the license of each package; may return {@code null} for unknown
     */
    public ImageSbomAssembler(String distro, String toolVersion, Function<BinaryPackage, SbomLicense> licenses) {
        this.distro = distro;
        this.toolVersion = toolVersion;
        this.licenses = licenses;
    }

    /**
     * The purl {@code distro} qualifier as {@code debian-VERSION} when the Release file gives a
     * {@code Version} (its major part, as {@code /etc/os-release}'s {@code VERSION_ID}), else
     * {@code debian-SUITE} with the suite or codename as given (e.g. {@code debian-sid}).
     */
    public static String distro(String releaseVersion, String suite) {
        if (releaseVersion != null && !releaseVersion.isBlank()) {
            String v = releaseVersion.strip();
            int dot = v.indexOf('.');
            return "debian-" + (dot > 0 ? v.substring(0, dot) : v);
        }
        return "debian-" + suite;
    }

    public ImageSbom assemble(String name, String version, String architecture, Instant created,
                              Collection<BinaryPackage> installed, List<SbomRelease> releases) {
        InstalledDependencies dependencies = new InstalledDependencies(installed);
        List<SbomPackage> packages = new ArrayList<>(installed.size());
        for (BinaryPackage p : installed) {
            SbomLicense license = licenses.apply(p);
            packages.add(new SbomPackage(p.name(), p.version().toString(), p.architecture(), p.source(),
                    p.sourceVersion().toString(), p.sha256(), p.maintainer(), downloadLocation(p), p.homepage(),
                    p.shortDescription(), license == null ? SbomLicense.unknown() : license,
                    PackageUrl.deb(p.name(), p.version().toString(), p.architecture(), distro), dependencies.of(p)));
        }
        return new ImageSbom(name, version, architecture, distro, created, toolVersion, packages, releases);
    }

    private static String downloadLocation(BinaryPackage p) {
        IndexOrigin origin = p.origin();
        if (origin == null || p.filename().isEmpty()) {
            return "";
        }
        String base = origin.baseUri().endsWith("/") ? origin.baseUri() : origin.baseUri() + "/";
        return base + p.filename();
    }
}
