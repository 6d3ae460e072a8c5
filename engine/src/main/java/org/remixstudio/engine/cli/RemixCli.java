package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
        description = "Remix Linux images out of real distribution packages.")
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

    /**
     * The subcommands, in the order help lists them. picocli reads a command's annotations when it is
     * registered, which takes longer than anything else a short command does before its real work, so
     * a command line naming one of them registers only that one (see {@link #execute}).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = Collections.unmodifiableMap(commands());

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("sources", SourcesCommand::new);
        m.put("search", SearchCommand::new);
        m.put("show", ShowCommand::new);
        m.put("resolve", ResolveCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("build", BuildCommand::new);
        m.put("lock", LockCommand::new);
        m.put("sbom", SbomCommand::new);
        m.put("source-bundle", SourceBundleCommand::new);
        m.put("impact", ImpactCommand::new);
        m.put("run", RunCommand::new);
        m.put("licenses", LicensesCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** Runs one command line and returns its exit code; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        RemixCli root = new RemixCli();
        CommandLine cl = new CommandLine(root);
        String named = commandName(args);
        if (named != null && !named.equals("help")) {
            cl.addSubcommand(COMMANDS.get(named).get());
        } else {
            // help, usage errors and "did you mean" hints need every command
            COMMANDS.values().forEach(c -> cl.addSubcommand(c.get()));
        }
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

    /**
     * The subcommand a command line names: its first word that is not an option (the root's options
     * take no values), or {@code null} when that word names none.
     */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return COMMANDS.containsKey(a) ? a : null;
            }
        }
        return null;
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
