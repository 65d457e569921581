package io.gridbot.runner.cli;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.ConfigGuardException;
import io.gridbot.runner.config.GridAdmission;
import io.gridbot.runner.config.GridFile;
import io.gridbot.runner.config.GridFileWriter;
import io.gridbot.runner.link.GridSource;
import io.gridbot.runner.preview.CurrentPrice;
import io.gridbot.runner.preview.PreviewText;
import io.gridbot.runner.preview.Previews;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.web.grid.ConfigDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code grid config …}: grid configurations. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Create, check and manage grid configurations.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Create.class, ConfigCommand.Update.class,
            ConfigCommand.Apply.class, ConfigCommand.Delete.class, ConfigCommand.ListGrids.class, ConfigCommand.Show.class})
public final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads a grid file, printing every problem; {@code null} when there was one. */
    static List<GridConfig> read(Path file, PrintWriter err) {
        GridFile.Result result;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result = GridFile.read(reader);
        } catch (NoSuchFileException e) {
            err.println("no such file: " + file);
            return null;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return null;
        }
        if (!result.ok()) {
            result.problems().forEach(p -> err.println(file + ": " + p));
            return null;
        }
        return result.grids();
    }

    /**
     * Checks the grids against their venues and the stored grids, printing every problem and warning; false when
     * there was a problem, and then nothing may be stored.
     */
    static boolean admit(Path file, List<GridConfig> grids, Optional<Database> db, PrintWriter err) {
        return admit(file, grids, db, err, System.getenv());
    }

    /** As {@link #admit(Path, List, Optional, PrintWriter)}, each venue reading its settings from {@code env}. */
    static boolean admit(Path file, List<GridConfig> grids, Optional<Database> db, PrintWriter err,
            Map<String, String> env) {
        GridAdmission.Verdict verdict = new GridAdmission(VenueListings.standard(env),
                db.map(Database::configs)).check(grids);
        verdict.warnings().forEach(w -> err.println(file + ": warning: " + w));
        verdict.problems().forEach(p -> err.println(file + ": " + p));
        return verdict.ok();
    }

    /** A command that writes to the database: one shape for create, update and apply. */
    abstract static class FileChange implements Callable<Integer> {
        @Option(names = {"-f", "--file"}, required = true, description = "YAML file of one or more grids")
        Path file;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract String change(Database db, GridConfig grid);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            int failures = 0;
            // the store first: a command that creates data names where it lives, whatever the file holds
            try (Database db = store.open(OpenMode.CREATE)) {
                List<GridConfig> grids = read(file, err);
                if (grids == null) {
                    return 1;
                }
                if (!admit(file, grids, Optional.of(db), err)) {
                    return 1;
                }
                for (GridConfig grid : grids) {
                    try {
                        spec.commandLine().getOut().println(change(db, grid) + " " + GridText.describe(grid));
                    } catch (ConfigGuardException | InvalidConfigException e) {
                        err.println(grid.name() + ": " + e.getMessage());
                        failures++;
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }

    /**
     * {@code grid config validate -f grid.yaml}: checks a file without touching anything: its fields, its
     * venue's rules, and that no other live grid holds its symbol in the database.
     */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a YAML file of one or more grids against their venues and the stored grids; "
                    + "prints every problem with its field.")
    public static final class Validate implements Callable<Integer> {

        @Option(names = {"-f", "--file"}, required = true, description = "the YAML file")
        Path file;

        @Mixin
        StoreOptions store;

        @Option(names = "--leverage", paramLabel = "N",
                description = "leverage of the preview's margin and liquidation figures (default: 1)")
        java.math.BigDecimal leverage;

        @Option(names = "--price", paramLabel = "PRICE",
                description = "the price to show how far the band and stop-loss lines are from (default: the "
                        + "venue's last price, when it tells it)")
        java.math.BigDecimal price;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Map<String, String> environment;

        /** The command as {@code grid} runs it, its venues read in this process's environment. */
        public Validate() {
            this(System.getenv());
        }

        /** The command with its venues read in the environment given (a test's terminal, a fake venue's address). */
        public Validate(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            List<GridConfig> grids = read(file, spec.commandLine().getErr());
            if (grids == null) {
                return 1;
            }
            Optional<Database> db = store.openExisting();
            try {
                if (!admit(file, grids, db, spec.commandLine().getErr(), environment)) {
                    return 1;
                }
                return preview(grids, db);
            } finally {
                db.ifPresent(Database::close);
            }
        }

        private int preview(List<GridConfig> grids, Optional<Database> db) {
            int code = 0;
            VenueListings venues = VenueListings.standard(environment);
            for (GridConfig g : grids) {
                spec.commandLine().getOut().println(GridText.describe(g) + ": valid");
                java.math.BigDecimal at = price;
                if (at == null) {
                    at = CurrentPrice.of(db, venues, g.exchange(), g.symbol(), System.currentTimeMillis()).orElse(null);
                    if (at != null) {
                        spec.commandLine().getOut().println("  price: " + at.toPlainString() + ", " + g.exchange()
                                + "'s last (--price to measure from another)");
                    }
                }
                Previews.Outcome preview = Previews.of(g, leverage, at, venues);
                if (preview.report() != null) {
                    PreviewText.print(preview.report(), spec.commandLine().getOut());
                } else if (preview.problems().containsKey("leverage")) {
                    spec.commandLine().getErr().println("--leverage: " + preview.problems().get("leverage"));
                    code = 2;
                } else {
                    spec.commandLine().getOut().println("  preview: " + String.join("; ", preview.problems().values()));
                }
            }
            return code;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Store new grids from a YAML file.")
    public static final class Create extends FileChange {
        @Override
        String change(Database db, GridConfig grid) {
            db.configs().create(grid, System.currentTimeMillis());
            return "created";
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Replace stored grids from a YAML file; a running grid must be paused first.")
    public static final class Update extends FileChange {
        @Override
        String change(Database db, GridConfig grid) {
            db.configs().update(grid, System.currentTimeMillis());
            return "updated";
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create the grids of a YAML file that do not exist and update those that do.")
    public static final class Apply extends FileChange {
        @Override
        String change(Database db, GridConfig grid) {
            if (db.configs().find(grid.name()).isPresent()) {
                db.configs().update(grid, System.currentTimeMillis());
                return "updated";
            }
            db.configs().create(grid, System.currentTimeMillis());
            return "created";
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stopped grid.")
    public static final class Delete implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "the grid's name")
        String name;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                db.configs().delete(name);
                spec.commandLine().getOut().println("deleted " + name);
                return 0;
            } catch (ConfigGuardException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored grids and their status.")
    public static final class ListGrids implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Mixin
        LinkOptions link;

        @Option(names = {"-o", "--output"}, defaultValue = "TEXT", paramLabel = "text|json|yaml",
                description = "text (the default), json (the API's documents) or yaml (a grid file of them all, for"
                        + " 'config apply -f')")
        OutputOptions.Format format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (GridSource grids = link.open(store)) {
                List<ConfigDocument> configs = grids.configs();
                PrintWriter out = spec.commandLine().getOut();
                switch (format) {
                    case TEXT -> GridText.configList(out, configs);
                    case JSON -> OutputOptions.json(out, configs);
                    case YAML -> out.print(GridFileWriter.write(configs.stream().map(ConfigDocument::fields).toList()));
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one stored grid, field by field.")
    public static final class Show implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "the grid's name")
        String name;

        @Mixin
        StoreOptions store;

        @Mixin
        LinkOptions link;

        @Option(names = {"-o", "--output"}, defaultValue = "TEXT", paramLabel = "text|json|yaml",
                description = "text (the default), json (the API's document) or yaml (a grid file, for"
                        + " 'config apply -f')")
        OutputOptions.Format format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (GridSource grids = link.open(store)) {
                Optional<ConfigDocument> config = grids.config(name);
                if (config.isEmpty()) {
                    spec.commandLine().getErr().println(GridText.noSuchGrid(name));
                    return 1;
                }
                PrintWriter out = spec.commandLine().getOut();
                switch (format) {
                    case TEXT -> GridText.configShow(out, config.get());
                    case JSON -> OutputOptions.json(out, config.get());
                    case YAML -> out.print(GridFileWriter.write(List.of(config.get().fields())));
                }
                out.flush();
                return 0;
            }
        }
    }
}
