package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierKind;
import io.gridbot.persistence.notify.NotifierListing;
import io.gridbot.persistence.secret.MasterKey;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stored notifiers (issue 13), on every database: subclasses say which. */
abstract class NotifierStoreContract {

    static final MasterKey KEY = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    static final String TOKEN = "123456789:AAE-bot-token-never-in-plain-text";
    static final String HOOK = "https://hooks.example.test/services/T000/B000/path-token-xyz";

    protected abstract Database database();

    private static Notifier telegram(String name) {
        return new Notifier(name, NotifierKind.TELEGRAM, "-1001234567", Optional.of(TOKEN), Set.of(), true);
    }

    @Test
    void aNotifierIsStoredWithItsTokenAndTargetEncryptedAndReadBackWhole() {
        database().notifiers(KEY).add(telegram("Phone"), 0);
        database().notifiers(KEY).add(new Notifier("ops-hook", NotifierKind.WEBHOOK, HOOK, Optional.empty(),
                EnumSet.of(AlertKind.STOP_LOSS, AlertKind.SAFE_MODE), true), 0);

        String raw = database().dsl().fetch("select * from notifier").formatCSV();
        assertThat(raw).doesNotContain(TOKEN).doesNotContain("AAE-bot-token").doesNotContain("-1001234567")
                .doesNotContain("path-token-xyz");

        Notifier phone = database().notifiers(KEY).find("PHONE").orElseThrow();
        assertThat(phone.target()).isEqualTo("-1001234567");
        assertThat(phone.secret()).contains(TOKEN);
        assertThat(phone.wants()).isEqualTo(EnumSet.allOf(AlertKind.class));
        assertThat(phone.toString()).doesNotContain(TOKEN).doesNotContain("-1001234567");
        Notifier hook = database().notifiers(KEY).find("ops-hook").orElseThrow();
        assertThat(hook.target()).isEqualTo(HOOK);
        assertThat(hook.secret()).isEmpty();
        assertThat(hook.wants(AlertKind.STOP_LOSS)).isTrue();
        assertThat(hook.wants(AlertKind.RATE_LIMITED)).isFalse();
    }

    @Test
    void aListingNeedsNoKeyAndShowsNoSecret() {
        database().notifiers(KEY).add(telegram("phone"), 0);
        database().notifiers(KEY).add(new Notifier("hook", NotifierKind.WEBHOOK, HOOK, Optional.of("sign-key"),
                Set.of(AlertKind.STOP_LOSS), true), 0);

        List<NotifierListing> listed = database().notifiers().listed();

        assertThat(listed).extracting(NotifierListing::name).containsExactly("hook", "phone");
        assertThat(listed.get(0).shown()).isEqualTo("https://hooks.example.test/…");
        assertThat(listed.get(0).hasSecret()).isTrue();
        assertThat(listed.get(1).shown()).isEqualTo("chat …67");
        assertThat(listed.toString()).doesNotContain(TOKEN).doesNotContain("path-token").doesNotContain("sign-key");
    }

    @Test
    void aNameIsTakenOnceInAnyCaseAndABadNameIsRefused() {
        database().notifiers(KEY).add(telegram("phone"), 0);

        assertThatThrownBy(() -> database().notifiers(KEY).add(telegram("Phone"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a notifier named phone already exists");
        assertThatThrownBy(() -> database().notifiers(KEY).add(telegram("no spaces"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a notifier name is 1 to 64");
        assertThat(database().notifiers().listed()).hasSize(1);
    }

    @Test
    void aNotifierIsDisabledAndRemovedByName() {
        database().notifiers(KEY).add(telegram("phone"), 0);

        assertThat(database().notifiers().enable("phone", false, 5)).isTrue();
        assertThat(database().notifiers(KEY).all()).singleElement().satisfies(n -> {
            assertThat(n.enabled()).isFalse();
            assertThat(n.wants(AlertKind.STOP_LOSS)).isFalse();
        });
        assertThat(database().notifiers().remove("PHONE")).isTrue();
        assertThat(database().notifiers().remove("phone")).isFalse();
        assertThat(database().notifiers().listed()).isEmpty();
    }

    @Test
    void anotherMasterKeyCannotOpenTheTokenAndSaysSoWithoutIt() {
        database().notifiers(KEY).add(telegram("phone"), 0);
        MasterKey other = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));

        assertThatThrownBy(() -> database().notifiers(other).all()).isInstanceOf(IllegalStateException.class)
                .hasMessage("notifier phone's target cannot be decrypted with this master key");
    }
}
