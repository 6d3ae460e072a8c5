package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.PackageSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code remix search TEXT}: ranked search by name and description. */
@Command(name = "search", description = "Search packages by name and description words.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words to look for.")
    List<String> words;

    @Option(names = {"-n", "--limit"}, defaultValue = "30", description = "At most this many results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PackageCatalog c = catalog.load();
        List<PackageSummary> hits = c.search(String.join(" ", words), limit);
        PrintWriter out = spec.commandLine().getOut();
        if (hits.isEmpty()) {
            out.println("No package matches '" + String.join(" ", words) + "'.");
            return 0;
        }
        int width = hits.stream().mapToInt(h -> h.name().length()).max().orElse(10);
        int vwidth = hits.stream().mapToInt(h -> h.version().length()).max().orElse(10);
        for (PackageSummary h : hits) {
            out.printf("%-" + width + "s  %-" + vwidth + "s  %9s  %s%n", h.name(), h.version(),
                    Sizes.kib(h.installedSize()), h.shortDescription());
        }
        return 0;
    }
}
