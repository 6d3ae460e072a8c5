package org.remixstudio.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.Impact;
import org.remixstudio.engine.api.ImpactReport;
import org.remixstudio.engine.api.LicenseChange;
import org.remixstudio.engine.api.LicenseFindingInfo;
import org.remixstudio.engine.api.LicenseImpact;
import org.remixstudio.engine.api.PlannedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix impact SPEC --layer N --add a,b --remove c}: what an edit would do, before building. */
@Command(name = "impact", description = {
    "Show what adding or removing packages in one layer of a spec would do to the image, without building:",
    "packages that come and go (with reasons and layers) and the installed and download sizes before and after."})
final class ImpactCommand implements Callable<Integer> {

    /** Output formats of {@code --format}. */
    enum Format { text, json }

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

    @Option(names = "--layer", required = true, paramLabel = "LAYER",
            description = "The layer to edit: its name, or its number counted from 1.")
    String layer;

    @Option(names = "--add", split = ",", paramLabel = "PKG[=VER]", description = "Packages to add there (comma-separated, repeatable).")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", split = ",", paramLabel = "PKG", description = "Packages to take away there (comma-separated, repeatable).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A license policy (JSON: allow, warn, deny by SPDX id or category; see docs/licenses.md).")
    Path policy;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;



    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImpactReport report = engineOptions.run((engine, bar) -> engine.impact(specFile, layer, add, remove, policy, bar));
        Impact impact = report.impact();
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            for (PlannedPackage p : impact.added()) {
                w.printf("+ %-28s %-24s %10s  layer %s: %s%n", p.name(), p.version(),
                        Sizes.human(p.installedSize() * 1024), p.layer(), p.reason());
            }
            for (PlannedPackage p : impact.removed()) {
                w.printf("- %-28s %-24s %10s  was in layer %s%n", p.name(), p.version(),
                        Sizes.human(p.installedSize() * 1024), p.layer());
            }
            w.printf("%d added, %d removed%n", impact.added().size(), impact.removed().size());
            w.printf("installed: %s -> %s (%s)%n", Sizes.human(impact.before().installedSize() * 1024),
                    Sizes.human(impact.after().installedSize() * 1024), signed(impact.installedDelta() * 1024));
            w.printf("download:  %s -> %s (%s)%n", Sizes.human(impact.before().downloadSize()),
                    Sizes.human(impact.after().downloadSize()), signed(impact.downloadDelta()));
            LicenseImpact licenses = report.licenses();
            for (LicenseChange c : licenses.entering()) {
                w.printf("license entering: %s (%s) with %s%n", c.license(), c.category(), String.join(", ", c.packages()));
            }
            for (LicenseChange c : licenses.leaving()) {
                w.printf("license leaving:  %s (%s) with %s%n", c.license(), c.category(), String.join(", ", c.packages()));
            }
            w.printf("license categories: %s -> %s%n", licenses.categoriesBefore(), licenses.categoriesAfter());
            for (LicenseFindingInfo f : licenses.findings()) {
                w.printf("policy %s: %s %s (%s, layer %s) via %s%n", f.action(), f.pkg(), f.license(), f.category(),
                        f.layer(), String.join(" <- ", f.chain()));
            }
        }
        w.flush();
        return 0;
    }

    private static String signed(long bytes) {
        return (bytes < 0 ? "-" : "+") + Sizes.human(Math.abs(bytes));
    }
}
