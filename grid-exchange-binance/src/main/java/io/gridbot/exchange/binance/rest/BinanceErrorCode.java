package io.gridbot.exchange.binance.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Binance futures error codes the wire reference lists, each with the taxonomy kind the core acts on
 *. A code missing here maps to {@link ExchangeErrorKind#OTHER}; the venue's code and message are
 * always kept on the exception.
 */
public enum BinanceErrorCode {
    UNKNOWN(-1000, ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    DISCONNECTED(-1001, ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    UNAUTHORIZED(-1002, ExchangeErrorKind.AUTHENTICATION),
    TOO_MANY_REQUESTS(-1003, ExchangeErrorKind.RATE_LIMITED),
    /** The message bus answered unexpectedly: whether the request took effect is unknown. */
    UNEXPECTED_RESPONSE(-1006, ExchangeErrorKind.TIMEOUT_UNKNOWN),
    /** The backend timed out: whether the request took effect is unknown. */
    TIMEOUT(-1007, ExchangeErrorKind.TIMEOUT_UNKNOWN),
    /** System-level throttling; a definite failure. */
    SERVER_BUSY(-1008, ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    TOO_MANY_ORDERS(-1015, ExchangeErrorKind.RATE_LIMITED),
    /** Clock drift; the client resynchronises and retries once before reporting it. */
    INVALID_TIMESTAMP(-1021, ExchangeErrorKind.AUTHENTICATION),
    INVALID_SIGNATURE(-1022, ExchangeErrorKind.AUTHENTICATION),
    MANDATORY_PARAM_EMPTY_OR_MALFORMED(-1102, ExchangeErrorKind.OTHER),
    PARAM_NOT_REQUIRED(-1106, ExchangeErrorKind.OTHER),
    BAD_PRECISION(-1111, ExchangeErrorKind.PRECISION),
    BAD_SYMBOL(-1121, ExchangeErrorKind.OTHER),
    INVALID_LISTEN_KEY(-1125, ExchangeErrorKind.OTHER),
    NEW_ORDER_REJECTED(-2010, ExchangeErrorKind.OTHER),
    CANCEL_REJECTED(-2011, ExchangeErrorKind.UNKNOWN_ORDER),
    NO_SUCH_ORDER(-2013, ExchangeErrorKind.UNKNOWN_ORDER),
    BAD_API_KEY_FMT(-2014, ExchangeErrorKind.AUTHENTICATION),
    REJECTED_MBX_KEY(-2015, ExchangeErrorKind.AUTHENTICATION),
    BALANCE_NOT_SUFFICIENT(-2018, ExchangeErrorKind.INSUFFICIENT_BALANCE),
    MARGIN_NOT_SUFFICIENT(-2019, ExchangeErrorKind.INSUFFICIENT_BALANCE),
    ORDER_WOULD_IMMEDIATELY_TRIGGER(-2021, ExchangeErrorKind.OTHER),
    REDUCE_ONLY_REJECT(-2022, ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    MAX_OPEN_ORDER_EXCEEDED(-2025, ExchangeErrorKind.MAX_OPEN_ORDERS),
    QTY_LESS_THAN_ZERO(-4003, ExchangeErrorKind.PRECISION),
    QTY_GREATER_THAN_MAX(-4005, ExchangeErrorKind.PRECISION),
    PRICE_LESS_THAN_MIN(-4013, ExchangeErrorKind.PRECISION),
    PRICE_NOT_INCREASED_BY_TICK_SIZE(-4014, ExchangeErrorKind.PRECISION),
    INVALID_CL_ORD_ID_LEN(-4015, ExchangeErrorKind.OTHER),
    PRICE_GREATER_THAN_MAX(-4016, ExchangeErrorKind.PRECISION),
    QTY_NOT_INCREASED_BY_STEP_SIZE(-4023, ExchangeErrorKind.PRECISION),
    /** A position-mode change to the mode the account is in ("No need to change position side."). */
    NO_NEED_TO_CHANGE_POSITION_SIDE(-4059, ExchangeErrorKind.OTHER),
    POSITION_SIDE_NOT_MATCH(-4061, ExchangeErrorKind.OTHER),
    /** A position-mode change while the account has open orders. */
    POSITION_SIDE_CHANGE_EXISTS_OPEN_ORDERS(-4067, ExchangeErrorKind.OTHER),
    /** A position-mode change while the account holds a position. */
    POSITION_SIDE_CHANGE_EXISTS_QUANTITY(-4068, ExchangeErrorKind.OTHER),
    DUPLICATED_CLIENT_ORDER_ID(-4116, ExchangeErrorKind.DUPLICATE_CLIENT_ID),
    USE_ALGO_ORDER_API(-4120, ExchangeErrorKind.OTHER),
    MARKET_ORDER_REJECT(-4131, ExchangeErrorKind.OTHER),
    MIN_NOTIONAL(-4164, ExchangeErrorKind.MIN_NOTIONAL),
    FOK_ORDER_REJECT(-5021, ExchangeErrorKind.OTHER),
    GTX_ORDER_REJECT(-5022, ExchangeErrorKind.POST_ONLY_WOULD_TAKE);

    private static final Map<Integer, BinanceErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BinanceErrorCode::code, Function.identity()));

    private final int code;
    private final ExchangeErrorKind kind;

    BinanceErrorCode(int code, ExchangeErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    public int code() {
        return code;
    }

    public ExchangeErrorKind kind() {
        return kind;
    }

    /** The kind of a Binance code; {@link ExchangeErrorKind#OTHER} for codes the reference does not list. */
    public static ExchangeErrorKind kindOf(int code) {
        BinanceErrorCode known = BY_CODE.get(code);
        return known == null ? ExchangeErrorKind.OTHER : known.kind;
    }

    /** The enum constant of a code, if the reference lists it. */
    public static java.util.Optional<BinanceErrorCode> of(int code) {
        return java.util.Optional.ofNullable(BY_CODE.get(code));
    }
}
