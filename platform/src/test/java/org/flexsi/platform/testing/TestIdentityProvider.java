package org.flexsi.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.flexsi.platform.security.TokenSigner;

/**
 * The tests' token issuer as the services meet the real one: its public keys published as a JSON Web Key Set over
 * HTTP, which the services fetch and refresh themselves. One per JVM; a test may publish and withdraw keys.
 */
public final class TestIdentityProvider {
    /** How long a service may keep the key set: short, so a withdrawn key is refused within a test. */
    private static final int MAX_AGE_SECONDS = 1;
    private static final CopyOnWriteArrayList<RSAPublicKey> PUBLISHED = new CopyOnWriteArrayList<>();
    private static String location;

    private TestIdentityProvider() {
    }

    public static void publish(PublicKey key) {
        PUBLISHED.addIfAbsent((RSAPublicKey) key);
    }

    public static void withdraw(PublicKey key) {
        PUBLISHED.remove(key);
    }

    /** The key set's URL, for {@code mp.jwt.verify.publickey.location}; the server starts on first call. */
    static synchronized String location() {
        if (location == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    byte[] body = TokenSigner.jwks(PUBLISHED).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.getResponseHeaders().set("Cache-Control", "max-age=" + MAX_AGE_SECONDS);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "test-identity-provider");
                    thread.setDaemon(true);
                    return thread;
                }));
                server.start();
                location = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return location;
    }
}
