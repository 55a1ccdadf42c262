package org.flexsi.registration.region;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.contracts.Money;
import org.flexsi.registration.enrolment.Insurance;

/** The registration rules per region are public: a contributor may read them before going to the counter. */
@Path("/api/v1/public/registration-rules")
@Tag(name = "Regions", description = "Per-region registration rules")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {
    private final Regions regions;

    public RegionResource(Regions regions) {
        this.regions = regions;
    }

    @Schema(name = "RegionRules", description = "What a region asks for at registration and where")
    public record View(
            @Schema(examples = "370700") String region,
            @Schema(examples = "潍坊市") String name,
            Set<Insurance> insurances,
            @Schema(examples = "16") int minAge,
            @Schema(description = "Men must be under this age at enrolment (R2)", examples = "60") int maleAgeLimit,
            @Schema(description = "Women must be under this age at enrolment (R2)", examples = "55") int femaleAgeLimit,
            List<String> pensionGrades,
            @Schema(examples = "3980.00") String pensionBaseFloor,
            @Schema(examples = "19899.00") String pensionBaseCeiling,
            List<String> medicalRates,
            List<String> medicalPlans,
            Set<Operation> onlineOperations,
            Set<Operation> counterOperations) {

        static View of(RegionRules r) {
            return new View(r.code(), r.name(), new TreeSet<>(r.insurances()), r.minAge(), r.maleAgeLimit(),
                    r.femaleAgeLimit(), r.pensionGrades(),
                    r.pensionBaseFloor() == null ? null : Money.text(r.pensionBaseFloor()),
                    r.pensionBaseCeiling() == null ? null : Money.text(r.pensionBaseCeiling()),
                    r.medicalRates().stream().map(Terms::rateText).toList(),
                    r.medicalPlans().entrySet().stream().map(e -> e.getKey() + "=" + Terms.rateText(e.getValue())).sorted().toList(),
                    new TreeSet<>(r.onlineOperations()), new TreeSet<>(r.counterOperations()));
        }
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Registration rules of every configured region (R2, R4, R6, R7, R9)")
    @APIResponse(responseCode = "200", description = "One entry per region", content = @Content(schema = @Schema(implementation = View.class, type = SchemaType.ARRAY)))
    public List<View> all() {
        return regions.all().stream().map(View::of).toList();
    }
}
