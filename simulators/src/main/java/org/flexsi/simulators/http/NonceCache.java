package org.flexsi.simulators.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces a party has seen recently. A nonce only has to be remembered while its timestamp could
 * still pass the clock-skew check, so entries older than that window are dropped, and a hard
 * capacity keeps a flood of requests from growing memory without bound.
 */
final class NonceCache {
    private final int capacity;
    private final long windowSeconds;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    NonceCache(int capacity, long windowSeconds) {
        this.capacity = capacity;
        this.windowSeconds = windowSeconds;
    }

    /** True the first time a nonce is presented, false on any replay. */
    synchronized boolean firstUse(String nonce, long nowEpochSeconds) {
        evict(nowEpochSeconds);
        if (seen.containsKey(nonce)) {
            return false;
        }
        seen.put(nonce, nowEpochSeconds);
        return true;
    }

    private void evict(long now) {
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> oldest = it.next();
            if (seen.size() < capacity && oldest.getValue() >= now - windowSeconds) {
                return;
            }
            it.remove();
        }
    }
}
