package io.gridbot.runner.cli;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierListing;
import io.gridbot.runner.notify.Backoff;
import io.gridbot.runner.notify.Delivery;
import io.gridbot.runner.notify.DeliverySettings;
import io.gridbot.runner.notify.GridAlert;
import io.gridbot.runner.notify.Notifications;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code grid notify add | list | remove | test | enable | disable}: the notifiers a daemon sends its grids' alerts to. A running
 * daemon reads them again every minute, so changes reach it without a restart. No command prints a notifier's
 * secret or its full target.
 */
@Command(name = "notify", mixinStandardHelpOptions = true, description = "Send alerts to a webhook or a Telegram chat.",
        subcommands = {NotifyAddCommand.class, NotifyCommand.ListNotifiers.class, NotifyCommand.Remove.class,
            NotifyCommand.Test.class, NotifyCommand.Enable.class, NotifyCommand.Disable.class})
public final class NotifyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The kinds as a person reads them: {@code all}, or their names in lower case. */
    static String kinds(Set<AlertKind> wants) {
        return wants.containsAll(EnumSet.allOf(AlertKind.class)) ? "all alerts"
                : wants.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    /** {@code grid notify list}: every notifier, its target redacted, never its secret. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the notifiers (never their secrets).")
    static final class ListNotifiers implements Callable<Integer> {

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                List<NotifierListing> all = db.notifiers().listed();
                PrintWriter out = spec.commandLine().getOut();
                if (all.isEmpty()) {
                    out.println("no notifiers");
                }
                for (NotifierListing n : all) {
                    out.printf("%-20s %-8s %-40s %-30s %s%s%n", n.name(), n.kind().name().toLowerCase(Locale.ROOT),
                            n.shown(), kinds(n.wants()), n.enabled() ? "enabled" : "disabled",
                            n.hasSecret() ? ", secret stored encrypted" : "");
                }
            }
            return 0;
        }
    }

    /** {@code grid notify remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a notifier.")
    static final class Remove implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                if (!db.notifiers().remove(name)) {
                    spec.commandLine().getErr().printf("no notifier named %s%n", name);
                    return 1;
                }
            }
            spec.commandLine().getOut().printf("removed notifier %s%n", name.toLowerCase(Locale.ROOT));
            return 0;
        }
    }

    /** Turning a notifier on or off, by name. */
    abstract static class Switch implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract boolean on();

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                if (!db.notifiers().enable(name, on(), System.currentTimeMillis())) {
                    spec.commandLine().getErr().printf("no notifier named %s%n", name);
                    return 1;
                }
            }
            spec.commandLine().getOut().printf("notifier %s %s%n", name.toLowerCase(Locale.ROOT), on() ? "enabled" : "disabled");
            return 0;
        }
    }

    /** {@code grid notify enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Send alerts to a disabled notifier again.")
    static final class Enable extends Switch {

        @Override
        boolean on() {
            return true;
        }
    }

    /** {@code grid notify disable NAME}: kept, but sent nothing until enabled. */
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop sending alerts to a notifier, keeping it.")
    static final class Disable extends Switch {

        @Override
        boolean on() {
            return false;
        }
    }

    /** {@code grid notify test NAME}: sends a test alert now and says what the receiver answered. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send a test alert (kind TEST) to a notifier and show the receiver's answer.")
    static final class Test implements Callable<Integer> {

        /** Three attempts, a second and then two apart: a test says soon whether the receiver works. */
        static final Backoff QUICK = new Backoff(3, 1_000, 2_000);

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Optional<Notifier> notifier;
            try (Database db = store.open(OpenMode.EXISTING)) {
                notifier = db.notifiers(CredentialsCommand.masterKey(store)).find(name);
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            if (notifier.isEmpty()) {
                spec.commandLine().getErr().printf("no notifier named %s%n", name);
                return 1;
            }
            Notifier n = notifier.get();
            GridAlert alert = new GridAlert("(test)", "-", "-", GridAlert.TEST,
                    "a test alert from grid notify test: this notifier works", System.currentTimeMillis(), "grid notify test");
            Delivery d = Notifications.sendNow(n, alert, DeliverySettings.live(System.getenv()).withBackoff(QUICK));
            PrintWriter out = d.delivered() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.printf("notifier %s: %s (%s)%n", n.name(), switch (d.result()) {
                case DELIVERED -> "delivered";
                case REFUSED -> "refused by the receiver";
                case GAVE_UP -> "not delivered after " + d.attempts() + " attempts";
            }, d.answer());
            return d.delivered() ? 0 : 1;
        }
    }
}
