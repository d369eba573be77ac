package org.hearth.identity;

import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Joining, signing in and out, and what a profile shows. */
abstract class AccountsContract extends HearthTest {

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
