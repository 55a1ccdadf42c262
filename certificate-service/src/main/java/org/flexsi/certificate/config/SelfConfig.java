package org.flexsi.certificate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's own public base URL ({@code FLEXSI_SELF_URL}), printed in the certificates' QR codes. */
@ConfigMapping(prefix = "flexsi.self")
public interface SelfConfig {
    @WithDefault("http://127.0.0.1:8084")
    String url();
}
