package org.hearth.identity.web;

import org.hearth.identity.Members;
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
class HandleReviewPage {

    private final Members members;

    HandleReviewPage(Members members) {
        this.members = members;
    }

    @GetMapping("/admin/handles")
    String lookAlikes(Model model) {
        model.addAttribute("lookAlikes", members.lookAlikes());
        model.addAttribute("refused", members.refusedHandles());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/look-alike-handles";
    }
}
