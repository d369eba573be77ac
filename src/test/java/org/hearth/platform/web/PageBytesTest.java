package org.hearth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageBytesTest {

    @Test
    void aPageComesOutAsTheUtf8OfWhatWasWrittenWhateverItsScriptAndLength() throws Exception {
        PageBytes page = new PageBytes(0);
        StringBuilder expected = new StringBuilder();
        String[] pieces = {"<p>plain</p>", "Ärztin · ✓ 检查 😀 end", "", "x"};
        for (int i = 0; i < 3_000; i++) { // far past the first array: it grows several times
            String piece = pieces[i % pieces.length];
            if (i % 3 == 0) {
                page.writeBinaryContent(piece.getBytes(StandardCharsets.UTF_8)); // a template's static part
            } else if (i % 3 == 1) {
                page.writeContent("[" + piece + "]", 1, piece.length() + 1); // part of a string
            } else {
                page.writeContent(piece);
            }
            expected.append(piece);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.writeTo(out);

        byte[] utf8 = expected.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(page.length()).isEqualTo(utf8.length);
        assertThat(out.toByteArray()).isEqualTo(utf8);
    }
}
