package org.hearth.crisis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's crisis settings ({@code hearth.crisis.*}): which phrase list and which resources
 * apply, and the limits on reports of concern. Resources are properties rather than a table an
 * administrator edits on a page: they are the same for every community of a site, change
 * rarely, must be right from the first start, and belong with the rest of the site's
 * configuration that an operator reviews; {@link CrisisResources} has honest international
 * defaults.
 *
 * @param locale which phrase list ({@code phrases-LOCALE.txt}) and which resources apply
 * @param resources the resources of each locale, e.g. {@code hearth.crisis.resources.en[0].name}
 * @param concerns the limits on "I'm worried about this member"
 */
@ConfigurationProperties("hearth.crisis")
public record CrisisSettings(@DefaultValue("en") String locale, Map<String, List<Resource>> resources,
        @DefaultValue Concerns concerns) {

    public CrisisSettings {
        resources = resources == null ? Map.of() : Map.copyOf(resources);
    }

    /**
     * One place to turn to. Every field but the name may be left out.
     *
     * @param name who answers ("Samaritans")
     * @param area where it serves ("UK and Ireland")
     * @param call a number to call, shown as a {@code tel:} link
     * @param text a number to text, shown as an {@code sms:} link
     * @param textWord what to text, when the service asks for a word ("HOME")
     * @param link a web address, shown as a plain link
     * @param hours when and at what cost ("free, day or night")
     */
    public record Resource(String name, String area, String call, String text, String textWord, String link, String hours) {

        /** The number as a {@code tel:} or {@code sms:} address: digits and a leading plus only. */
        public static String dialable(String number) {
            return number == null ? null : number.replaceAll("[^0-9+]", "");
        }

        /** The link if it is a plain web address, else null: nothing else becomes a link. */
        public String safeLink() {
            return link != null && link.matches("https?://[^\\s\"'<>]+") ? link : null;
        }
    }

    /**
     * @param perDay reports of concern one member may make in a day, in all communities
     * @param sameMemberEvery how long before a member may report concern about the same member
     *        again (about the same anonymous post, when the post is anonymous)
     */
    public record Concerns(@DefaultValue("3") int perDay, @DefaultValue("7d") Duration sameMemberEvery) {
    }
}
