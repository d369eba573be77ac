package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/** A member sees where they are signed in and ends sessions; a new password ends the others. */
abstract class SessionsContract extends HearthTest {

    private static boolean signedIn(Visitor visitor) {
        return visitor.get("/me/sessions").status() == 200;
    }

    @Test
    void aMemberSeesTheirDevicesAndSignsOneOut() {
        Viewer member = account(unique("dev"));
        Visitor laptop = signedIn(member);
        Visitor phone = signedIn(member);
        Visitor stranger = member(unique("other"));

        var page = laptop.get("/me/sessions").document();
        assertThat(page.select("ul.cards li")).hasSize(2);
        assertThat(page.select("ul.cards li .badge").text()).isEqualTo("This device");
        assertThat(page.text()).contains("Signed in").contains("last active");
        assertThat(laptop.get("/me/sessions").body()).doesNotContain(phone.cookie("HEARTH_SESSION"));

        String otherKey = page.select("form[action^=/me/sessions/][action$=/end]").attr("action")
                .replace("/me/sessions/", "").replace("/end", "");
        assertThat(stranger.submit("/me/sessions/" + otherKey + "/end", Map.of()).text())
                .as("no one ends another member's session").contains("already ended");
        assertThat(signedIn(phone)).isTrue();

        laptop.submit("/me/sessions/" + otherKey + "/end", Map.of());
        assertThat(signedIn(phone)).isFalse();
        assertThat(signedIn(laptop)).isTrue();
    }

    @Test
    void signingOutEverywhereElseKeepsOnlyThisDevice() {
        Viewer member = account(unique("all"));
        Visitor here = signedIn(member);
        Visitor first = signedIn(member);
        Visitor second = signedIn(member);
        var done = here.submit("/me/sessions/end-others", Map.of());
        assertThat(done.text()).contains("2 devices");
        assertThat(signedIn(first)).isFalse();
        assertThat(signedIn(second)).isFalse();
        assertThat(signedIn(here)).isTrue();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        Viewer member = account(unique("pw"));
        Visitor here = signedIn(member);
        Visitor elsewhere = signedIn(member);

        var wrong = here.post("/me/password", Map.of("currentPassword", "not it at all 123", "newPassword", "granite meadow fox 812"));
        assertThat(wrong.document().select("#currentPassword-error").text()).contains("not your password");
        var weak = here.post("/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "password1234"));
        assertThat(weak.document().select("#newPassword-error").text()).isNotBlank();
        assertThat(signedIn(elsewhere)).isTrue();

        String before = here.cookie("HEARTH_SESSION");
        var changed = here.submit("/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "granite meadow fox 812"));
        assertThat(changed.text()).contains("Your password is changed").contains("Every other device was signed out");
        assertThat(here.cookie("HEARTH_SESSION")).isNotEqualTo(before);
        assertThat(signedIn(here)).isTrue();
        assertThat(signedIn(elsewhere)).isFalse();
        assertThat(visitor().signIn(member.handle(), PASSWORD).status()).isEqualTo(401);
        assertThat(signedIn(signedInWith(member, "granite meadow fox 812"))).isTrue();
    }

    private Visitor signedInWith(Viewer member, String password) {
        Visitor visitor = visitor();
        visitor.signIn(member.handle(), password);
        return visitor;
    }

    @Test
    void aNewHandleShowsEverywhereAndTheOldOneNoLongerSignsIn() {
        Viewer member = account(unique("old"));
        Visitor here = signedIn(member);
        Visitor elsewhere = signedIn(member);
        Viewer other = account(unique("taken"));

        var taken = here.post("/me/handle", Map.of("handle", other.handle().toUpperCase(), "password", PASSWORD));
        assertThat(taken.document().select("#handle-error").text()).contains("already uses this handle");
        var wrong = here.post("/me/handle", Map.of("handle", "brand-new-name", "password", "not my password 7"));
        assertThat(wrong.document().select("#password-error").text()).contains("not your password");
        assertThat(wrong.document().select("#handle").val()).isEqualTo("brand-new-name");

        String renamed = unique("new");
        var done = here.submit("/me/handle", Map.of("handle", renamed, "password", PASSWORD));
        assertThat(done.document().select("header.site").text()).contains(renamed).doesNotContain(member.handle());
        assertThat(done.text()).as("set apart from the words around it").contains("Your handle is now \u2068" + renamed + "\u2069");
        assertThat(visitor().get("/m/" + member.memberId()).document().select("h1").text()).isEqualTo(renamed);
        assertThat(signedIn(elsewhere)).as("other devices sign in again").isFalse();
        assertThat(here.get("/me/sessions").document().select("ul.cards li")).hasSize(1);
        assertThat(visitor().signIn(member.handle(), PASSWORD).status()).isEqualTo(401);
        assertThat(visitor().signIn(renamed, PASSWORD).document().select("header.site").text()).contains(renamed);
    }
}
