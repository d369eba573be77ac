package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.identity.schema.Tables.SECOND_FACTORS;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * The second factor: setting up an authenticator app, signing in with its codes or a recovery
 * code, the limit on guesses, and the roles that must have one before they act.
 */
abstract class SecondFactorContract extends HearthTest {

    private static final String CODE_PAGE = "/sign-in/second-factor";

    @Test
    void settingUpNeedsThePasswordAndAFirstCodeFromTheApp() {
        String handle = unique("totp");
        Visitor visitor = member(handle);
        assertThat(visitor.get("/me/profile").document().select("nav.account-nav a[href=/me/second-factor]")).hasSize(1);
        assertThat(visitor.get("/me/second-factor/setup").location()).as("no key without the password")
                .endsWith("/me/second-factor");

        var wrong = visitor.post("/me/second-factor/setup", Map.of("password", "not my password at all"));
        assertThat(wrong.document().select("#password-error").text()).isEqualTo("That is not your password.");

        var setup = visitor.submit("/me/second-factor/setup", Map.of("password", PASSWORD));
        var qr = setup.document().selectFirst("img.qr-code");
        assertThat(qr).isNotNull();
        assertThat(qr.attr("src")).as("drawn by Hearth, not an image service").startsWith("data:image/svg+xml;base64,");
        assertThat(qr.attr("alt")).isNotBlank();
        assertThat(setup.document().select("#secret").text()).matches("[A-Z2-7 ]{32,}");

        var refused = visitor.post("/me/second-factor/setup/confirm", Map.of("code", "123 456"));
        assertThat(refused.document().select("#code-error").text()).contains("does not match");
        assertThat(refused.document().select("#code").val()).as("keeps what was typed").isEqualTo("123 456");
        assertThat(members.idOfHandle(handle).map(id -> secondFactors.enrolled(id)).orElseThrow())
                .as("not on before a code confirms it").isFalse();
    }

