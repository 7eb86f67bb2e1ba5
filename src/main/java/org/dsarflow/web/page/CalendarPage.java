package org.dsarflow.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;

/** The bank-holiday calendar (admin): which years it covers, and the upload of gov.uk's bank-holidays.json. */
@Path(WorkbenchPaths.ROOT + "/calendar")
public class CalendarPage {

    private final Template calendar;
    private final CalendarService calendars;
    private final ObjectMapper json;
    private final Workbench workbench;
    private final CsrfGuard csrf;

    CalendarPage(@Location("pages/calendar.html") Template calendar, CalendarService calendars, ObjectMapper json,
                 Workbench workbench, CsrfGuard csrf) {
        this.calendar = calendar;
        this.calendars = calendars;
        this.json = json;
        this.workbench = workbench;
        this.csrf = csrf;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(Workbench.HTML)
    public Response page() {
        return render(Map.of(), false, Response.Status.OK);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(Workbench.HTML)
    public Response upload(@RestForm String csrf, @RestForm("file") FileUpload file) {
        this.csrf.check(csrf);
        JsonNode document;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            document = json.readTree(in);
        } catch (IOException | RuntimeException e) {
            return render(Map.of("file", "Choose gov.uk's bank-holidays.json: this file is not JSON"), false,
                    Response.Status.BAD_REQUEST);
        }
        try {
            calendars.replace(document);
        } catch (InvalidInputException e) {
            return render(Map.of("file", e.getMessage()), false, Response.Status.BAD_REQUEST);
        }
        return render(Map.of(), true, Response.Status.OK);
    }

    private Response render(Map<String, String> errors, boolean replaced, Response.Status status) {
        var current = calendars.calendar();
        return workbench.page(calendar.data("title", "Bank holidays")
                .data("region", current.region())
                .data("holidays", current.holidays().size())
                .data("firstYear", current.firstYear().orElse(null))
                .data("lastYear", current.lastYear().orElse(null))
                .data("replaced", replaced)
                .data("errors", errors), status);
    }
}
