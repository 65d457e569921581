package io.gridbot.exchange.bybit.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Bybit {@code retCode}s the adapter can meet on the endpoints it uses, each with the taxonomy kind the core acts
 * on, as Bybit's error-code table states them (docs/bybit.md cites each). A code missing here maps to
 * {@link ExchangeErrorKind#OTHER}; the venue's code and message are always kept on the exception.
 */
public enum BybitErrorCode {
    /** "Server Timeout": on a create, whether the order was placed is unknown. */
    SERVER_TIMEOUT(10000, ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    PARAMETER_ERROR(10001, ExchangeErrorKind.OTHER),
    /** The timestamp is outside the receive window; the client resynchronises and retries once. */
    TIME_WINDOW(10002, ExchangeErrorKind.AUTHENTICATION),
    INVALID_KEY(10003, ExchangeErrorKind.AUTHENTICATION),
    INVALID_SIGN(10004, ExchangeErrorKind.AUTHENTICATION),
    PERMISSION_DENIED(10005, ExchangeErrorKind.AUTHENTICATION),
    TOO_MANY_VISITS(10006, ExchangeErrorKind.RATE_LIMITED),
    AUTHENTICATION_FAILED(10007, ExchangeErrorKind.AUTHENTICATION),
    UNMATCHED_IP(10010, ExchangeErrorKind.AUTHENTICATION),
    DUPLICATE_REQUEST(10014, ExchangeErrorKind.OTHER),
    /** "Server error": on a create, whether the order was placed is unknown. */
    SERVER_ERROR(10016, ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    ROUTE_NOT_FOUND(10017, ExchangeErrorKind.OTHER),
    IP_RATE_LIMIT(10018, ExchangeErrorKind.RATE_LIMITED),
    TRANSACTIONS_BANNED(10027, ExchangeErrorKind.OTHER),
    SYMBOL_NOT_WHITELISTED(10029, ExchangeErrorKind.OTHER),
    ORDER_DOES_NOT_EXIST(110001, ExchangeErrorKind.UNKNOWN_ORDER),
    PRICE_OUT_OF_RANGE(110003, ExchangeErrorKind.OTHER),
    WALLET_INSUFFICIENT(110004, ExchangeErrorKind.INSUFFICIENT_BALANCE),
    AVAILABLE_INSUFFICIENT(110007, ExchangeErrorKind.INSUFFICIENT_BALANCE),
    ORDER_COMPLETED_OR_CANCELLED(110008, ExchangeErrorKind.UNKNOWN_ORDER),
    TOO_MANY_STOP_ORDERS(110009, ExchangeErrorKind.MAX_OPEN_ORDERS),
    ORDER_CANCELLED(110010, ExchangeErrorKind.UNKNOWN_ORDER),
    INSUFFICIENT_AVAILABLE(110012, ExchangeErrorKind.INSUFFICIENT_BALANCE),
    /** "orderQty will be truncated to zero": a reduce-only order with nothing to reduce. */
    QTY_TRUNCATED_TO_ZERO(110017, ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    TOO_MANY_ACTIVE_ORDERS(110020, ExchangeErrorKind.MAX_OPEN_ORDERS),
    MODE_SWITCH_POSITION_OPEN(110024, ExchangeErrorKind.OTHER),
    MODE_NOT_MODIFIED(110025, ExchangeErrorKind.OTHER),
    MODE_SWITCH_ORDERS_OPEN(110028, ExchangeErrorKind.OTHER),
    DUPLICATE_ORDER_LINK_ID(110072, ExchangeErrorKind.DUPLICATE_CLIENT_ID),
    ORDER_PROCESSING(110079, ExchangeErrorKind.OTHER),
    EXPECT_RISING(110092, ExchangeErrorKind.OTHER),
    EXPECT_FALLING(110093, ExchangeErrorKind.OTHER),
    NOTIONAL_BELOW_LIMIT(110094, ExchangeErrorKind.MIN_NOTIONAL);

    private static final Map<Integer, BybitErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(BybitErrorCode::code, Function.identity()));

    private final int code;
    private final ExchangeErrorKind kind;

    BybitErrorCode(int code, ExchangeErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    public int code() {
        return code;
    }

    public ExchangeErrorKind kind() {
        return kind;
    }

    /** Whether {@code venueCode} (as an exception carries it) is this code. */
    public boolean is(String venueCode) {
        return Integer.toString(code).equals(venueCode);
    }

    public static Optional<BybitErrorCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
