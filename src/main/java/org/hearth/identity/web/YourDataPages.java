package org.hearth.identity.web;

import java.nio.charset.StandardCharsets;
import org.hearth.identity.MemberExport;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where a member downloads everything Hearth holds about them. Always about the signed-in
 * member: no address names anyone. The download is a form (with its token), not a link, so
 * another site cannot start one.
 */
@Controller
class YourDataPages {

    private final MemberExport export;

    YourDataPages(MemberExport export) {
        this.export = export;
    }

    @GetMapping("/me/data")
    String page(Model model) {
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/your-data";
    }

    @PostMapping("/me/data/download")
    ResponseEntity<byte[]> download(Viewer viewer) {
        MemberExport.Download download = export.of(viewer);
        String name = download.fileName();
        // a handle in another script goes in the header's encoded form; a plain one as it is
        ContentDisposition disposition = StandardCharsets.US_ASCII.newEncoder().canEncode(name)
                ? ContentDisposition.attachment().filename(name).build()
                : ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", disposition.toString())
                .cacheControl(CacheControl.noStore())
                .body(download.json());
    }
}
