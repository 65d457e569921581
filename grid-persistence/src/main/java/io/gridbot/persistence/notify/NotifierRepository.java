package io.gridbot.persistence.notify;

import static io.gridbot.persistence.jooq.Tables.NOTIFIER;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.jooq.tables.records.NotifierRecord;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.persistence.secret.SecretSeal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The stored notifiers. Each one's target and secret are encrypted by {@link SecretSeal} under the master key,
 * bound to the notifier's name and column, exactly as exchange keys are; listings read only the redacted target.
 * Names have one spelling, lower case, so no server collation can make two of them the same.
 */
public final class NotifierRepository {

    /** What a notifier's name may be. */
    public static final String NAME_RULE = "1 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String ALL = "ALL";

    private final DSLContext dsl;
    private final Optional<SecretSeal> seal;

    /** @param key the master key; empty where only listing and removing are needed */
    public NotifierRepository(DSLContext dsl, Optional<MasterKey> key) {
        this.dsl = dsl;
        this.seal = key.map(SecretSeal::new);
    }

    /** The one spelling of a name as typed, or empty when it is not a valid name. */
    public static Optional<String> name(String typed) {
        String name = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /**
     * Stores a new notifier.
     *
     * @throws IllegalArgumentException for a name that is not valid or already taken
     */
    public void add(Notifier n, long nowMs) {
        String name = name(n.name()).orElseThrow(() -> new IllegalArgumentException("a notifier name is " + NAME_RULE));
        SecretSeal s = seal.orElseThrow(() -> new IllegalStateException("storing a notifier needs the master key"));
        if (dsl.fetchExists(NOTIFIER, NOTIFIER.NAME.eq(name))) {
            throw duplicate(name);
        }
        try {
            dsl.insertInto(NOTIFIER).set(NOTIFIER.NAME, name).set(NOTIFIER.KIND, n.kind().name())
                    .set(NOTIFIER.TARGET, s.seal(n.target(), name + "/target"))
                    .set(NOTIFIER.TARGET_SHOWN, n.kind().shown(n.target()))
                    .set(NOTIFIER.SECRET, n.secret().map(v -> s.seal(v, name + "/secret")).orElse(null))
                    .set(NOTIFIER.ALERT_KINDS, encode(n.wants())).set(NOTIFIER.ENABLED, n.enabled())
                    .set(NOTIFIER.CREATED_AT, nowMs).set(NOTIFIER.UPDATED_AT, nowMs).execute();
        } catch (IntegrityConstraintViolationException raced) {
            throw duplicate(name);
        }
    }

    /** Every stored notifier, by name, as listings show it: neither target nor secret is decrypted. */
    public List<NotifierListing> listed() {
        return dsl.selectFrom(NOTIFIER).orderBy(NOTIFIER.NAME).fetch(r -> new NotifierListing(r.getName(),
                NotifierKind.valueOf(r.getKind()), r.getTargetShown(), r.getSecret() != null, decode(r.getAlertKinds()),
                r.getEnabled()));
    }

    /** The notifier of this name, decrypted. */
    public Optional<Notifier> find(String typed) {
        return name(typed).flatMap(name -> dsl.selectFrom(NOTIFIER).where(NOTIFIER.NAME.eq(name)).fetchOptional())
                .map(this::opened);
    }

    /**
     * Every stored notifier, decrypted, by name.
     *
     * @throws IllegalStateException naming the notifier whose values this master key cannot decrypt
     */
    public List<Notifier> all() {
        return dsl.selectFrom(NOTIFIER).orderBy(NOTIFIER.NAME).fetch(this::opened);
    }

    /** Turns a notifier on or off; false when there is none of that name. */
    public boolean enable(String typed, boolean enabled, long nowMs) {
        return name(typed).map(name -> dsl.update(NOTIFIER).set(NOTIFIER.ENABLED, enabled).set(NOTIFIER.UPDATED_AT, nowMs)
                .where(NOTIFIER.NAME.eq(name)).execute() > 0).orElse(false);
    }

    /** Removes a notifier; false when there is none of that name. */
    public boolean remove(String typed) {
        return name(typed).map(name -> dsl.deleteFrom(NOTIFIER).where(NOTIFIER.NAME.eq(name)).execute() > 0).orElse(false);
    }

    private Notifier opened(NotifierRecord r) {
        SecretSeal s = seal.orElseThrow(() -> new IllegalStateException("reading a notifier needs the master key"));
        String what = "notifier " + r.getName() + "'s ";
        return new Notifier(r.getName(), NotifierKind.valueOf(r.getKind()),
                s.open(r.getTarget(), r.getName() + "/target", what + "target"),
                Optional.ofNullable(r.getSecret()).map(v -> s.open(v, r.getName() + "/secret", what + "secret")),
                decode(r.getAlertKinds()), r.getEnabled());
    }

    private static IllegalArgumentException duplicate(String name) {
        return new IllegalArgumentException("a notifier named " + name + " already exists");
    }

    private static String encode(Set<AlertKind> kinds) {
        return kinds.containsAll(EnumSet.allOf(AlertKind.class)) ? ALL
                : kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<AlertKind> decode(String stored) {
        if (stored.equals(ALL)) {
            return EnumSet.allOf(AlertKind.class);
        }
        // A kind a later version wrote and this one does not know is skipped rather than failing every load.
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        Arrays.stream(stored.split(",")).filter(k -> Arrays.stream(AlertKind.values()).anyMatch(a -> a.name().equals(k)))
                .forEach(k -> kinds.add(AlertKind.valueOf(k)));
        return kinds;
    }
}
