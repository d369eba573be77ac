package org.hearth.platform.mail;

import java.util.Optional;
import org.hearth.platform.web.AdministrationPage;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Site administrators read mail here while no SMTP server is configured (trying Hearth out,
 * development). Once mail leaves the server, the page does not exist: its links are secrets.
 */
@Controller
class OutboxPage implements AdministrationPage {

    private final Outbox outbox;

    OutboxPage(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Optional<MenuLink> menuLink() {
        return outbox.delivers() ? Optional.empty() : Optional.of(new MenuLink("/admin/outbox", "Outbox"));
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        if (outbox.delivers()) {
            throw new NotFound();
        }
        model.addAttribute("messages", outbox.latest(50));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/platform/mail/outbox";
    }
}
