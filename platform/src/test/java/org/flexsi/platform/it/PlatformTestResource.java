package org.flexsi.platform.it;

import java.util.Map;
import org.flexsi.platform.testing.FlexsiTestResource;

/** The platform's own test app gets its own database. */
public class PlatformTestResource extends FlexsiTestResource {
    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "flexsi_test_platform"));
    }
}
