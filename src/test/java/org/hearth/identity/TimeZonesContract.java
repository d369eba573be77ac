package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.When;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Times in the reader's zone: UTC for visitors, the zone a member chose for them. */
abstract class TimeZonesContract extends HearthTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static long at(Element time) {
        return Instant.parse(time.attr("datetime")).toEpochMilli();
    }

    @Test
    void visitorsReadUtcAndAMemberReadsTheZoneTheyChose() {
        Viewer owner = account(unique("clock"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor member = member(unique("reader"));
        member.submit("/c/" + slug + "/join", AGREEING);
        var topic = member.submit("/c/" + slug + "/topics", Map.of("kind", "QUESTION", "title", "Night shifts",
                "body", "Does anyone else sleep in the day?", "contentWarning", ""));
        String topicPath = topic.document().selectFirst("form.composer").attr("action").replace("/replies", "");

        var seenByVisitor = visitor().get(topicPath).document();
        Element time = seenByVisitor.selectFirst("article.post time");
        long written = at(time);
        assertThat(time.text()).isEqualTo(When.readable(written)).endsWith(" UTC");
        assertThat(time.attr("title")).contains("UTC");
        assertThat(seenByVisitor.selectFirst("html").hasAttr("data-time-zone")).isFalse();
        assertThat(seenByVisitor.select("script[src=/js/times.js]")).as("the browser's zone where scripts run").hasSize(1);

        var profile = member.get("/me/profile").document();
        assertThat(profile.select("select#zone option[value=Asia/Kolkata]")).hasSize(1);
        assertThat(profile.select("select#zone option[selected]").attr("value")).isEmpty();

        var refused = member.post("/me/time-zone", Map.of("zone", "Mars/Olympus_Mons"));
        assertThat(refused.document().select("#zone-error").text()).contains("does not know that time zone");
        assertThat(members.timeZone(memberIdOf(member))).isEmpty();

        assertThat(member.submit("/me/time-zone", Map.of("zone", "Asia/Kolkata")).text()).contains("Asia/Kolkata");
        var seenByMember = member.get(topicPath).document();
        Element zoned = seenByMember.selectFirst("article.post time");
        assertThat(zoned.text()).isEqualTo(When.readable(written, KOLKATA)).endsWith(" IST");
        assertThat(zoned.attr("title")).contains("India Standard Time (Asia/Kolkata)")
                .endsWith(When.full(written, ZoneOffset.UTC).replace(" (Coordinated Universal Time)", ""));
        assertThat(seenByMember.selectFirst("html").attr("data-time-zone")).isEqualTo("Asia/Kolkata");
        assertThat(member.get("/me/sessions").document().selectFirst("main time").text()).endsWith(" IST");
        assertThat(visitor().get(topicPath).document().selectFirst("article.post time").text())
                .as("one member's choice is theirs alone").endsWith(" UTC");

        member.get("/me/data");
        var export = JsonMapper.builder().build().readTree(member.post("/me/data/download", Map.of()).body());
        assertThat(export.get("account").get("timeZone").asString()).isEqualTo("Asia/Kolkata");

        member.submit("/me/time-zone", Map.of("zone", ""));
        assertThat(member.get(topicPath).document().selectFirst("article.post time").text()).endsWith(" UTC");
        assertThat(members.timeZone(memberIdOf(member))).isEmpty();
    }

    private static String memberIdOf(Visitor member) {
        return member.get("/me/profile").document().selectFirst("main a[href^=/m/]").attr("href").substring(3);
    }
}
