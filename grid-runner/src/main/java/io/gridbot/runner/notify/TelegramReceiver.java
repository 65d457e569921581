package io.gridbot.runner.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A Telegram chat, through the Bot API: {@code POST {base}/bot{token}/sendMessage} with {@code chat_id} and a
 * plain-text {@code text}. The token is in the path, so no address of a call is ever logged, and everything the
 * API answers is cleared of the token first; its {@code description} is what a failure says, its
 * {@code parameters.retry_after} how long a 429 asks to wait.
 */
final class TelegramReceiver implements Receiver {

    /** Telegram's Bot API, unless {@value #BASE_ENV} names another (a local fake in tests). */
    static final String DEFAULT_BASE = "https://api.telegram.org";

    /** The environment variable that points the Bot API elsewhere. */
    static final String BASE_ENV = "GRIDBOT_TELEGRAM_API";

    private static final int MAX_TEXT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI sendMessage;
    private final String chatId;
    private final HttpPost http;
    private final Redaction redaction;

    TelegramReceiver(URI base, String chatId, String token, HttpPost http) {
        String root = base.toString().replaceFirst("/+$", "");
        this.sendMessage = URI.create(root + "/bot" + token + "/sendMessage");
        this.chatId = chatId;
        this.http = http;
        this.redaction = new Redaction(List.of(token));
    }

    @Override
    public Answer send(GridAlert alert) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("chat_id", chatId);
        fields.put("text", text(alert));
        Answer raw = http.post(sendMessage, JSON.writeValueAsString(fields), Map.of(), redaction);
        return described(raw);
    }

    /** The message a person reads in the chat. */
    static String text(GridAlert alert) {
        String text = "gridbot " + alert.kind() + ": grid " + alert.grid() + " (" + alert.exchange() + " "
                + alert.symbol() + ")\n" + alert.message() + "\n" + alert.at() + ", daemon " + alert.daemon();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    /** The API's own words: its description, and the wait a 429 asks for. */
    private Answer described(Answer raw) {
        try {
            JsonNode answer = JSON.readTree(raw.said());
            if (answer == null || !answer.isObject()) {
                return excerpted(raw);
            }
            String said = answer.path("ok").asBoolean(false) ? "ok" : answer.path("description").asText(raw.said());
            JsonNode wait = answer.path("parameters").path("retry_after");
            OptionalLong retryAfter = wait.canConvertToLong() ? OptionalLong.of(wait.asLong() * 1000) : raw.retryAfterMs();
            return new Answer(raw.status(), redaction.clear(HttpPost.excerpt(said)), retryAfter);
        } catch (JsonProcessingException notJson) {
            return excerpted(raw);
        }
    }

    private static Answer excerpted(Answer raw) {
        return new Answer(raw.status(), HttpPost.excerpt(raw.said()), raw.retryAfterMs());
    }
}
