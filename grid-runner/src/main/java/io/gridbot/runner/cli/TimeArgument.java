package io.gridbot.runner.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * A time on the command line, in one of three forms: a date ({@code 2023-09-01}, that whole day in UTC), a date
 * and time in UTC ({@code 2023-09-01T12:00}), or an instant with its offset ({@code 2023-09-01T12:00:00Z}). As
 * the start of a range it means its first moment; as the end, its last, so {@code --until 2023-09-01} takes in
 * the whole of that day and nothing of the next.
 *
 * @param text    as given
 * @param firstMs its first millisecond
 * @param lastMs  its last millisecond (the same as the first, but for a date)
 */
public record TimeArgument(String text, long firstMs, long lastMs) {

    /** The forms accepted, for messages. */
    static final String FORMS = "a date (2023-09-01: that day in UTC), a UTC time (2023-09-01T12:00) or an instant"
            + " (2023-09-01T12:00:00Z)";

    /** Reads one of the three forms; {@link IllegalArgumentException} naming them otherwise. */
    public static TimeArgument parse(String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                long first = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                return new TimeArgument(text, first, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toEpochMilli() - 1);
            }
            long at = t.endsWith("Z") || t.endsWith("z") ? Instant.parse(t.toUpperCase(java.util.Locale.ROOT)).toEpochMilli()
                    : hasOffset(t) ? OffsetDateTime.parse(t).toInstant().toEpochMilli()
                    : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
            return new TimeArgument(text, at, at);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is no time: give " + FORMS);
        }
    }

    private static boolean hasOffset(String t) {
        int time = t.indexOf('T');
        return time > 0 && (t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0);
    }

    /** The picocli converter every time option uses. */
    public static final class Converter implements CommandLine.ITypeConverter<TimeArgument> {
        @Override
        public TimeArgument convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
