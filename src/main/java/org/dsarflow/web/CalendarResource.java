package org.dsarflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.deadline.DeadlineAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Calendar")
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** The calendar is public information: anyone may read it. */
    @Operation(summary = "The bank-holiday calendar", description = "In gov.uk format (bank-holidays.json): "
            + "divisions with their events.")
    @APIResponse(responseCode = "200", description = "The calendar in force")
    @GET
    @Path("/holidays")
    @PermitAll
    public JsonNode holidays() {
        return calendars.document();
    }

    @Operation(summary = "Replace the bank-holiday calendar", description = "A gov.uk-format bank-holidays.json that "
            + "includes the configured region. The deadlines of open requests move at once.")
    @APIResponse(responseCode = "200", description = "The calendar now in force")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @PUT
    @Path("/holidays")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public JsonNode replace(@NotNull JsonNode body) {
        return calendars.replace(body);
    }

    /** "When is this due?" for any receipt date, before anything is logged. */
    @Operation(summary = "When is a request due?", description = "For any receipt date, before anything is logged: "
            + "the one-month deadline and the latest with an extension, rolled over weekends and bank holidays, and "
            + "the statutory regime of that receipt date. With a type, whether a clarification would stop the clock.")
    @APIResponse(responseCode = "200", description = "The deadline")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @Path("/deadline")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.ADMIN})
    public DeadlineAnswer deadline(@Parameter(description = "The receipt date (ISO)", example = "2025-06-02",
                                           required = true) @RestQuery String receivedOn,
                                   @Parameter(description = "The request type (optional)", example = "ERASURE")
                                   @RestQuery String type) {
        return calendars.deadlineFor(receivedOn, type);
    }
}
