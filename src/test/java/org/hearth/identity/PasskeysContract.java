package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.security.PasskeyProperties;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.PasskeyDevice;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Passkeys are kept in the database and managed on /me/passkeys. Making a real passkey needs
 * an authenticator (see the browser test); here they are stored directly, as Spring Security
 * stores them after checking one.
 */
abstract class PasskeysContract extends HearthTest {

    @Autowired
    PublicKeyCredentialUserEntityRepository users;

    @Autowired
    UserCredentialRepository credentials;

    @Autowired
    PasskeyProperties site;

    @Autowired
    SecondFactors secondFactors;

    private PasskeyDevice device(Viewer member, String label) {
        return PasskeyDevice.add(users, credentials, member.handle(), label, site.rpId(),
                site.allowedOrigins().iterator().next());
    }

    @Test
    void aPasskeyCheckStandsInForThePasswordOfAnAccountThatHasNone() {
        Viewer member = account(unique("pkonly"));
        Visitor browser = signedIn(member); // signed in by password: no passkey used in this session yet
        PasskeyDevice phone = device(member, "Phone");
        members.removePassword(member.memberId());

        var form = browser.get("/me/handle").document();
        assertThat(form.select("form[action=/me/handle] input[type=password]")).as("no password to ask for").isEmpty();
        assertThat(form.select("form[action=/me/handle] button[data-passkey-check]")).hasSize(1);
        String renamed = unique("renamed");
        var refused = browser.post("/me/handle", Map.of("handle", renamed, "password", ""));
        assertThat(refused.document().select("#password-error").text()).contains("Confirm it is you with your passkey");
        assertThat(refused.document().select("#handle").val()).as("keeps what was typed").isEqualTo(renamed);
        assertThat(members.handleExists(renamed)).isFalse();
        assertThat(browser.post("/me/email", Map.of("email", "pk@example.org", "password", "")).document()
                .select("#password-error").text()).contains("Confirm it is you with your passkey");
        assertThat(members.email(member.memberId())).isEmpty();
        browser.get("/me/second-factor");
        assertThat(browser.post("/me/second-factor/setup", Map.of("password", "")).document()
                .select("#password-error").text()).contains("Confirm it is you with your passkey");
        browser.get("/me/delete");
        assertThat(browser.post("/me/delete", Map.of("password", "")).document().select("#delete-error").text())
                .contains("Confirm it is you with your passkey").contains("Nothing was deleted");

        // someone else's passkey confirms nothing, and does not switch accounts either
        Viewer other = account(unique("other"));
        PasskeyDevice theirs = device(other, "Their phone");
        assertThat(browser.usePasskey(theirs).status()).isEqualTo(401);
        assertThat(browser.get("/me/profile").document().select("header.site nav a[href=/me/profile]").text())
                .isEqualTo(member.handle());
        assertThat(browser.post("/me/handle", Map.of("handle", renamed, "password", "")).document()
                .select("#password-error").text()).contains("Confirm it is you with your passkey");

        assertThat(browser.usePasskey(phone).status()).isEqualTo(200);
        assertThat(browser.get("/me/handle").text()).contains("You confirmed it is you with your passkey");
        assertThat(browser.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .contains("Signed in with a passkey, to confirm it was you", "Signed in with a password")
                .doesNotContain("Signed in with a passkey");
        Authenticator app = Authenticator.enrol(browser, "");
        assertThat(secondFactors.enrolled(member.memberId())).isTrue();
        assertThat(app.recoveryCodes()).hasSize(10);
        browser.get("/me/second-factor");
        assertThat(browser.submit("/me/second-factor/remove", Map.of("removePassword", "")).text())
                .contains("The second factor is off");
        assertThat(browser.submit("/me/email", Map.of("email", "pk@example.org", "password", "")).text())
                .contains("We sent a link to pk@example.org");
        assertThat(browser.submit("/me/handle", Map.of("handle", renamed, "password", "")).text())
                .contains("Your handle is now \u2068" + renamed + "\u2069");
        browser.get("/me/delete");
        assertThat(browser.post("/me/delete", Map.of()).text()).contains("Your account is deleted");
        assertThat(members.handleExists(renamed)).as("the account is gone").isFalse();
    }

    @Test
    void anAccountWithPasskeysOnlySetsAPasswordAgainAfterAPasskeyCheck() {
        Viewer member = account(unique("pkset"));
        Visitor browser = signedIn(member);
        PasskeyDevice phone = device(member, "Phone");
        members.removePassword(member.memberId());

        var form = browser.get("/me/password").document();
        assertThat(form.select("h1").text()).isEqualTo("Set a password");
        assertThat(form.select("input[name=currentPassword]")).as("no current password to ask for").isEmpty();
        var refused = browser.post("/me/password", Map.of("newPassword", "granite meadow fox 812"));
        assertThat(refused.document().select("#currentPassword-error").text()).contains("Confirm it is you with your passkey");
        assertThat(members.hasPassword(member.memberId())).isFalse();

        assertThat(browser.usePasskey(phone).status()).isEqualTo(200);
        assertThat(browser.submit("/me/password", Map.of("newPassword", "granite meadow fox 812")).text())
                .contains("Your password is changed");
        assertThat(members.hasPassword(member.memberId())).isTrue();
        assertThat(members.confirms(member.memberId(), Reconfirmation.password("granite meadow fox 812"))).isTrue();
    }

    @Test
    void aPasskeyCheckOfWhoeverSignedInBeforeVouchesForNoOneElse() {
        Viewer first = account(unique("first"));
        PasskeyDevice theirs = device(first, "Shared laptop");
        Viewer second = account(unique("second"));
        Visitor shared = visitor();
        assertThat(shared.usePasskey(theirs).status()).isEqualTo(200); // the first member's passkey, minutes ago
        shared.signIn(second.handle(), PASSWORD); // then someone else, in the same browser
        assertThat(shared.get("/me/profile").document().select("header.site nav a[href=/me/profile]").text())
                .isEqualTo(second.handle());
        members.removePassword(second.memberId()); // an account with passkeys only, as far as its forms go

        assertThat(shared.get("/me/handle").text()).doesNotContain("You confirmed it is you with your passkey");
        String renamed = unique("renamed");
        assertThat(shared.post("/me/handle", Map.of("handle", renamed, "password", "")).document()
                .select("#password-error").text()).contains("Confirm it is you with your passkey");
        assertThat(members.handleExists(renamed)).isFalse();
        shared.get("/me/delete");
        shared.post("/me/delete", Map.of());
        assertThat(members.handleExists(second.handle())).as("not deleted on another member's passkey").isTrue();
    }

    @Test
    void aMemberWithAPasswordStillTypesItAfterUsingAPasskey() {
        Viewer member = account(unique("both"));
        PasskeyDevice laptop = device(member, "Laptop");
        Visitor browser = visitor();
        var signedIn = browser.usePasskey(laptop);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"authenticated\":true");
        assertThat(browser.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .contains("Signed in with a passkey");
        var form = browser.get("/me/handle").document();
        assertThat(form.select("form[action=/me/handle] input[type=password]")).hasSize(1);
        String renamed = unique("nope");
        var refused = browser.post("/me/handle", Map.of("handle", renamed, "password", ""));
        assertThat(refused.document().select("#password-error").text()).isEqualTo("Type your password to go on.");
        assertThat(members.handleExists(renamed)).isFalse();
        browser.get("/me/delete");
        assertThat(browser.post("/me/delete", Map.of("password", "")).document().select("#delete-error").text())
                .contains("Nothing was deleted");
        assertThat(members.profile(member.memberId())).isPresent();
    }

    @Test
    void passkeysSurviveTheRoundTripThroughTheDatabase() {
        Viewer member = account(unique("rt"));
        PublicKeyCredentialUserEntity user = userOf(member);
        assertThat(users.findByUsername(member.handle())).isEqualTo(user);
        assertThat(users.findById(user.getId())).isEqualTo(user);

        Instant added = Instant.parse("2026-03-01T10:15:30.123Z");
        CredentialRecord record = passkey(user, "Phone", added);
        credentials.save(record);
        CredentialRecord read = credentials.findByCredentialId(record.getCredentialId());
        assertThat(read).isNotNull();
        assertThat(read.getUserEntityUserId()).isEqualTo(user.getId());
        assertThat(read.getPublicKey().getBytes()).isEqualTo(record.getPublicKey().getBytes());
        assertThat(read.getAttestationObject()).isEqualTo(record.getAttestationObject());
        assertThat(read.getSignatureCount()).isEqualTo(7);
        assertThat(read.isUvInitialized()).isTrue();
        assertThat(read.isBackupEligible()).isTrue();
        assertThat(read.isBackupState()).isFalse();
        assertThat(read.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID);
        assertThat(read.getCredentialType()).isEqualTo(PublicKeyCredentialType.PUBLIC_KEY);
        assertThat(read.getLabel()).isEqualTo("Phone");
        assertThat(read.getCreated()).isEqualTo(added);
        assertThat(read.getLastUsed()).isEqualTo(added.plus(1, ChronoUnit.DAYS));

        // a sign-in updates the record in place (signature count, last use)
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(read).signatureCount(8).build());
        assertThat(credentials.findByUserId(user.getId())).singleElement()
                .satisfies(r -> assertThat(r.getSignatureCount()).isEqualTo(8));
        credentials.delete(record.getCredentialId());
        assertThat(credentials.findByCredentialId(record.getCredentialId())).isNull();
    }

