package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import org.remixstudio.engine.api.EngineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code remix} command line: the engine without the GUI. Exit codes: 0 success, 1 failure
 * (message on stderr; stack trace only with {@code --debug}), 2 usage error.
 */
@Command(name = "remix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Remix Linux images out of real distribution packages.",
        subcommands = {
            SourcesCommand.class,
            SearchCommand.class,
            ShowCommand.class,
            ResolveCommand.class,
            InspectCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RemixCli implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'remix --help'.");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        RemixCli root = new RemixCli();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("remix: " + describe(ex));
            if (root.debug) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cl.execute(args);
    }

    private static String describe(Exception ex) {
        if (ex instanceof EngineException) {
            return ex.getMessage();
        }
        if (ex instanceof CancellationException) {
            return "cancelled";
        }
        String message = ex.getMessage();
        return "internal error: " + ex.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with --debug for details)";
    }
}
