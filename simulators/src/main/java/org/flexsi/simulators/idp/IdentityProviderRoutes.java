package org.flexsi.simulators.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flexsi.simulators.http.Problem;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;

/**
 * {@code /idp/.well-known/jwks.json}: the province's identity provider, as far as flexsi meets it, publishing the
 * public keys its bearer tokens are signed with. The key set is read from its file on every request, so a key
 * written there (a rotation) is served at once and the services pick it up without a restart.
 */
public final class IdentityProviderRoutes {
    private final Path keySet;

    /** {@code keySet}: the JSON Web Key Set file, null when this run publishes none (404). */
    public IdentityProviderRoutes(Path keySet) {
        this.keySet = keySet;
    }

    public void register(Router router) {
        router.on("GET", "/idp/.well-known/jwks.json", request -> keySet());
    }

    private Response keySet() {
        if (keySet == null || !Files.isRegularFile(keySet)) {
            throw Problem.notFound("no token key set is published (SIM_IDP_KEY_SET names its file)");
        }
        try {
            return Response.text(200, "application/json", Files.readString(keySet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
