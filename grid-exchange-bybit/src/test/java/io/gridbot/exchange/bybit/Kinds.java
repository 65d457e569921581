package io.gridbot.exchange.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;

/** Asserts the taxonomy kind, the venue's code and a part of the message of a refused call. */
public final class Kinds {

    /** A call that may throw the taxonomy's exception. */
    @FunctionalInterface
    public interface Call {
        void run() throws ExchangeException;
    }

    private Kinds() {
    }

    /** The call fails with this kind, this venue code ({@code null}: none) and, if given, a message containing this. */
    public static ExchangeException assertKind(Call call, ExchangeErrorKind kind, String code, String messagePart) {
        try {
            call.run();
        } catch (ExchangeException e) {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.venueCode()).as(e.getMessage()).isEqualTo(code);
            if (messagePart != null) {
                assertThat(e.getMessage()).contains(messagePart);
            }
            return e;
        }
        return fail("expected the call to fail as " + kind);
    }
}
