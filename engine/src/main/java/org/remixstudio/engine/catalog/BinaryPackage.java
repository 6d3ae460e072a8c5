package org.remixstudio.engine.catalog;

import java.util.List;

/**
 * One binary package entry of a {@code Packages} index (Debian policy §5.3 and §5.6), with the
 * relationship fields already parsed. Immutable; shared by the catalog, the resolver and the build.
 *
 * @param important     {@code Protected: yes} (or its older name {@code Important: yes}): apt refuses to
 *                      remove such a package on its own and prefers it among providers
 * @param installedSize {@code Installed-Size} in KiB, as the index gives it
 * @param size          size of the {@code .deb} in bytes
 * @param source        the source package name ({@code Source}, or the binary's own name)
 * @param sourceVersion the source version ({@code Source: name (version)}, or the binary's version)
 * @param enhances      the {@code Enhances} field; the resolver only needs it to number packages as apt does
 * @param provides      provided (virtual) packages, each unversioned or with {@code =} version
 * @param maintainer    the {@code Maintainer} field (policy §5.6.2), empty when absent; SBOMs name it as supplier
 */
public record BinaryPackage(
        String name,
        DebVersion version,
        String architecture,
        MultiArch multiArch,
        boolean essential,
        boolean important,
        Priority priority,
        String section,
        long installedSize,
        long size,
        String sha256,
        String filename,
        String source,
        DebVersion sourceVersion,
        List<RelationGroup> depends,
        List<RelationGroup> preDepends,
        List<RelationGroup> recommends,
        List<RelationGroup> suggests,
        List<RelationGroup> conflicts,
        List<RelationGroup> breaks,
        List<RelationGroup> replaces,
        List<RelationGroup> enhances,
        List<PackageRelation> provides,
        String shortDescription,
        String longDescription,
        String homepage,
        IndexOrigin origin,
        String maintainer) {

    /** An entry without a known {@code Maintainer}. */
    public BinaryPackage(String name, DebVersion version, String architecture, MultiArch multiArch,
            boolean essential, boolean important, Priority priority, String section, long installedSize,
            long size, String sha256, String filename, String source, DebVersion sourceVersion,
            List<RelationGroup> depends, List<RelationGroup> preDepends, List<RelationGroup> recommends,
            List<RelationGroup> suggests, List<RelationGroup> conflicts, List<RelationGroup> breaks,
            List<RelationGroup> replaces, List<RelationGroup> enhances, List<PackageRelation> provides,
            String shortDescription, String longDescription, String homepage, IndexOrigin origin) {
        this(name, version, architecture, multiArch, essential, important, priority, section, installedSize,
                size, sha256, filename, source, sourceVersion, depends, preDepends, recommends, suggests,
                conflicts, breaks, replaces, enhances, provides, shortDescription, longDescription, homepage, origin, "");
    }

    /** An entry without the {@code Protected} flag and without {@code Enhances} (the common case). */
    public BinaryPackage(String name, DebVersion version, String architecture, MultiArch multiArch,
            boolean essential, Priority priority, String section, long installedSize, long size,
            String sha256, String filename, String source, DebVersion sourceVersion,
            List<RelationGroup> depends, List<RelationGroup> preDepends, List<RelationGroup> recommends,
            List<RelationGroup> suggests, List<RelationGroup> conflicts, List<RelationGroup> breaks,
            List<RelationGroup> replaces, List<PackageRelation> provides, String shortDescription,
            String longDescription, String homepage, IndexOrigin origin) {
        this(name, version, architecture, multiArch, essential, false, priority, section, installedSize,
                size, sha256, filename, source, sourceVersion, depends, preDepends, recommends, suggests,
                conflicts, breaks, replaces, List.of(), provides, shortDescription, longDescription, homepage, origin);
    }

    /**
     * Whether {@code other} is the same package: same name, a version dpkg calls equal and the same
     * architecture. Suites can carry the same entry (bookworm and bookworm-updates before a point
     * release); apt keeps it once, the first seen.
     */
    public boolean sameEntryAs(BinaryPackage other) {
        return name.equals(other.name) && architecture.equals(other.architecture)
                && version.compareTo(other.version) == 0;
    }

    /** {@code name=version:arch}, unique within a catalog. */
    public String id() {
        return name + "=" + version + ":" + architecture;
    }

    @Override
    public String toString() {
        return name + " " + version + " [" + architecture + "]";
    }
}
