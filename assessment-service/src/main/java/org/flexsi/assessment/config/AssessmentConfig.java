package org.flexsi.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "flexsi.assessment")
public interface AssessmentConfig {
    /** How long an unpaid self-selected assessment stays payable. */
    @WithDefault("PT24H")
    Duration lifetime();

    /** How often unpaid assessments are expired ("off" disables it); read by ExpiryJob's schedule. */
    @WithDefault("60s")
    String expiryEvery();

    /** How long an agency-made assessment stays payable when the agency does not say. */
    @WithDefault("P30D")
    Duration agencyLifetime();

    /**
     * How often rows an older instance wrote with an unkeyed ID number hash are keyed ("off" disables it; start-up always
     * runs it); read by IdNumberIndexBackfill's schedule.
     */
    @WithDefault("5m")
    String indexBackfillEvery();
}
