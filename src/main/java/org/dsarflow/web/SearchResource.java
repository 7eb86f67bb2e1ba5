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
import jakarta.ws.rs.core.UriInfo;
import org.dsarflow.fulfilment.SearchBody;
import org.dsarflow.fulfilment.SearchService;
import org.dsarflow.fulfilment.SearchView;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;
import org.dsarflow.shared.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** The searches made for an access request (Art 15(1A), DUAA s.78), and those judged not reasonable to make. */
@Tag(name = "Requests")
@Path("/api/requests/{reference}/searches")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService searches;
    private final SecurityIdentity identity;

    SearchResource(SearchService searches, SecurityIdentity identity) {
        this.searches = searches;
        this.identity = identity;
    }

    @Operation(summary = "Record a search", description = "A holding (holdingKey, with studyKey where two studies "
            + "use the key) or another system searched for an access request's data: when, by the signed-in user, "
            + "by which identifier names (never values; each must be in an identifier scheme of the studies). A "
            + "source judged unreasonable or disproportionate to search is recorded with reasonable false and its "
            + "reason (Art 15(1A)). The response package and the response email list the sources.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the request's searches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput",
            description = "Unknown holding, a date in the future or before receipt, unknown identifier names, no reason")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not an access request, or the request is closed",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "NOT_AN_ACCESS_REQUEST", ref = "NOT_AN_ACCESS_REQUEST"),
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public Response record(@Parameter(description = "The request's reference", example = "DSAR-2026-000042")
                           @RestPath String reference, @NotNull @Valid SearchBody body, UriInfo uri) {
        SearchView recorded = SearchView.of(searches.record(reference, body, identity.getPrincipal().getName()));
        return Response.created(uri.getAbsolutePath()).entity(recorded).build();
    }

    @Operation(summary = "A request's searches", description = "In the order searched. Auditors see no reasons "
            + "(free text that may name people).")
    @APIResponse(responseCode = "200", description = "The searches, oldest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<SearchView> list(@Parameter(description = "The request's reference", example = "DSAR-2026-000042")
                                 @RestPath String reference) {
        return searches.of(reference, !identity.hasRole(Roles.DPO));
    }
}
