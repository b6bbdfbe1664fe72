package org.ecom.cli;

import org.jdbi.v3.core.JdbiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ecom} command line: one entry point for the whole pipeline. */
@Command(name = "ecom", mixinStandardHelpOptions = true, version = "ecom 0.1.0",
        description = "E-commerce analytics warehouse: load Online Retail data into PostgreSQL or SQL Server, govern and clean it, and score customers with the ML sidecar.",
        subcommands = {RunCommand.class, DeployCommand.class, LoadCommand.class, GenerateCommand.class, DbCommand.class,
            SidecarCommand.class, ReportCommand.class, ServeCommand.class, PublishCommand.class, TestDbCommand.class,
            SyncCommand.class, DocsCommand.class, ResetCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  ./ecom run --demo                       generated data, embedded PostgreSQL",
            "  ./ecom run --input online_retail_II.csv.gz --json summary.json",
            "  ./ecom deploy --print-sql --dialect mssql > deploy.sql",
            "  ./ecom db                               serve the embedded database",
            "  ./ecom reset --yes                      drop the embedded database and deploy it again, empty",
            "  ./ecom sidecar --schedule \"0 3 * * *\"    train the models and write back, every day at 03:00",
            "  ./ecom report --out report.html         the dashboard as one offline HTML file",
            "  ./ecom serve                            scores and recommendations over HTTP, the live dashboard"})
public final class EcomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try ./ecom --help");
    }

    public static void main(String[] args) {
        System.setProperty("liquibase.analytics.enabled", "false");
        Interruption.install();
        int exitCode = commandLine().execute(args);
        Interruption.commandFinished();
        System.exit(exitCode);
    }

    /** Exit code of a usage error: options or arguments that cannot work, whatever the command. */
    static final int USAGE = 2;

    /**
     * The configured command line, also used by the tests. Error handling lives here, for every
     * command (new ones included): one line "ecom: error: ..." on stderr; exit 2 for a usage error
     * (picocli's parse errors, a {@link CommandLine.ParameterException} or an
     * {@link IllegalArgumentException} from a command: what the user typed cannot work), 1 for
     * any other failure.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EcomCommand());
        cli.setUsageHelpAutoWidth(true);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().println("ecom: error: " + oneLine(e) + " (try: ./ecom "
                    + qualifiedName(commandLine) + "--help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (Interruption.requested()) {
                return Interruption.EXIT_CODE; // the cancelled statement's error: the signal hook says what happened
            }
            commandLine.getErr().println("ecom: error: " + oneLine(e));
            if (System.getenv("ECOM_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return e instanceof IllegalArgumentException ? USAGE : 1;
        });
        return cli;
    }

    /** "load " for ./ecom load, "" for ./ecom itself. */
    private static String qualifiedName(CommandLine commandLine) {
        String name = commandLine.getCommandSpec().qualifiedName(" ");
        return name.startsWith("ecom") ? (name.length() > 4 ? name.substring(5) + " " : "") : name + " ";
    }

    /** The most telling message of an exception chain, on one line. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        // Jdbi's message repeats the statement and its bindings; the driver's message says what went wrong.
        if ((message == null || e instanceof JdbiException) && e.getCause() != null) {
            return oneLine(e.getCause());
        }
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
