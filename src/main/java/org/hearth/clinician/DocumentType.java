package org.hearth.clinician;

import java.util.Arrays;

/**
 * The kinds of credential document Hearth accepts, told apart by their first bytes, never by
 * the file's name or the type the browser claimed: a PDF, a PNG or a JPEG image.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    DocumentType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** What the content is, or null when it is none of these. */
    static DocumentType of(byte[] content) {
        for (DocumentType type : values()) {
            if (content.length >= type.signature.length
                    && Arrays.equals(content, 0, type.signature.length, type.signature, 0, type.signature.length)) {
                return type;
            }
        }
        return null;
    }
}
