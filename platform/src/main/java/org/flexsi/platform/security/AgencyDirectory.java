package org.flexsi.platform.security;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The configured agencies, read once at start-up. */
@Singleton
public class AgencyDirectory {
    private final Map<String, AgencyIdentity> byId = new TreeMap<>();

    public AgencyDirectory(AgencyConfig config) {
        config.all().forEach((id, entry) ->
                byId.put(id, new AgencyIdentity(id, entry.kind(), entry.name(), Set.copyOf(entry.regions()))));
    }

    public Optional<AgencyIdentity> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
