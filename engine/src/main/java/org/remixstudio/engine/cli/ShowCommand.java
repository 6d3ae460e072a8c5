package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.PackageDetails;
import org.remixstudio.engine.api.PackageSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code remix show PKG}: every field of the candidate version, plus its reverse dependencies. */
@Command(name = "show", description = "Show all fields of a package and what depends on it.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PKG", description = "Package name.")
    String name;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PackageCatalog c = catalog.load();
        PackageDetails d = c.show(name).orElseThrow(() -> new EngineException(
                "package '" + name + "' is not in the sources in use" + suggestions(c)));
        PrintWriter out = spec.commandLine().getOut();
        field(out, "Package", d.name());
        field(out, "Version", d.version());
        field(out, "Architecture", d.architecture());
        field(out, "Multi-Arch", d.multiArch());
        field(out, "Essential", d.essential() ? "yes" : "");
        field(out, "Priority", d.priority());
        field(out, "Section", d.section());
        field(out, "Source", d.source() + (d.sourceVersion().equals(d.version()) ? "" : " (" + d.sourceVersion() + ")"));
        field(out, "Installed-Size", d.installedSize() + " KiB (" + Sizes.kib(d.installedSize()) + ")");
        field(out, "Size", d.size() + " bytes (" + Sizes.human(d.size()) + ")");
        field(out, "Pre-Depends", d.preDepends());
        field(out, "Depends", d.depends());
        field(out, "Recommends", d.recommends());
        field(out, "Suggests", d.suggests());
        field(out, "Conflicts", d.conflicts());
        field(out, "Breaks", d.breaks());
        field(out, "Replaces", d.replaces());
        field(out, "Provides", d.provides());
        field(out, "Homepage", d.homepage());
        field(out, "Filename", d.filename());
        field(out, "SHA256", d.sha256());
        field(out, "Suite", d.suite() + "/" + d.component());
        field(out, "Other-Versions", String.join(", ", d.otherVersions()));
        field(out, "Description", d.shortDescription());
        if (!d.longDescription().isEmpty()) {
            for (String line : d.longDescription().split("\n")) {
                out.println(" " + line);
            }
        }
        out.printf("Reverse-Depends (%d):%s%n", d.reverseDependencies().size(),
                d.reverseDependencies().isEmpty() ? " none" : "");
        for (String r : d.reverseDependencies()) {
            out.println("  " + r);
        }
        return 0;
    }

    private String suggestions(PackageCatalog c) {
        List<String> close = c.closeMatches(name, 3);
        if (close.isEmpty()) {
            close = c.search(name, 3).stream().map(PackageSummary::name).toList();
        }
        return close.isEmpty() ? "; check the name, or add a source that has it with --source"
                : "; did you mean " + String.join(" or ", close) + "?";
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.println(name + ": " + value);
        }
    }
}
