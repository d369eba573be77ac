package org.hearth.identity;

import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Joining, signing in and out, the setup link, and what a profile shows. */
abstract class AccountsContract extends HearthTest {

    @Autowired
    SetupLink setupLink;

    @Autowired
    DSLContext db;

    @Test
    void signUpRefusalsSayWhatIsWrongAndKeepWhatWasTyped() {
        Visitor visitor = visitor();
        visitor.get("/sign-up");
        var page = visitor.post("/sign-up", Map.of("handle", "x", "password", "short", "email", "not-an-address"));
        assertThat(page.status()).isEqualTo(200);
        var doc = page.document();
        assertThat(doc.select("#handle-error").text()).contains("3 to 30");
        assertThat(doc.select("#password-error").text()).contains("at least 10 characters");
        assertThat(doc.select("#email-error").text()).contains("does not look like an e-mail address");
        assertThat(doc.select("#handle").val()).isEqualTo("x");
        assertThat(doc.select("#email").val()).isEqualTo("not-an-address");
        assertThat(doc.select("#password").val()).as("a password is never sent back").isEmpty();
        assertThat(doc.select("#handle").attr("aria-invalid")).isEqualTo("true");
        assertThat(members.handleExists("x")).isFalse();
    }

    @Test
    void handlesAreUniqueWhateverTheirCase() {
        String handle = unique("Robin");
        member(handle);
        Visitor second = visitor();
        second.get("/sign-up");
        var page = second.post("/sign-up", Map.of("handle", handle.toUpperCase(), "password", PASSWORD, "email", ""));
        assertThat(page.document().select("#handle-error").text()).contains("already uses this handle");
        assertThat(page.document().select("#handle").val()).isEqualTo(handle.toUpperCase());
    }

    @Test
    void signingInChangesTheSessionAndAFailureKeepsTheHandle() {
        String handle = unique("sam");
        member(handle);
        Visitor visitor = visitor();
        visitor.get("/sign-in");
        var failed = visitor.post("/sign-in", Map.of("handle", handle, "password", "wrong password!"));
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.document().select("#handle").val()).isEqualTo(handle);
        String wrongPassword = failed.document().select(".error-summary").text();
        var unknown = visitor.post("/sign-in", Map.of("handle", unique("ghost"), "password", "wrong password!"));
        assertThat(unknown.document().select(".error-summary").text())
                .as("the answer does not tell whether the handle exists").isEqualTo(wrongPassword);

        String before = visitor.cookie("HEARTH_SESSION");
        assertThat(before).isNotNull();
        var signedIn = visitor.signIn(handle, PASSWORD);
        assertThat(signedIn.document().select("header.site").text()).contains(handle);
        assertThat(visitor.cookie("HEARTH_SESSION")).as("session fixation protection").isNotEqualTo(before);

