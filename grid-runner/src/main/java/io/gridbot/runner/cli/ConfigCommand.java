package io.gridbot.runner.cli;

import io.gridbot.core.config.GridConfig;
import io.gridbot.runner.config.GridFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grid config …}: grid configurations (FR-1). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Create, check and manage grid configurations.",
        subcommands = {ConfigCommand.Validate.class})
public final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code grid config validate -f grid.yaml}: checks a file without touching anything (AC1.4). */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a YAML file of one or more grids; prints every problem with its field.")
    public static final class Validate implements Callable<Integer> {

        @Option(names = {"-f", "--file"}, required = true, description = "the YAML file")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            GridFile.Result result;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result = GridFile.read(reader);
            } catch (NoSuchFileException e) {
                err.println("no such file: " + file);
                return 1;
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            if (!result.ok()) {
                result.problems().forEach(p -> err.println(file + ": " + p));
                return 1;
            }
            for (GridConfig grid : result.grids()) {
                out.printf("%s: %s %s on %s, %d lines from %s to %s, %s each, max position %s: valid%n", grid.name(),
                        grid.mode().name().toLowerCase(), grid.symbol(), grid.exchange(), grid.levels(),
                        plain(grid.lowerPrice()), plain(grid.upperPrice()), grid.orderQty().toPlainString(),
                        grid.maxPosition().toPlainString());
            }
            return 0;
        }

        private static String plain(java.math.BigDecimal value) {
            return value == null ? "(from the centre)" : value.toPlainString();
        }
    }
}