    @Test
    void signingInAsksForACodeAndNothingElseOpensUntilThen() {
        Viewer owner = account(unique("cowner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String handle = unique("twostep");
        Visitor first = member(handle);
        Authenticator app = Authenticator.enrol(first, PASSWORD);
        assertThat(first.get("/me/profile").status()).as("the device that set it up stays signed in").isEqualTo(200);
        assertThat(first.get("/me/second-factor").text()).contains("Your second factor is on").contains("10 unused recovery codes");

        Visitor visitor = visitor();
        var asked = visitor.signIn(handle, PASSWORD);
        assertThat(asked.document().select("h1").text()).isEqualTo("One more step");
        assertThat(asked.document().select("header.site nav a").eachAttr("href"))
                .as("no menu of a site not open yet").doesNotContain("/me/profile", "/me/communities", "/");
        assertThat(asked.document().select("header.site form[action=/sign-out]")).hasSize(1);

        // half-way: only the code page and signing out
        assertThat(visitor.get("/me/profile").location()).endsWith(CODE_PAGE);
        assertThat(visitor.get("/").location()).endsWith(CODE_PAGE);
        assertThat(visitor.get("/c/" + slug).location()).endsWith(CODE_PAGE);
        visitor.get(CODE_PAGE);
        var join = visitor.post("/c/" + slug + "/join", Map.of());
        assertThat(join.location()).endsWith(CODE_PAGE);
        assertThat(visitor.post("/me/profile", Map.of("about", "sneaky")).location()).endsWith(CODE_PAGE);
        visitor.get(CODE_PAGE);
        assertThat(visitor.post("/c/" + slug + "/topics", Map.of("title", "t", "body", "b", "kind", "QUESTION")).location())
                .endsWith(CODE_PAGE);
        var asOwner = communities.visibleTo(slug, withSecondFactor(owner)).orElseThrow();
        assertThat(communities.members(asOwner, null).orElseThrow().members()).hasSize(1);

        visitor.get(CODE_PAGE);
        var wrong = visitor.post(CODE_PAGE, Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.document().select("#code-error").text()).contains("That code does not work");
        assertThat(wrong.text().split("That code does not work", -1)).as("the error said once").hasSize(2);
        assertThat(wrong.document().select("#code").val()).isEqualTo("000000");

        String before = visitor.cookie("HEARTH_SESSION");
        var done = visitor.post(CODE_PAGE, Map.of("code", app.nextCode()));
        assertThat(done.status()).isEqualTo(302);
        assertThat(visitor.cookie("HEARTH_SESSION")).as("a new session id once fully signed in").isNotEqualTo(before);
        var profile = visitor.get("/me/profile");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.document().select("header.site nav a").eachAttr("href")).contains("/me/profile", "/me/communities");
        assertThat(visitor.submit("/c/" + slug + "/join", AGREEING).text()).contains("You are now a member");
    }

    @Test
    void aRecoveryCodeWorksOnceAndNotTwice() {
        String handle = unique("lostphone");
        Authenticator app = Authenticator.enrol(member(handle), PASSWORD);
        String code = app.recoveryCodes().get(3);

        Visitor visitor = visitor();
        visitor.signIn(handle, PASSWORD);
        var in = visitor.submit(CODE_PAGE, Map.of("code", code.toUpperCase()));
        assertThat(in.text()).contains("You used a recovery code").contains("You have 9 left");
        assertThat(visitor.get("/me/profile").status()).isEqualTo(200);

        Visitor again = visitor();
        again.signIn(handle, PASSWORD);
        var refused = again.post(CODE_PAGE, Map.of("code", code));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(again.get("/me/profile").location()).endsWith(CODE_PAGE);
    }

    @Test
    void guessingCodesIsSlowedDown() {
        String handle = unique("guess");
        Authenticator app = Authenticator.enrol(member(handle), PASSWORD);
        Visitor visitor = visitor();
        visitor.signIn(handle, PASSWORD);
        int status = 0;
        for (int attempt = 0; attempt < 6 && status != 429; attempt++) {
            status = visitor.post(CODE_PAGE, Map.of("code", String.format("%06d", attempt))).status();
        }
        assertThat(status).isEqualTo(429);
        var limited = visitor.post(CODE_PAGE, Map.of("code", app.nextCode()));
        assertThat(limited.status()).as("even the right code waits").isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.text()).contains("Please slow down");
        assertThat(visitor.get("/me/profile").location()).endsWith(CODE_PAGE);
    }

