package org.hearth.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one-time setup link that makes the first site administrator, and what they may then do. */
abstract class SetupLinkContract extends HearthTest {

    @Autowired
    SetupLink setupLink;

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
        var used = visitor().get("/setup/" + token);
        assertThat(used.status()).as("the link works once").isEqualTo(410);
        assertThat(used.document().select("#setup-used").text()).contains("This setup link was already used");
        assertThat(visitor().post("/setup/" + token, Map.of("handle", unique("late"), "password", PASSWORD, "email", ""))
                .status()).isEqualTo(410);
        assertThat(visitor().get("/setup/not-the-token").document().select("#setup-used").text())
                .as("an older link, once the site is set up").contains("already has its administrator");
        assertThat(members.anySiteAdministrator()).isTrue();

        // the administrator owns the patient leaders community made on first start
        var leaders = admin.get("/c/patient-leaders");
        assertThat(leaders.status()).isEqualTo(200);
        assertThat(leaders.text()).contains("Patient leaders").contains("Members and requests");

        // and, once they have a second factor, can create communities, private by default; others cannot
        var asked = admin.get("/admin/communities/new");
        assertThat(asked.location()).endsWith("/me/second-factor?required");
        assertThat(admin.open(asked.location()).text()).contains("because you are a site administrator");
        Authenticator.enrol(admin, PASSWORD);
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
}
