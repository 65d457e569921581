package io.gridbot.persistence.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The one encryption of stored secrets (exchange keys, notifier tokens): AES-256-GCM under a {@link MasterKey}
 * that never enters the database. Authenticated, so a tampered value fails to open; each value has its own
 * random 96-bit nonce; the associated data names what the value belongs to, so a sealed value moved to another
 * row or column does not open there. Sealed values are base64 text of nonce and ciphertext.
 */
public final class SecretSeal {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key;

    public SecretSeal(MasterKey key) {
        this.key = key;
    }

    /** Encrypts {@code plain}, bound to {@code associated} (what it belongs to). */
    public String seal(String plain, String associated) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret encryption failed", e);
        }
    }

    /**
     * Decrypts a value {@link #seal sealed} with the same key and associated data.
     *
     * @param what names the value in the error when it cannot be opened (never the value or the key)
     */
    public String open(String stored, String associated, String what) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the stored value or the key: only that it failed.
            throw new IllegalStateException(what + " cannot be decrypted with this master key");
        }
    }
}
