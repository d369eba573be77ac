package org.hearth.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach this site at, for links in e-mail. Taken from configuration, never
 * from the request's Host header, which anyone can forge to make a reset link point elsewhere.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${hearth.public-url:}") String configured, Environment environment) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.environment = environment;
    }

    public String of(String path) {
        if (!configured.isBlank()) {
            return configured + path;
        }
        String host = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://" + host + ":" + port + path;
    }
}
