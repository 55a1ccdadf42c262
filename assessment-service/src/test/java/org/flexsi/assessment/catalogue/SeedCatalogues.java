package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed catalogues exactly as Flyway loads them, so unit tests check the shipped data itself. */
public final class SeedCatalogues {
    private static final Pattern DEFINITION = Pattern.compile("\\$seed\\$(.*?)\\$seed\\$", Pattern.DOTALL);
    private static final Map<String, Catalogue> BY_REGION = load();

    private SeedCatalogues() {
    }

    public static Catalogue of(String region) {
        Catalogue c = BY_REGION.get(region);
        if (c == null) {
            throw new IllegalArgumentException("no seed catalogue for " + region);
        }
        return c;
    }

    public static Map<String, Catalogue> all() {
        return BY_REGION;
    }

    private static Map<String, Catalogue> load() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        try (InputStream in = SeedCatalogues.class.getClassLoader().getResourceAsStream("db/migration/V2__seed_catalogues.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Catalogue> out = new LinkedHashMap<>();
            Matcher m = DEFINITION.matcher(sql);
            while (m.find()) {
                Catalogue c = mapper.readValue(m.group(1), Catalogue.class);
                out.put(c.region(), c);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
