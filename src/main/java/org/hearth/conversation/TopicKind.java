package org.hearth.conversation;

/** What a topic is for; shown as a label so readers know what kind of answer helps. */
public enum TopicKind {
    QUESTION("Question", "Ask something you want others' experience with."),
    STORY("Story", "Tell what happened to you, for others who face it."),
    DISCUSSION("Discussion", "Talk something through together."),
    DECISION("Decision", "A choice between options, where members tell what they chose and how it went.");

    private final String label;
    private final String hint;

    TopicKind(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }
}
