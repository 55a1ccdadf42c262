package org.flexsi.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Set;

/**
 * The agencies flexsi knows, keyed by id: {@code flexsi.agencies."weifang-medical".kind=MEDICAL},
 * {@code .name=...}, {@code .regions=370700}. The platform ships the seed regions' agencies; a province's
 * deployment sets its own through the environment.
 */
@ConfigMapping(prefix = "flexsi.agencies")
public interface AgencyConfig {
    @WithParentName
    Map<String, Entry> all();

    interface Entry {
        AgencyIdentity.Kind kind();

        String name();

        Set<String> regions();
    }
}
