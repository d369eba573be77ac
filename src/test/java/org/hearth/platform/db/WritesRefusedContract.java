package org.hearth.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Element;
import org.hearth.platform.RepeatedFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * While the database refuses writes (PostgreSQL after a fail-over, a read-only SQLite file),
 * everyone still reads, signed in or not, and a write is told in words that writing is paused,
 * with what was typed shown back.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class WritesRefusedContract extends HearthTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepeatedFailures failures;

    /** Makes every connection Hearth opens from now on, and those it holds, refuse writes. */
    abstract void refuseWrites() throws Exception;

    abstract void allowWrites() throws Exception;

    @Test
    void whileWritesAreRefusedEveryoneReadsAndAWriteIsToldInWordsWithWhatWasTyped() throws Exception {
        Viewer owner = account(unique("keeper"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner,
                new Draft(TopicKind.QUESTION, "Sleeping after surgery", "what helped you?", null, false));
        Viewer reader = account(unique("reader"));
        String handle = reader.handle();
        join(slug, reader);
        Visitor member = signedIn(reader);
        String topic = "/c/" + slug + "/t/" + topicId;
        Element composer = member.get(topic).document().selectFirst("form.composer");
        Map<String, String> resend = new LinkedHashMap<>();
        // a session last used a while ago: its next request rewrites it (on SQLite only then)
        String sessionId = new String(Base64.getDecoder().decode(member.cookie("HEARTH_SESSION")), StandardCharsets.UTF_8);
        jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - 120000 WHERE SESSION_ID = ?", sessionId);

        refuseWrites();
        try {
            for (String path : new String[] {"/", "/c/" + slug, topic}) {
                var read = member.get(path);
                assertThat(read.status()).as("a member reads %s", path).isEqualTo(200);
                assertThat(read.text()).as("still signed in").contains(handle);
                assertThat(visitor().get(path).status()).as("a visitor reads %s", path).isEqualTo(200);
            }

            Map<String, String> reply = new LinkedHashMap<>();
            composer.select("input[type=hidden]").forEach(input -> reply.put(input.attr("name"), input.val()));
            reply.put("body", "the pillow under my knees helped");
            reply.put("contentWarning", "");
            var refused = member.post(composer.attr("action"), reply);
            assertWritingPaused(refused);
            Element unsaved = refused.document().selectFirst("form.unsaved");
            assertThat(unsaved).as("the form comes back").isNotNull();
            assertThat(unsaved.attr("action")).isEqualTo(composer.attr("action"));
            assertThat(unsaved.select("textarea[name=body]").text()).isEqualTo("the pillow under my knees helped");
            assertThat(unsaved.select("input[name=submission]").val()).as("with the same one-time key")
                    .isEqualTo(reply.get("submission"));
            unsaved.select("input[type=hidden], textarea").forEach(field -> resend.put(field.attr("name"), field.val()));

            Visitor newcomer = visitor();
        newcomer.get("/sign-up");
        var signUp = newcomer.post("/sign-up", Map.of("handle", unique("newcomer"), "password", PASSWORD, "email", ""));
            assertWritingPaused(signUp);
            assertThat(signUp.body()).doesNotContain(PASSWORD);
            assertThat(signUp.document().select("form.unsaved")).as("a form holding a password is not given back").isEmpty();

            var again = member.get(topic);
            assertThat(again.status()).as("reading goes on after a refused write").isEqualTo(200);
            assertThat(again.text()).contains("Sleeping after surgery").doesNotContain("the pillow under my knees");
            assertThat(again.document().select("p.notice.paused").text()).as("the page says writing is paused")
                    .startsWith("Writing is paused for now");
            assertThat(visitor().get(topic).document().select("p.notice.paused")).as("for visitors too").hasSize(1);
        } finally {
            allowWrites();
        }
        var back = member.get(topic);
        assertThat(back.text()).as("still signed in once writes work again").contains(handle);
        assertThat(member.post(composer.attr("action"), resend).status()).as("the form given back sends").isLessThan(400);
        assertThat(member.post(composer.attr("action"), resend).status()).as("and again").isLessThan(400);
        assertThat(member.get(topic).document().select("article").eachText().stream()
                .filter(post -> post.contains("the pillow under my knees helped"))).as("stored once").hasSize(1);
        assertThat(member.get(topic).document().select("p.notice.paused")).as("and the page no longer says it is paused").isEmpty();
    }

    @Test
    void fiftyRefusedWritesAreLoggedOnceWithACountAndNoDataOfTheirs(CapturedOutput output) throws Exception {
        Viewer owner = account(unique("keeper"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner,
                new Draft(TopicKind.DISCUSSION, "Fatigue after chemo", "how do you pace yourself?", null, false));
        Viewer reader = account(unique("writer"));
        join(slug, reader);
        Visitor member = signedIn(reader);
        Element composer = member.get("/c/" + slug + "/t/" + topicId).document().selectFirst("form.composer");
        Map<String, String> reply = new LinkedHashMap<>();
        composer.select("input[type=hidden]").forEach(input -> reply.put(input.attr("name"), input.val()));
        reply.put("contentWarning", "");
        failures.summarise(); // counts from before this test are written out now
        int before = output.length();

        refuseWrites();
        try {
            for (int i = 0; i < 50; i++) {
                reply.put("body", "walking ten minutes a day, note " + i);
                assertThat(member.post(composer.attr("action"), reply).status()).isEqualTo(503);
            }
            String during = output.toString().substring(before);
            // one line at most for each statement refused: the reply's, the session's, a background clean-up's
            // (the summary of counts may fall in this window on a slow machine: it is not a line per request)
            assertThat(during.lines().filter(line -> line.contains("database refused writes") && !line.contains("times in the last")))
                    .as("not one line per request").hasSizeLessThanOrEqualTo(3);
            assertThat(during.lines().filter(line -> line.startsWith("\tat ")).count())
                    .as("at most three stack traces").isLessThan(600);

            failures.summarise();
            String summary = output.toString().substring(before);
            long counted = summary.lines().filter(line -> line.contains("database refused writes"))
                    .map(line -> java.util.regex.Pattern.compile("refused writes (\\d+) times in the last 60 s").matcher(line))
                    .filter(java.util.regex.Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).sum();
            assertThat(counted).as("the refusals after the first are counted").isGreaterThanOrEqualTo(49);
            assertThat(summary).doesNotContain("walking ten minutes").doesNotContain(reader.handle());
        } finally {
            allowWrites();
        }
    }

    private static void assertWritingPaused(Visitor.Response response) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.document().select("h1").text()).isEqualTo("Writing is paused for now");
        assertThat(response.text()).contains("Hearth can show pages but cannot save anything right now")
                .contains("try again later").doesNotContain("Exception").doesNotContain("Tomcat");
        assertThat(response.header("Retry-After")).isNotNull();
    }
}
