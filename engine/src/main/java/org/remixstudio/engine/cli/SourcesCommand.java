package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.SourceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code remix sources}: the configured sources, their signature status and how old the cached data is. */
@Command(name = "sources", description = "List the sources in use, their signature status and cache age.")
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PackageCatalog c = catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        for (SourceStatus s : c.sources()) {
            out.printf("%s %s [%s]%n", s.uri(), s.suite(), s.components());
            out.printf("  codename:   %s%s%n", s.codename(), s.origin().isEmpty() ? "" : " (" + s.origin() + ")");
            out.printf("  signature:  %s%n", s.signature());
            out.printf("  release:    %s%n", s.releaseDate() == null ? "no Date field" : s.releaseDate());
            out.printf("  fetched:    %s (%s ago)%s%n", s.fetchedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), age(Duration.between(s.fetchedAt(), now)),
                    s.fromCache() ? ", from cache" : "");
            out.printf("  packages:   %,d%n", s.packages());
        }
        out.printf("%,d packages (%s) from %d source(s)%n", c.size(), c.architecture(), c.sources().size());
        return 0;
    }

    static String age(Duration d) {
        if (d.isNegative() || d.toMinutes() < 1) {
            return "less than a minute";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " days";
    }
}
