package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized requests with Hearth's own 413 page in words, instead of letting the
 * container drop the form fields silently. A body that announces its length is refused before
 * it is read. A body sent in chunks announces none, so what is read of it is counted: form
 * fields are read here at once by the container, which stops at the same limit
 * ({@code server.tomcat.max-http-form-post-size} is set from {@code hearth.max-request-bytes}),
 * and any other body stops being readable past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long formBytes;
    private final long uploadBytes;

    /**
     * @param formBytes the most any request may carry
     * @param uploadBytes the most a form with a file (multipart) may carry, such as a clinician's credential document
     */
    RequestSizeLimit(@Value("${hearth.max-request-bytes:1048576}") long formBytes,
            @Value("${hearth.max-upload-bytes:5242880}") long uploadBytes) {
        this.formBytes = formBytes;
        this.uploadBytes = Math.max(formBytes, uploadBytes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = isMultipart(request) ? uploadBytes : formBytes;
        if (request.getContentLengthLong() > maxBytes) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        if (request.getContentLengthLong() < 0 && isForm(request)) {
            if (request.getCharacterEncoding() == null) {
                // read before Spring's encoding filter may have run: Hearth's forms are sent in UTF-8
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            try {
                request.getParameterNames(); // reads and counts the whole body now
            } catch (InvalidParameterException e) {
                response.sendError(e.getErrorCode() > 0 ? e.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        CountedBody counted = new CountedBody(request, maxBytes);
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counted.exceeded || response.isCommitted()) {
                throw e;
            }
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/form-data");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                || type.toLowerCase().startsWith("multipart/form-data"));
    }

    /** The request with a body that cannot be read past the limit. */
    static final class CountedBody extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;
        private boolean exceeded;

        CountedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class Counting extends ServletInputStream {

            private final ServletInputStream body;
            private long read;

            Counting(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                int b = body.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > maxBytes) {
                    exceeded = true;
                    throw new IOException("request body over " + maxBytes + " bytes");
                }
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        }
    }
}
