package io.gridbot.exchange.okx.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The OKX error codes the adapter can meet on the endpoints it uses, each with the taxonomy kind the core acts on,
 * as OKX's error-code tables state them (docs/okx.md cites each). A code missing here maps to
 * {@link ExchangeErrorKind#OTHER}; the venue's code and message are always kept on the exception. A code with a
 * sub-code ({@code 51008_1001}, or {@code sCode} with {@code subCode}) is looked up by its main code.
 */
public enum OkxErrorCode {
    OPERATION_FAILED("1", ExchangeErrorKind.OTHER),
    BULK_PARTIALLY_SUCCEEDED("2", ExchangeErrorKind.OTHER),
    BODY_EMPTY("50000", ExchangeErrorKind.OTHER),
    SERVICE_UNAVAILABLE("50001", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    JSON_SYNTAX("50002", ExchangeErrorKind.OTHER),
    /** "does not mean that the request was successful or failed, please check the request result". */
    ENDPOINT_TIMEOUT("50004", ExchangeErrorKind.TIMEOUT_UNKNOWN),
    ENDPOINT_INACTIVE("50005", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    INVALID_CONTENT_TYPE("50006", ExchangeErrorKind.OTHER),
    USER_BLOCKED("50007", ExchangeErrorKind.AUTHENTICATION),
    ACCOUNT_FROZEN_STOP_OUT("50009", ExchangeErrorKind.OTHER),
    RATE_LIMIT_REACHED("50011", ExchangeErrorKind.RATE_LIMITED),
    ACCOUNT_STATUS_INVALID("50012", ExchangeErrorKind.OTHER),
    SYSTEMS_BUSY("50013", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    PARAMETER_EMPTY("50014", ExchangeErrorKind.OTHER),
    SYSTEM_ERROR("50026", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    RESTRICTED_FROM_TRADING("50027", ExchangeErrorKind.OTHER),
    NO_PERMISSION("50030", ExchangeErrorKind.AUTHENTICATION),
    UNAVAILABLE_IN_DEMO("50038", ExchangeErrorKind.OTHER),
    SUB_ACCOUNT_ORDER_RATE("50061", ExchangeErrorKind.RATE_LIMITED),
    ALREADY_EXISTS("50071", ExchangeErrorKind.DUPLICATE_CLIENT_ID),
    API_FROZEN("50100", ExchangeErrorKind.AUTHENTICATION),
    /** A demo key without the demo header, or a live key with it. */
    WRONG_ENVIRONMENT("50101", ExchangeErrorKind.AUTHENTICATION),
    /** The timestamp is more than 30 s from the venue's time; the client resynchronises and retries once. */
    TIMESTAMP_EXPIRED("50102", ExchangeErrorKind.AUTHENTICATION),
    KEY_EMPTY("50103", ExchangeErrorKind.AUTHENTICATION),
    PASSPHRASE_EMPTY("50104", ExchangeErrorKind.AUTHENTICATION),
    PASSPHRASE_INCORRECT("50105", ExchangeErrorKind.AUTHENTICATION),
    SIGN_EMPTY("50106", ExchangeErrorKind.AUTHENTICATION),
    TIMESTAMP_EMPTY("50107", ExchangeErrorKind.AUTHENTICATION),
    IP_NOT_ALLOWED("50110", ExchangeErrorKind.AUTHENTICATION),
    INVALID_KEY("50111", ExchangeErrorKind.AUTHENTICATION),
    INVALID_TIMESTAMP("50112", ExchangeErrorKind.AUTHENTICATION),
    INVALID_SIGNATURE("50113", ExchangeErrorKind.AUTHENTICATION),
    INVALID_AUTHORIZATION("50114", ExchangeErrorKind.AUTHENTICATION),
    PARAMETER_ERROR("51000", ExchangeErrorKind.OTHER),
    INSTRUMENT_DOES_NOT_EXIST("51001", ExchangeErrorKind.OTHER),
    ABOVE_MAX_ORDER_AMOUNT("51005", ExchangeErrorKind.PRECISION),
    PRICE_OUTSIDE_LIMIT("51006", ExchangeErrorKind.OTHER),
    BELOW_ONE_CONTRACT("51007", ExchangeErrorKind.PRECISION),
    INSUFFICIENT_BALANCE("51008", ExchangeErrorKind.INSUFFICIENT_BALANCE),
    ORDER_BLOCKED("51009", ExchangeErrorKind.OTHER),
    UNSUPPORTED_ACCOUNT_MODE("51010", ExchangeErrorKind.OTHER),
    ORDER_ID_EXISTS("51011", ExchangeErrorKind.OTHER),
    CLIENT_ORDER_ID_EXISTS("51016", ExchangeErrorKind.DUPLICATE_CLIENT_ID),
    BELOW_MIN_ORDER_AMOUNT("51020", ExchangeErrorKind.PRECISION),
    NOT_YET_LISTED("51021", ExchangeErrorKind.OTHER),
    CONTRACT_SUSPENDED("51022", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    POSITION_DOES_NOT_EXIST("51023", ExchangeErrorKind.OTHER),
    ORDER_COUNT_LIMIT("51025", ExchangeErrorKind.MAX_OPEN_ORDERS),
    FUNDING_FEE_SETTLING("51030", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    REQUEST_TIMED_OUT("51054", ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    ORDER_ID_DOES_NOT_EXIST("51063", ExchangeErrorKind.UNKNOWN_ORDER),
    ALGO_CLIENT_ID_EXISTS("51065", ExchangeErrorKind.DUPLICATE_CLIENT_ID),
    ONE_CLOSE_POSITION_STOP("51088", ExchangeErrorKind.OTHER),
    ABOVE_MAX_CONTRACTS("51101", ExchangeErrorKind.PRECISION),
    PENDING_ORDERS_LIMIT("51102", ExchangeErrorKind.MAX_OPEN_ORDERS),
    BULK_LIMIT("51111", ExchangeErrorKind.OTHER),
    CLOSE_EXCEEDS_POSITION("51112", ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    BELOW_MIN_AMOUNT("51120", ExchangeErrorKind.PRECISION),
    NOT_A_MULTIPLE_OF_LOT("51121", ExchangeErrorKind.PRECISION),
    INSUFFICIENT_BALANCE_PLAIN("51131", ExchangeErrorKind.INSUFFICIENT_BALANCE),
    REDUCE_ONLY_WOULD_REVERSE("51148", ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    /** "does not mean that the request was successful or failed, please check the request result". */
    ORDER_TIMED_OUT("51149", ExchangeErrorKind.TIMEOUT_UNKNOWN),
    PRECISION_EXCEEDED("51150", ExchangeErrorKind.PRECISION),
    NO_POSITION_TO_REDUCE("51169", ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    REDUCE_ONLY_SAME_DIRECTION("51170", ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    STOP_ORDERS_LIMIT("51261", ExchangeErrorKind.MAX_OPEN_ORDERS),
    SL_TRIGGER_BELOW_LAST("51278", ExchangeErrorKind.OTHER),
    SL_TRIGGER_ABOVE_LAST("51280", ExchangeErrorKind.OTHER),
    SL_TRIGGER_BELOW_MARK("51302", ExchangeErrorKind.OTHER),
    SL_TRIGGER_ABOVE_MARK("51304", ExchangeErrorKind.OTHER),
    /** "Order cancellation failed as the order has been filled, canceled or does not exist." */
    CANCEL_FAILED("51400", ExchangeErrorKind.UNKNOWN_ORDER),
    CANCEL_ALREADY_CANCELED("51401", ExchangeErrorKind.UNKNOWN_ORDER),
    CANCEL_ALREADY_COMPLETED("51402", ExchangeErrorKind.UNKNOWN_ORDER),
    CANCEL_UNSUPPORTED_TYPE("51403", ExchangeErrorKind.OTHER),
    CANCEL_IN_PROGRESS("51410", ExchangeErrorKind.UNKNOWN_ORDER),
    ORDER_DOES_NOT_EXIST("51603", ExchangeErrorKind.UNKNOWN_ORDER),
    /** Position mode and other settings are refused while positions or orders are open. */
    SETTINGS_FAILED("59000", ExchangeErrorKind.OTHER);

    private static final Map<String, OkxErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OkxErrorCode::code, Function.identity()));

    private final String code;
    private final ExchangeErrorKind kind;

    OkxErrorCode(String code, ExchangeErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public ExchangeErrorKind kind() {
        return kind;
    }

    /** The entry of a code ({@code 51008} or {@code 51008_1001}), if the table lists it. */
    public static Optional<OkxErrorCode> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        int sub = code.indexOf('_');
        return Optional.ofNullable(BY_CODE.get(sub < 0 ? code : code.substring(0, sub)));
    }

    /** The kind of a code; {@link ExchangeErrorKind#OTHER} for codes the table does not list. */
    public static ExchangeErrorKind kindOf(String code) {
        return of(code).map(OkxErrorCode::kind).orElse(ExchangeErrorKind.OTHER);
    }

    /** Whether an answer carries this code (or one of its sub-codes). */
    public boolean is(String answered) {
        return of(answered).orElse(null) == this;
    }
}
