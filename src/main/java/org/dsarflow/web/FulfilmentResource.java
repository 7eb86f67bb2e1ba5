package org.dsarflow.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsarflow.fulfilment.CustodianConfirmationBody;
import org.dsarflow.fulfilment.CustodianService;
import org.dsarflow.fulfilment.LiftRestrictionBody;
import org.dsarflow.fulfilment.RedactionBody;
import org.dsarflow.fulfilment.RedactionService;
import org.dsarflow.fulfilment.ResponsePackage;
import org.dsarflow.fulfilment.ResponsePackageService;
import org.dsarflow.fulfilment.RestrictionService;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * What the DPO does once a decision is approved: custodian confirmations, other people's information in the copies,
 * the response package, lifting a restriction.
 */
@Tag(name = "Requests")
@Path("/api/requests/{reference}")
public class FulfilmentResource {

    private final CustodianService custodians;
    private final ResponsePackageService packages;
    private final RestrictionService restrictions;
    private final RedactionService redactions;
    private final RequestViews views;
    private final SecurityIdentity identity;

    FulfilmentResource(CustodianService custodians, ResponsePackageService packages, RestrictionService restrictions,
                       RedactionService redactions, RequestViews views, SecurityIdentity identity) {
        this.custodians = custodians;
        this.packages = packages;
        this.restrictions = restrictions;
        this.redactions = redactions;
        this.views = views;
        this.identity = identity;
    }

    @Operation(summary = "Record a custodian's confirmation", description = "The custodian of an external holding "
            + "has acted, on confirmedOn. The same confirmation again is answered unchanged; the request completes "
            + "when the last custodian has confirmed.")
    @APIResponse(responseCode = "200", description = "The request with the holding's action DONE")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound",
            description = "Unknown request, or no custodian task for that holding")
    @APIResponse(responseCode = "409",
            description = "The custodian confirmed on another day, the action waits for no custodian, or the request "
                    + "is closed",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "ALREADY_CONFIRMED", ref = "ALREADY_CONFIRMED"),
                            @ExampleObject(name = "NOT_AWAITING_CUSTODIAN", ref = "NOT_AWAITING_CUSTODIAN"),
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/custodian-confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView confirm(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                               @RestPath String reference, @NotNull @Valid CustodianConfirmationBody body) {
        return views.of(custodians.confirm(reference, body, identity.getPrincipal().getName()));
    }

    @Operation(summary = "The response package", description = "The requester's data per study with the "
            + "supplementary information (purposes, lawful bases, recipients, retention, source, rights, how to "
            + "complain), built from what the registry holds when asked. Personal data: for the DPO only.")
    @APIResponse(responseCode = "200", description = "The package, as a download",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponsePackage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                            example = "studyKey,subjectRef,kind,name,value\n"
                                    + "polling,SYN-0000008,attribute,wellbeingScore,4\n")})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The decision is not approved yet, the request exports nothing, "
            + "or a copy is held back until other people's information in it is dealt with",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "NOT_APPROVED", ref = "NOT_APPROVED"),
                            @ExampleObject(name = "NO_EXPORT", ref = "NO_EXPORT"),
                            @ExampleObject(name = "REDACTION_PENDING", ref = "REDACTION_PENDING")}))
    @GET
    @Path("/response-package")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Roles.DPO)
    public Response responsePackage(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                                    @RestPath String reference,
                                    @Parameter(description = "json (the default) or csv", example = "csv")
                                    @RestQuery String format) {
        ExportFormat chosen = ExportFormat.of(format);
        ResponsePackage built = packages.build(reference);
        Response.ResponseBuilder response = chosen == ExportFormat.CSV
                ? Response.ok(packages.csv(built), chosen.mediaType())
                : Response.ok(built, chosen.mediaType());
        return response.header("Content-Disposition", chosen.contentDisposition(reference + "-response")).build();
    }

    @Operation(summary = "Record what was done with other people's information", description = "An access "
            + "request's copy of a holding liable to contain other people's information (interviews, transcripts, "
            + "case notes) is held back until the DPO records that it was REDACTED, that the others CONSENTED, or "
            + "that disclosing it was judged REASONABLE_TO_DISCLOSE (Art. 15(4); DPA 2018 Sch. 2 para 16), with "
            + "reasons. The response package says which applied, never the reasons. The same record again is "
            + "answered unchanged.")
    @APIResponse(responseCode = "200", description = "The request with the holding's redaction recorded")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "Unknown request, or no action for that holding")
    @APIResponse(responseCode = "409",
            description = "The holding's copy waits for no redaction, another outcome is recorded, or the request is "
                    + "closed",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "NO_REDACTION_STEP", ref = "NO_REDACTION_STEP"),
                            @ExampleObject(name = "REDACTION_ALREADY_RECORDED", ref = "REDACTION_ALREADY_RECORDED"),
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/redactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView recordRedaction(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                                       @RestPath String reference, @NotNull @Valid RedactionBody body) {
        return views.of(redactions.record(reference, body, identity.getPrincipal().getName()));
    }

    @Operation(summary = "Lift a restriction", description = "Processing of the records this request restricted may "
            + "resume (Art. 18(3): the requester is told first); registry imports update them again.")
    @APIResponse(responseCode = "200", description = "The request with its restriction lifted")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409",
            description = "The request restricted nothing, or the restriction was lifted already",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "NOT_RESTRICTED", ref = "NOT_RESTRICTED"),
                            @ExampleObject(name = "RESTRICTION_LIFTED", ref = "RESTRICTION_LIFTED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/restriction/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView liftRestriction(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                                       @RestPath String reference, @NotNull @Valid LiftRestrictionBody body) {
        return views.of(restrictions.lift(reference, body, identity.getPrincipal().getName()));
    }
}
