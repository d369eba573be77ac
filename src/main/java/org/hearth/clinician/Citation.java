package org.hearth.clinician;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reference of an evidence note: a DOI, a PubMed id or a guideline's web address, checked
 * for form only (Hearth does not reach out to look a reference up: a page that did would tell
 * another site who reads what) and kept in one canonical form, from which the link is made.
 */
public record Citation(Kind kind, String value) {

    public enum Kind { DOI, PUBMED, URL }

    static final int MAX_PER_NOTE = 10;
    static final int MAX_LENGTH = 500;

    // Crossref's recommended pattern for modern DOIs: prefix 10.NNNN(.N), a slash, a suffix
    private static final Pattern DOI = Pattern.compile("(?i)^(?:doi:\\s*|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}(?:\\.\\d+)*/[-._;()/:a-z0-9<>\\[\\]+]+)$");
    private static final Pattern PUBMED = Pattern.compile(
            "(?i)^(?:pmid:?\\s*|pubmed:?\\s*|https://pubmed\\.ncbi\\.nlm\\.nih\\.gov/)?([1-9][0-9]{0,8})/?$");

    /** The address the reference's link goes to. */
    public String href() {
        return switch (kind) {
            case DOI -> "https://doi.org/" + value;
            case PUBMED -> "https://pubmed.ncbi.nlm.nih.gov/" + value + "/";
            case URL -> value;
        };
    }

    /** The reference as a reader sees it: "doi:10.1056/…", "PMID 12345678", "nice.org.uk/guidance/ng17". */
    public String label() {
        return switch (kind) {
            case DOI -> "doi:" + value;
            case PUBMED -> "PMID " + value;
            case URL -> {
                URI uri = URI.create(value);
                String host = uri.getHost().startsWith("www.") ? uri.getHost().substring(4) : uri.getHost();
                String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
                yield host + path;
            }
        };
    }

    /** What kind of reference, in words for the page. */
    public String kindWords() {
        return switch (kind) {
            case DOI -> "Article";
            case PUBMED -> "PubMed record";
            case URL -> "Guideline";
        };
    }

    /**
     * The references as typed, one per line; the problem in words when one is not in a form we
     * know, so the writer can correct that line.
     */
    static Parsed parse(String typed) {
        List<Citation> citations = new ArrayList<>();
        String[] lines = typed == null ? new String[0] : typed.split("\\R");
        int number = 0;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            number++;
            if (text.length() > MAX_LENGTH) {
                return Parsed.problem("Reference " + number + " is longer than " + MAX_LENGTH + " characters.");
            }
            Citation citation = one(text);
            if (citation == null) {
                return Parsed.problem("Reference " + number + " (“" + shortened(text) + "”) is not a DOI (like 10.1056/NEJMoa2034577), "
                        + "a PubMed id (like PMID 33301246) or a web address starting with https://.");
            }
            if (citations.contains(citation)) {
                return Parsed.problem("Reference " + number + " is given twice.");
            }
            citations.add(citation);
        }
        if (citations.isEmpty()) {
            return Parsed.problem("Give at least one reference: a DOI, a PubMed id or a guideline's web address, one per line.");
        }
        if (citations.size() > MAX_PER_NOTE) {
            return Parsed.problem("Give at most " + MAX_PER_NOTE + " references.");
        }
        return new Parsed(List.copyOf(citations), null);
    }

    /** As stored: one per line, "KIND value". */
    static String lines(List<Citation> citations) {
        return String.join("\n", citations.stream().map(c -> c.kind().name() + " " + c.value()).toList());
    }

    static List<Citation> fromLines(String lines) {
        return lines.lines().map(line -> new Citation(Kind.valueOf(line.substring(0, line.indexOf(' '))), line.substring(line.indexOf(' ') + 1)))
                .toList();
    }

    static Citation one(String text) {
        Matcher doi = DOI.matcher(text);
        if (doi.matches()) {
            return new Citation(Kind.DOI, doi.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher pubmed = PUBMED.matcher(text);
        if (pubmed.matches()) {
            return new Citation(Kind.PUBMED, pubmed.group(1));
        }
        return webAddress(text);
    }

    /** An https address with a real-looking host and nothing that hides where it goes. */
    private static Citation webAddress(String text) {
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || !host.contains(".") || host.endsWith(".")
                    || uri.getRawUserInfo() != null || uri.getPort() != -1) {
                return null;
            }
            String scheme = "https://" + host.toLowerCase(Locale.ROOT);
            String rest = text.substring(text.toLowerCase(Locale.ROOT).indexOf(host.toLowerCase(Locale.ROOT)) + host.length());
            return new Citation(Kind.URL, scheme + rest);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** The references, or the problem with them. */
    record Parsed(List<Citation> citations, String problem) {
        static Parsed problem(String problem) {
            return new Parsed(List.of(), problem);
        }
    }
}
