package org.flexsi.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * What every {@code @QuarkusTest} of every service shares, set once here (registered through
 * {@code META-INF/services}): a REST Assured check that fails prints the request and the answer, and
 * {@code Awaitility.await(what)} waits up to 30 s (events cross a real broker on a busy machine), polling every
 * 100 ms on the test's own thread, so a condition may read the database in the test's request context.
 */
public class TestDefaults implements QuarkusTestBeforeClassCallback {
    @Override
    public void beforeClass(Class<?> testClass) {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        Awaitility.pollInSameThread();
    }
}