    @Test
    void aMemberSeesAndRemovesTheirPasskeysButNoOneElseCan() {
        Viewer owner = account(unique("keys"));
        PublicKeyCredentialUserEntity user = userOf(owner);
        CredentialRecord phone = passkey(user, "Phone", Instant.parse("2026-01-01T00:00:00Z"));
        CredentialRecord laptop = passkey(user, "Work laptop", Instant.parse("2026-02-01T00:00:00Z"));
        credentials.save(phone);
        credentials.save(laptop);

        Visitor browser = signedIn(owner);
        var page = browser.get("/me/passkeys").document();
        assertThat(page.select("#bare-address").text()).as("this visitor opened 127.0.0.1")
                .contains("Browsers allow passkeys only at a domain name");
        assertThat(page.select("ul.passkeys li h2").eachText()).containsExactly("Phone", "Work laptop");
        assertThat(browser.get("/me/profile").document().select("nav.account-nav a[href=/me/passkeys]")).hasSize(1);

        String removePhone = "/me/passkeys/" + phone.getCredentialId().toBase64UrlString() + "/remove";
        assertThat(page.select("form[action=" + removePhone + "]")).hasSize(1);
        Visitor stranger = member(unique("stranger"));
        assertThat(stranger.post(removePhone, Map.of()).status()).isEqualTo(404);
        assertThat(stranger.post("/me/passkeys/not-base64!/remove", Map.of()).status()).isEqualTo(404);
        assertThat(credentials.findByCredentialId(phone.getCredentialId())).isNotNull();

        var removed = browser.submit(removePhone, Map.of());
        assertThat(removed.text()).contains("The passkey is removed");
        assertThat(removed.document().select("ul.passkeys li h2").eachText()).containsExactly("Work laptop");
        assertThat(credentials.findByCredentialId(phone.getCredentialId())).isNull();
        assertThat(browser.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .as("two passkeys added, one removed, each by its name")
                .contains("Sign-in method removed: passkey “Phone”", "Sign-in method added: passkey “Work laptop”",
                        "Sign-in method added: passkey “Phone”");
    }

    @Test
    void anonymousVisitorsCannotReachPasskeys() {
        Visitor anonymous = visitor();
        var response = anonymous.get("/me/passkeys");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/sign-in");
        assertThat(anonymous.post("/me/passkeys/anything/remove", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void anAccountWithoutPasswordKeepsItsLastPasskeyAndTakesNoPassword() {
        Viewer member = account(unique("nopw"));
        Visitor browser = signedIn(member);
        assertThat(browser.submit("/me/passkeys/stop-using-password", Map.of()).text())
                .as("no passkey yet: the password stays").contains("Add a passkey first");
        assertThat(members.hasPassword(member.memberId())).isTrue();

        CredentialRecord only = passkey(userOf(member), "Security key", Instant.parse("2026-01-01T00:00:00Z"));
        credentials.save(only);
        var list = browser.get("/me/passkeys").document();
        assertThat(list.select("a[href=/me/passkeys/stop-using-password]")).as("a link to a page, no script needed").hasSize(1);
        assertThat(browser.submit("/me/passkeys/stop-using-password", Map.of()).document().select("h1").text())
                .as("a post without the confirmation shows it").isEqualTo("Remove your password?");
        assertThat(members.hasPassword(member.memberId())).isTrue();
        var confirm = browser.get("/me/passkeys/stop-using-password").document();
        assertThat(confirm.select("#single-passkey").text()).contains("You have only one passkey")
                .contains("If you lose that device").contains("no way back in").doesNotContain("sign-in link");
        assertThat(confirm.select("main li").eachText()).contains("Security key");
        members.setEmail(member.memberId(), "keys@example.org");
        members.markVerified(member.memberId(), "keys@example.org");
        assertThat(browser.get("/me/passkeys/stop-using-password").document().select("#single-passkey").text())
                .as("a confirmed address is the way back").contains("sign-in link").contains("keys@example.org")
                .doesNotContain("no way back in");
        assertThat(browser.submit("/me/passkeys/stop-using-password", Map.of("understood", "yes")).text())
                .contains("Your password is removed");
        assertThat(browser.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .contains("Sign-in method removed: password");
        assertThat(members.hasPassword(member.memberId())).isFalse();
        assertThat(visitor().signIn(member.handle(), PASSWORD).status()).isEqualTo(401);
        assertThat(visitor().signIn(member.handle(), "").status()).isEqualTo(401);

        String remove = "/me/passkeys/" + only.getCredentialId().toBase64UrlString() + "/remove";
        assertThat(browser.submit(remove, Map.of()).text()).contains("would lock you out");
        assertThat(credentials.findByCredentialId(only.getCredentialId())).isNotNull();
    }

    @Test
    void springSecuritysOwnRemovalEndpointIsClosed() {
        Viewer member = account(unique("del"));
        CredentialRecord key = passkey(userOf(member), "Phone", Instant.parse("2026-01-01T00:00:00Z"));
        credentials.save(key);
        Visitor browser = signedIn(member);
        browser.get("/me/passkeys");
        var response = browser.delete("/webauthn/register/" + key.getCredentialId().toBase64UrlString());
        assertThat(response.status()).isEqualTo(404);
        assertThat(credentials.findByCredentialId(key.getCredentialId())).isNotNull();
    }

    /** The WebAuthn user of a member, as Spring Security makes it when they add their first passkey. */
    private PublicKeyCredentialUserEntity userOf(Viewer member) {
        PublicKeyCredentialUserEntity user = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random()).name(member.handle()).displayName(member.handle()).build();
        users.save(user);
        return user;
    }

    private static CredentialRecord passkey(PublicKeyCredentialUserEntity user, String label, Instant added) {
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(user.getId())
                .publicKey(new ImmutablePublicKeyCose(Bytes.random().getBytes()))
                .signatureCount(7)
                .uvInitialized(true)
                .backupEligible(true)
                .backupState(false)
                .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .attestationObject(Bytes.random())
                .attestationClientDataJSON(Bytes.random())
                .created(added)
                .lastUsed(added.plus(1, ChronoUnit.DAYS))
                .label(label)
                .build();
    }

    @Test
    void addingAPasskeyNeedsTheMemberToHaveProvedItIsThemMinutesAgo() {
        Viewer member = account(unique("confirm"));
        Visitor browser = signedIn(member);
        assertThat(browser.post("/webauthn/register/options", Map.of()).status())
                .as("a sign-in a moment ago is proof enough").isEqualTo(200);
        assertThat(visitor().post("/webauthn/register/options", Map.of()).status())
                .as("no one signed in: nothing to add to").isNotEqualTo(200);

        var wrong = browser.post("/me/passkeys/confirm", Map.of("password", "not the password 1"));
        assertThat(wrong.document().select("#password-error").text()).isEqualTo("That is not your password.");
        var confirmed = browser.open(browser.post("/me/passkeys/confirm", Map.of("password", PASSWORD)).location());
        assertThat(confirmed.document().select("form#add-passkey")).hasSize(1);
    }
}
