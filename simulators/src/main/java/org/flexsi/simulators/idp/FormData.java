package org.flexsi.simulators.idp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.flexsi.simulators.http.Problem;

/** {@code a=1&b=2}: a query string or an {@code application/x-www-form-urlencoded} body; a repeated name is refused. */
final class FormData {
    private FormData() {
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                // OAuth 2.0 (RFC 6749 3.1): a parameter sent twice makes the request invalid
                if (values.put(name, value) != null) {
                    throw Problem.badRequest("parameter " + name + " given twice");
                }
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("malformed form data");
            }
        }
        return values;
    }
}
