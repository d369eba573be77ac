package org.hearth.identity.web;

import org.hearth.identity.SecondFactorRequired;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Sends a member who must set up a second factor before acting to the page that explains why. */
@ControllerAdvice
class SecondFactorRequiredAdvice {

    @ExceptionHandler(SecondFactorRequired.class)
    String setUpFirst() {
        return "redirect:/me/second-factor?required";
    }
}
