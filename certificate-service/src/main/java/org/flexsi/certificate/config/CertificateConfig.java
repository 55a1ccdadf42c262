package org.flexsi.certificate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/** Everything the certificate service is told by configuration (prefix {@code flexsi.certificate}). */
@ConfigMapping(prefix = "flexsi.certificate")
public interface CertificateConfig {

    /** The CJK font (TrueType or TrueType collection) whose subset is embedded in every PDF. */
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    String fontPath();

    /** Largest PDF accepted by the verification upload. */
    @WithDefault("5242880")
    int maxUploadBytes();

    /** PDF verifications (API or the check page's form) one client may ask for per minute; more are answered 429. */
    @WithDefault("30")
    int uploadsPerMinute();

    /** Wrong verification codes allowed per certificate number and per client within {@link #codeAttemptWindowMinutes()}. */
    @WithDefault("5")
    int maxCodeAttempts();

    @WithDefault("15")
    int codeAttemptWindowMinutes();

    Availability availability();

    /** Region code (GB/T 2260) to printed names; a city or province entry covers its districts. */
    Map<String, Region> regions();

    Signing signing();

    interface Availability {
        @WithName("default")
        Delay defaultDelay();

        /** Region code to delay; looked up for the region, its city, then its province. */
        Map<String, Delay> regions();
    }

    interface Delay {
        @WithDefault("0")
        int recordsAfterWorkingDays();

        @WithDefault("0")
        int certificatesAfterWorkingDays();
    }

    interface Region {
        String name();

        String taxOffice();
    }

    interface Signing {
        /** Production: a PKCS#12 keystore holding the seal key and its certificate chain. */
        Optional<String> keystore();

        Optional<String> password();

        Optional<String> alias();

        /** Without a keystore: where the development CA and seal certificate are generated on first start. */
        @WithDefault("${user.home}/.flexsi/certificate-dev-signing")
        String devDir();
    }
}
