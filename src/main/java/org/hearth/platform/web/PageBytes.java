package org.hearth.platform.web;

import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page as UTF-8 bytes in one growing array. jte's own {@code Utf8ByteOutput} keeps a list with
 * one array per piece written (thousands on a topic page), grows that list as it goes and copies
 * every piece once more at the end: 5 % of a signed-in topic page's CPU time in a JFR profile
 * (docs/topic-page-cost.md). Here the template's static parts, already UTF-8, are copied in, and
 * text is encoded in place.
 */
final class PageBytes implements TemplateOutput {

    private byte[] bytes;
    private int length;

    PageBytes(int expected) {
        bytes = new byte[Math.max(1024, expected)];
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        room(endIndex - beginIndex);
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // not ASCII: the rest goes through the encoder
                writeBinaryContent(value.substring(i, endIndex).getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
