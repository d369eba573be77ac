package org.hearth.decision.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Audience;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.ChosenIn;
import org.hearth.decision.Experiences;
import org.hearth.decision.OptionDraft;
import org.hearth.decision.WouldChooseAgain;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.web.FormErrors;

/**
 * The decision's forms. Their fields are indexed ({@code options[2].name}, {@code questions[0]})
 * so a page that sends the form again as it came (a crisis check's) keeps every row in its place.
 * Shape is checked here and shown beside the field; how many options and whether two share a name
 * are the use cases' refusals.
 */
public final class DecisionForms {

    private DecisionForms() {
    }

    /** The questions offered on an empty form: what members facing a choice of treatment most often ask; each editable. */
    static final List<String> SUGGESTED_QUESTIONS = List.of("How much daily effort did it take?",
            "How did it affect work, school or family life?", "What side effects or problems did you have?",
            "What do you wish you had known before?");

    public static final int MAX_BODY = 20_000;

    public record OptionRow(String name, String description) {

        boolean blank() {
            return (name == null || name.isBlank()) && (description == null || description.isBlank());
        }

        OptionDraft draft() {
            return new OptionDraft(name, description);
        }
    }

    public record NewDecision(
            @NotBlank(message = "Say what the decision is, in your own words: it is the topic's title.")
            @Size(max = 200, message = "Keep the decision under 200 characters.")
            String title,
            @NotBlank(message = "Tell others about your situation: what you are choosing between and what weighs on it.")
            @Size(max = MAX_BODY, message = "Posts can be up to 20,000 characters; yours has {length}.")
            String body,
            @Size(max = 120, message = "Keep the content warning under 120 characters.")
            String contentWarning,
            Boolean anonymous,
            String audience,
            String submission,
            String answer,
            List<OptionRow> options,
            List<String> questions) {

        public NewDecision {
            options = options == null ? List.of() : options.stream().map(o -> o == null ? new OptionRow("", "") : o).toList();
            questions = questions == null ? List.of() : questions.stream().map(q -> q == null ? "" : q).toList();
        }

        static NewDecision empty() {
            return new NewDecision("", "", "", false, null, Submissions.newKey(), null, List.of(), SUGGESTED_QUESTIONS);
        }

        NewDecision unanswered() {
            return new NewDecision(title, body, contentWarning, anonymous, audience, submission, null, options, questions);
        }

        /** The option rows to show: those typed, and empty ones up to six. */
        public List<OptionRow> optionRows() {
            List<OptionRow> rows = new ArrayList<>(options.stream().limit(DecisionTopics.MAX_OPTIONS).toList());
            while (rows.size() < DecisionTopics.MAX_OPTIONS) {
                rows.add(new OptionRow("", ""));
            }
            return rows;
        }

        /** The question rows to show: those typed, and empty ones up to six. */
        public List<String> questionRows() {
            List<String> rows = new ArrayList<>(questions.stream().limit(DecisionTopics.MAX_QUESTIONS).toList());
            while (rows.size() < DecisionTopics.MAX_QUESTIONS) {
                rows.add("");
            }
            return rows;
        }

        /** The options filled in, in order. */
        List<OptionDraft> optionDrafts() {
            return options.stream().filter(o -> !o.blank()).map(OptionRow::draft).toList();
        }

        /** The questions kept, in order. */
        List<String> questionTexts() {
            return questions.stream().map(String::strip).filter(q -> !q.isEmpty()).toList();
        }

        /** Each option row's and question's own problem, by field name (as the form names it). */
        Map<String, String> rowErrors() {
            Map<String, String> errors = new LinkedHashMap<>();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).blank()) {
                    continue;
                }
                int row = i;
                optionError(options.get(i).draft()).ifPresent(error -> errors.put("options[" + row + "]." + error.field(), error.message()));
            }
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).strip().length() > DecisionTopics.MAX_QUESTION) {
                    errors.put("questions[" + i + "]", "Keep a question under " + DecisionTopics.MAX_QUESTION + " characters.");
                }
            }
            return errors;
        }

        /** Every field but the answer, to send the form again as it came. */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "title", title);
            put(fields, "body", body);
            put(fields, "contentWarning", contentWarning);
            put(fields, "anonymous", Boolean.TRUE.equals(anonymous) ? "true" : null);
            put(fields, "audience", audience);
            put(fields, "submission", submission);
            for (int i = 0; i < options.size(); i++) {
                put(fields, "options[" + i + "].name", options.get(i).name());
                put(fields, "options[" + i + "].description", options.get(i).description());
            }
            for (int i = 0; i < questions.size(); i++) {
                put(fields, "questions[" + i + "]", questions.get(i));
            }
            return fields;
        }

        Audience shown() {
            return Audience.ofKey(audience).orElse(null);
        }

        String key() {
            return Submissions.keyOf(submission);
        }
    }

    public record NewOption(String name, String description) {

        static NewOption empty() {
            return new NewOption("", "");
        }

        OptionDraft draft() {
            return new OptionDraft(name, description);
        }

        FormErrors errors() {
            return optionError(draft()).map(error -> FormErrors.of(error.field(), error.message())).orElse(FormErrors.NONE);
        }
    }

    public record NewExperience(
            String option,
            Integer chosenMonth,
            Integer chosenYear,
            WouldChooseAgain wouldAgain,
            @NotBlank(message = "Tell how it went: a few lines are enough.")
            @Size(max = MAX_BODY, message = "An experience can be up to 20,000 characters; yours has {length}.")
            String body,
            @Size(max = 120, message = "Keep the content warning under 120 characters.")
            String contentWarning,
            Boolean anonymous,
            String audience,
            String submission,
            String answer,
            List<String> answers,
            List<String> context) {

        public NewExperience {
            answers = answers == null ? List.of() : answers.stream().map(a -> a == null ? "" : a).toList();
            context = context == null ? List.of() : context.stream().map(c -> c == null ? "" : c).toList();
        }

        static NewExperience empty(String option) {
            return new NewExperience(option, null, null, null, "", "", false, null, Submissions.newKey(), null, List.of(), List.of());
        }

        NewExperience unanswered() {
            return new NewExperience(option, chosenMonth, chosenYear, wouldAgain, body, contentWarning, anonymous, audience,
                    submission, null, answers, context);
        }

        /** The choice made for the context field at this place in the form, or "". */
        public String contextAt(int field) {
            return field < context.size() ? context.get(field) : "";
        }

        /** The context choices shared; "prefer not to say" left out. */
        List<String> sharedContext() {
            return context.stream().filter(choice -> !choice.isBlank()).toList();
        }

        /** The answer typed for a question, or "". */
        public String answerTo(int question) {
            return question < answers.size() ? answers.get(question) : "";
        }

        /** The answers given, by question; blank ones left out. */
        Map<Integer, String> givenAnswers() {
            Map<Integer, String> given = new java.util.TreeMap<>();
            for (int i = 0; i < answers.size(); i++) {
                if (!answers.get(i).isBlank()) {
                    given.put(i, answers.get(i).strip());
                }
            }
            return given;
        }

        /** Each field's own problem that bean validation does not see, by field name. */
        Map<String, String> fieldErrors(int questions) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (option == null || option.isBlank()) {
                errors.put("option", "Choose the option you chose.");
            }
            if (chosenMonth == null || chosenMonth < 1 || chosenMonth > 12) {
                errors.put("chosenMonth", "Choose roughly the month you made the choice.");
            }
            if (chosenYear == null) {
                errors.put("chosenYear", "Give the year you made the choice, such as 2023.");
            } else if (chosenYear < ChosenIn.FIRST_YEAR || chosenYear > 9999) {
                errors.put("chosenYear", "Give the year as four digits, from " + ChosenIn.FIRST_YEAR + ".");
            }
            if (wouldAgain == null) {
                errors.put("wouldAgain", "Say whether you would choose it again: yes, not sure, or no.");
            }
            for (int i = 0; i < answers.size(); i++) { // an index past the questions is refused by the use case, whatever its length
                if (answers.get(i).strip().length() > Experiences.MAX_ANSWER) {
                    errors.put("answers[" + i + "]", "Keep an answer under " + Experiences.MAX_ANSWER + " characters; this one has "
                            + answers.get(i).strip().length() + ".");
                }
            }
            return errors;
        }

        java.time.YearMonth chosenIn() {
            return java.time.YearMonth.of(chosenYear, chosenMonth);
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "option", option);
            put(fields, "chosenMonth", chosenMonth == null ? null : chosenMonth.toString());
            put(fields, "chosenYear", chosenYear == null ? null : chosenYear.toString());
            put(fields, "wouldAgain", wouldAgain == null ? null : wouldAgain.name());
            put(fields, "body", body);
            put(fields, "contentWarning", contentWarning);
            put(fields, "anonymous", Boolean.TRUE.equals(anonymous) ? "true" : null);
            put(fields, "audience", audience);
            put(fields, "submission", submission);
            for (int i = 0; i < answers.size(); i++) {
                put(fields, "answers[" + i + "]", answers.get(i));
            }
            for (int i = 0; i < context.size(); i++) {
                put(fields, "context[" + i + "]", context.get(i));
            }
            return fields;
        }

        Audience shown() {
            return Audience.ofKey(audience).orElse(null);
        }

        String key() {
            return Submissions.keyOf(submission);
        }
    }

    /** The moderators' list of context members may share: one line per field, "Field: choice; choice". */
    public record ContextList(String text) {
    }

    public record ExperienceUpdate(
            @NotBlank(message = "Write what has happened since, or how you see it now.")
            @Size(max = MAX_BODY, message = "An update can be up to 20,000 characters; yours has {length}.")
            String body,
            WouldChooseAgain wouldAgain,
            String answer) {

        static ExperienceUpdate empty(WouldChooseAgain now) {
            return new ExperienceUpdate("", now, null);
        }

        ExperienceUpdate unanswered() {
            return new ExperienceUpdate(body, wouldAgain, null);
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "body", body);
            put(fields, "wouldAgain", wouldAgain == null ? null : wouldAgain.name());
            return fields;
        }
    }

    /** A problem with one field of an option: {@code field} is "name" or "description". */
    record OptionError(String field, String message) {
    }

    /** What is wrong with an option's name or description, if anything. */
    static Optional<OptionError> optionError(OptionDraft option) {
        if (option.name().isEmpty()) {
            return Optional.of(new OptionError("name", "Give this option a short name."));
        }
        if (option.key().isEmpty()) {
            return Optional.of(new OptionError("name", "An option's name needs at least one letter or digit."));
        }
        if (option.name().length() > OptionDraft.MAX_NAME) {
            return Optional.of(new OptionError("name", "Keep an option's name under " + OptionDraft.MAX_NAME
                    + " characters; this one has " + option.name().length() + "."));
        }
        if (option.description().length() > OptionDraft.MAX_DESCRIPTION) {
            return Optional.of(new OptionError("description", "Describe the option in under " + OptionDraft.MAX_DESCRIPTION
                    + " characters; this has " + option.description().length() + "."));
        }
        return Optional.empty();
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
