package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A member adds a passkey and signs in with it, in Chromium with a virtual authenticator (the
 * one Chrome's DevTools offer) standing in for a fingerprint reader.
 *
 * <p>Passkeys work only on a domain name, so this browser opens the application at
 * {@code http://localhost:PORT} rather than 127.0.0.1, and the application must list that origin
 * before it starts: the port is chosen here instead of at random.
 */
@OnSqlite
class PasskeyInBrowserTest extends BrowserTest {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void passkeysOnLocalhost(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("hearth.passkeys.rp-id", () -> "localhost");
        properties.add("hearth.passkeys.allowed-origins", () -> "http://localhost:" + PORT);
    }

    @Override
    protected String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aMemberAddsAPasskeyAndSignsInWithIt() {
        BrowserContext context = context();
        Page page = context.newPage();
        addVirtualAuthenticator(context, page);
        String handle = unique("key");
        signUp(page, handle);

        page.navigate("/me/passkeys");
        assertThat(page.getByText("You have no passkeys yet.")).isVisible();
        page.getByLabel("Name of this passkey").fill("This laptop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
        assertThat(page.locator("ul.passkeys li h2")).hasText("This laptop");
        assertThat(page.locator("#passkey-error")).isHidden();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(url -> url.contains("/sign-in?signed-out"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
        page.waitForURL(url -> !url.contains("/sign-in"));

        assertThat(page.locator("header.site nav a[href='/me/profile']")).hasText(handle);
        page.navigate("/me/passkeys");
        assertThat(page.locator("h1")).hasText("Your passkeys");
        assertThat(page.locator("ul.passkeys li h2")).hasText("This laptop");
    }

    @Test
    void aMemberWithOnlyPasskeysConfirmsWithOneWhereThePasswordWasAsked() {
        BrowserContext context = context();
        Page page = context.newPage();
        addVirtualAuthenticator(context, page);
        String handle = unique("only");
        signUp(page, handle);
        page.navigate("/me/passkeys");
        page.getByLabel("Name of this passkey").fill("Phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
        assertThat(page.locator("ul.passkeys li h2")).hasText("Phone");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove my password…")).click();
        assertThat(page.locator("h1")).hasText("Remove your password?");
        assertThat(page.locator("#single-passkey")).containsText("If you lose that device");
        screenshots(page, "remove-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove my password")).click();
        assertThat(page.locator("p.notice")).containsText("Your password is removed");

        // signed in with the password, so no passkey used in this session yet
        page.navigate("/me/handle");
        assertThat(page.locator("input[type=password]")).hasCount(0);
        screenshots(page, "handle-confirm-with-passkey");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm with my passkey")).click();
        assertThat(page.getByText("You confirmed it is you with your passkey")).isVisible();
        String renamed = unique("renamed");
        page.getByLabel("New handle").fill(renamed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my handle")).click();
        assertThat(page.locator("p.notice")).containsText("Your handle is now \u2068" + renamed + "\u2069");
    }

    @Test
    void aPasskeyOnABareIpAddressSaysWhyItFails() {
        BrowserContext context = context();
        Page page = context.newPage();
        addVirtualAuthenticator(context, page);
        page.navigate("http://127.0.0.1:" + PORT + "/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
        assertThat(page.locator("#passkey-error")).containsText("only when Hearth is opened at a domain name");
        assertThat(page.locator("#passkey-error")).containsText("http://localhost:" + PORT);
    }

    @Test
    void withoutJavaScriptTheSignInPageShowsNoPasskeyButton() {
        Page page = context(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false))
                .newPage();
        page.navigate("/sign-in");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")))
                .isHidden();
    }

    /** A platform authenticator that holds passkeys and confirms the member is present and verified. */
    private static void addVirtualAuthenticator(BrowserContext context, Page page) {
        CDPSession devTools = context.newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject params = new JsonObject();
        params.add("options", options);
        devTools.send("WebAuthn.addVirtualAuthenticator", params);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
