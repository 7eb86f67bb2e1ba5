package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsarflow.fulfilment.CustodianConfirmationBody;
import org.dsarflow.fulfilment.CustodianLinkRefusedException;
import org.dsarflow.fulfilment.CustodianLinks;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page a custodian reaches from their email, with no account: what they were asked to do, and a form to
 * confirm they did it, on a date, with a note. The signed, single-use token in the address is the form's only
 * credential and its protection against forgery (another site cannot know it), with the Origin check every
 * workbench change has ({@link SameOriginFilters}). A refused link answers a page saying why, with its 4xx.
 */
@Path(CustodianLinks.PAGE + "{token}")
public class CustodianConfirmationPage {

    private static final Map<String, String> WORDING = new LinkedHashMap<>();

    static {
        WORDING.put("confirmedOn", "Enter the date you acted, for example 2025-07-01, not in the future");
        WORDING.put("note", "The note must be 2,000 characters or fewer");
    }

    private final Template page;
    private final CustodianLinks links;
    private final Validator validator;

    CustodianConfirmationPage(@Location("pages/custodian.html") Template page, CustodianLinks links,
                              Validator validator) {
        this.page = page;
        this.links = links;
        this.validator = validator;
    }

    @GET
    @Produces(Workbench.HTML)
    public Response show(@RestPath String token) {
        try {
            return render(page.data("task", links.open(token)).data("token", token)
                    .data("errors", Map.of()).data("values", Map.of()), Response.Status.OK);
        } catch (CustodianLinkRefusedException e) {
            return refused(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response confirm(@RestPath String token, @RestForm String confirmedOn, @RestForm String note) {
        LocalDate on = date(confirmedOn);
        String kept = note == null || note.isBlank() ? null : note.strip();
        FormErrors errors = new FormErrors(WORDING);
        // The API's own checks of the body; the holding comes from the link, so a placeholder stands in for it.
        errors.add(validator.validate(new CustodianConfirmationBody("link", null, on, kept)));
        if (!errors.any()) {
            try {
                links.confirm(token, on, kept);
                return render(page.data("confirmed", true).data("task", null).data("token", token)
                        .data("confirmedOn", on).data("errors", Map.of()).data("values", Map.of()),
                        Response.Status.OK);
            } catch (CustodianLinkRefusedException e) {
                return refused(e);
            } catch (InvalidInputException e) {
                errors.add(e);
            } catch (ConflictException e) {
                return refused(new CustodianLinkRefusedException(CustodianLinkRefusedException.Refusal.NO_LONGER_OPEN));
            }
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("confirmedOn", confirmedOn == null ? "" : confirmedOn);
            values.put("note", note == null ? "" : note);
            return render(page.data("task", links.open(token)).data("token", token)
                    .data("errors", errors.byField()).data("values", values), Response.Status.BAD_REQUEST);
        } catch (CustodianLinkRefusedException e) {
            return refused(e);
        }
    }

    private Response refused(CustodianLinkRefusedException e) {
        Response.Status status = switch (e.refusal()) {
            case NOT_VALID -> Response.Status.FORBIDDEN;
            case EXPIRED, USED, NO_LONGER_OPEN -> Response.Status.GONE;
        };
        return render(page.data("refusal", e.refusal().name()).data("task", null).data("token", null)
                .data("errors", Map.of()).data("values", Map.of()), status);
    }

    /** The page without the workbench's account, navigation or session token: the custodian has none. */
    private static Response render(TemplateInstance instance, Response.Status status) {
        String html = instance.data("title", "Confirm you have acted").data("account", null).data("role", "")
                .data("csrf", "").render();
        return Response.status(status).type(Workbench.HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").entity(html).build();
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
