package io.gridbot.exchange.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.rest.AccountCalls;
import io.gridbot.exchange.binance.rest.BinanceErrorCode;
import io.gridbot.exchange.binance.rest.BinanceRestClient;
import io.gridbot.exchange.binance.rest.WireReader;
import io.gridbot.exchange.binance.wire.WireJson;
import java.util.Arrays;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * A Binance account's position mode ({@code dualSidePosition}): read, and switched only when asked. The adapter
 * reads and switches through one. {@link #open} makes one on its own, over signed REST alone, for a person's
 * command run beside a daemon that trades the same account: it opens no stream and no listen key, because the
 * listen key is the account's, and closing it would close the daemon's user-data stream.
 */
public final class BinanceAccountMode implements AutoCloseable {

    /**
     * Why Binance refused a switch, for the three refusals a person can act on.
     */
    public enum Refusal {
        /** -4059: the account is in that mode already. */
        UNCHANGED(BinanceErrorCode.NO_NEED_TO_CHANGE_POSITION_SIDE),
        /** -4067: an order, a conditional one too, is open on some symbol. */
        ORDERS_OPEN(BinanceErrorCode.POSITION_SIDE_CHANGE_EXISTS_OPEN_ORDERS),
        /** -4068: a position is held on some symbol. */
        POSITION_OPEN(BinanceErrorCode.POSITION_SIDE_CHANGE_EXISTS_QUANTITY);

        private final BinanceErrorCode code;

        Refusal(BinanceErrorCode code) {
            this.code = code;
        }

        /** The refusal a failed switch carries; empty for any other failure. */
        public static Optional<Refusal> of(ExchangeException failure) {
            Optional<BinanceErrorCode> code;
            try {
                code = failure.venueCode() == null ? Optional.empty()
                        : BinanceErrorCode.of(Integer.parseInt(failure.venueCode()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return code.flatMap(c -> Arrays.stream(values()).filter(r -> r.code == c).findFirst());
        }
    }

    private final AccountCalls account;
    /** The connections {@link #open} made, which {@link #close} releases; {@code null} inside the adapter. */
    private final OkHttpClient owned;

    BinanceAccountMode(AccountCalls account) {
        this(account, null);
    }

    private BinanceAccountMode(AccountCalls account, OkHttpClient owned) {
        this.account = account;
        this.owned = owned;
    }

    /**
     * Connects to the settings' host and syncs the clock the signatures are stamped with; throws if the venue
     * cannot be reached. The key is first checked by the venue on the first read or switch.
     */
    public static BinanceAccountMode open(BinanceSettings settings) throws ExchangeException {
        OkHttpClient http = settings.httpClient();
        ObjectMapper json = WireJson.mapper();
        BinanceRestClient rest = BinanceAdapter.signedRest(settings, http, AdapterTime.system(), json);
        // Nothing here is streamed, so an unknown value in an answer leaves nothing to resynchronise.
        BinanceAccountMode mode = new BinanceAccountMode(new AccountCalls(rest, new WireReader(json, why -> { })), http);
        try {
            rest.syncTime();
        } catch (ExchangeException | RuntimeException e) {
            mode.close();
            throw e;
        }
        return mode;
    }

    /** {@code GET /fapi/v1/positionSide/dual}; an answer without {@code dualSidePosition} is a failure. */
    public PositionMode positionMode() throws ExchangeException {
        Boolean hedge = account.hedgeMode().orElseThrow(() -> new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE,
                null, "the venue did not say the account's position mode (dualSidePosition)"));
        return hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY;
    }

    /**
     * {@code POST /fapi/v1/positionSide/dual}. Binance refuses (kind {@code OTHER}, see {@link Refusal#of}) when
     * the account is in that mode already, or holds a position or an open order on any symbol.
     */
    public void changePositionMode(PositionMode mode) throws ExchangeException {
        account.changeHedgeMode(mode == PositionMode.HEDGE);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.dispatcher().executorService().shutdown();
            owned.connectionPool().evictAll();
        }
    }
}
