package io.gridbot.runner.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Secrets a command reads (a password, an API key and secret), never from its arguments: the first lines of a
 * file, or asked for without echo on a terminal, or the first lines of standard input when it is piped.
 */
final class SecretInput {

    private SecretInput() {
    }

    /**
     * Reads {@code lines} values. On a terminal every prompt is asked, so a prompt beyond {@code lines} can ask
     * for a confirmation; the result then has one value per prompt. A missing value is simply absent.
     */
    static List<char[]> read(Path file, InputStream stdin, int lines, String... prompts) throws IOException {
        List<char[]> values = new ArrayList<>();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                readLines(in, lines, values);
            }
            return values;
        }
        Console console = System.console();
        if (console != null && stdin == System.in) {
            for (String prompt : prompts) {
                char[] value = console.readPassword("%s", prompt);
                if (value == null) {
                    break;
                }
                values.add(value);
            }
            return values;
        }
        readLines(new InputStreamReader(stdin, StandardCharsets.UTF_8), lines, values);
        return values;
    }

    /** Reads lines as characters, never as strings, so a secret can be wiped after use. */
    private static void readLines(Reader in, int lines, List<char[]> into) throws IOException {
        char[] line = new char[256];
        int length = 0;
        int c;
        while (into.size() < lines && (c = in.read()) >= 0) {
            if (c == '\n') {
                into.add(trimmed(line, length));
                length = 0;
            } else {
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = (char) c;
            }
        }
        if (into.size() < lines && length > 0) {
            into.add(trimmed(line, length));
        }
        Arrays.fill(line, '\0');
    }

    private static char[] trimmed(char[] line, int length) {
        int end = length;
        while (end > 0 && line[end - 1] == '\r') { // a Windows line end; spaces may belong to a password
            end--;
        }
        return Arrays.copyOf(line, end);
    }
}
