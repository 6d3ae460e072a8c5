package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.SourceBundleResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix source-bundle SPEC -o DIR}: the verified source of every binary of the image. */
@Command(name = "source-bundle", description = {
    "Fetch the source of every binary package of the image a .remix.json spec describes (.dsc and its files,",
    "verified against the signed Sources indexes) into DIR, with DIR/source-bundle.json mapping binaries",
    "to sources. Files already in DIR and verified are kept, so a second run resumes."})
final class SourceBundleCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "The bundle directory.")
    Path output;

    @Option(names = "--allow-missing",
            description = "Bundle what is found and list binaries without a source, instead of failing.")
    boolean allowMissing;



    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SourceBundleResult r = engineOptions.run((engine, bar) -> engine.sourceBundle(specFile, output, allowMissing, bar));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d binary packages from %d source packages: %d files fetched (%s), %d already there%n",
                r.binaries(), r.sources(), r.filesFetched(), Sizes.human(r.bytesFetched()), r.filesKept());
        r.missing().forEach(m -> w.println("missing: " + m));
        w.println("wrote " + r.index());
        w.flush();
        return 0;
    }
}
