package io.gridbot.persistence.secret;

import io.gridbot.persistence.file.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts exchange credentials. It comes from the environment
 * ({@code GRIDBOT_MASTER_KEY}, base64) or a key file, never from the database, and never prints.
 */
public final class MasterKey {

    /** The environment variable holding the key, base64. */
    public static final String ENV = "GRIDBOT_MASTER_KEY";

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (256 bits), was " + key.length);
        }
        this.key = key.clone();
    }

    /** From base64 text. */
    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64 of 32 bytes");
        }
    }

    /** From the environment variable, or else the key file (created with a fresh key, owner-only, if absent). */
    public static MasterKey load(Map<String, String> env, Path keyFile) throws IOException {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromBase64(fromEnv);
        }
        if (Files.exists(keyFile)) {
            return fromBase64(Files.readString(keyFile));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        OwnerOnly.directory(keyFile.toAbsolutePath().getParent());
        // Owner-only from the first byte: the file is created with its permissions, never widened then narrowed.
        FileAttribute<?>[] ownerOnly = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OwnerOnly.FILE)} : new FileAttribute<?>[0];
        byte[] encoded = Base64.getEncoder().encode(fresh);
        try (SeekableByteChannel out = Files.newByteChannel(keyFile, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer text = ByteBuffer.wrap(encoded);
            while (text.hasRemaining()) {
                out.write(text);
            }
        } catch (FileAlreadyExistsException raced) {
            Arrays.fill(fresh, (byte) 0);
            return fromBase64(Files.readString(keyFile)); // another process created it a moment ago
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        MasterKey key = new MasterKey(fresh);
        Arrays.fill(fresh, (byte) 0);
        return key;
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[***]";
    }
}
