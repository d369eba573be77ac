package org.hearth.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person with a browser that has cookies but no JavaScript, talking to the running
 * application over HTTP. Forms are posted with the CSRF token of the last page seen, the way a
 * browser would post them.
 */
public final class Visitor {

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String csrfParameter = "_csrf";
    private String csrfToken;

    public Visitor(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public Document document() {
            return Jsoup.parse(body);
        }

        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return document().text();
        }
    }

    public Response get(String path) {
        return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /** Follows redirects like a browser and returns the final page. */
    public Response open(String path) {
        Response response = get(path);
        for (int hops = 0; hops < 5 && response.location() != null; hops++) {
            response = get(response.location());
        }
        return response;
    }

    public Response post(String path, Map<String, String> fields) {
        if (csrfToken == null) {
            get("/sign-in");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent(csrfParameter, csrfToken);
        return postRaw(path, all);
    }

    /** Posts exactly these fields: no CSRF token is added. */
    public Response postRaw(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /**
     * Posts a form with a file, as a browser sends a form with {@code enctype="multipart/form-data"},
     * with the CSRF token of the last page seen among its fields.
     */
    public Response postWithFile(String path, Map<String, String> fields, String fileField, String fileName, String fileType,
            byte[] content) {
        if (csrfToken == null) {
            get("/sign-in");
        }
        String boundary = "----hearth" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent(csrfParameter, csrfToken);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** A download: its status, headers and bytes as sent. */
    public record Download(int status, byte[] content, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a DELETE the way a page's script would: the form token goes in a header. */
    public Response delete(String path) {
        if (csrfToken == null) {
            get("/sign-in");
        }
        return send(HttpRequest.newBuilder(uri(path)).header("X-CSRF-TOKEN", csrfToken).DELETE());
    }

    /** Posts JSON the way a page's script does: the form token goes in a header. */
    public Response postJson(String path, String json) {
        if (csrfToken == null) {
            get("/sign-in");
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Uses a passkey as /js/passkeys.js does: asks for a challenge, has the device sign it and
     * sends the answer to the passkey sign-in. Returns the JSON answer; the page is then reloaded
     * by the script, so this visitor reads the next page to pick up the new form token.
     */
    public Response usePasskey(PasskeyDevice device) {
        Response options = postJson("/webauthn/authenticate/options", "");
        if (options.status() != 200) {
            return options;
        }
        Response answer = postJson("/login/webauthn", device.answer(options.body()));
        get("/sign-in");
        return answer;
    }

    /**
     * Opens a live event stream as a browser's EventSource does, with this visitor's cookies;
     * {@code lastEventId} is what a reconnecting browser sends (null on a first connection).
     * Close it to hang up.
     */
    public EventStream events(String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).version(HttpClient.Version.HTTP_1_1)
                .header("Accept", "text/event-stream").header("Cache-Control", "no-cache").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public EventStream events(String path) {
        return events(path, null);
    }

    /** Posts and then follows the redirect, as a browser would. */
    public Response submit(String path, Map<String, String> fields) {
        Response response = post(path, fields);
        for (int hops = 0; hops < 5 && response.location() != null; hops++) {
            response = get(response.location());
        }
        return response;
    }

    /** The value of a cookie the site set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Response signUp(String handle, String password) {
        return submit("/sign-up", Map.of("handle", handle, "password", password, "email", ""));
    }

    public Response signIn(String handle, String password) {
        return submit("/sign-in", Map.of("handle", handle, "password", password));
    }

    private Response remember(Response response) {
        String type = response.header("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            Element token = response.document().selectFirst("input[type=hidden][name=_csrf]");
            if (token != null) {
                csrfParameter = token.attr("name");
                csrfToken = token.attr("value");
            }
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
