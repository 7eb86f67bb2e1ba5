package org.dsarflow.web;

import java.util.List;
import java.util.Locale;

/**
 * The Prefer request header (RFC 7240): a comma-separated list of preferences, each a token with an
 * optional value and parameters. A preference the service does not know is ignored, as the RFC says.
 */
final class Preferences {

    static final String RESPOND_ASYNC = "respond-async";
    static final String APPLIED = "Preference-Applied";

    private Preferences() {
    }

    static boolean respondAsync(List<String> headers) {
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            for (String preference : header.split(",")) {
                String token = preference.split("[;=]", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (token.equals(RESPOND_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
    }
}
