package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flexsi.platform.testing.TestInfrastructure;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Found by the fault campaign (issue 23, "PostgreSQL refuses connections 30 s"): a database that stops accepting
 * connections and drops the ones it had answered clients 500. It is a dependency down: 503 with Retry-After.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DatabaseGoneTest {
    private static final String OPS = TestTokens.bearer("ops", "ops-1");

    @Test
    void aDatabaseRefusingConnectionsIsA503WithRetryAfter() throws Exception {
        assertEquals(201, write().statusCode());
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1);
        try {
            allowConnections(url, database, false);
            // the first writes meet pooled connections the server dropped; once the pool (at most 16) has discarded
            // them, the next ones meet a server that refuses a new connection (SQLSTATE 55000)
            for (int i = 0; i < 20; i++) {
                Response refused = write();
                assertEquals(503, refused.statusCode(), refused.asString());
                assertEquals("application/problem+json", refused.contentType());
                assertTrue(refused.header("Retry-After") != null, "a Retry-After header");
            }
        } finally {
            allowConnections(url, database, true);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (write().statusCode() != 201) {
            assertTrue(Instant.now().isBefore(deadline), "writes work again once the database accepts connections");
            Thread.sleep(500);
        }
    }

    private static Response write() {
        return given().header("Authorization", OPS).header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType("application/json").body("{\"name\":\"gone-" + UUID.randomUUID() + "\"}").post("/test/things");
    }

    private static void allowConnections(String url, String database, boolean allow) throws SQLException {
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(server, TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
                Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " allow_connections " + allow);
            if (!allow) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }
}
