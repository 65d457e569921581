package io.gridbot.runner.replay;

import io.gridbot.exchange.binance.data.BinanceFundingFile;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The terms a replay runs on, the options {@code grid replay} and {@code grid sweep} share: the account's balance,
 * the fill model, the leverage, the taker fee and the funding file, each checked with one line when it is wrong.
 */
final class ReplayTerms {

    @Option(names = "--balance", defaultValue = "10000", description = "the simulated account's USDT (default ${DEFAULT-VALUE})")
    BigDecimal balance;

    @Option(names = "--fill-model", defaultValue = "through", converter = FillModelName.class,
            description = "when a trade fills a resting order: touch (a trade at its price), through (only a trade "
            + "through its price) or queue (after the estimated queue ahead at its price) (default ${DEFAULT-VALUE})")
    FillModel fillModel;

    @Option(names = "--funding", paramLabel = "FILE", description = "Binance funding-rate file (calc_time,funding_interval_hours,"
            + "last_funding_rate or ts,rate; .csv or .csv.gz), settled on the open position at each funding time "
            + "(default: no funding)")
    Path funding;

    @Option(names = "--leverage", paramLabel = "N", description = "the symbol's leverage on the simulated venue: initial "
            + "margin is notional / N (default 20)")
    BigDecimal leverage;

    @Option(names = "--taker-fee-rate", paramLabel = "RATE", description = "the venue's taker fee as a fraction (default "
            + "0.0005, Binance's regular rate); maker fills pay the grid's makerFeeRate")
    BigDecimal takerFeeRate;

    /** The venue's settings from these options, or {@code null} after saying what is wrong with them. */
    SimSettings venue(PrintWriter err) {
        SimSettings settings = venueSettings(balance, leverage, takerFeeRate, err);
        return settings == null ? null : settings.withFillModel(fillModel);
    }

    /** Where the taker rate came from, for the summary. */
    String takerSource() {
        return takerFeeRate == null ? "the venue's, --taker-fee-rate" : "--taker-fee-rate";
    }

    /** The funding file's schedule, {@link FundingSchedule#NONE} without one, or {@code null} after saying why not. */
    FundingSchedule fundingSchedule(PrintWriter err) {
        if (funding == null) {
            return FundingSchedule.NONE;
        }
        if (!Files.isReadable(funding)) {
            err.println("cannot read the funding file " + funding);
            return null;
        }
        try (InputStream in = Files.newInputStream(funding)) {
            return BinanceFundingFile.read(in, funding.getFileName().toString());
        } catch (IOException e) {
            err.println("cannot read the funding file " + funding + ": " + e.getMessage());
        } catch (MalformedDataException e) {
            err.println(e.getMessage());
        }
        return null;
    }

    /** The venue's settings (null leverage or taker rate: the defaults), or {@code null} after saying what is wrong. */
    static SimSettings venueSettings(BigDecimal balance, BigDecimal leverage, BigDecimal takerFeeRate, PrintWriter err) {
        SimSettings defaults = SimSettings.defaults();
        int most = defaults.margin().tiers().get(0).maxLeverage();
        BigDecimal lev = leverage == null ? defaults.leverage() : leverage;
        if (lev.compareTo(BigDecimal.ONE) < 0 || lev.compareTo(BigDecimal.valueOf(most)) > 0) {
            err.println("--leverage must be from 1 to " + most + " (the margin brackets' largest), not " + lev.toPlainString());
            return null;
        }
        BigDecimal taker = takerFeeRate == null ? defaults.takerFeeRate() : takerFeeRate;
        if (!SimSettings.isFeeRate(taker)) {
            err.println("--taker-fee-rate must be a fraction from 0 to below 1 (0.0005 is 0.05 %), not "
                    + taker.toPlainString());
            return null;
        }
        return defaults.withInitialBalance(balance).withLeverage(lev).withFees(defaults.makerFeeRate(), taker);
    }

    /** Takes a fill model by its name, in any case. */
    static final class FillModelName implements CommandLine.ITypeConverter<FillModel> {
        @Override
        public FillModel convert(String value) {
            for (FillModel m : FillModel.values()) {
                if (m.label().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a fill model: touch, through or queue");
        }
    }
}
