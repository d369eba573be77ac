package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/** A member applies as a clinician with a document, a site administrator opens it and approves: in a browser. */
@OnSqlite
class ClinicianInBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.hearth.clinician.ManageAdvisors manageAdvisors;

    @Test
    void anApplicationWithADocumentIsOpenedAndApprovedAndTheApplicantReadsWhy() {
        Viewer applicant = account(unique("doctor"));
        Page member = context().newPage();
        signIn(member, applicant.handle());
        member.navigate("/me/clinician");
        member.getByLabel("Profession").selectOption("PHYSICIAN");
        member.getByLabel("Specialty").fill("Endocrinology");
        member.getByLabel("Licence or register number").fill("1234567");
        member.locator("input[type=file]").setInputFiles(new FilePayload("registration.pdf", "application/pdf",
                "%PDF-1.4\n% a registration certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the application")).click();
        // where they are licensed was left out: said in words, the rest kept, the file to be chosen again
        assertThat(member.locator("#jurisdiction-error")).containsText("Write where you are licensed");
        assertThat(member.getByLabel("Specialty")).hasValue("Endocrinology");
        assertThat(member.locator("#document-hint")).containsText("Choose your file again");
        screenshots(member, "clinician-application-refused");
        List<String> violations = new ArrayList<>(axe(member));
        member.getByLabel("Where you are licensed").fill("United Kingdom");
        member.locator("input[type=file]").setInputFiles(new FilePayload("registration.pdf", "application/pdf",
                "%PDF-1.4\n% a registration certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the application")).click();
        assertThat(member.locator(".notice")).containsText("Your application is sent");
        assertThat(member.locator("main")).containsText("Waiting for a reviewer");

        Viewer admin = members.create(unique("admin"), PASSWORD, null, true);
        Authenticator authenticator = Authenticator.enrol(signedIn(admin), PASSWORD);
        Page reviewer = context().newPage();
        signInWithSecondFactor(reviewer, admin.handle(), authenticator);
        reviewer.navigate("/review/clinicians");
        screenshots(reviewer, "clinician-queue");
        violations.addAll(axe(reviewer));
        reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(applicant.handle() + ": Physician, Endocrinology")).click();
        assertThat(reviewer.locator("main")).containsText("UK General Medical Council reference number: seven digits: passed");
        assertThat(reviewer.locator("main")).containsText("Hearth cannot reach any register");
        var download = reviewer.waitForDownload(() -> reviewer.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Download the PDF"))).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".pdf");
        reviewer.getByLabel("Approve: verified for a year").check();
        reviewer.getByLabel("Reason").fill("Found on the GMC register with a licence to practise.");
        screenshots(reviewer, "clinician-application");
        violations.addAll(axe(reviewer));
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
        assertThat(reviewer.locator(".notice")).containsText("Approved until");

        member.navigate("/me/clinician");
        assertThat(member.locator("main")).containsText("You are verified as a physician");
        assertThat(member.locator("main")).containsText("Found on the GMC register with a licence to practise.");
        assertThat(member.locator("main")).not().containsText(admin.handle());
        // a badge beside their post, linking to what was verified and their interests
        member.getByLabel("Statement of interests").fill("Employed by the city hospital's diabetes clinic. No payments from industry.");
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the statement")).click();
        assertThat(member.locator(".notice")).containsText("Your statement is saved");
        Viewer owner = account(unique("owner"));
        String slug = community(owner, org.hearth.community.Visibility.PUBLIC, org.hearth.community.JoinPolicy.OPEN, false);
        join(slug, applicant);
        String topic = started(access(slug, applicant), applicant, new org.hearth.conversation.Draft(org.hearth.conversation.TopicKind.QUESTION,
                "Questions about starting insulin", "Happy to answer what I can; ask your own team about your doses.", null, false));
        Page reader = context().newPage();
        reader.navigate("/c/" + slug + "/t/" + topic);
        assertThat(reader.locator("a.badge.clinician")).hasText("✓ Physician · Endocrinology");
        screenshots(reader, "clinician-badge-on-a-post");
        violations.addAll(axe(reader));
        reader.locator("a.badge.clinician").click();
        assertThat(reader.locator("main")).containsText("Employed by the city hospital's diabetes clinic");
        assertThat(reader.locator("main")).containsText("Verified by");
        screenshots(reader, "clinician-badge-page");
        violations.addAll(axe(reader));

        // the community's owner invites them to its clinical advisory board; they accept from their page
        org.assertj.core.api.Assertions.assertThat(manageAdvisors.run(new org.hearth.clinician.ManageAdvisors.Input(slug, withSecondFactor(owner),
                org.hearth.clinician.ManageAdvisors.Step.INVITE, applicant.handle()))).isInstanceOf(org.hearth.clinician.ManageAdvisors.Outcome.Done.class);
        member.navigate("/me/clinician");
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).click();
        assertThat(member.locator(".notice")).containsText("You are on the clinical advisory board");
        reader.navigate("/c/" + slug);
        assertThat(reader.locator(".advisory-board")).containsText(applicant.handle());
        screenshots(reader, "clinician-advisory-board");
        violations.addAll(axe(reader));

        member.navigate("/me/staff-access");
        assertThat(member.locator("main")).containsText("the document you sent with your application as a clinician");
        screenshots(member, "clinician-verified");
        violations.addAll(axe(member));
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.hearth.clinician.ApplyAsClinician applyAsClinician;

    @org.springframework.beans.factory.annotation.Autowired
    org.hearth.clinician.DecideApplication decideApplication;

    @org.springframework.beans.factory.annotation.Autowired
    org.hearth.clinician.RateEvidenceNote rateEvidenceNote;

    private Viewer verifiedClinician(String prefix, String specialty) {
        Viewer clinician = account(unique(prefix));
        var applied = applyAsClinician.run(new org.hearth.clinician.ApplyAsClinician.Input(clinician, "NURSE", specialty, "United Kingdom",
                "12A3456E", null));
        String id = ((org.hearth.clinician.ApplyAsClinician.Outcome.Applied) applied).applicationId();
        org.assertj.core.api.Assertions.assertThat(decideApplication.run(new org.hearth.clinician.DecideApplication.Input(
                withSecondFactor(members.create(unique("admin"), PASSWORD, null, true)), id, true, "Checked.")))
                .isInstanceOf(org.hearth.clinician.DecideApplication.Outcome.Approved.class);
        return clinician;
    }

    @Test
    void aClinicianNotesAPostAndOncePatientsAndAnotherClinicianRateItHelpfulEveryoneSeesIt() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, org.hearth.community.Visibility.PUBLIC, org.hearth.community.JoinPolicy.OPEN, false);
        Viewer patient = account(unique("patient"));
        join(slug, patient);
        String topic = started(access(slug, patient), patient, new org.hearth.conversation.Draft(org.hearth.conversation.TopicKind.QUESTION,
                "Cinnamon instead of metformin", "I stopped metformin and take cinnamon now. My sugars feel fine.", null, false));
        Viewer nurse = verifiedClinician("nurse", "Diabetes");
        join(slug, nurse);

        Page writer = context().newPage();
        signIn(writer, nurse.handle());
        writer.navigate("/c/" + slug + "/t/" + topic);
        writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an evidence note")).click();
        writer.getByLabel("Contradicts current evidence").check();
        writer.getByLabel("Explanation").fill("Trials found **no lasting effect** of cinnamon on HbA1c. Please talk to your team before stopping metformin.");
        writer.getByLabel("References, one per line").fill("PMID 33301246\nnot a reference");
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the note")).click();
        assertThat(writer.locator(".error")).containsText("Reference 2 (“not a reference”) is not a DOI");
        assertThat(writer.getByLabel("Explanation")).hasValue("Trials found **no lasting effect** of cinnamon on HbA1c. Please talk to your team before stopping metformin.");
        screenshots(writer, "evidence-note-refused");
        List<String> violations = new ArrayList<>(axe(writer));
        writer.getByLabel("References, one per line").fill("PMID 33301246\nhttps://www.nice.org.uk/guidance/ng28");
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the note")).click();
        assertThat(writer.locator(".notice")).containsText("Your evidence note is saved");
        assertThat(writer.locator(".evidence-note .badge.waiting")).containsText("Your note");

        Page reader = context().newPage();
        reader.navigate("/c/" + slug + "/t/" + topic);
        assertThat(reader.locator(".evidence-note")).hasCount(0);

        // three patients rate it helpful (one in the browser) and another clinician too
        Viewer rater = account(unique("rater"));
        join(slug, rater);
        Page ratersPage = context().newPage();
        signIn(ratersPage, rater.handle());
        ratersPage.navigate("/c/" + slug + "/notes");
        ratersPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read the post and the note, and rate it")).click();
        screenshots(ratersPage, "evidence-note-to-rate");
        violations.addAll(axe(ratersPage));
        ratersPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate the note")).click();
        assertThat(ratersPage.locator(".error")).containsText("Say whether the note was helpful");
        ratersPage.getByLabel("Helpful", new Page.GetByLabelOptions().setExact(true)).check();
        ratersPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate the note")).click();
        assertThat(ratersPage.locator(".notice")).containsText("Thank you for rating");
        String noteId = writer.locator(".evidence-note").getAttribute("id").substring("note-".length());
        for (Viewer other : List.of(account(unique("p2")), account(unique("p3")), verifiedClinician("gp", "General practice"))) {
            join(slug, other);
            org.assertj.core.api.Assertions.assertThat(rateEvidenceNote.run(new org.hearth.clinician.RateEvidenceNote.Input(
                    access(slug, other), other, noteId, "yes", null))).isInstanceOf(org.hearth.clinician.RateEvidenceNote.Outcome.Rated.class);
        }

        reader.navigate("/c/" + slug + "/t/" + topic);
        assertThat(reader.locator(".evidence-note")).containsText("Contradicts current evidence");
        assertThat(reader.locator(".evidence-note ol.references a")).hasCount(2);
        assertThat(reader.locator("article.post .body").first()).containsText("I stopped metformin and take cinnamon now.");
        screenshots(reader, "evidence-note-shown");
        violations.addAll(axe(reader));

        // a member flags another post as possible misinformation; the nurse, now an advisor, turns it down in the browser
        String garlic = started(access(slug, patient), patient, new org.hearth.conversation.Draft(org.hearth.conversation.TopicKind.QUESTION,
                "Garlic with meals?", "Garlic with every meal keeps my sugars down, I think.", null, false));
        String garlicPost = communities.visibleTo(slug, patient).map(a -> conversations.openingPostId(a, garlic).orElseThrow()).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(flagPost.run(new org.hearth.moderation.FlagPost.Input(access(slug, rater), rater, garlicPost,
                "MISINFORMATION", "Is this safe to tell others?"))).isInstanceOf(org.hearth.moderation.FlagPost.Outcome.Flagged.class);
        org.assertj.core.api.Assertions.assertThat(manageAdvisors.run(new org.hearth.clinician.ManageAdvisors.Input(slug, withSecondFactor(owner),
                org.hearth.clinician.ManageAdvisors.Step.INVITE, nurse.handle()))).isInstanceOf(org.hearth.clinician.ManageAdvisors.Outcome.Done.class);
        org.assertj.core.api.Assertions.assertThat(manageAdvisors.run(new org.hearth.clinician.ManageAdvisors.Input(slug, nurse,
                org.hearth.clinician.ManageAdvisors.Step.ACCEPT, null))).isInstanceOf(org.hearth.clinician.ManageAdvisors.Outcome.Done.class);
        writer.navigate("/c/" + slug);
        writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Flags of possible misinformation, for the advisors")).click();
        assertThat(writer.locator("article.misinformation")).containsText("Is this safe to tell others?");
        screenshots(writer, "misinformation-review");
        violations.addAll(axe(writer));
        writer.getByLabel("Turn the flags down, because").fill("Garlic is a food; the post says what helped them, not what others should do.");
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn the flags down")).click();
        assertThat(writer.locator(".notice")).containsText("The flag is turned down");
        ratersPage.navigate("/me/flags");
        assertThat(ratersPage.locator(".flag-outcome")).containsText("Turned down");
        screenshots(ratersPage, "flags-raised");
        violations.addAll(axe(ratersPage));
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.hearth.moderation.FlagPost flagPost;

    @org.springframework.beans.factory.annotation.Autowired
    org.hearth.conversation.Conversations conversations;
}
