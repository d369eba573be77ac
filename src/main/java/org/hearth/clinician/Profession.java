package org.hearth.clinician;

/** The professions a member may apply as, in the words of the application form. */
public enum Profession {
    PHYSICIAN("Physician"),
    NURSE("Nurse"),
    PHARMACIST("Pharmacist"),
    PSYCHOLOGIST("Psychologist"),
    DIETITIAN("Dietitian"),
    PHYSIOTHERAPIST("Physiotherapist"),
    OTHER("Another health profession");

    private final String label;

    Profession(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The profession by its name, or null for anything else. */
    public static Profession parse(String name) {
        for (Profession profession : values()) {
            if (profession.name().equals(name)) {
                return profession;
            }
        }
        return null;
    }
}
