package org.flexsi.registration.person;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.registration.identity.IdType;

@Path("/api/v1/persons")
@Tag(name = "Persons", description = "Registration (R1-R3, R6)")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {
    public static final String WUHAN_EXAMPLE = """
            {"idType": "RESIDENT_ID", "idNumber": "420106199003071238", "name": "张伟", "sex": "MALE",
             "birthDate": "1990-03-07", "mobile": "13812345678", "region": "420100", "district": "420106",
             "agency": "武汉市社会保险中心", "personalNumber": "P4201000001", "country": "CHN", "ethnicity": "汉族",
             "workStartDate": "2012-07-01", "enrolmentDate": "2026-01-05",
             "enrolments": [{"insurance": "PENSION", "firstMonth": "2026-01", "grade": "60"},
                            {"insurance": "MEDICAL", "firstMonth": "2026-01"}]}
            """;
    public static final String WEIFANG_EXAMPLE = """
            {"idType": "RESIDENT_ID", "idNumber": "370702199211203015", "name": "李娜", "mobile": "13912345678",
             "region": "370700", "enrolmentDate": "2026-01-05",
             "enrolments": [{"insurance": "PENSION", "firstMonth": "2026-01", "base": "3980.00"},
                            {"insurance": "MEDICAL", "firstMonth": "2026-01", "base": "3980.00", "rate": "0.06"},
                            {"insurance": "WORK_INJURY", "firstMonth": "2026-01", "base": "3980.00"}]}
            """;

    private final RegistrationService registration;
    private final PersonQueryService queries;
    private final SecurityIdentity identity;

    public PersonResource(RegistrationService registration, PersonQueryService queries, SecurityIdentity identity) {
        this.registration = registration;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.AGENCY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a person and enrol them in one or more insurances",
            description = "Checks the ID number (GB 11643), birth date and sex against it, the age at the enrolment date (R2),"
                    + " the registered location (R6) and the region's insurances, grades, bases and rates. Emits PersonRegistered"
                    + " and one EnrolmentStarted per insurance. Idempotent with the Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, ID number, region or district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already registered (personId in the problem)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is not met (R2 age, region insurance, R4 channel) or the Idempotency-Key was used for another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonRequest.class), examples = {
                    @ExampleObject(name = "Wuhan", summary = "Wuchang district, grade 60 pension and medical", value = WUHAN_EXAMPLE),
                    @ExampleObject(name = "Weifang", summary = "Base 3980, medical 6 %, work injury", value = WEIFANG_EXAMPLE)}))
    public Response register(
            @Parameter(description = "Unique per intended registration; a retry with the same key and body replays the answer")
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull PersonRequest request) {
        IdempotencyKeys.require(key);
        return registration.registerOnce(key, request, Caller.of(identity));
    }

    @GET
    @Path("/{personId}")
    @RolesAllowed({Roles.AGENCY, Roles.OPS, Roles.CONTRIBUTOR, Roles.PROXY})
    @Operation(summary = "A person's registration and enrolments",
            description = "Operations see anyone, an agency the persons of the regions it serves, a contributor only himself"
                    + " (token subject = person id), a proxy payer the persons who confirmed him. The ID number, mobile and"
                    + " birth date are full for the person and his own agency (that read is audited), masked for operations"
                    + " and proxy payers (see the reveal action).")
    @APIResponse(responseCode = "200", description = "The person", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "400", description = "The person id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person's record: an agency outside the person's region, another contributor, a proxy without a confirmed link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonView get(@PathParam("personId") UUID personId) {
        return queries.person(Caller.of(identity), personId);
    }

    @POST
    @Path("/{personId}/reveal")
    @RolesAllowed({Roles.OPS, Roles.AGENCY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "See a person's full ID number, mobile and birth date, with a reason (audited)",
            description = "For operations and the agency serving the person's region. Every reveal is written to the access"
                    + " audit (action reveal-personal-data) with the caller, role, agency and trace id; the reason is kept with it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RevealRequest.class),
            examples = @ExampleObject(name = "counter", value = "{\"reason\": \"caller verified at the counter, ticket 2026-0417\"}")))
    @APIResponse(responseCode = "200", description = "The person with full values", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a bad person id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not operations, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonView reveal(@PathParam("personId") UUID personId, @Valid @NotNull RevealRequest request) {
        return queries.reveal(Caller.of(identity), personId, request.reason());
    }

    @POST
    @Path("/search")
    @RolesAllowed({Roles.AGENCY, Roles.OPS})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find persons by ID number or region, the ID number in the body",
            description = "As GET /api/v1/persons, without putting the full ID number in a URL, where traces, proxies and"
                    + " access logs would keep it (issue 17). ID numbers and mobiles are masked in the list. An agency finds"
                    + " only persons of the regions it serves.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonSearchRequest.class),
            examples = @ExampleObject(name = "by ID number", value = "{\"idType\": \"RESIDENT_ID\", \"idNumber\": \"420106199003071238\"}")))
    @APIResponse(responseCode = "200", description = "Matching persons, newest first", content = @Content(schema = @Schema(implementation = PersonSummary.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not an agency or operations, or a region the agency does not serve", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PersonSummary> search(@Valid @NotNull PersonSearchRequest search) {
        return queries.find(Caller.of(identity), search.idType() == null ? IdType.RESIDENT_ID : search.idType(),
                search.idNumber(), search.region(), search.page() == null ? 0 : search.page(),
                search.size() == null ? 50 : search.size());
    }

    @GET
    @RolesAllowed({Roles.AGENCY, Roles.OPS})
    @Operation(summary = "Find persons by ID number or region",
            description = "ID numbers and mobiles are masked in the list. An agency finds only persons of the regions it serves."
                    + " Prefer POST /api/v1/persons/search to find by ID number: a number in a URL ends up in traces and access logs.")
    @APIResponse(responseCode = "200", description = "Matching persons, newest first", content = @Content(schema = @Schema(implementation = PersonSummary.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not an agency or operations, or a region the agency does not serve", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PersonSummary> find(
            @QueryParam("idType") @DefaultValue("RESIDENT_ID") IdType idType,
            @QueryParam("idNumber") @Pattern(regexp = "[0-9A-Za-z]{5,18}", message = "must be 5 to 18 letters or digits") String idNumber,
            @QueryParam("region") @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String region,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.find(Caller.of(identity), idType, idNumber, region, page, size);
    }
}
