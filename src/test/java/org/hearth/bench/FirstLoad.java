package org.hearth.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hearth.browser.Chromium;

/**
 * What a browser with an empty cache downloads to show a page: every response's bytes on the
 * wire (headers and compressed body, as Chromium's network panel counts them), measured in
 * Debian's Chromium through the DevTools protocol.
 */
final class FirstLoad {

    record Bytes(long bytes, int responses) {
    }

    private FirstLoad() {
    }

    static boolean available() {
        return Files.isExecutable(Chromium.EXECUTABLE);
    }

    static Bytes measure(URI page) {
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright);
                BrowserContext context = browser.newContext()) {
            Page tab = context.newPage();
            CDPSession devtools = context.newCDPSession(tab);
            AtomicLong bytes = new AtomicLong();
            AtomicInteger responses = new AtomicInteger();
            devtools.on("Network.loadingFinished", (JsonObject event) -> {
                bytes.addAndGet((long) event.get("encodedDataLength").getAsDouble());
                responses.incrementAndGet();
            });
            devtools.send("Network.enable");
            devtools.send("Network.setCacheDisabled", cacheOff());
            tab.navigate(page.toString());
            tab.waitForLoadState(LoadState.NETWORKIDLE);
            return new Bytes(bytes.get(), responses.get());
        }
    }

    private static JsonObject cacheOff() {
        JsonObject params = new JsonObject();
        params.addProperty("cacheDisabled", true);
        return params;
    }
}
