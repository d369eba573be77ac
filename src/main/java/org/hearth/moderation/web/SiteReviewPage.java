package org.hearth.moderation.web;

import java.util.Optional;
import org.hearth.moderation.SiteStaffReach;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.AdministrationPage;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For site administrators: the communities whose moderation is left to the site now, flagged
 * posts where no moderator visited lately and appeals no other moderator may decide, each
 * linking to that community's queue as site staff see it.
 */
@Controller
class SiteReviewPage implements AdministrationPage {

    private final SiteStaffReach reach;

    SiteReviewPage(SiteStaffReach reach) {
        this.reach = reach;
    }

    /** Always in the menu: finding out whether anything waits costs more than a menu should. */
    @Override
    public Optional<MenuLink> menuLink() {
        return Optional.of(new MenuLink("/admin/review", "Moderation left to the site"));
    }

    @GetMapping("/admin/review")
    String waiting(Viewer viewer, Model model) {
        model.addAttribute("waiting", reach.waiting(viewer));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/moderation/web/site-review";
    }
}
