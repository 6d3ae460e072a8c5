package org.remixstudio.engine.build;

import java.nio.file.Path;
import org.remixstudio.engine.build.fetch.DebFetcher;

/**
 * Builds bookworm minbase as whatever user runs it; {@link RootfsBuilderUserNamespaceArchiveTest}
 * starts it with {@code runuser} as an ordinary user. Arguments: the root, the {@code .deb} cache, the
 * apt metadata cache. Prints one line with the outcome.
 */
public final class UserNamespaceBuildMain {

    private UserNamespaceBuildMain() {
    }

    public static void main(String[] args) {
        MinbaseSet set = MinbaseSet.load("bookworm", Path.of(args[2]));
        RootfsOptions options = RootfsOptions.defaults("amd64").withAptSources(set.sourceLines)
                .withAutoInstalled(set.autoInstalled).withSourceDateEpoch(1_700_000_000L);
        RootfsBuild build = new RootfsBuilder(DebFetcher.create(Path.of(args[1])), options)
                .build(set.packages, Path.of(args[0]), e -> { });
        System.out.println("sandbox=" + build.sandbox() + " configured=" + build.configured() + " packages="
                + build.packages().size() + " warnings=" + build.warnings() + " phases=" + build.phases());
    }
}
