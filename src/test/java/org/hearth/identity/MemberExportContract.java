package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.hearth.identity.schema.Tables.RECOVERY_CODES;
import static org.hearth.identity.schema.Tables.SECOND_FACTORS;
import static org.hearth.platform.schema.Tables.SPRING_SESSION;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.StoredPasskey;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member downloads everything Hearth holds about them, from their account pages: what they
 * wrote (anonymous posts and earlier versions too), what they belong to, their account; and
 * nothing that guards the account or belongs to someone else.
 */
abstract class MemberExportContract extends HearthTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DSLContext db;

    @Autowired
    Conversations conversations;

    @Autowired
    EmailLinks emailLinks;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    @Test
    void theDownloadHoldsWhatTheMemberWroteAndNothingThatGuardsTheirAccountOrIsSomeoneElses() {
        Viewer owner = account(unique("own"));
        String ownerAddress = owner.handle().toLowerCase() + "@example.org";
        emailLinks.changeAddress(owner, ownerAddress);
        String home = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        String hidden = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer writer = account(unique("writer"));
        String address = writer.handle().toLowerCase() + "@example.org";
        emailLinks.changeAddress(writer, address);
        Visitor browser = signedIn(writer);
        Authenticator authenticator = Authenticator.enrol(browser, PASSWORD);
        CredentialRecord passkey = StoredPasskey.add(passkeyUsers, passkeyCredentials, writer.handle(), "Kitchen laptop");
        browser.submit("/me/profile", Map.of("about", "Diagnosed in 2019."));

        join(home, writer);
        invite(hidden, owner, writer.handle());
        String topic = started(access(home, writer), writer,
                new Draft(TopicKind.QUESTION, "How did you sleep after surgery?", "opening-words", null, false));
        String anonymous = replied(access(home, writer), writer, topic,
                new Draft(null, null, "anonymous-first-words", "grief", true)).postId();
        edited(access(home, writer), writer, anonymous, new Draft(null, null, "anonymous-second-words", "grief", false));
        String ownersReply = replied(access(home, owner), owner, topic,
                new Draft(null, null, "owners-private-words", null, false)).postId();
        reacted(access(home, writer), writer, ownersReply, ReactionKind.HELPFUL);
        reacted(access(home, owner), owner, anonymous, ReactionKind.HUG);

        browser.get("/me/data");
        var download = browser.post("/me/data/download", Map.of());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"hearth-" + writer.handle() + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".json\"");
        assertThat(download.header("Cache-Control")).contains("no-store");

        JsonNode export = JSON.readTree(download.body());
        assertThat(export.get("format").asString()).isEqualTo("hearth-member-export");
        assertThat(export.get("version").asInt()).isEqualTo(1);
        assertThat(export.get("exportedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

        JsonNode account = export.get("account");
        assertThat(account.get("handle").asString()).isEqualTo(writer.handle());
        assertThat(account.get("email").asString()).isEqualTo(address);
        assertThat(account.get("about").asString()).isEqualTo("Diagnosed in 2019.");
        assertThat(account.get("createdAt").asString()).endsWith("Z");
        assertThat(account.get("passwordSet").asBoolean()).isTrue();
        assertThat(account.get("secondFactor").get("enabled").asBoolean()).isTrue();
        assertThat(account.get("secondFactor").get("recoveryCodesLeft").asInt()).isEqualTo(10);
        assertThat(account.get("passkeys").get(0).get("name").asString()).isEqualTo("Kitchen laptop");
        assertThat(account.get("signedInDevices")).hasSize(1);
        assertThat(texts(account.get("securityLog"), "event")).contains("signed_in", "email_added", "factor_added");
        assertThat(texts(account.get("emailLinks"), "purpose")).containsExactly("verify_email");
        assertThat(account.get("mail")).as("mail to an address never verified may be someone else's").isEmpty();

        JsonNode communities = export.get("communities");
        assertThat(communities.get("memberships")).singleElement().satisfies(m -> {
            assertThat(m.get("community").get("slug").asString()).isEqualTo(home);
            assertThat(m.get("role").asString()).isEqualTo("member");
        });
        assertThat(communities.get("invitationsReceived")).singleElement()
                .satisfies(i -> assertThat(i.get("community").get("slug").asString()).isEqualTo(hidden));

        JsonNode posts = export.get("conversations").get("posts");
        assertThat(posts).hasSize(2);
        JsonNode opening = posts.get(0);
        assertThat(opening.get("opensTopic").asBoolean()).isTrue();
        assertThat(opening.get("topic").get("title").asString()).isEqualTo("How did you sleep after surgery?");
        assertThat(opening.get("topic").get("kind").asString()).isEqualTo("question");
        assertThat(opening.get("body").asString()).isEqualTo("opening-words");
        assertThat(opening.get("community").get("slug").asString()).isEqualTo(home);
        JsonNode anonymousPost = posts.get(1);
        assertThat(anonymousPost.get("id").asString()).isEqualTo(anonymous);
        assertThat(anonymousPost.get("anonymous").asBoolean()).isTrue();
        assertThat(anonymousPost.get("contentWarning").asString()).isEqualTo("grief");
        assertThat(anonymousPost.get("body").asString()).isEqualTo("anonymous-second-words");
        assertThat(anonymousPost.get("editedAt").asString()).endsWith("Z");
        assertThat(anonymousPost.get("earlierVersions")).singleElement()
                .satisfies(v -> assertThat(v.get("body").asString()).isEqualTo("anonymous-first-words"));
        assertThat(anonymousPost.get("reactionsReceived").get("hug").asInt()).isEqualTo(1);
        assertThat(export.get("conversations").get("reactionsGiven")).singleElement().satisfies(r -> {
            assertThat(r.get("kind").asString()).isEqualTo("helpful");
            assertThat(r.get("postId").asString()).isEqualTo(ownersReply);
        });
        assertThat(export.get("conversations").get("readMarkers").get("topics").asInt()).isEqualTo(1);

        String body = download.body();
        var secrets = db.select(MEMBERS.PASSWORD_HASH).from(MEMBERS).where(MEMBERS.ID.eq(writer.memberId())).fetchOne();
        assertThat(body).doesNotContain(secrets.value1())
                .doesNotContain(db.fetchValue(SECOND_FACTORS.SECRET, SECOND_FACTORS.MEMBER_ID.eq(writer.memberId())))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(passkey.getPublicKey().getBytes()))
                .doesNotContain(passkey.getCredentialId().toBase64UrlString())
                .doesNotContain(browser.cookie("HEARTH_SESSION"));
        db.fetchValues(RECOVERY_CODES.CODE_HASH, RECOVERY_CODES.MEMBER_ID.eq(writer.memberId()))
                .forEach(hash -> assertThat(body).doesNotContain(hash));
        authenticator.recoveryCodes().forEach(code -> assertThat(body).doesNotContain(code));
        db.fetchValues(SPRING_SESSION.SESSION_ID, SPRING_SESSION.PRINCIPAL_NAME.eq(writer.handle()))
                .forEach(id -> assertThat(body).doesNotContain(id.strip()));
        assertThat(body).as("nothing of the other member").doesNotContain(owner.handle()).doesNotContain(owner.memberId())
                .doesNotContain(ownerAddress).doesNotContain("owners-private-words");

        assertThat(browser.get("/me/security").text()).as("the download is in the security log").contains("Copy of your data downloaded");
    }

    @Test
    void onlyTheSignedInMemberDownloadsAndOnlyTheirOwn() {
        Visitor stranger = visitor();
        var page = stranger.get("/me/data");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/sign-in");
        var download = stranger.post("/me/data/download", Map.of());
        assertThat(download.status()).isEqualTo(302);
        assertThat(download.body()).doesNotContain("hearth-member-export");

        Viewer member = account(unique("own"));
        Visitor browser = signedIn(member);
        assertThat(browser.get("/me/data").document().select("form[action=/me/data/download] button").text())
                .isEqualTo("Download my data");
        assertThat(browser.postRaw("/me/data/download", Map.of()).status()).as("without the form's token").isEqualTo(403);
        assertThat(browser.get("/me/profile").document().select("nav.account-nav a[href=/me/data]").text()).isEqualTo("Your data");
    }


    private static java.util.List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asString()).toList();
    }
}
