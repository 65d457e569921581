package io.gridbot.exchange.binance.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A kline's {@code yyyy-MM-dd HH:mm:ss} open time, read by hand, is the time the formatter reads, or its refusal. */
class KlineTimeProperties {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> wellFormed = Arbitraries.integers().between(0, 99).list().ofSize(6).map(p -> String.format(
                "%04d-%02d-%02d %02d:%02d:%02d", 1990 + p.get(0) % 60, p.get(1) % 14, p.get(2) % 33, p.get(3) % 25,
                p.get(4) % 61, p.get(5) % 61));
        Arbitrary<String> mangled = wellFormed.map(t -> t.substring(0, 4) + "-" + t.substring(5, 18));
        Arbitrary<String> odd = Arbitraries.of("2023-02-29 00:00:00", "2024-02-29 23:59:59", "2023-13-01 00:00:00",
                "2023-1-01 00:00:00", "2023-01-01T00:00:00", "2023-01-01 00:00:0x", "+2023-01-01 00:00");
        return Arbitraries.oneOf(wellFormed, mangled, odd);
    }

    @Property(tries = 2000)
    void aSimpleTimeIsReadAsTheFormatterReadsIt(@ForAll("times") String text) {
        Throwable refused = catchThrowable(() -> LocalDateTime.parse(text, FORMAT));
        if (refused == null) {
            assertThat(KlineRows.openTime(text))
                    .isEqualTo(LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli());
        } else {
            assertThat(catchThrowable(() -> KlineRows.openTime(text))).isInstanceOf(BadLine.class);
        }
    }
}
