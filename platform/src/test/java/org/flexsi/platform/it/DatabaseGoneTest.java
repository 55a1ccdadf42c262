package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.testing.TestInfrastructure;
import org.flexsi.platform.testing.TestKafka;
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
    @Inject
    EffectConsumer consumer;
    @Inject
    MeterRegistry metrics;

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
        await("writes work again once the database accepts connections").until(() -> write().statusCode() == 201);
    }

    /**
     * Found by the fault campaign's same fault: consumers parked good events on the dead-letter topic when their
     * database refused connections (the retries for a transient failure ran out in seconds), so rights records were
     * never made. The event waits for the database instead, however long, and then has its effect once.
     */
    @Test
    void anEventArrivingWhileTheDatabaseRefusesConnectionsWaitsForItInsteadOfTheDeadLetterTopic() throws Exception {
        String person = "p-" + UUID.randomUUID();
        double parkedBefore = parked();
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1);
        try {
            allowConnections(url, database, false);
            TestKafka.send(Topics.REGISTRATION, person, OutboxAndInboxTest.body(person),
                    OutboxAndInboxTest.headers(UUID.randomUUID().toString(), PersonRegistered.TYPE));
            // an outage longer than the transient retries (five attempts, about 6 s), which used to end on the dlq
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(12)).until(() -> parked() == parkedBefore);
        } finally {
            allowConnections(url, database, true);
        }
        await().until(() -> consumer.effects(person) == 1);
        assertEquals(parkedBefore, parked(), "nothing went to the dead-letter topic");
    }

    private double parked() {
        var counter = metrics.find("flexsi.platform.dead.letters").tag("topic", Topics.deadLetter(Topics.REGISTRATION)).counter();
        return counter == null ? 0 : counter.count();
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
