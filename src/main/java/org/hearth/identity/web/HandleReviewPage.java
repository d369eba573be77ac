package org.hearth.identity.web;

import java.util.Optional;
import org.hearth.identity.Members;
import org.hearth.platform.web.AdministrationPage;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For site administrators: handles made before look-alikes were refused that look like
 * another member's, and those that today's rules refuse. Nothing is changed here; the administrator decides whom to ask to change
 * their handle.
 */
@Controller
class HandleReviewPage implements AdministrationPage {

    private final Members members;

    HandleReviewPage(Members members) {
        this.members = members;
    }

    /** In the administrator's menu while some handle looks like another's. */
    @Override
    public Optional<MenuLink> menuLink() {
        return members.anyLookAlikes() ? Optional.of(new MenuLink("/admin/handles", "Look-alike handles")) : Optional.empty();
    }

    @GetMapping("/admin/handles")
    String lookAlikes(Model model) {
        model.addAttribute("lookAlikes", members.lookAlikes());
        model.addAttribute("refused", members.refusedHandles());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/look-alike-handles";
    }
}
