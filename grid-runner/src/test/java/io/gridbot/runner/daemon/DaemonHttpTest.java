package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real daemon process always serves HTTP: it publishes its API's address and its in-memory control token
 * under the data directory once the server is up, answers that token, writes it nowhere else, and withdraws
 * the file when it stops on SIGTERM. A port already taken stops it at once with one line naming the option.
 */
class DaemonHttpTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process daemon(Path data, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("daemon", "--data-dir", data.toString()));
        args.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command(args.toArray(String[]::new)))
                .redirectOutput(dir.resolve("out.log").toFile()).redirectError(dir.resolve("err.log").toFile());
        builder.environment().remove("GRIDBOT_DB_URL");
        return builder.start();
    }

    @Test
    void theDaemonPublishesItsApiAndTokenAndWithdrawsThemOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        Process process = daemon(data, "--http-port", "0");
        try {
            DaemonEndpoint endpoint = Eventually.awaitValue("the endpoint published", Duration.ofSeconds(90), () -> {
                assertThat(process.isAlive()).as("the daemon runs; stderr: %s", read(dir.resolve("err.log"))).isTrue();
                return DaemonEndpoint.published(data).stream().findFirst().orElse(null);
            });
            assertThat(endpoint.pid()).isEqualTo(process.pid());
            assertThat(endpoint.token()).startsWith("gbt_");
            assertThat(endpoint.api().getPort()).isPositive().isNotEqualTo(8080);

            HttpResponse<String> grids = http.send(HttpRequest.newBuilder(endpoint.api().resolve("api/grids"))
                    .header("Authorization", "Bearer " + endpoint.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(grids.statusCode()).isEqualTo(200);
            assertThat(grids.body()).isEqualTo("[]");
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(endpoint.api().resolve("api/grids"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            Eventually.await("the daemon's banner", Duration.ofSeconds(30),
                    () -> read(dir.resolve("out.log")).contains("gridbot daemon"));
            assertThat(read(dir.resolve("out.log"))).contains("API: " + endpoint.api() + "api/");

            process.destroy(); // SIGTERM: the orderly stop
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
            assertThat(DaemonEndpoint.folder(data)).isEmptyDirectory();
            assertThat(filesContaining(dir, endpoint.token())).as("the token written nowhere").isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aTakenPortStopsTheDaemonWithOneLineNamingTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = daemon(dir.resolve("data"), "--http-port", String.valueOf(taken.getLocalPort()));
            try {
                assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ended").isTrue();
                assertThat(process.exitValue()).isEqualTo(2);
                List<String> err = read(dir.resolve("err.log")).lines()
                        .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d.*")).toList(); // log lines, if any
                assertThat(err).singleElement().satisfies(line -> assertThat(line)
                        .contains("127.0.0.1:" + taken.getLocalPort(), "--http-port"));
                assertThat(read(dir.resolve("err.log"))).doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(DaemonEndpoint.published(dir.resolve("data"))).isEmpty();
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static List<Path> filesContaining(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
