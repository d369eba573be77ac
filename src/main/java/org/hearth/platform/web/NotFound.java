package org.hearth.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown for anything the visitor may not know exists, as well as for what truly does not
 * exist: the two must look the same, so hidden communities and private topics stay unknown.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

    public NotFound() {
        super("not found", null, false, false);
    }
}
