package org.hearth.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach this site at, for links in e-mail and the setup link. Taken from
 * configuration ({@code hearth.public-url}), never from the request's Host header, which anyone
 * can forge to make a reset link point elsewhere. Without it, a site listening on the loopback
 * or on every address is named {@code localhost}, not a bare IP address: passkeys work only at a
 * domain name, and {@code localhost} is the one every browser accepts. A site listening on one
 * other address only keeps that address, since {@code localhost} would not reach it.
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
        String host = hostName(environment.getProperty("server.address", "127.0.0.1"));
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://" + host + ":" + port + path;
    }

    private static String hostName(String listening) {
        String address = listening == null ? "" : listening.strip();
        if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")
                || address.startsWith("127.") || address.equals("::1") || address.equals("[::1]")) {
            return "localhost";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
