package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.hearth.platform.mail.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Headers every page carries, and friendly answers to bad requests: never a stack trace. */
abstract class WebBoundaryContract extends HearthTest {

    @Autowired
    Outbox outbox;

    @Value("${hearth.max-request-bytes}")
    long maxRequestBytes;

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
    void oversizedRequestsAreRefusedInWordsWhetherTheyAnnounceTheirLengthOrNot() throws Exception {
        String handle = unique("big");
        Visitor author = member(handle);
        String huge = "z".repeat((int) maxRequestBytes); // with the other fields, just over the cap
        var announced = author.post("/me/profile", Map.of("about", huge));
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.document().select("h1").text()).isEqualTo("That was too much to send at once");
        assertThat(announced.body()).doesNotContain("Exception");

        String token = author.get("/me/profile").document().select("input[name=_csrf]").val();
        String head = "POST /me/profile HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: HEARTH_SESSION="
                + author.cookie("HEARTH_SESSION") + "\r\nContent-Type: application/x-www-form-urlencoded\r\n";
        var chunked = RawExchange.send(port, head, ("_csrf=" + token + "&about=" + huge).getBytes(StandardCharsets.UTF_8), true);
        assertThat(chunked.status()).as("the same body in chunks is refused too").isEqualTo(413);
        assertThat(chunked.document().select("h1").text()).isEqualTo("That was too much to send at once");
        assertThat(author.get("/me/profile").body()).doesNotContain("zzzzzzzzzz");

        var small = RawExchange.send(port, head, ("_csrf=" + token + "&about=Chunks+are+fine+%D1%8F").getBytes(StandardCharsets.UTF_8), true);
        assertThat(small.status()).as("a small body in chunks is read as usual").isEqualTo(302);
        assertThat(author.get("/me/profile").document().select("#about").text()).isEqualTo("Chunks are fine я");
    }

    @Test
    void aPostOverItsLimitComesBackWithTheTextAndOnlyAHugeBodyIsRefusedInWords() {
        var owner = account(unique("writer"));
        String slug = community(owner, org.hearth.community.Visibility.PUBLIC, org.hearth.community.JoinPolicy.OPEN, false);
        String topic = "/c/" + slug + "/t/" + started(access(slug, owner), owner, new org.hearth.conversation.Draft(
                org.hearth.conversation.TopicKind.DISCUSSION, "A long story", "It begins here.", null, false));
        Visitor writer = signedIn(owner);
        writer.get(topic);
        // 100,000 Cyrillic letters: 600 KB as a form, far over the post limit but a plausible paste
        String pasted = "я".repeat(100_000);
        var back = writer.post(topic + "/replies", Map.of("body", pasted, "contentWarning", ""));
        assertThat(back.status()).isEqualTo(422);
        assertThat(back.document().select("#body-error").text())
                .isEqualTo("Posts can be up to 20,000 characters; yours has 100,000. Split it into several replies.");
        assertThat(back.document().select("#body").text()).as("the text is kept").isEqualTo(pasted);

        var huge = writer.post(topic + "/replies", Map.of("body", "y".repeat(1_100_000), "contentWarning", ""));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.document().select("h1").text()).isEqualTo("That was too much to send at once");
        assertThat(huge.text()).contains("at most 1 MB", "split it into several posts").doesNotContain("Tomcat");
    }

    @Test
    void aForgedHostHeaderNeverEndsUpInARedirect() throws Exception {
        String handle = unique("host");
        account(handle);
        String forged = "Host: evil.example\r\n";
        var wanted = RawExchange.send(port, "GET /me/profile HTTP/1.1\r\n" + forged, null, false);
        assertThat(wanted.status()).isEqualTo(302);
        assertThat(wanted.header("Location")).startsWith("/").doesNotContain("evil");

        String cookie = wanted.sessionCookie();
        assertThat(cookie).as("the page wanted is remembered in a session").isNotNull();
        var form = RawExchange.send(port, "GET /sign-in HTTP/1.1\r\n" + forged + "Cookie: " + cookie + "\r\n", null, false);
        String token = form.document().select("input[name=_csrf]").val();
        String fields = "_csrf=" + token + "&handle=" + handle + "&password=" + PASSWORD.replace(' ', '+');
        var signedIn = RawExchange.send(port, "POST /sign-in HTTP/1.1\r\n" + forged + "Cookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n", fields.getBytes(StandardCharsets.UTF_8), false);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).as("back to the page wanted, on this site").startsWith("/me/profile");
    }

    @Test
    void everyPageForASignedInPersonKeepsSearchEnginesOut() {
        var owner = account(unique("own"));
        String slug = community(owner, org.hearth.community.Visibility.PUBLIC, org.hearth.community.JoinPolicy.OPEN, false);
        var access = access(slug, owner);
        String topicId = started(access, owner, new org.hearth.conversation.Draft(org.hearth.conversation.TopicKind.DISCUSSION,
                "A public topic", "Read by anyone.", null, false));
        String postId = replied(access, owner, topicId, new org.hearth.conversation.Draft(
                org.hearth.conversation.TopicKind.DISCUSSION, null, "A reply.", null, false)).postId();
        String[] publicPages = {"/", "/c/" + slug, "/c/" + slug + "/t/" + topicId};
        for (String path : publicPages) {
            var anonymous = visitor().get(path);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.document().select("meta[name=robots]")).as("a public page stays findable: " + path).isEmpty();
            assertThat(anonymous.header("X-Robots-Tag")).isNull();
        }

        var admin = members.create(unique("adm"), PASSWORD, null, true);
        Visitor signedIn = moderating(admin);
        signedIn.submit("/c/" + slug + "/join", AGREEING);
        Visitor author = signedIn(owner);
        var pages = new java.util.LinkedHashMap<String, Visitor>();
        for (String path : publicPages) {
            pages.put(path, signedIn);
        }
        pages.put("/me/profile", signedIn);
        pages.put("/admin/communities/new", signedIn);
        pages.put("/c/" + slug + "/new", signedIn);
        pages.put("/c/" + slug + "/p/" + postId + "/edit", author);
        pages.forEach((path, visitor) -> {
            var page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.document().select("meta[name=robots]").attr("content")).as(path).isEqualTo("noindex, nofollow");
            assertThat(page.header("X-Robots-Tag")).as(path).isEqualTo("noindex, nofollow");
        });
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
