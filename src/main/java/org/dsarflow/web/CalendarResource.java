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

@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** The calendar is public information: anyone may read it. */
    @GET
    @Path("/holidays")
    @PermitAll
    public JsonNode holidays() {
        return calendars.document();
    }

    @PUT
    @Path("/holidays")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public JsonNode replace(@NotNull JsonNode body) {
        return calendars.replace(body);
    }

    /** "When is this due?" for any receipt date, before anything is logged. */
    @GET
    @Path("/deadline")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.ADMIN})
    public DeadlineAnswer deadline(@RestQuery String receivedOn) {
        return calendars.deadlineFor(receivedOn);
    }
}
