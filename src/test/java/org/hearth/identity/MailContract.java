package org.hearth.identity;

import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;
import static org.hearth.platform.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.platform.mail.Outbox;
import org.hearth.testing.HearthTest;
import org.hearth.testing.TestSmtp;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail flows against a real SMTP server (GreenMail, in process): the test reads the mail that
 * arrived and follows its link, as a member would.
 */
abstract class MailContract extends HearthTest {

    static final GreenMail SMTP = TestSmtp.start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, SMTP);
    }

    @Autowired
    DSLContext db;

    @Autowired
    Outbox outbox;

    private static String address(String handle) {
        return handle.toLowerCase() + "@example.org";
    }

    /** Waits for the next mail to this address whose subject contains the words, and returns its link. */
    private static String linkIn(String recipient, String subjectWords, int nth) {
        Matcher link = Pattern.compile("http://\\S+").matcher(bodyOf(recipient, subjectWords, nth));
        assertThat(link.find()).as("the mail holds a link").isTrue();
        return link.group();
    }

    /** The text of the nth mail to this address whose subject has these words, once it reached the test's SMTP server. */
    private static String bodyOf(String recipient, String subjectWords, int nth) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] mails = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> recipientIs(m, recipient) && subject(m).contains(subjectWords))
                    .toArray(MimeMessage[]::new);
            if (mails.length >= nth) {
                return GreenMailUtil.getBody(mails[nth - 1]);
            }
            SMTP.waitForIncomingEmail(200, 1);
        }
        throw new AssertionError("no mail \"" + subjectWords + "\" reached the test's SMTP server");
    }

    private static int mailsTo(String recipient) {
        return (int) Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipientIs(m, recipient)).count();
    }

    private static boolean recipientIs(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private String path(String link) {
        return link.substring(link.indexOf('/', "http://".length()));
    }

    private Visitor signedUpWithAddress(String handle) {
        Visitor visitor = visitor();
        visitor.submit("/sign-up", Map.of("handle", handle, "password", PASSWORD, "email", address(handle)));
        return visitor;
    }

    @Test
    void anAddressIsConfirmedByTheLinkMailedToItAndTheLinkWorksOnce() {
        String handle = unique("mail");
        Visitor visitor = signedUpWithAddress(handle);
        assertThat(visitor.get("/me/email").text()).contains("not confirmed yet");
        String link = linkIn(address(handle), "Confirm your e-mail", 1);
        assertThat(link).matches("http://localhost:\\d+/email/verify/[A-Za-z0-9_-]{43}");

        assertThat(visitor.open(path(link)).text()).contains("your e-mail address is confirmed");
        assertThat(visitor.get("/me/email").text()).contains("(confirmed)");
        assertThat(visitor().open(path(link)).text()).contains("expired or was already used");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(db.fetchExists(EMAIL_TOKENS, EMAIL_TOKENS.TOKEN_HASH.eq(token))).as("tokens are stored hashed").isFalse();
    }

    @Test
    void changingTheAddressAsksForThePasswordAgain() {
        String handle = unique("change");
        Visitor visitor = signedUpWithAddress(handle);
        var refused = visitor.post("/me/email", Map.of("email", "new-" + address(handle), "password", "not my password 1"));
        assertThat(refused.document().select("#password-error").text()).contains("not your password");
        assertThat(refused.document().select("#email").val()).isEqualTo("new-" + address(handle));
        visitor.submit("/me/email", Map.of("email", "new-" + address(handle), "password", PASSWORD));
        assertThat(linkIn("new-" + address(handle), "Confirm your e-mail", 1)).contains("/email/verify/");
    }

    @Test
    void theConfirmedAddressIsToldWhenItIsReplacedAndAnUnconfirmedOneIsNot() {
        String handle = unique("moving");
        Visitor visitor = signedUpWithAddress(handle);
        String old = address(handle);
        visitor.open(path(linkIn(old, "Confirm your e-mail", 1)));
        visitor.submit("/me/email", Map.of("email", "second-" + old, "password", PASSWORD));
        assertThat(linkIn(old, "Your Hearth e-mail address was changed", 1)).endsWith("/me/security");
        MimeMessage told = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipientIs(m, old) && subject(m).contains("address was changed")).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(told)).as("discreet: neither the handle nor the new address")
                .doesNotContain(handle).doesNotContain("second-");

        // the second address was never confirmed: replacing it writes to no one but the newest
        linkIn("second-" + old, "Confirm your e-mail", 1);
        visitor.submit("/me/email", Map.of("email", "third-" + old, "password", PASSWORD));
        linkIn("third-" + old, "Confirm your e-mail", 1);
        SMTP.waitForIncomingEmail(1000, SMTP.getReceivedMessages().length + 1);
        assertThat(mailsTo("second-" + old)).isEqualTo(1);
        assertThat(mailsTo(old)).as("told once, about the change from it").isEqualTo(3);
    }

    @Test
    void aForgottenPasswordIsResetByLinkWhichSignsNoOneInAndEndsEverySession() {
        String handle = unique("forgot");
        Visitor old = signedUpWithAddress(handle);
        old.open(path(linkIn(address(handle), "Confirm your e-mail", 1)));

        Visitor visitor = visitor();
        visitor.get("/password/forgotten");
        String known = visitor.post("/password/forgotten", Map.of("account", handle)).document().select("main").text();
        String unknown = visitor.post("/password/forgotten", Map.of("account", unique("nobody"))).document().select("main").text();
        assertThat(known.replace(handle, "X")).as("no hint whether the account exists")
                .isEqualTo(unknown.replaceAll("nobody\\w+", "X"));

        String link = linkIn(address(handle), "Reset your Hearth password", 1);
        var form = visitor.get(path(link));
        assertThat(form.document().select("input[name=password]")).hasSize(1);
        var weak = visitor.post(path(link), Map.of("password", "password1"));
        var derived = visitor.post(path(link), Map.of("password", handle + "-2026-!"));
        assertThat(derived.document().select("#password-error").text()).contains("contains your handle");
        assertThat(weak.document().select("#password-error").text()).isNotBlank();
        var done = visitor.submit(path(link), Map.of("password", "willow harbour seven comet"));
        assertThat(done.text()).contains("Your new password is set");
        assertThat(done.document().select("header.site").text()).as("the link signs no one in").contains("Sign in");
        assertThat(old.get("/me/profile").status()).as("every old session ended").isEqualTo(302);
        assertThat(visitor().get(path(link)).text()).contains("expired or was already used");
        assertThat(visitor().signIn(handle, "willow harbour seven comet").document().select("header.site").text()).contains(handle);
        assertThat(linkIn(address(handle), "Password reset", 1)).contains("/me/security");
    }

    @Test
    void anExpiredLinkNoLongerWorks() {
        String handle = unique("late");
        signedUpWithAddress(handle);
        String link = linkIn(address(handle), "Confirm your e-mail", 1);
        String memberId = members.idOfHandle(handle).orElseThrow();
        db.update(EMAIL_TOKENS).set(EMAIL_TOKENS.EXPIRES_AT, 0L).where(EMAIL_TOKENS.MEMBER_ID.eq(memberId)).execute();
        assertThat(visitor().open(path(link)).text()).contains("expired or was already used");
        assertThat(members.verifiedEmail(memberId)).isEmpty();
    }

    @Test
    void membersWithoutAConfirmedAddressGetNoResetMail() {
        String handle = unique("unconfirmed");
        signedUpWithAddress(handle);
        linkIn(address(handle), "Confirm your e-mail", 1);
        int before = mailsTo(address(handle));
        visitor().submit("/password/forgotten", Map.of("account", address(handle)));
        visitor().submit("/password/forgotten", Map.of("account", handle));
        SMTP.waitForIncomingEmail(1500, before + 1);
        assertThat(mailsTo(address(handle))).isEqualTo(before);
    }

    @Test
    void theSecurityLogListsWhatHappenedAndMailsWhatMatters() {
        String handle = unique("log");
        Visitor visitor = signedUpWithAddress(handle);
        visitor.open(path(linkIn(address(handle), "Confirm your e-mail", 1)));
        visitor().post("/sign-in", Map.of("handle", handle, "password", "wrong password 42"));
        visitor.submit("/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "copper valley nine lark"));
        assertThat(linkIn(address(handle), "Password changed", 1)).endsWith("/me/security");

        var log = visitor.get("/me/security").document();
        assertThat(log.select("tbody td:nth-child(2)").eachText())
                .contains("Password changed", "E-mail address verified", "E-mail address added, waiting for verification");
        Visitor fresh = visitor();
        fresh.signIn(handle, "copper valley nine lark");
        assertThat(fresh.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .as("how the member signed in").contains("Signed in with a password");
        assertThat(visitor().get("/me/security").status()).isEqualTo(302);
    }

    @Test
    void mailIsNotKeptOnceDeliveredSoItsLinksAreNowhereInTheDatabase() {
        String handle = unique("kept");
        signedUpWithAddress(handle);
        String link = linkIn(address(handle), "Confirm your e-mail", 1);
        String token = link.substring(link.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!outbox.addressedTo(address(handle)).isEmpty() && System.nanoTime() < deadline) {
            SMTP.waitForIncomingEmail(100, Integer.MAX_VALUE);
        }
        assertThat(outbox.addressedTo(address(handle))).as("the delivered message is gone").isEmpty();
        assertThat(db.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.BODY.contains(token))).isFalse();
    }

    @Test
    void theOutboxPageIsGoneOnceMailLeavesTheServer() {
        var admin = members.create(unique("adm"), PASSWORD, null, true);
        Visitor browser = moderating(admin);
        assertThat(browser.get("/admin/outbox").status()).isEqualTo(404);
        assertThat(browser.get("/").document().select("header.site a[href=/admin/outbox]")).as("no link to it").isEmpty();
    }

    @Test
    void aSignInLinkWorksOnceAndTheAnswerNeverTellsWhoExists() {
        String handle = unique("link");
        signedUpWithAddress(handle).open(path(linkIn(address(handle), "Confirm your e-mail", 1)));

        Visitor visitor = visitor();
        visitor.get("/sign-in/link");
        String known = visitor.submit("/sign-in/link", Map.of("username", address(handle))).document().select("main").text();
        String unknown = visitor.submit("/sign-in/link", Map.of("username", unique("ghost"))).document().select("main").text();
        assertThat(known).isEqualTo(unknown).contains("a sign-in link is on its way");

        String link = linkIn(address(handle), "Your Hearth sign-in link", 1);
        var confirm = visitor.get(path(link)).document();
        assertThat(confirm.select("header.site").text()).as("opening the link alone signs no one in").doesNotContain(handle);
        assertThat(confirm.select("main").text()).contains("signs you in as " + handle);
        String token = link.substring(link.indexOf("token=") + 6);
        var signedIn = visitor.submit("/sign-in/link/use", Map.of("token", token));
        assertThat(signedIn.document().select("header.site").text()).contains(handle);
        assertThat(visitor.get("/me/security").document().select("tbody td:nth-child(2)").eachText())
                .contains("Signed in with an e-mailed link");

        Visitor again = visitor();
        again.get(path(link));
        var reused = again.post("/sign-in/link/use", Map.of("token", token));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.text()).contains("expired or was already used");
        assertThat(again.get("/me/profile").status()).isEqualTo(302);
    }

    @Test
    void aSignInLinkIsOneFactorAndNeverSkipsTheSecond() {
        String handle = unique("twofa");
        Visitor first = signedUpWithAddress(handle);
        first.open(path(linkIn(address(handle), "Confirm your e-mail", 1)));
        org.hearth.testing.Authenticator.enrol(first, PASSWORD);

        Visitor visitor = visitor();
        visitor.get("/sign-in/link");
        visitor.submit("/sign-in/link", Map.of("username", handle));
        String link = linkIn(address(handle), "Your Hearth sign-in link", 1);
        visitor.get(path(link));
        visitor.post("/sign-in/link/use", Map.of("token", link.substring(link.indexOf("token=") + 6)));
        var profile = visitor.get("/me/profile");
        assertThat(profile.status()).isEqualTo(302);
        assertThat(profile.location()).endsWith("/sign-in/second-factor");
    }

    @Test
    void aSuspendedAccountCannotSignInWithALinkAndIsToldWhyByMail() {
        String handle = unique("suspended");
        Visitor first = signedUpWithAddress(handle);
        first.open(path(linkIn(address(handle), "Confirm your e-mail", 1)));
        var admin = members.create(unique("admin"), PASSWORD, null, true);
        assertThat(suspendAccount.run(new org.hearth.moderation.SuspendAccount.Input(withSecondFactor(admin), handle, 7,
                "Posting the same advert in every community.", false))).isInstanceOf(org.hearth.moderation.SuspendAccount.Outcome.Suspended.class);
        assertThat(first.get("/me/profile").status()).as("their session ended").isEqualTo(302);
        // delivered right after the suspension's commit: read where it arrived
        assertThat(bodyOf(address(handle), "A message about your Hearth account", 1))
                .contains("suspended your Hearth account until").contains("Posting the same advert in every community.");

        Visitor visitor = visitor();
        visitor.get("/sign-in/link");
        visitor.submit("/sign-in/link", Map.of("username", handle));
        String link = linkIn(address(handle), "Your Hearth sign-in link", 1);
        visitor.get(path(link));
        var refused = visitor.post("/sign-in/link/use", Map.of("token", link.substring(link.indexOf("token=") + 6)));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).contains("is suspended by the site's administrators");
        assertThat(visitor.get("/me/profile").status()).isEqualTo(302);
    }

    @Autowired
    org.hearth.moderation.SuspendAccount suspendAccount;
}
