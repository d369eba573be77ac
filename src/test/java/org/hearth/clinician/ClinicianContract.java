package org.hearth.clinician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.community.ChangeCommunitySettings;
import org.hearth.community.ClinicianAdmission;
import org.hearth.community.DecideJoinRequest;
import org.hearth.community.JoinCommunity;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReactToPost;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Applying as a clinician and the site's review of it: the refusals first (what an application
 * needs, who may see the queue and the document), then decisions, revocation, expiry and its
 * reminder, and two reviewers racing.
 */
abstract class ClinicianContract extends HearthTest {

    /** The smallest PDF header and a few bytes: what a PDF's content starts with. */
    static final byte[] PDF = "%PDF-1.4\n% a registration certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ApplyAsClinician apply;

    @Autowired
    DecideApplication decide;

    @Autowired
    RevokeVerification revoke;

    @Autowired
    AppointReviewer appoint;

    @Autowired
    CredentialReview review;

    @Autowired
    ExpiryReminders reminders;

    @Autowired
    StaffAccess staffAccess;

    @Autowired
    Outbox outbox;

    @Autowired
    WriteStatement writeStatement;

    @Autowired
    ManageAdvisors manageAdvisors;

    @Autowired
    AdvisoryBoards boards;

    @Autowired
    DSLContext db;

    @Autowired
    ChangeCommunitySettings changeSettings;

    @Autowired
    DecideJoinRequest decideJoinRequest;

    private ApplyAsClinician.Outcome applyAs(Viewer member, String number, byte[] document) {
        return apply.run(new ApplyAsClinician.Input(member, "PHYSICIAN", "Endocrinology", "United Kingdom", number, document));
    }

    private String applied(Viewer member, byte[] document) {
        var outcome = applyAs(member, "1234567", document);
        assertThat(outcome).isInstanceOf(ApplyAsClinician.Outcome.Applied.class);
        return ((ApplyAsClinician.Outcome.Applied) outcome).applicationId();
    }

    private Viewer admin() {
        return withSecondFactor(members.create(unique("admin"), PASSWORD, null, true));
    }

    // ---- refusals --------------------------------------------------------------------------

    @Test
    void anApplicationNeedsEachFieldADocumentOfAKindTakenAndWaitsOneAtATime() {
        Viewer member = account(unique("doc"));
        assertThat(apply.run(new ApplyAsClinician.Input(member, "SURGEON", "x", "UK", "1", null)))
                .isEqualTo(new ApplyAsClinician.Outcome.Invalid("profession", ApplyAsClinician.Problem.MISSING, 0));
        assertThat(apply.run(new ApplyAsClinician.Input(member, "NURSE", " ", "UK", "1", null)))
                .isInstanceOfSatisfying(ApplyAsClinician.Outcome.Invalid.class, i -> assertThat(i.field()).isEqualTo("specialty"));
        assertThat(apply.run(new ApplyAsClinician.Input(member, "NURSE", "Oncology", "UK", "9".repeat(ApplyAsClinician.NUMBER_MAX + 1), null)))
                .isEqualTo(new ApplyAsClinician.Outcome.Invalid("registerNumber", ApplyAsClinician.Problem.TOO_LONG, ApplyAsClinician.NUMBER_MAX));
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThat(applyAs(member, "1234567", script)).as("known by content, whatever it was called")
                .isInstanceOf(ApplyAsClinician.Outcome.DocumentNotTaken.class);
        byte[] huge = Arrays.copyOf(PDF, apply.documentMaxBytes() + 1);
        assertThat(applyAs(member, "1234567", huge)).isInstanceOf(ApplyAsClinician.Outcome.DocumentTooLarge.class);
        assertThat(db.fetchCount(CLINICIAN_APPLICATIONS, CLINICIAN_APPLICATIONS.MEMBER_ID.eq(member.memberId()))).as("nothing saved").isZero();

        applied(member, PDF);
        assertThat(applyAs(member, "7654321", null)).isInstanceOf(ApplyAsClinician.Outcome.AlreadyWaiting.class);

        Visitor browser = signedIn(account(unique("form")));
        var refused = browser.postWithFile("/me/clinician", Map.of("profession", "NURSE", "specialty", "Diabetes nursing",
                "jurisdiction", "United Kingdom", "registerNumber", "12A3456E"), "document", "licence.pdf", "application/pdf", script);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#document-error").text()).contains("not a PDF, PNG or JPEG");
        assertThat(refused.document().select("#specialty").attr("value")).as("what was typed stays").isEqualTo("Diabetes nursing");
        var missing = browser.postWithFile("/me/clinician", Map.of("profession", "NURSE", "specialty", "Diabetes nursing",
                "jurisdiction", "", "registerNumber", "12A3456E"), "document", "licence.pdf", "application/pdf", PDF);
        assertThat(missing.document().select("#jurisdiction-error").text()).contains("Write where you are licensed");
        assertThat(missing.text()).contains("Choose your file again");
    }

