package org.hearth.privacy.web;

import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.Page;
import org.hearth.privacy.StaffAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A member's own list of what staff saw about them; signed-in members only, and only their own. */
@Controller
class StaffAccessPage {

    static final int SHOWN = 500;

    private final StaffAccess staffAccess;

    StaffAccessPage(StaffAccess staffAccess) {
        this.staffAccess = staffAccess;
    }

    @GetMapping("/me/staff-access")
    String page(Viewer viewer, Model model) {
        model.addAttribute("entries", staffAccess.aboutMe(viewer, SHOWN));
        model.addAttribute("limit", SHOWN);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/privacy/web/staff-access";
    }
}
