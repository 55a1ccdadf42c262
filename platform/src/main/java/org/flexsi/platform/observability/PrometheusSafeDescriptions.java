package org.flexsi.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Micrometer's process and system meters describe themselves with double quotes, which the
 * Prometheus text format escapes in HELP lines as {@code \"}: an escape its parsers (promtool)
 * refuse. The quotes become single quotes; names, tags and values stay as they are.
 */
public class PrometheusSafeDescriptions {
    @Produces
    @Singleton
    MeterFilter noDoubleQuotesInHelp() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || !description.contains("\"")) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(),
                        description.replace('"', '\''), id.getType());
            }
        };
    }
}