    @Test
    void theQueueAndTheDocumentAreForReviewersWithASecondFactorOnlyAndEveryOpeningIsRecorded() {
        Viewer applicant = account(unique("applicant"));
        String id = applied(applicant, PDF);
        String queue = "/review/clinicians";
        String page = queue + "/" + id;
        String document = page + "/document";
        for (Visitor someone : List.of(visitor(), signedIn(account(unique("member"))), signedIn(applicant))) {
            assertThat(someone.get(queue).status()).isIn(302, 404);
            assertThat(someone.get(page).status()).isIn(302, 404);
            assertThat(someone.download(document).status()).isIn(302, 404);
        }
        assertThat(signedIn(account(unique("member"))).get(queue).status()).isEqualTo(404);
        assertThat(review.document(account(unique("member")), id)).isEmpty();
        assertThat(review.document(withSecondFactor(account(unique("member"))), id)).isEmpty();
        assertThat(staffAccess.aboutMe(applicant, 10)).as("no one saw it yet").isEmpty();

        // stored sealed: neither the bytes nor their base64 are in the database
        String stored = db.fetchValue(CLINICIAN_APPLICATIONS.DOCUMENT, CLINICIAN_APPLICATIONS.ID.eq(id));
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(PDF));
        assertThat(new String(Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1)), StandardCharsets.ISO_8859_1))
                .doesNotContain("%PDF-1.4");

        Viewer admin = admin();
        assertThat(review.document(new Viewer(admin.memberId(), admin.handle(), true, false), id)).as("without a second factor").isEmpty();
        Visitor adminBrowser = moderating(admin);
        assertThat(adminBrowser.get(queue).text()).contains(applicant.handle());
        var opened = adminBrowser.get(page);
        assertThat(opened.text()).contains("UK General Medical Council reference number").contains("passed")
                .contains("Hearth cannot reach any register");
        var downloaded = adminBrowser.download(document);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.content()).isEqualTo(PDF);
        assertThat(downloaded.header("Content-Type")).startsWith("application/pdf");
        assertThat(downloaded.header("Content-Disposition")).startsWith("attachment");
        assertThat(downloaded.header("Cache-Control")).contains("no-store");
        assertThat(staffAccess.aboutMe(applicant, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.seen()).isEqualTo(StaffAccess.Seen.OPENED_CREDENTIAL_DOCUMENT);
            assertThat(entry.role()).isEqualTo(StaffAccess.StaffRole.SITE_ADMINISTRATOR);
        });

        // an appointed reviewer opens it too, and is recorded as one; once the appointment ends, nothing is there
        Viewer reviewer = account(unique("reviewer"));
        assertThat(appoint.run(new AppointReviewer.Input(admin, reviewer.handle(), true))).isInstanceOf(AppointReviewer.Outcome.Appointed.class);
        assertThat(review.document(withSecondFactor(reviewer), id)).isPresent();
        assertThat(staffAccess.aboutMe(applicant, 10)).extracting(StaffAccess.Entry::role).contains(StaffAccess.StaffRole.SITE_REVIEWER);
        assertThat(appoint.run(new AppointReviewer.Input(admin, reviewer.handle(), false))).isInstanceOf(AppointReviewer.Outcome.Ended.class);
        assertThat(review.document(withSecondFactor(reviewer), id)).isEmpty();
        assertThat(review.queue(withSecondFactor(reviewer))).isEmpty();
    }

    @Test
    void onlyAnAdministratorAppointsReviewersAndNotOneOfThemselves() {
        Viewer admin = admin();
        Viewer member = account(unique("m"));
        assertThat(appoint.run(new AppointReviewer.Input(withSecondFactor(member), admin.handle(), true)))
                .isInstanceOf(AppointReviewer.Outcome.NotFound.class);
        assertThat(appoint.run(new AppointReviewer.Input(new Viewer(admin.memberId(), admin.handle(), true, false), member.handle(), true)))
                .isInstanceOf(AppointReviewer.Outcome.SecondFactorNeeded.class);
        assertThat(appoint.run(new AppointReviewer.Input(admin, "no-such-" + unique("h"), true)))
                .isInstanceOf(AppointReviewer.Outcome.NoSuchMember.class);
        assertThat(appoint.run(new AppointReviewer.Input(admin, admin().handle(), true))).isInstanceOf(AppointReviewer.Outcome.AnAdministrator.class);
        assertThat(appoint.run(new AppointReviewer.Input(admin, member.handle(), false))).isInstanceOf(AppointReviewer.Outcome.NotAReviewer.class);
        assertThat(appoint.run(new AppointReviewer.Input(admin, member.handle(), true))).isInstanceOf(AppointReviewer.Outcome.Appointed.class);
        assertThat(appoint.run(new AppointReviewer.Input(admin, member.handle(), true))).isInstanceOf(AppointReviewer.Outcome.AlreadyAReviewer.class);
    }

    @Test
    void aDecisionNeedsAChoiceAndAReasonAndNoOneDecidesTheirOwn() {
        Viewer admin = admin();
        String id = applied(account(unique("a")), null);
        assertThat(decide.run(new DecideApplication.Input(account(unique("m")), id, true, "ok"))).isInstanceOf(DecideApplication.Outcome.NotFound.class);
        assertThat(decide.run(new DecideApplication.Input(admin, id, null, "ok"))).isInstanceOf(DecideApplication.Outcome.ChoiceMissing.class);
        assertThat(decide.run(new DecideApplication.Input(admin, id, true, "  "))).isInstanceOf(DecideApplication.Outcome.ReasonMissing.class);
        assertThat(decide.run(new DecideApplication.Input(new Viewer(admin.memberId(), admin.handle(), true, false), id, true, "ok")))
                .isInstanceOf(DecideApplication.Outcome.SecondFactorNeeded.class);
        String own = applied(admin, null);
        assertThat(decide.run(new DecideApplication.Input(admin, own, true, "me"))).isInstanceOf(DecideApplication.Outcome.OwnApplication.class);
        assertThat(review.verified(admin.memberId())).isEmpty();
    }

    // ---- decisions -------------------------------------------------------------------------

    @Test
    void anApprovalVerifiesForAYearTellsTheApplicantByRoleAndCanBeRevokedWithAReason() {
        Viewer applicant = account(unique("doctor"));
        String address = applicant.handle().toLowerCase() + "@example.org";
        members.setEmail(applicant.memberId(), address);
        members.markVerified(applicant.memberId(), address);
        String id = applied(applicant, PDF);
        Viewer admin = admin();
        long before = System.currentTimeMillis();
        assertThat(decide.run(new DecideApplication.Input(admin, id, true, "Found on the GMC register with a licence to practise.")))
                .isInstanceOfSatisfying(DecideApplication.Outcome.Approved.class,
                        a -> assertThat(a.until()).isBetween(before + 364L * 86_400_000, before + 366L * 86_400_000));
        assertThat(review.verified(applicant.memberId())).hasValueSatisfying(v -> {
            assertThat(v.profession()).isEqualTo(Profession.PHYSICIAN);
            assertThat(v.verifiedBy()).isEqualTo("a site administrator");
        });
        var page = signedIn(applicant).get("/me/clinician");
        assertThat(page.text()).contains("You are verified as a physician").contains("Found on the GMC register")
                .contains("a site administrator").doesNotContain(admin.handle());
        assertThat(page.document().select("form[action=/me/clinician/statement] textarea[name=statement]")).as(page.body()).hasSize(1);
        assertThat(outbox.addressedTo(address)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(ClinicianNotices.SUBJECT);
            assertThat(mail.body()).contains("/me/clinician").doesNotContain("GMC");
        });
        assertThat(decide.run(new DecideApplication.Input(admin(), id, false, "again"))).isInstanceOf(DecideApplication.Outcome.NotWaiting.class);

        assertThat(revoke.run(new RevokeVerification.Input(admin, id, " "))).isInstanceOf(RevokeVerification.Outcome.ReasonMissing.class);
        assertThat(revoke.run(new RevokeVerification.Input(admin, id, "Struck off the register in March."))).isInstanceOf(RevokeVerification.Outcome.Revoked.class);
        assertThat(review.verified(applicant.memberId())).isEmpty();
        assertThat(revoke.run(new RevokeVerification.Input(admin, id, "twice"))).isInstanceOf(RevokeVerification.Outcome.NotInForce.class);

        // a renewal overlapping an approval: revoking either leaves no approval in force
        String first = applied(applicant, null);
        assertThat(decide.run(new DecideApplication.Input(admin, first, true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        String renewal = applied(applicant, null);
        assertThat(decide.run(new DecideApplication.Input(admin, renewal, true, "Renewed."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(revoke.run(new RevokeVerification.Input(admin, renewal, "Struck off."))).isInstanceOf(RevokeVerification.Outcome.Revoked.class);
        assertThat(review.verified(applicant.memberId())).as("the overlapped approval went with it").isEmpty();
        assertThat(signedIn(applicant).get("/me/clinician").text()).contains("Revoked").contains("Struck off the register in March.");
    }

    @Test
    void aRejectionSaysWhyAndTheMemberMayApplyAgain() {
        Viewer applicant = account(unique("nurse"));
        String id = applied(applicant, null);
        assertThat(decide.run(new DecideApplication.Input(admin(), id, false, "The number is not on the NMC register."))).isInstanceOf(DecideApplication.Outcome.Rejected.class);
        assertThat(review.verified(applicant.memberId())).isEmpty();
        assertThat(review.mine(applicant)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("Not approved");
            assertThat(a.reason()).isEqualTo("The number is not on the NMC register.");
        });
        assertThat(applyAs(applicant, "1234568", null)).isInstanceOf(ApplyAsClinician.Outcome.Applied.class);
    }

    @Test
    void anApprovalEndsByItselfAndItsClinicianIsRemindedOnceBefore() {
        Viewer applicant = account(unique("ending"));
        String address = applicant.handle().toLowerCase() + "@example.org";
        members.setEmail(applicant.memberId(), address);
        members.markVerified(applicant.memberId(), address);
        String id = applied(applicant, null);
        assertThat(decide.run(new DecideApplication.Input(admin(), id, true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        int mailsBefore = outbox.addressedTo(address).size();
        long now = System.currentTimeMillis();
        db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.EXPIRES_AT, now + 10L * 86_400_000).where(CLINICIAN_APPLICATIONS.ID.eq(id)).execute();
        reminders.remind();
        reminders.remind();
        assertThat(outbox.addressedTo(address)).hasSize(mailsBefore + 1).last().satisfies(mail -> assertThat(mail.body()).contains("ends on"));
        assertThat(review.verified(applicant.memberId())).isPresent();

        db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.EXPIRES_AT, now - 1).where(CLINICIAN_APPLICATIONS.ID.eq(id)).execute();
        assertThat(review.verified(applicant.memberId())).as("an approval past its end verifies no one").isEmpty();
        assertThat(revoke.run(new RevokeVerification.Input(admin(), id, "late"))).isInstanceOf(RevokeVerification.Outcome.NotInForce.class);
    }

    @Test
    void twoReviewersDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        String id = applied(account(unique("race")), null);
        List<Viewer> deciding = List.of(admin(), admin());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DecideApplication.Outcome>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Viewer reviewer = deciding.get(i);
                boolean approve = i == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    return decide.run(new DecideApplication.Input(reviewer, id, approve, "looked at it"));
                }));
            }
            start.countDown();
            List<DecideApplication.Outcome> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(DecideApplication.Outcome.NotWaiting.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof DecideApplication.Outcome.NotWaiting)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.fetchValue(CLINICIAN_APPLICATIONS.STATUS, CLINICIAN_APPLICATIONS.ID.eq(id))).isIn("APPROVED", "REJECTED");
    }

    // ---- the badge -------------------------------------------------------------------------

    @Test
    void aBadgeStandsBesideEveryNamedPostOfAVerifiedClinicianInEveryCommunityAndGoesEverywhereWhenRevoked() {
        Viewer owner = account(unique("own"));
        String open = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        String closed = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer clinician = account(unique("clin"));
        join(open, clinician);
        join(closed, clinician);
        String openTopic = started(access(open, clinician), clinician, new Draft(TopicKind.QUESTION, "Insulin pumps", "named words", null, false));
        replied(access(open, clinician), clinician, openTopic, new Draft(null, null, "anonymous words", null, true));
        String closedTopic = started(access(closed, clinician), clinician, new Draft(TopicKind.QUESTION, "Night lows", "more words", null, false));
        Viewer reader = account(unique("reader"));
        join(closed, reader);
        Visitor readerBrowser = signedIn(reader);
        assertThat(visitor().get("/c/" + open + "/t/" + openTopic).document().select("a.badge.clinician")).as("not verified yet").isEmpty();

        String id = applied(clinician, null);
        Viewer admin = admin();
        assertThat(decide.run(new DecideApplication.Input(admin, id, true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(writeStatement.run(new WriteStatement.Input(clinician, "Employed by <b>St Mary's</b>.\nNo payments from industry.")))
                .isInstanceOf(WriteStatement.Outcome.Saved.class);
        assertThat(writeStatement.run(new WriteStatement.Input(clinician, "x".repeat(WriteStatement.STATEMENT_MAX + 1))))
                .isInstanceOf(WriteStatement.Outcome.TooLong.class);

        var openPage = visitor().get("/c/" + open + "/t/" + openTopic).document();
        assertThat(openPage.select("a.badge.clinician")).as("beside the named post, not the anonymous one").singleElement()
                .satisfies(badge -> {
                    assertThat(badge.text()).contains("Physician · Endocrinology");
                    assertThat(badge.attr("href")).isEqualTo("/clinicians/" + clinician.memberId());
                });
        assertThat(readerBrowser.get("/c/" + closed + "/t/" + closedTopic).document().select("a.badge.clinician")).hasSize(1);

        var badgePage = visitor().get("/clinicians/" + clinician.memberId());
        assertThat(badgePage.status()).isEqualTo(200);
        assertThat(badgePage.text()).contains("Endocrinology").contains("United Kingdom").contains("a site administrator")
                .contains("Employed by <b>St Mary's</b>.").doesNotContain("1234567").doesNotContain(admin.handle());
        assertThat(badgePage.body()).doesNotContain("<b>St Mary");

        assertThat(revoke.run(new RevokeVerification.Input(admin, id, "Registration lapsed."))).isInstanceOf(RevokeVerification.Outcome.Revoked.class);
        assertThat(visitor().get("/c/" + open + "/t/" + openTopic).document().select("a.badge.clinician")).isEmpty();
        assertThat(readerBrowser.get("/c/" + closed + "/t/" + closedTopic).document().select("a.badge.clinician")).isEmpty();
        assertThat(visitor().get("/clinicians/" + clinician.memberId()).status()).isEqualTo(404);
        assertThat(visitor().get("/clinicians/" + account(unique("never")).memberId()).status()).isEqualTo(404);
    }

    // ---- the advisory board ------------------------------------------------------------------

    private ManageAdvisors.Outcome step(String slug, Viewer viewer, ManageAdvisors.Step step, String who) {
        return manageAdvisors.run(new ManageAdvisors.Input(slug, viewer, step, who));
    }

    @Test
    void onlyAnOwnerInvitesOnlyVerifiedCliniciansAndAnyoneElseIsAnsweredLikeAnUnknownHandle() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        Viewer clinician = account(unique("clin"));
        String id = applied(clinician, null);
        assertThat(step(slug, withSecondFactor(member), ManageAdvisors.Step.INVITE, clinician.handle())).isInstanceOf(ManageAdvisors.Outcome.NotFound.class);
        assertThat(step(slug, owner, ManageAdvisors.Step.INVITE, clinician.handle())).isInstanceOf(ManageAdvisors.Outcome.SecondFactorNeeded.class);
        Viewer ownerActing = withSecondFactor(owner);
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, clinician.handle())).as("applied, not verified")
                .isInstanceOfSatisfying(ManageAdvisors.Outcome.NoVerifiedClinician.class, n -> assertThat(n.handle()).isEqualTo(clinician.handle()));
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, "nobody-" + unique("x"))).isInstanceOf(ManageAdvisors.Outcome.NoVerifiedClinician.class);
        String hidden = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        assertThat(decide.run(new DecideApplication.Input(admin(), applied(member, null), true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(step(hidden, ownerActing, ManageAdvisors.Step.INVITE, member.handle())).as("a hidden community is not shown to them through an invitation")
                .isInstanceOf(ManageAdvisors.Outcome.NoVerifiedClinician.class);
        assertThat(boards.invitations(member)).isEmpty();
        assertThat(signedIn(member).get("/c/" + slug + "/advisors").status()).isEqualTo(404);
        assertThat(visitor().get("/c/" + slug + "/advisors").status()).isEqualTo(404);

        assertThat(decide.run(new DecideApplication.Input(admin(), id, true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, clinician.handle())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, clinician.handle())).isInstanceOf(ManageAdvisors.Outcome.AlreadyInvited.class);
        assertThat(step(slug, member, ManageAdvisors.Step.ACCEPT, null)).as("not invited").isInstanceOf(ManageAdvisors.Outcome.NothingWaiting.class);
        assertThat(boards.board(access(slug, member))).as("not on the board until they accept").isEmpty();
    }

    @Test
    void anAcceptedAdvisorIsShownWithTheirBadgeUntilTheirVerificationEndsOrTheirSeatDoes() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer ownerActing = withSecondFactor(owner);
        Viewer clinician = account(unique("clin"));
        Viewer other = account(unique("other"));
        Viewer admin = admin();
        String id = applied(clinician, null);
        assertThat(decide.run(new DecideApplication.Input(admin, id, true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(decide.run(new DecideApplication.Input(admin, applied(other, null), true, "Checked."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, clinician.handle())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, other.handle())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(boards.invitations(clinician)).singleElement().satisfies(i -> assertThat(i.communitySlug()).isEqualTo(slug));
        assertThat(signedIn(clinician).get("/me/clinician").text()).contains("invites you to its clinical advisory board");

        assertThat(step(slug, clinician, ManageAdvisors.Step.ACCEPT, null)).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, other, ManageAdvisors.Step.DECLINE, null)).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, other, ManageAdvisors.Step.ACCEPT, null)).as("answered once").isInstanceOf(ManageAdvisors.Outcome.NothingWaiting.class);
        var page = visitor().get("/c/" + slug).document();
        assertThat(page.select(".advisory-board li")).singleElement().satisfies(li -> {
            assertThat(li.text()).contains(clinician.handle()).contains("Physician · Endocrinology");
            assertThat(li.select("a.badge.clinician").attr("href")).isEqualTo("/clinicians/" + clinician.memberId());
        });
        assertThat(moderating(owner).get("/c/" + slug + "/advisors").text()).contains(clinician.handle()).contains("on the board")
                .contains(other.handle()).contains("declined");

        assertThat(revoke.run(new RevokeVerification.Input(admin, id, "Lapsed."))).isInstanceOf(RevokeVerification.Outcome.Revoked.class);
        assertThat(visitor().get("/c/" + slug).document().select(".advisory-board")).as("no verification, no seat shown").isEmpty();

        String again = applied(clinician, null);
        assertThat(decide.run(new DecideApplication.Input(admin, again, true, "Renewed."))).isInstanceOf(DecideApplication.Outcome.Approved.class);
        assertThat(boards.board(access(slug, owner))).hasSize(1);
        assertThat(step(slug, clinician, ManageAdvisors.Step.END, null)).as("stepping down").isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(boards.board(access(slug, owner))).isEmpty();
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.INVITE, clinician.handle())).as("invited again after ending")
                .isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, ownerActing, ManageAdvisors.Step.END, clinician.memberId())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(boards.invitations(clinician)).isEmpty();
    }

    // ---- each community chooses --------------------------------------------------------------

    private ChangeCommunitySettings.Outcome admitting(String slug, Viewer owner, ClinicianAdmission admission) {
        var settings = ChangeCommunitySettings.Settings.of(access(slug, owner).community()).admitting(admission);
        return changeSettings.run(new ChangeCommunitySettings.Input(slug, withSecondFactor(owner), settings, false));
    }

    private Viewer verified(String handle) {
        Viewer clinician = account(unique(handle));
        assertThat(decide.run(new DecideApplication.Input(admin(), applied(clinician, null), true, "Checked.")))
                .isInstanceOf(DecideApplication.Outcome.Approved.class);
        return clinician;
    }

    @Test
    void aCommunityThatDoesNotAdmitCliniciansRefusesTheirJoinByEveryWayIn() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        assertThat(admitting(slug, owner, ClinicianAdmission.NOT_ADMITTED)).isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
        assertThat(admitting(slug, owner, null)).as("a form without the choice leaves it as it is")
                .isInstanceOfSatisfying(ChangeCommunitySettings.Outcome.Changed.class,
                        c -> assertThat(c.community().clinicians()).isEqualTo(ClinicianAdmission.NOT_ADMITTED));
        assertThat(visitor().get("/c/" + slug + "/rules").document().select("#clinician-admission").text())
                .isEqualTo("Verified clinicians may not join this community.");

        Viewer clinician = verified("clin");
        assertThat(join(slug, clinician)).isInstanceOf(JoinCommunity.Outcome.CliniciansNotAdmitted.class);
        assertThat(invite(slug, owner, clinician.handle())).as("answered as for any handle")
                .isInstanceOf(org.hearth.community.InviteMember.Outcome.Invited.class);
        assertThat(access(slug, clinician).invited()).as("but no invitation they could not accept").isFalse();
        assertThat(join(slug, clinician)).isInstanceOf(JoinCommunity.Outcome.CliniciansNotAdmitted.class);
        assertThat(access(slug, clinician).member()).isFalse();
        Viewer patient = account(unique("pat"));
        assertThat(join(slug, patient)).as("only clinicians are kept out").isInstanceOf(JoinCommunity.Outcome.Joined.class);

        String asking = community(owner, Visibility.PUBLIC, JoinPolicy.APPROVAL, false);
        Viewer laterVerified = account(unique("later"));
        assertThat(join(asking, laterVerified)).isInstanceOf(JoinCommunity.Outcome.Requested.class);
        assertThat(admitting(asking, owner, ClinicianAdmission.NOT_ADMITTED)).isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
        assertThat(decide.run(new DecideApplication.Input(admin(), applied(laterVerified, null), true, "Checked.")))
                .isInstanceOf(DecideApplication.Outcome.Approved.class);
        var approving = new DecideJoinRequest.Input(asking, withSecondFactor(owner), laterVerified.memberId(), true);
        assertThat(decideJoinRequest.run(approving)).isInstanceOf(DecideJoinRequest.Outcome.CliniciansNotAdmitted.class);
        assertThat(access(asking, laterVerified).requested()).as("the request waits to be declined").isTrue();
        assertThat(decideJoinRequest.run(new DecideJoinRequest.Input(asking, withSecondFactor(owner), laterVerified.memberId(), false)))
                .isInstanceOf(DecideJoinRequest.Outcome.Declined.class);
    }

    @Test
    void aClinicianJoinsToReadOnlyWhereTheCommunityKeepsThemAtADistanceUntilTheirVerificationEnds() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("pat"));
        join(slug, patient);
        String topic = started(access(slug, patient), patient, new Draft(TopicKind.QUESTION, "Pump or pens", "words", null, false));
        assertThat(admitting(slug, owner, ClinicianAdmission.READ_ONLY)).isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);

        Viewer clinician = verified("clin");
        assertThat(join(slug, clinician)).isInstanceOfSatisfying(JoinCommunity.Outcome.Joined.class, j -> assertThat(j.readsOnly()).isTrue());
        var access = access(slug, clinician);
        assertThat(access.canRead()).isTrue();
        assertThat(access.canPost()).isFalse();
        assertThat(access.canFlag()).as("safety is everyone's: they still flag").isTrue();
        String postId = db.fetchValue("select id from posts where topic_id = ?", topic).toString();
        assertThat(reacted(access, clinician, postId, ReactionKind.HELPFUL)).isInstanceOf(ReactToPost.Outcome.NotAMember.class);
        var page = signedIn(clinician).get("/c/" + slug + "/t/" + topic).document();
        assertThat(page.select("form.composer")).isEmpty();
        assertThat(page.select("#reads-only").text()).contains("keeps clinicians at a distance");
        assertThat(access(slug, patient).canPost()).as("patients write as before").isTrue();

        Viewer moderator = verified("mod");
        join(slug, moderator);
        assertThat(changeRole(slug, owner, moderator.memberId(), Role.MODERATOR)).isInstanceOf(org.hearth.community.ChangeRole.Outcome.Changed.class);
        assertThat(access(slug, moderator).canPost()).as("the community appointed its moderators").isTrue();

        String id = db.fetchValue("select id from clinician_applications where member_id = ?", clinician.memberId()).toString();
        assertThat(revoke.run(new RevokeVerification.Input(admin(), id, "Lapsed."))).isInstanceOf(RevokeVerification.Outcome.Revoked.class);
        assertThat(access(slug, clinician).canPost()).as("no longer verified, a member like any other").isTrue();
        assertThat(admitting(slug, owner, ClinicianAdmission.WELCOME)).isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
        assertThat(access(slug, moderator).canPost()).isTrue();
    }

    // ---- evidence notes ----------------------------------------------------------------------

    @Autowired
    WriteEvidenceNote writeNote;

    @Autowired
    RateEvidenceNote rateNote;

    private WriteEvidenceNote.Outcome note(String slug, Viewer writer, String postId, String stance, String explanation, String citations) {
        return writeNote.run(new WriteEvidenceNote.Input(access(slug, writer), writer, postId, stance, explanation, citations));
    }

    private String noted(String slug, Viewer writer, String postId) {
        var outcome = note(slug, writer, postId, "CONTRADICTS", "Current guidance says **otherwise**.", "10.1056/NEJMoa2034577\nPMID 33301246");
        assertThat(outcome).isInstanceOf(WriteEvidenceNote.Outcome.Written.class);
        return ((WriteEvidenceNote.Outcome.Written) outcome).noteId();
    }

    private RateEvidenceNote.Outcome rated(String slug, Viewer rater, String noteId, boolean helpful) {
        return rateNote.run(new RateEvidenceNote.Input(access(slug, rater), rater, noteId, helpful ? "yes" : "no", null));
    }

    private String opening(String slug, Viewer author, String title) {
        String topic = started(access(slug, author), author, new Draft(TopicKind.QUESTION, title, "Cinnamon cured my diabetes.", null, false));
        return db.fetchValue("select id from posts where topic_id = ?", topic).toString();
    }

    @Test
    void onlyAVerifiedClinicianWritesANoteOnOthersPostsAndBadInputIsSaidInWords() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("pat"));
        join(slug, patient);
        String post = opening(slug, patient, "What worked");
        Viewer member = account(unique("m"));
        join(slug, member);
        assertThat(note(slug, member, post, "SUPPORTS", "x", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.NotVerified.class);
        Viewer outsider = verified("out");
        assertThat(note(slug, outsider, post, "SUPPORTS", "x", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.NotAMember.class);
        assertThat(visitor().get("/c/" + slug + "/p/" + post + "/notes/new").status()).isEqualTo(302);

        Viewer clinician = verified("clin");
        join(slug, clinician);
        assertThat(note(slug, clinician, post, null, " ", "hello\nhttp://example.org")).isInstanceOfSatisfying(WriteEvidenceNote.Outcome.Invalid.class,
                invalid -> assertThat(invalid.problems()).containsOnlyKeys("stance", "explanation", "citations")
                        .hasEntrySatisfying("citations", problem -> assertThat(problem).startsWith("Reference 1 (“hello”) is not a DOI")));
        var form = signedIn(clinician).post("/c/" + slug + "/p/" + post + "/notes",
                Map.of("stance", "SUPPORTS", "explanation", "kept words", "citations", "https://"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("textarea[name=explanation]").text()).as("what was typed is kept").isEqualTo("kept words");
        assertThat(form.document().select(".error").text()).contains("is not a DOI");
        assertThat(note(slug, clinician, "nosuchpost0000000", "SUPPORTS", "x", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.NotFound.class);

        String noteId = noted(slug, clinician, post);
        assertThat(note(slug, clinician, post, "SUPPORTS", "again", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.AlreadyWritten.class);
        assertThat(note(slug, clinician, opening(slug, clinician, "Mine"), "SUPPORTS", "x", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.OwnPost.class);
        String elsewhere = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        join(elsewhere, clinician);
        assertThat(note(elsewhere, clinician, post, "SUPPORTS", "x", "PMID 1")).as("a post of another community")
                .isInstanceOf(WriteEvidenceNote.Outcome.NotFound.class);
        assertThat(visitor().get("/c/" + elsewhere + "/notes/" + noteId).status()).isEqualTo(404);

        String distant = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        join(distant, patient);
        String distantPost = opening(distant, patient, "Far");
        assertThat(admitting(distant, owner, ClinicianAdmission.READ_ONLY)).isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
        join(distant, clinician);
        assertThat(note(distant, clinician, distantPost, "SUPPORTS", "x", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.KeptAtADistance.class);
        assertThat(step(distant, withSecondFactor(owner), ManageAdvisors.Step.INVITE, clinician.handle())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(distant, clinician, ManageAdvisors.Step.ACCEPT, null)).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(note(distant, clinician, distantPost, "SUPPORTS", "Its advisors write notes.", "PMID 1"))
                .isInstanceOf(WriteEvidenceNote.Outcome.Written.class);
    }

    @Test
    void aNoteIsShownOnlyOncePatientsAndAnotherClinicianFindItHelpfulAndDoesNotFlickerAtTheThreshold() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = account(unique("auth"));
        join(slug, author);
        String post = opening(slug, author, "Cinnamon");
        String topicPage = "/c/" + slug + "/t/" + db.fetchValue("select topic_id from posts where id = ?", post);
        Viewer clinician = verified("clin");
        join(slug, clinician);
        String noteId = noted(slug, clinician, post);
        List<Viewer> patients = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Viewer patient = account(unique("p" + i));
            join(slug, patient);
            patients.add(patient);
        }
        assertThat(visitor().get(topicPage).document().select(".evidence-note, .note-waiting")).as("below the threshold, not shown").isEmpty();
        assertThat(signedIn(patients.get(0)).get(topicPage).document().select(".note-waiting a").attr("href"))
                .isEqualTo("/c/" + slug + "/notes/" + noteId);
        assertThat(signedIn(clinician).get(topicPage).document().select(".evidence-note .badge.waiting").text()).contains("Your note");

        assertThat(rated(slug, author, noteId, false)).as("a waiting note is for its raters").isInstanceOf(RateEvidenceNote.Outcome.NotFound.class);
        assertThat(rated(slug, clinician, noteId, true)).isInstanceOf(RateEvidenceNote.Outcome.OwnNote.class);
        Viewer stranger = account(unique("stranger"));
        assertThat(rated(slug, stranger, noteId, true)).isInstanceOf(RateEvidenceNote.Outcome.NotFound.class);
        assertThat(rateNote.run(new RateEvidenceNote.Input(access(slug, patients.get(0)), patients.get(0), noteId, null, null)))
                .isInstanceOf(RateEvidenceNote.Outcome.ChoiceMissing.class);
        assertThat(rateNote.run(new RateEvidenceNote.Input(access(slug, patients.get(0)), patients.get(0), noteId, "yes", "x".repeat(501))))
                .isInstanceOf(RateEvidenceNote.Outcome.ReasonTooLong.class);
        for (int i = 0; i < 3; i++) {
            assertThat(rated(slug, patients.get(i), noteId, true)).isEqualTo(new RateEvidenceNote.Outcome.Rated(
                    new org.hearth.conversation.Conversations.Location(topicPage.substring(topicPage.lastIndexOf('/') + 1), 1, post), false));
        }
        assertThat(rated(slug, patients.get(0), noteId, false)).as("once per rater").isInstanceOf(RateEvidenceNote.Outcome.AlreadyRated.class);
        assertThat(visitor().get(topicPage).document().select(".evidence-note")).as("patients alone do not bridge").isEmpty();

        Viewer colleague = verified("colleague");
        join(slug, colleague);
        assertThat(rated(slug, colleague, noteId, true)).isInstanceOfSatisfying(RateEvidenceNote.Outcome.Rated.class, r -> assertThat(r.shown()).isTrue());
        assertThat(rated(slug, author, noteId, false)).isInstanceOf(RateEvidenceNote.Outcome.OnYourPost.class);
        assertThat(rated(slug, stranger, noteId, true)).as("not a member").isInstanceOf(RateEvidenceNote.Outcome.NotARater.class);
        var shown = visitor().get(topicPage).document().select(".evidence-note");
        assertThat(shown).singleElement().satisfies(note -> {
            assertThat(note.text()).contains("Contradicts current evidence").contains("Current guidance says otherwise.");
            assertThat(note.select("strong").text()).contains("otherwise");
            assertThat(note.select("ol.references a")).hasSize(2).allSatisfy(link -> {
                assertThat(link.attr("rel")).contains("noreferrer");
                assertThat(link.attr("referrerpolicy")).isEqualTo("no-referrer");
            });
            assertThat(note.select("ol.references a").first().attr("href")).isEqualTo("https://doi.org/10.1056/nejmoa2034577");
            assertThat(note.select("a.badge.clinician").attr("href")).isEqualTo("/clinicians/" + clinician.memberId());
        });
        assertThat(visitor().get(topicPage).text()).as("the post stays as it was").contains("Cinnamon cured my diabetes.");

        // 3 of 5 patients: 60 %, shown; 3 of 6: 50 %, kept (not below 50 %); 3 of 7: below, withdrawn; 4 of 8: 50 %, not shown again
        rated(slug, patients.get(3), noteId, false);
        rated(slug, patients.get(4), noteId, false);
        assertThat(rated(slug, patients.get(5), noteId, false)).isInstanceOfSatisfying(RateEvidenceNote.Outcome.Rated.class, r -> assertThat(r.shown()).isTrue());
        assertThat(rated(slug, patients.get(6), noteId, false)).isInstanceOfSatisfying(RateEvidenceNote.Outcome.Rated.class, r -> assertThat(r.shown()).isFalse());
        assertThat(rated(slug, patients.get(7), noteId, true)).isInstanceOfSatisfying(RateEvidenceNote.Outcome.Rated.class, r -> assertThat(r.shown()).isFalse());
        assertThat(visitor().get(topicPage).document().select(".evidence-note")).isEmpty();
        assertThat(signedIn(clinician).get("/c/" + slug + "/notes/" + noteId).text()).as("the author is not shown how anyone rated")
                .doesNotContain("You rated").doesNotContain("4 of").doesNotContain("helpful: ");
    }

    @Test
    void anAdvisorsNoteShowsAtOnceMarkedAsSuchAndEveryNoteGoesWithItsWritersVerification() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("pat"));
        join(slug, patient);
        String post = opening(slug, patient, "Advice");
        Viewer advisor = verified("adv");
        assertThat(step(slug, withSecondFactor(owner), ManageAdvisors.Step.INVITE, advisor.handle())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, advisor, ManageAdvisors.Step.ACCEPT, null)).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(note(slug, advisor, post, "SUPPORTS", "x", "PMID 1")).as("a members-only community is read by joining it")
                .isInstanceOf(WriteEvidenceNote.Outcome.NotFound.class);
        join(slug, advisor);
        String noteId = noted(slug, advisor, post);
        String topicPage = "/c/" + slug + "/t/" + db.fetchValue("select topic_id from posts where id = ?", post);
        Visitor reader = signedIn(patient);
        assertThat(reader.get(topicPage).document().select(".evidence-note .badge.advisor").text())
                .isEqualTo("From the community's clinical advisors");
        assertThat(visitor().get("/c/" + slug + "/notes/" + noteId).status()).as("a members-only community's note").isEqualTo(404);
        Viewer other = account(unique("other"));
        join(slug, other);
        assertThat(rated(slug, other, noteId, true)).as("still rated").isInstanceOf(RateEvidenceNote.Outcome.Rated.class);

        String id = db.fetchValue("select id from clinician_applications where member_id = ?", advisor.memberId()).toString();
        assertThat(revoke.run(new RevokeVerification.Input(admin(), id, "Lapsed."))).isInstanceOf(RevokeVerification.Outcome.Revoked.class);
        assertThat(reader.get(topicPage).document().select(".evidence-note")).as("gone with the badge").isEmpty();
        assertThat(signedIn(other).get("/c/" + slug + "/notes/" + noteId).status()).isEqualTo(404);
    }

    // ---- misinformation review --------------------------------------------------------------

    @Autowired
    org.hearth.moderation.FlagPost flagPost;

    @Autowired
    org.hearth.moderation.SettleMisinformationFlags settle;

    private void flagged(String slug, Viewer flagger, String postId, String comment) {
        assertThat(flagPost.run(new org.hearth.moderation.FlagPost.Input(access(slug, flagger), flagger, postId, "MISINFORMATION", comment)))
                .isInstanceOfSatisfying(org.hearth.moderation.FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isFalse());
    }

    private org.hearth.moderation.SettleMisinformationFlags.Outcome dismissed(String slug, Viewer actor, String postId, String reason) {
        return settle.run(new org.hearth.moderation.SettleMisinformationFlags.Input(access(slug, actor), actor, postId,
                org.hearth.moderation.SettleMisinformationFlags.Answer.DISMISS, reason));
    }

    @Test
    void flagsOfPossibleMisinformationGoToTheAdvisorsWhoAnswerWithANoteOrTurnThemDownAndTheFlaggerIsTold() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("pat"));
        join(slug, patient);
        String cinnamon = opening(slug, patient, "Cinnamon");
        String garlic = opening(slug, patient, "Garlic");
        Viewer flagger = account(unique("flagger"));
        join(slug, flagger);
        db.execute("update members set email = ?, email_verified_at = ? where id = ?", flagger.memberId() + "@example.org",
                System.currentTimeMillis(), flagger.memberId()); // so the outcome is also mailed
        flagged(slug, flagger, cinnamon, "flagger-comment-one");
        flagged(slug, flagger, garlic, null);
        String review = "/c/" + slug + "/review/misinformation";

        assertThat(visitor().get(review).status()).isEqualTo(404);
        assertThat(signedIn(patient).get(review).status()).as("a member").isEqualTo(404);
        Viewer colleague = verified("colleague");
        join(slug, colleague);
        assertThat(signedIn(colleague).get(review).status()).as("a verified clinician who is not an advisor").isEqualTo(404);
        assertThat(dismissed(slug, colleague, garlic, "no")).isInstanceOf(org.hearth.moderation.SettleMisinformationFlags.Outcome.NotAReviewer.class);
        Visitor moderator = moderating(owner);
        assertThat(moderator.get(review).document().select("#routing").text()).contains("no clinical advisors");
        assertThat(moderator.get("/c/" + slug + "/review").document().select("#misinformation-routing").text())
                .contains("no clinical advisors");

        Viewer advisor = verified("adv");
        join(slug, advisor);
        assertThat(step(slug, withSecondFactor(owner), ManageAdvisors.Step.INVITE, advisor.handle())).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        assertThat(step(slug, advisor, ManageAdvisors.Step.ACCEPT, null)).isInstanceOf(ManageAdvisors.Outcome.Done.class);
        var advisorsView = signedIn(advisor).get(review).document();
        assertThat(advisorsView.select("article.misinformation")).hasSize(2);
        assertThat(advisorsView.text()).contains("flagger-comment-one").doesNotContain(flagger.handle());
        assertThat(advisorsView.select("#m-" + cinnamon + " a.button").attr("href")).isEqualTo("/c/" + slug + "/p/" + cinnamon + "/notes/new");
        assertThat(signedIn(advisor).get("/c/" + slug).document().select(".advisory-board ~ .moderation-links a").attr("href")).isEqualTo(review);

        noted(slug, advisor, cinnamon);
        assertThat(db.fetchValue("select judged from flags where post_id = ?", cinnamon)).isEqualTo("ANSWERED");
        assertThat(dismissed(slug, advisor, garlic, " ")).isInstanceOf(org.hearth.moderation.SettleMisinformationFlags.Outcome.ReasonMissing.class);
        assertThat(dismissed(slug, advisor, garlic, "Garlic is a food; the post says so.")).isInstanceOfSatisfying(
                org.hearth.moderation.SettleMisinformationFlags.Outcome.Settled.class, s -> assertThat(s.flags()).isEqualTo(1));
        assertThat(dismissed(slug, withSecondFactor(owner), garlic, "again")).as("settled already")
                .isInstanceOf(org.hearth.moderation.SettleMisinformationFlags.Outcome.NothingWaiting.class);
        assertThat(signedIn(advisor).get(review).document().select("article.misinformation")).isEmpty();

        var log = visitor().get("/c/" + slug + "/log").text();
        assertThat(log).contains("Answered flags of possible medical misinformation with an evidence note")
                .contains("Turned down flags of possible medical misinformation").contains("A clinical advisor").doesNotContain(advisor.handle());
        var flags = signedIn(flagger).get("/me/flags").document();
        assertThat(flags.select(".flag-outcome").eachText()).containsExactlyInAnyOrder(
                "Answered with an evidence note beside the post. The post is unchanged.",
                "Turned down: what the post says was not found to be misinformation.");
        assertThat(flags.text()).contains("Garlic is a food; the post says so.");
        // the mail says only that there is an outcome to read once signed in: no community, post, author or advisor
        var mails = db.fetch("select recipient, body from mail_outbox where member_id = ?", flagger.memberId());
        assertThat(mails).hasSize(2);
        String communityName = access(slug, owner).community().name();
        for (var mail : mails) {
            assertThat(mail.get("recipient", String.class)).isEqualTo(flagger.memberId() + "@example.org");
            assertThat(mail.get("body", String.class)).contains("/me/flags").doesNotContain(slug).doesNotContain(communityName)
                    .doesNotContain("Cinnamon").doesNotContain("Garlic").doesNotContain(cinnamon).doesNotContain(garlic)
                    .doesNotContain(patient.handle()).doesNotContain(advisor.handle()).doesNotContain("flagger-comment-one");
        }
        assertThat(visitor().get("/c/" + slug + "/t/" + db.fetchValue("select topic_id from posts where id = ?", garlic)).text())
                .as("the post stays as it was").contains("Cinnamon cured my diabetes.");
    }

    // ---- expert patients --------------------------------------------------------------------

    @Autowired
    ManageExpertPatients expertPatients;

    private ManageExpertPatients.Outcome expert(String slug, Viewer viewer, ManageExpertPatients.Step step, String handle) {
        return expertPatients.run(new ManageExpertPatients.Input(slug, viewer, step, handle));
    }

    @Test
    void moderatorsMarkExpertPatientsWhoWriteNotesOnlyWhereTheOwnersAllowIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer ownerActing = withSecondFactor(owner);
        Viewer moderator = account(unique("mod"));
        join(slug, moderator);
        assertThat(changeRole(slug, owner, moderator.memberId(), Role.MODERATOR)).isInstanceOf(org.hearth.community.ChangeRole.Outcome.Changed.class);
        Viewer expert = account(unique("expert"));
        join(slug, expert);
        Viewer patient = account(unique("pat"));
        join(slug, patient);
        String post = opening(slug, patient, "Pumps");

        assertThat(expert(slug, patient, ManageExpertPatients.Step.MARK, expert.handle())).as("a member").isInstanceOf(ManageExpertPatients.Outcome.NotFound.class);
        assertThat(expert(slug, moderator, ManageExpertPatients.Step.MARK, expert.handle())).isInstanceOf(ManageExpertPatients.Outcome.SecondFactorNeeded.class);
        assertThat(expert(slug, withSecondFactor(moderator), ManageExpertPatients.Step.MARK, account(unique("out")).handle()))
                .isInstanceOf(ManageExpertPatients.Outcome.NotAMember.class);
        assertThat(expert(slug, withSecondFactor(moderator), ManageExpertPatients.Step.MARK, expert.handle())).isInstanceOf(ManageExpertPatients.Outcome.Done.class);
        assertThat(expert(slug, withSecondFactor(moderator), ManageExpertPatients.Step.MARK, expert.handle())).isInstanceOf(ManageExpertPatients.Outcome.AlreadyMarked.class);
        assertThat(note(slug, expert, post, "ADDS_CONTEXT", "x", "PMID 1")).as("marked, but the owners have not allowed it")
                .isInstanceOf(WriteEvidenceNote.Outcome.NotVerified.class);
        assertThat(expert(slug, withSecondFactor(moderator), ManageExpertPatients.Step.ALLOW_NOTES, null)).isInstanceOf(ManageExpertPatients.Outcome.NotAnOwner.class);
        assertThat(expert(slug, ownerActing, ManageExpertPatients.Step.ALLOW_NOTES, null)).isInstanceOf(ManageExpertPatients.Outcome.Done.class);
        assertThat(moderating(owner).get("/c/" + slug + "/expert-patients").text()).contains(expert.handle()).contains("may write evidence notes");
        assertThat(signedIn(patient).get("/c/" + slug + "/expert-patients").status()).isEqualTo(404);

        String noteId = noted(slug, expert, post);
        String topicPage = "/c/" + slug + "/t/" + db.fetchValue("select topic_id from posts where id = ?", post);
        assertThat(signedIn(expert).get(topicPage).document().select(".evidence-note .note-by").text()).contains("Expert patient of this community");
        assertThat(db.fetchValue("select author_kind from evidence_notes where id = ?", noteId)).isEqualTo("EXPERT_PATIENT");

        assertThat(expert(slug, ownerActing, ManageExpertPatients.Step.STOP_NOTES, null)).isInstanceOf(ManageExpertPatients.Outcome.Done.class);
        assertThat(signedIn(expert).get(topicPage).document().select(".evidence-note")).as("no longer shown, even to its writer").isEmpty();
        assertThat(expert(slug, ownerActing, ManageExpertPatients.Step.ALLOW_NOTES, null)).isInstanceOf(ManageExpertPatients.Outcome.Done.class);
        assertThat(expert(slug, ownerActing, ManageExpertPatients.Step.UNMARK, expert.handle())).isInstanceOf(ManageExpertPatients.Outcome.Done.class);
        assertThat(signedIn(expert).get(topicPage).document().select(".evidence-note")).isEmpty();
        assertThat(note(slug, expert, opening(slug, patient, "More"), "ADDS_CONTEXT", "x", "PMID 1")).isInstanceOf(WriteEvidenceNote.Outcome.NotVerified.class);
        assertThat(expert(slug, ownerActing, ManageExpertPatients.Step.UNMARK, expert.handle())).isInstanceOf(ManageExpertPatients.Outcome.NotMarked.class);
    }
}
