package org.remixstudio.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.LicenseFindingInfo;
import org.remixstudio.engine.api.LicenseReport;
import org.remixstudio.engine.api.PackageLicenseInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code remix licenses SPEC [--policy FILE] [--format text|json]}: the license of every package the spec
 * resolves to, how it was found, and what the policy says. Exits 1 when the policy denies a package, so
 * that a pipeline stops there.
 */
@Command(name = "licenses", description = {
    "List the licenses of the packages a .remix.json spec resolves to, and check them against a policy.",
    "Exits 1 when the policy denies a package."})
final class LicensesCommand implements Callable<Integer> {

    /** Output formats of {@code --format}. */
    enum Format { text, json }

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

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
        LicenseReport report = engineOptions.run((engine, bar) -> engine.licenses(specFile, policy, bar));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            text(out, report);
        }
        out.flush();
        if (report.denied()) {
            long denied = report.findings().stream().filter(f -> f.action().equals("deny")).count();
            spec.commandLine().getErr().println("remix: the policy " + report.policy() + " denies " + denied
                    + (denied == 1 ? " license" : " licenses"));
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    private static void text(PrintWriter out, LicenseReport r) {
        int nameWidth = width(r.packages().stream().map(PackageLicenseInfo::name).toList(), 7);
        int versionWidth = width(r.packages().stream().map(PackageLicenseInfo::version).toList(), 7);
        int layerWidth = width(r.packages().stream().map(PackageLicenseInfo::layer).toList(), 5);
        out.println(pad("PACKAGE", nameWidth) + "  " + pad("VERSION", versionWidth) + "  " + pad("LAYER", layerWidth)
                + "  " + pad("CATEGORY", 16) + "  " + pad("FOUND", 8) + "  LICENSE");
        Map<String, Integer> categories = new TreeMap<>();
        for (PackageLicenseInfo p : r.packages()) {
            out.println(pad(p.name(), nameWidth) + "  " + pad(p.version(), versionWidth) + "  " + pad(p.layer(), layerWidth)
                    + "  " + pad(p.category(), 16) + "  " + pad(p.howFound(), 8) + "  " + p.spdx()
                    + (p.howFound().equals("unknown") && !p.reason().isEmpty() ? "  (" + p.reason() + ")" : ""));
            categories.merge(p.category(), 1, Integer::sum);
        }
        out.println();
        out.println(r.packages().size() + " packages: " + r.count("declared") + " declared, " + r.count("detected")
                + " detected, " + r.count("unknown") + " unknown");
        StringBuilder line = new StringBuilder("categories:");
        categories.forEach((c, n) -> line.append(' ').append(c).append(' ').append(n).append(','));
        line.setLength(line.length() - 1);
        out.println(line);
        if (!r.policy().isEmpty()) {
            out.println();
            out.println(r.findings().isEmpty() ? "policy " + r.policy() + ": no findings"
                    : "policy " + r.policy() + ": " + r.findings().size() + " findings");
            for (LicenseFindingInfo f : r.findings()) {
                out.println("  " + f.action().toUpperCase(java.util.Locale.ROOT) + "  " + f.pkg() + " " + f.version()
                        + " (layer " + f.layer() + "): " + f.license() + " [" + f.category() + "; rule " + f.rule()
                        + (f.scope().equals("main") ? "" : "; some files only") + "]");
                out.println("        " + String.join(" -> ", f.chain()));
            }
        }
    }

    private static int width(List<String> values, int min) {
        return Math.max(min, values.stream().mapToInt(String::length).max().orElse(0));
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