    @Test
    void settingUpOrRemovingTheSecondFactorSignsOutOtherDevices() {
        Viewer member = account(unique("devices"));
        Visitor here = signedIn(member);
        Visitor elsewhere = signedIn(member);
        Authenticator app = Authenticator.enrol(here, PASSWORD);
        assertThat(elsewhere.get("/me/sessions").status()).isEqualTo(302);
        assertThat(here.get("/me/sessions").status()).isEqualTo(200);

        Visitor laptop = visitor();
        laptop.signIn(member.handle(), PASSWORD);
        laptop.submit(CODE_PAGE, Map.of("code", app.nextCode()));
        assertThat(laptop.get("/me/sessions").status()).isEqualTo(200);

        // the field the page's own form sends, so page and handler cannot drift apart again
        String field = here.get("/me/second-factor").document()
                .select("form[action=/me/second-factor/remove] input[type=password]").attr("name");
        assertThat(field).isNotBlank();
        var wrong = here.post("/me/second-factor/remove", Map.of(field, "wrong password here"));
        assertThat(wrong.document().select("#" + field + "-error").text()).isEqualTo("That is not your password.");
        assertThat(secondFactors.enrolled(member.memberId())).isTrue();
        var off = here.submit("/me/second-factor/remove", Map.of(field, PASSWORD));
        assertThat(secondFactors.enrolled(member.memberId())).isFalse();
        assertThat(off.text()).contains("The second factor is off").contains("Every other device was signed out");
        assertThat(laptop.get("/me/sessions").status()).isEqualTo(302);
        assertThat(signedIn(member).get("/me/profile").status()).as("the password alone again").isEqualTo(200);
        assertThat(here.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .contains("Sign-in method added: authenticator app", "Sign-in method removed: authenticator app");
    }

    @Test
    void moderatorsSetUpASecondFactorBeforeActingAndCannotTurnItOff() {
        Viewer owner = account(unique("mod"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        Viewer guest = account(unique("guest"));
        Visitor browser = signedIn(owner);
        browser.get("/c/" + slug + "/members");
        var invite = browser.post("/c/" + slug + "/invitations", Map.of("handle", guest.handle()));
        assertThat(invite.location()).endsWith("/me/second-factor?required");
        var explained = browser.open(invite.location());
        assertThat(explained.document().select("#required-explanation").text())
                .contains("because you own the community Community " + slug);
        assertThat(communities.mine(guest)).as("the invitation was not sent").isEmpty();

        Authenticator.enrol(browser, PASSWORD);
        browser.get("/c/" + slug + "/members");
        assertThat(browser.submit("/c/" + slug + "/invitations", Map.of("handle", guest.handle())).text())
                .contains("they will find your invitation");
        assertThat(communities.mine(guest)).hasSize(1);

        var page = browser.get("/me/second-factor").document();
        assertThat(page.select("form[action=/me/second-factor/remove]")).isEmpty();
        var refused = browser.submit("/me/second-factor/remove", Map.of("password", PASSWORD));
        assertThat(refused.text()).contains("You cannot turn the second factor off because you own the community");
    }

    /**
     * A server started with another secrets key than the one the authenticator's secret was
     * sealed with (a lost key file, a node given another key): here the secret is sealed under
     * a fresh key, which is what such a server finds.
     */
    @Test
    void aLostSecretsKeyLeavesRecoveryCodesWorkingAndSaysWhatTheOperatorMustDo() {
        String handle = unique("lostkey");
        Authenticator app = Authenticator.enrol(member(handle), PASSWORD);
        String memberId = members.idOfHandle(handle).orElseThrow();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        SecretBox otherServer = new SecretBox(Base64.getEncoder().encodeToString(otherKey), "unused");
        db.update(SECOND_FACTORS).set(SECOND_FACTORS.SECRET, otherServer.seal(new byte[20], memberId))
                .where(SECOND_FACTORS.MEMBER_ID.eq(memberId)).execute();

        Visitor visitor = visitor();
        visitor.signIn(handle, PASSWORD);
        var refused = visitor.post(CODE_PAGE, Map.of("code", app.nextCode()));
        assertThat(refused.status()).as("a clear page, not a 500").isEqualTo(401);
        assertThat(refused.document().select("#key-lost").text()).contains("Your recovery codes still work")
                .contains("hearth.secrets.key").contains("secrets.key");
        assertThat(visitor.get("/me/profile").location()).as("still not in").endsWith(CODE_PAGE);

        visitor.get(CODE_PAGE);
        assertThat(visitor.submit(CODE_PAGE, Map.of("code", app.recoveryCodes().get(0))).text())
                .contains("You used a recovery code");
        assertThat(visitor.get("/me/profile").status()).isEqualTo(200);

        // a new authenticator is sealed with the key the server has: its codes work again
        Authenticator fresh = Authenticator.enrol(visitor, PASSWORD);
        Visitor later = visitor();
        later.signIn(handle, PASSWORD);
        assertThat(later.post(CODE_PAGE, Map.of("code", fresh.nextCode())).status()).isEqualTo(302);
        assertThat(later.get("/me/profile").status()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jooq.DSLContext db;

    @org.springframework.beans.factory.annotation.Autowired
    SecondFactors secondFactors;
}
