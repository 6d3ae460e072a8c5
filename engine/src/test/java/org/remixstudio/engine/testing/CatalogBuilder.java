package org.remixstudio.engine.testing;

import java.util.ArrayList;
import java.util.List;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.catalog.RelationGroup;
import org.remixstudio.engine.catalog.RelationParser;

/**
 * Small catalogs written in code for resolver tests: {@code pkg("a", "1").depends("b | c")...}. Entries
 * are added in order, like the lines of one Packages index of suite {@code test}.
 */
public final class CatalogBuilder {

    public static final IndexOrigin ORIGIN = new IndexOrigin("http://archive.invalid/debian/", "test", "test",
            "main", "");

    private final List<BinaryPackage> packages = new ArrayList<>();

    /** One entry being written; {@link #pkg} starts the next one. */
    public final class Entry {
        private final String name;
        private final String version;
        private String arch = "amd64";
        private MultiArch multiArch = MultiArch.NO;
        private boolean essential;
        private boolean important;
        private Priority priority = Priority.OPTIONAL;
        private String depends;
        private String preDepends;
        private String recommends;
        private String conflicts;
        private String breaks;
        private String provides;
        private IndexOrigin origin = ORIGIN;
        private long installedSize = 1;
        private long size = 1;

        private Entry(String name, String version) {
            this.name = name;
            this.version = version;
        }

        public Entry depends(String v) {
            depends = v;
            return this;
        }

        public Entry preDepends(String v) {
            preDepends = v;
            return this;
        }

        public Entry recommends(String v) {
            recommends = v;
            return this;
        }

        public Entry conflicts(String v) {
            conflicts = v;
            return this;
        }

        public Entry breaks(String v) {
            breaks = v;
            return this;
        }

        public Entry provides(String v) {
            provides = v;
            return this;
        }

        public Entry essential() {
            essential = true;
            priority = Priority.REQUIRED;
            return this;
        }

        public Entry important() {
            important = true;
            return this;
        }

        public Entry priority(Priority p) {
            priority = p;
            return this;
        }

        public Entry arch(String a) {
            arch = a;
            return this;
        }

        public Entry multiArch(MultiArch m) {
            multiArch = m;
            return this;
        }

        /** {@code Installed-Size} in KiB and the {@code .deb}'s size in bytes (1 and 1 unless set). */
        public Entry sizes(long installedKib, long debBytes) {
            installedSize = installedKib;
            size = debBytes;
            return this;
        }

        public Entry suite(String suite) {
            origin = new IndexOrigin(ORIGIN.baseUri(), suite, suite, "main", "");
            return this;
        }

        public Entry pkg(String n, String v) {
            return CatalogBuilder.this.pkg(n, v);
        }

        public Catalog build() {
            return CatalogBuilder.this.build();
        }

        private BinaryPackage toPackage() {
            List<PackageRelation> prov = new ArrayList<>();
            for (RelationGroup g : RelationParser.parse(provides)) {
                prov.addAll(g.alternatives());
            }
            return new BinaryPackage(name, DebVersion.parse(version), arch, multiArch, essential, important, priority,
                    "misc", installedSize, size, "", "pool/" + name + "_" + version + ".deb", name, DebVersion.parse(version),
                    RelationParser.parse(depends), RelationParser.parse(preDepends), RelationParser.parse(recommends),
                    List.of(), RelationParser.parse(conflicts), RelationParser.parse(breaks), List.of(), List.of(), prov,
                    name, "", "", origin);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public Entry pkg(String name, String version) {
        Entry e = new Entry(name, version);
        entries.add(e);
        return e;
    }

    public Catalog build() {
        packages.clear();
        for (Entry e : entries) {
            packages.add(e.toPackage());
        }
        return new Catalog(packages, "amd64");
    }
}
