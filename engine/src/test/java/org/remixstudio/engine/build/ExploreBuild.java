package org.remixstudio.engine.build;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.build.dpkg.TreeFiles;
import org.remixstudio.engine.build.fetch.DebFetcher;

@Tag("archive")
class ExploreBuild {
    @Test
    void explore() throws Exception {
        MinbaseBookworm set = MinbaseBookworm.load();
        Path root = Path.of("/tmp/remix-explore/rootfs");
        TreeFiles.delete(root);
        RootfsOptions options = RootfsOptions.defaults("amd64").withAptSources(set.sourceLines)
                .withAutoInstalled(set.autoInstalled).withSourceDateEpoch(1700000000L);
        RootfsBuild build = new RootfsBuilder(DebFetcher.create(MinbaseBookworm.DEB_CACHE), options)
                .build(set.packages, root, e -> { });
        System.out.println("PHASES " + build.phases() + " total " + build.total());
        System.out.println("WARN " + build.warnings());
        TreeSnapshot ours = TreeSnapshot.ofDirectory(root);
        TreeSnapshot theirs = TreeSnapshot.ofTar(Path.of("/tmp/ref/minbase.tar"));
        Files.write(Path.of("/tmp/remix-explore/diff.txt"), ours.diff(theirs));
    }
}
