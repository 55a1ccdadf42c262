package org.flexsi.platform.testing;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import org.flexsi.platform.time.PlatformClock;

/**
 * Every {@code @QuarkusTest} of every service gets real time back after each test, so a test that moved the
 * {@link PlatformClock} cannot leave the next one at its date. Registered through {@code META-INF/services}.
 */
public class ClockReset implements QuarkusTestAfterEachCallback {
    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        var clock = Arc.container().instance(PlatformClock.class);
        if (clock.isAvailable()) {
            clock.get().reset();
        }
    }
}
