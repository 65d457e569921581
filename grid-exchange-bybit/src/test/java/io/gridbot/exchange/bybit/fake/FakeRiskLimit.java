package io.gridbot.exchange.bybit.fake;

/**
 * One risk limit tier the fake Bybit publishes, in Bybit's own strings.
 *
 * @param riskLimitValue    the position value in USDT up to which the tier applies
 * @param maintenanceMargin the maintenance margin rate as a fraction ({@code 0.005} is 0.5 %)
 * @param mmDeduction       the maintenance deduction in USDT, {@code ""} for none (as Bybit sends its first tier's)
 */
public record FakeRiskLimit(String riskLimitValue, String maintenanceMargin, String mmDeduction) {
}
