package org.remixstudio.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix lock SPEC}: writes what the spec resolves to now as {@code NAME.remix.lock.json}. */
@Command(name = "lock", description = "Resolve a .remix.json spec and write NAME.remix.lock.json beside it.")
final class LockCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;



    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path written = engineOptions.run((engine, bar) -> engine.lock(specFile, bar));
        spec.commandLine().getOut().println("wrote " + written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