        var out = visitor.submit("/sign-out", Map.of());
        assertThat(out.document().select("header.site").text()).doesNotContain(handle).contains("Sign in");
        assertThat(visitor.get("/me/profile").status()).isEqualTo(302);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String handle = unique("csrf");
        var response = visitor().postRaw("/sign-up", Map.of("handle", handle, "password", PASSWORD, "email", ""));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(members.handleExists(handle)).isFalse();
    }

    @Test
    void passwordsAreStoredAsArgon2idAtOwaspMinimumCost() {
        String handle = unique("hash");
        member(handle);
        String hash = db.select(MEMBERS.PASSWORD_HASH).from(MEMBERS)
                .where(MEMBERS.HANDLE_KEY.eq(handle.toLowerCase())).fetchOne(MEMBERS.PASSWORD_HASH);
        assertThat(hash).startsWith("$argon2id$").contains("m=19456,t=2,p=1").doesNotContain(PASSWORD);
    }

    @Test
    void memberIdsAreRandomAndProfilesShowOnlyTheHandle() {
        String first = members.create(unique("id"), PASSWORD, "someone@example.org", false).memberId();
        String second = members.create(unique("id"), PASSWORD, null, false).memberId();
        assertThat(first).matches("[a-z2-7]{16}");
        assertThat(first.substring(0, 8)).isNotEqualTo(second.substring(0, 8));

        var profile = visitor().get("/m/" + first);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain("someone@example.org");
        assertThat(profile.document().select("main").text()).contains("has not shared anything");
        assertThat(visitor().get("/m/aaaaaaaaaaaaaaaa").status()).isEqualTo(404);
        assertThat(visitor().get("/m/1").status()).isEqualTo(404);
    }

    @Test
    void aMemberChoosesToShowMore() {
        String handle = unique("open");
        Visitor visitor = member(handle);
        visitor.submit("/me/profile", Map.of("about", "Diagnosed in 2019, happy to talk about pumps."));
        String id = members.idOfHandle(handle).orElseThrow();
        assertThat(visitor().get("/m/" + id).text()).contains("happy to talk about pumps");
        var tooLong = visitor.post("/me/profile", Map.of("about", "a".repeat(501)));
        assertThat(tooLong.document().select("#about-error").text()).contains("under 500");
        assertThat(tooLong.document().select("#about").text()).hasSize(501);
    }

    @Test
    void theSetupLinkCreatesTheFirstAdministratorOnce() {
        String token = setupLink.currentToken();
        assertThat(token).as("a new site offers the setup link").isNotNull();
        assertThat(visitor().get("/setup/not-the-token").status()).isEqualTo(404);
        String handle = unique("admin");
        Visitor admin = visitor();
        assertThat(admin.get("/setup/" + token).status()).isEqualTo(200);
        var done = admin.submit("/setup/" + token, Map.of("handle", handle, "password", PASSWORD, "email", ""));
        assertThat(done.text()).contains("site's administrator");
        assertThat(visitor().get("/setup/" + token).status()).as("the link works once").isEqualTo(404);
        assertThat(members.anySiteAdministrator()).isTrue();

        // the administrator owns the patient leaders community made on first start
        var leaders = admin.get("/c/patient-leaders");
        assertThat(leaders.status()).isEqualTo(200);
        assertThat(leaders.text()).contains("Patient leaders").contains("Members and requests");

        // and, once they have a second factor, can create communities, private by default; others cannot
        var asked = admin.get("/admin/communities/new");
        assertThat(asked.location()).endsWith("/me/second-factor?required");
        assertThat(admin.open(asked.location()).text()).contains("because you are a site administrator");
        org.hearth.testing.Authenticator.enrol(admin, PASSWORD);
        var form = admin.get("/admin/communities/new").document();
        assertThat(form.select("input[name=visibility][checked]").val()).isEqualTo("MEMBERS_ONLY");
        String slug = unique("new-c").toLowerCase();
        var created = admin.submit("/admin/communities", Map.of("name", "Living with lupus", "slug", slug,
                "conditionServed", "Lupus", "description", "For people living with lupus.",
                "visibility", "MEMBERS_ONLY", "joinPolicy", "OPEN"));
        assertThat(created.document().select("h1").text()).isEqualTo("Living with lupus");
        var duplicate = admin.post("/admin/communities", Map.of("name", "Again", "slug", slug,
                "conditionServed", "Lupus", "description", "Again.", "visibility", "PUBLIC", "joinPolicy", "OPEN"));
        assertThat(duplicate.document().select("#slug-error").text()).contains("already uses this address");
        assertThat(duplicate.document().select("#name").val()).isEqualTo("Again");

        Visitor plain = member(unique("plain"));
        assertThat(plain.get("/admin/communities/new").status()).isEqualTo(403);
        assertThat(plain.post("/admin/communities", Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        String handle = unique("maple");
        Visitor visitor = visitor();
        visitor.get("/sign-up");
        for (String weak : new String[] {"password123", "qwertyuiop", handle + "2024!", "iloveyou1234"}) {
            var page = visitor.post("/sign-up", Map.of("handle", handle, "password", weak, "email", ""));
            assertThat(page.document().select("#password-error").text()).as(weak).isNotBlank();
            assertThat(page.document().select("#handle").val()).isEqualTo(handle);
        }
        var reused = visitor.post("/sign-up", Map.of("handle", handle, "password", handle + "2024!", "email", ""));
        assertThat(reused.document().select("#password-error").text()).contains("contains your handle");
        assertThat(members.handleExists(handle)).isFalse();
        assertThat(visitor.signUp(handle, "tundra violet kettle 93").text()).contains("Welcome to Hearth");
    }
}
