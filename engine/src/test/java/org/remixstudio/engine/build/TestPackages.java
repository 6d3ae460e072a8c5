package org.remixstudio.engine.build;

import java.util.List;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.catalog.RelationParser;

/** Index entries for the builder's tests, with only the fields a test cares about. */
final class TestPackages {

    private TestPackages() {
    }

    static BinaryPackage pkg(String name, String version, boolean essential, String preDepends, String depends) {
        return entry(name, version, "amd64", MultiArch.NO, essential, preDepends, depends, "", "http://archive.invalid/",
                "pool/" + name + ".deb", "", 1);
    }

    static BinaryPackage entry(String name, String version, String arch, MultiArch multiArch, boolean essential,
                               String preDepends, String depends, String replaces, String baseUri, String filename,
                               String sha256, long size) {
        DebVersion v = DebVersion.parse(version);
        return new BinaryPackage(name, v, arch, multiArch, essential, essential ? Priority.REQUIRED : Priority.OPTIONAL,
                "misc", 1, size, sha256, filename, name, v, RelationParser.parse(depends),
                RelationParser.parse(preDepends), List.of(), List.of(), List.of(), List.of(),
                RelationParser.parse(replaces), List.of(), name, "", "", new IndexOrigin(baseUri, "test", "test",
                "main", ""));
    }
}
