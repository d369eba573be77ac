package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.hearth.platform.mail.Outbox;
import org.springframework.beans.factory.annotation.Autowired;

/** Headers every page carries, and friendly answers to bad requests: never a stack trace. */
abstract class WebBoundaryContract extends HearthTest {

    @Autowired
    Outbox outbox;

    @Test
    void everyPageForbidsOtherOriginsAndSendsNoReferrer() {
        for (String path : new String[] {"/", "/sign-up", "/sign-in", "/c/no-such-place"}) {
            var page = visitor().get(path);
            String csp = page.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'none'").contains("script-src 'self'")
                    .contains("style-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            var doc = page.document();
            assertThat(doc.select("[src], link[href]").eachAttr("abs:src")).allMatch(url -> url.isEmpty() || url.startsWith("/"));
            assertThat(doc.select("script[src^=http], link[href^=http], img[src^=http], iframe")).isEmpty();
            assertThat(doc.select("style, [style], script:not([src])")).as("no inline style or script").isEmpty();
        }
    }

    @Test
    void badAddressesGetAFriendlyPageNotAStackTrace() {
        Visitor visitor = visitor();
        var unknown = visitor.get("/c/does-not-exist");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.document().select("h1").text()).isEqualTo("We could not find that page");

        String slug = community(account(unique("own")), org.hearth.community.Visibility.PUBLIC,
                org.hearth.community.JoinPolicy.OPEN, false);
        assertThat(visitor.get("/c/" + slug + "/t/..%2F..%2Fetc").status()).isIn(400, 404);
        assertThat(visitor.get("/c/" + slug + "/t/not-an-id").status()).isEqualTo(404);
        assertThat(visitor.get("/c/" + slug + "/t/" + "x".repeat(500)).status()).isEqualTo(404);
        assertThat(visitor.get("/c/" + "y".repeat(300)).status()).isEqualTo(404);
        assertThat(visitor.get("/nowhere/at/all").status()).isEqualTo(404);

        var badPage = visitor.get("/c/" + slug + "?page=abc");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.document().select("h1").text()).isEqualTo("That request did not make sense to us");

        for (var response : new Visitor.Response[] {unknown, badPage}) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel");
        }
    }

    @Test
    void oversizedRequestsAreRefusedInWords() {
        Visitor author = member(unique("big"));
        var response = author.post("/me/profile", Map.of("about", "z".repeat(400_000)));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.document().select("h1").text()).isEqualTo("That was too much to send at once");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void healthReportsTheDatabase() {
        var health = visitor().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");
    }

    @Test
    void withoutAMailServerMailWaitsInTheOutboxWhichOnlyAdministratorsOpen() {
        String handle = unique("outbox");
        Visitor member = visitor();
        member.submit("/sign-up", Map.of("handle", handle, "password", PASSWORD, "email", handle + "@example.org"));
        assertThat(outbox.latest(50)).anySatisfy(message -> {
            assertThat(message.recipient()).isEqualTo(handle + "@example.org");
            assertThat(message.body()).contains("/email/verify/");
            assertThat(message.sentAt()).isNull();
        });
        assertThat(member.get("/admin/outbox").status()).isEqualTo(403);
        assertThat(visitor().get("/admin/outbox").status()).isEqualTo(302);
        assertThat(member.get("/").document().select("header.site a[href=/admin/outbox]")).isEmpty();
        Visitor admin = moderating(members.create(unique("admin"), PASSWORD, null, true));
        assertThat(admin.get("/").document().select("header.site a[href=/admin/outbox]").text())
                .as("the administrator's menu leads to the mail").isEqualTo("Outbox");
        assertThat(admin.get("/admin/outbox").status()).isEqualTo(200);
    }
}
