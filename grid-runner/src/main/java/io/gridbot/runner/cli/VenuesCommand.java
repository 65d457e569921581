package io.gridbot.runner.cli;

import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.runner.venue.VenuePath;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code grid venues}: the venues this runner found at run time, each with what it can do, the client order ids
 * it takes, and every variable it reads, said to be set or not (a secret's value is never shown), so a person sees
 * what a venue still needs before a grid is started on it.
 */
@Command(name = "venues", mixinStandardHelpOptions = true,
        description = "List the venues found at run time, what each can do and the variables it reads.")
public final class VenuesCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command as {@code grid} runs it, in this process's environment. */
    public VenuesCommand() {
        this(System.getenv());
    }

    /** The command in the environment given (a test's terminal). */
    public VenuesCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (VenueProvider venue : VenuePath.catalog(environment).providers()) {
            Capabilities can = venue.capabilities();
            out.printf("%s: %s%n", venue.code(), venue.displayName());
            out.printf("  protective stops %s, hedge mode %s, batches of %d%n", yesNo(can.protectiveStops()),
                    yesNo(can.hedgeMode()), can.maxBatchSize());
            out.printf("  client order ids: %s%s%n", venue.clientIdRules(),
                    venue.clientIdCodec() == ClientIdCodec.UNCHANGED ? "" : ", the core's sent in the venue's form");
            for (VenueSetting s : venue.settings()) {
                String value = environment.get(s.name());
                boolean set = value != null && !value.isBlank();
                out.printf("  %s (%s%s): %s%n", s.name(), set ? "set" : "not set",
                        s.storedField() == null ? "" : "; else the stored account's " + s.storedField(), s.meaning());
            }
        }
        return 0;
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }
}
