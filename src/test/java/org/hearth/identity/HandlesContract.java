package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.identity.schema.Tables.MEMBERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Handles that pose as someone else's are refused, and right-to-left handles cannot reorder a page. */
abstract class HandlesContract extends HearthTest {

    private static final String LATIN = "aceopxy";
    private static final String CYRILLIC = "\u0430\u0441\u0435\u043E\u0440\u0445\u0443"; // а с е о р х у, letter for letter

    @Autowired
    DSLContext db;

    /** A new handle of Latin letters that each have a Cyrillic twin. */
    private static String twinnable() {
        var random = ThreadLocalRandom.current();
        StringBuilder handle = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            handle.append(LATIN.charAt(random.nextInt(LATIN.length())));
        }
        return handle.toString();
    }

    /** The same handle written in Cyrillic letters: one script, so only its likeness refuses it. */
    private static String inCyrillic(String latin) {
        StringBuilder twin = new StringBuilder();
        latin.chars().forEach(c -> twin.append(CYRILLIC.charAt(LATIN.indexOf(c))));
        return twin.toString();
    }

    private static Visitor.Response signUp(Visitor visitor, String handle) {
        visitor.get("/sign-up");
        return visitor.post("/sign-up", Map.of("handle", handle, "password", PASSWORD, "email", ""));
    }

    @Test
    void handlesOfALongListOfMembersComeInPartsAndLeaveOutWhoIsNotAMember() {
        Viewer first = account(unique("first"));
        Viewer last = account(unique("last"));
        Viewer gone = account(unique("gone"));
        db.update(MEMBERS).set(MEMBERS.HANDLE_KEY, "~" + gone.memberId()).where(MEMBERS.ID.eq(gone.memberId())).execute(); // as deleting the account does
        // a community's member list can be longer than one statement may bind: the two real members sit in different parts
        List<String> ids = new ArrayList<>();
        ids.add(first.memberId());
        for (int i = 0; i < 1_200; i++) {
            ids.add(org.hearth.platform.RandomId.next());
        }
        ids.add(gone.memberId());
        ids.add(last.memberId());
        ids.add(null);

        Map<String, String> handles = members.handles(ids);

        assertThat(handles).containsOnlyKeys(first.memberId(), last.memberId());
        assertThat(handles.get(last.memberId())).isEqualTo(last.handle());
    }

    @Test
    void aHandleThatLooksLikeAnExistingOneIsRefused() {
        String original = twinnable();
        member(original);
        for (String lookAlike : List.of(inCyrillic(original), original.toUpperCase(),
                original.chars().mapToObj(c -> Character.toString(c - 'a' + '\uFF41')).reduce("", String::concat))) {
            var page = signUp(visitor(), lookAlike);
            assertThat(page.status()).as(lookAlike).isEqualTo(200);
            assertThat(page.document().select("#handle-error").text()).contains("looks just like it");
            assertThat(page.document().select("#handle").val()).as("what was typed stays").isEqualTo(lookAlike);
        }
        assertThat(db.fetchCount(MEMBERS, MEMBERS.HANDLE_SKELETON.eq(Handles.skeleton(original)))).isEqualTo(1);

        Visitor someoneElse = member(twinnable());
        var renamed = someoneElse.post("/me/handle", Map.of("handle", inCyrillic(original), "password", PASSWORD));
        assertThat(renamed.document().select("#handle-error").text()).contains("looks just like it");
    }

    @Test
    void invisibleAndMixedScriptHandlesAreRefusedWithAReason() {
        var invisible = signUp(visitor(), "\u3164\u3164\u3164\u3164");
        assertThat(invisible.document().select("#handle-error").text()).contains("cannot be seen");
        var zeroWidth = signUp(visitor(), "ann\u200Bie" + unique(""));
        assertThat(zeroWidth.document().select("#handle-error").text()).contains("cannot be seen");
        String mixed = "s\u0456teadmin" + unique("");
        var mixedScript = signUp(visitor(), mixed);
        assertThat(mixedScript.document().select("#handle-error").text()).contains("Latin", "Cyrillic");
        assertThat(members.handleExists(mixed)).isFalse();

        Visitor member = member(unique("plain"));
        var change = member.post("/me/handle", Map.of("handle", "\u03B1lpha" + unique(""), "password", PASSWORD));
        assertThat(change.document().select("#handle-error").text()).contains("Greek", "Latin");
        var filler = member.post("/me/handle", Map.of("handle", "ab\uFFA0cd", "password", PASSWORD));
        assertThat(filler.document().select("#handle-error").text()).contains("cannot be seen");
    }

    @Test
    void handlesWhollyInAnotherAlphabetAreWelcome() {
        String cyrillic = "\u043C\u0430\u0440\u0438\u044F_" + unique("").toLowerCase().replaceAll("[a-z]", "");
        String greek = "\u03B5\u03BB\u03C0\u03AF\u03B4\u03B1_" + unique("").toLowerCase().replaceAll("[a-z]", "");
        for (String handle : List.of(cyrillic, greek)) {
            Visitor visitor = visitor();
            var welcome = visitor.signUp(handle, PASSWORD);
            assertThat(welcome.text()).as(handle).contains("Welcome to Hearth");
            assertThat(visitor().signIn(handle, PASSWORD).document().select("header.site").text()).contains(handle);
        }
    }

    @Test
    void twoPeopleRacingForLookAlikeHandlesCannotBothWin() throws Exception {
        String latin = twinnable();
        List<String> wanted = List.of(latin, inCyrillic(latin), latin.toUpperCase(), inCyrillic(latin).toUpperCase());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (String handle : wanted) {
            attempts.add(() -> {
                Visitor visitor = visitor();
                visitor.get("/sign-up");
                start.await();
                var answer = visitor.post("/sign-up", Map.of("handle", handle, "password", PASSWORD, "email", ""));
                if (answer.status() == 302) {
                    return true;
                }
                assertThat(answer.document().select("#handle-error").text()).as(handle).contains("looks just like it");
                return false;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(wanted.size());
        try {
            List<Future<Boolean>> results = attempts.stream().map(pool::submit).toList();
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.fetchCount(MEMBERS, MEMBERS.HANDLE_SKELETON.eq(Handles.skeleton(latin)))).isEqualTo(1);
        // Beneath the check, the database itself lets only one row have a skeleton.
        assertThatThrownBy(() -> db.insertInto(MEMBERS).set(MEMBERS.ID, "racer" + unique("")).set(MEMBERS.HANDLE, "x")
                .set(MEMBERS.HANDLE_KEY, unique("racer")).set(MEMBERS.HANDLE_SKELETON, Handles.skeleton(latin))
                .set(MEMBERS.CREATED_AT, 0L).execute()).isInstanceOfAny(org.springframework.dao.DataAccessException.class, org.jooq.exception.DataAccessException.class);
    }

    @Test
    void existingLookAlikesAreShownToTheSiteAdministratorAndLeftAsTheyAre() {
        String older = twinnable();
        String younger = inCyrillic(older);
        account(older);
        // as migration 14.1 leaves a look-alike made before they were refused: its handle, no skeleton
        String youngerId = org.hearth.platform.RandomId.next();
        db.insertInto(MEMBERS).set(MEMBERS.ID, youngerId).set(MEMBERS.HANDLE, younger).set(MEMBERS.HANDLE_KEY, younger)
                .set(MEMBERS.CREATED_AT, System.nanoTime()).execute();

        String invisibleId = org.hearth.platform.RandomId.next();
        db.insertInto(MEMBERS).set(MEMBERS.ID, invisibleId).set(MEMBERS.HANDLE, "\u3164\u3164" + invisibleId)
                .set(MEMBERS.HANDLE_KEY, invisibleId).set(MEMBERS.HANDLE_SKELETON, invisibleId).set(MEMBERS.CREATED_AT, 0L).execute();

        Viewer admin = members.create(unique("admin"), PASSWORD, null, true);
        Visitor site = moderating(admin);
        var profile = site.get("/me/profile").document();
        assertThat(profile.select("#look-alike-report a").attr("href")).isEqualTo("/admin/handles");
        assertThat(profile.select("header.site a[href=/admin/handles]")).as("the administrator's menu leads there too").hasSize(1);
        var report = site.get("/admin/handles");
        assertThat(report.status()).isEqualTo(200);
        var line = report.document().select(".look-alikes li").stream()
                .filter(li -> li.text().startsWith(younger)).findFirst().orElseThrow();
        assertThat(line.text()).contains("looks like " + older);
        assertThat(line.select("bdi")).hasSize(2);
        var refused = report.document().select(".refused-handles li").stream()
                .filter(li -> li.select("a").attr("href").equals("/m/" + invisibleId)).findFirst().orElseThrow();
        assertThat(refused.text()).contains("U+3164", "cannot be seen");
        assertThat(db.select(MEMBERS.HANDLE).from(MEMBERS).where(MEMBERS.ID.eq(youngerId)).fetchOne(MEMBERS.HANDLE))
                .as("never silently changed").isEqualTo(younger);

        Visitor notAdmin = member(unique("curious"));
        assertThat(notAdmin.get("/admin/handles").status()).isEqualTo(403);
        var notAdminProfile = notAdmin.get("/me/profile").document();
        assertThat(notAdminProfile.select("#look-alike-report")).isEmpty();
        assertThat(notAdminProfile.select("header.site a[href=/admin/handles]")).isEmpty();
    }

    @Test
    void aRightToLeftHandleIsIsolatedWhereverItIsShown() {
        String hebrew = "\u05E9\u05E8\u05D4_" + unique("").replaceAll("[a-z]", "");
        Visitor writer = visitor();
        assertThat(writer.signUp(hebrew, PASSWORD).text()).as("plain text sets it apart too")
                .contains("Welcome to Hearth, \u2068" + hebrew + "\u2069.");
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        writer.submit("/c/" + slug + "/join", AGREEING);
        var topic = writer.submit("/c/" + slug + "/topics", Map.of("kind", TopicKind.QUESTION.name(), "title", "Mornings",
                "body", "How do you manage mornings?", "contentWarning", ""));
        assertThat(topic.document().select("article.post .author bdi").text()).isEqualTo(hebrew);
        assertThat(topic.document().select("header.site a[href=/me/profile] bdi").text()).isEqualTo(hebrew);
        assertThat(visitor().get("/c/" + slug).document().select(".topics .meta bdi").text()).isEqualTo(hebrew);
        String profile = topic.document().select("article.post a.author").attr("href");
        assertThat(visitor().get(profile).document().select("h1 bdi").text()).isEqualTo(hebrew);
        var memberList = moderating(owner).get("/c/" + slug + "/members");
        assertThat(memberList.document().select("table bdi").eachText()).contains(hebrew);
        assertThat(writer.get("/me/profile").document().select("main bdi").text()).isEqualTo(hebrew);
    }
}
