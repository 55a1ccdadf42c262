package org.flexsi.simulators;

import java.time.Duration;

/** Polls an assertion until it holds: the simulators do their work in the background. */
final class Await {

    private Await() {
    }

    static void until(Runnable assertion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }
}
