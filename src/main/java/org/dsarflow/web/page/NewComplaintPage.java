package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.dsarflow.complaint.ComplaintService;
import org.dsarflow.complaint.LogComplaintBody;
import org.dsarflow.intake.Channel;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Log a complaint (dpo): the fields of POST /api/complaints as a form, checked by the same validation and
 * service. Each form carries an Idempotency-Key of its own, so a double submit logs one complaint.
 */
@Path(WorkbenchPaths.ROOT + "/complaints/new")
public class NewComplaintPage {

    /** The form's fields in its order, and what to tell the DPO when one is wrong. */
    private static final Map<String, String> WORDING = new LinkedHashMap<>();

    static {
        WORDING.put("receivedAt", "Enter when the complaint arrived, as a date like 2026-07-01 or a date and time "
                + "like 2026-07-01T10:15:00+01:00, not in the future");
        WORDING.put("channel", "Select how the complaint arrived");
        WORDING.put("complainant.name", "Enter the complainant's name");
        WORDING.put("complainant.email", "Enter an email address in the correct format, like name@example.org");
        WORDING.put("complainant.phone", "Phone must be 40 characters or fewer");
        WORDING.put("complainant.postalAddress", "Postal address must be 1000 characters or fewer");
        WORDING.put("complainant", "Enter at least one way to reply: email, phone or postal address");
        WORDING.put("about", "Enter the reference of a request we have, like DSAR-2026-000042, or leave it empty");
        WORDING.put("summary", "Enter what the complaint is about, in 4000 characters or fewer");
    }

    private final Template form;
    private final ComplaintService complaints;
    private final Validator validator;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    NewComplaintPage(@Location("pages/new-complaint.html") Template form, ComplaintService complaints,
                     Validator validator, Workbench workbench, SecurityIdentity identity, CsrfGuard csrf) {
        this.form = form;
        this.complaints = complaints;
        this.validator = validator;
        this.workbench = workbench;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** A blank form; {@code about} fills in the request, when the DPO came from that request's page. */
    @GET
    @RolesAllowed(Roles.DPO)
    @Produces(Workbench.HTML)
    public Response blank(@RestQuery String about) {
        Map<String, String> values = new TreeMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString()));
        if (about != null && !about.isBlank()) {
            values.put("about", about.strip());
        }
        return render(values, new FormErrors(WORDING), Response.Status.OK);
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response log(MultivaluedMap<String, String> submitted) {
        csrf.check(submitted.getFirst(CsrfGuard.FIELD));
        Map<String, String> values = new TreeMap<>();
        submitted.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        LogComplaintBody body = new LogComplaintBody(
                blankAsNull(values.get("receivedAt")),
                choice(Channel.class, values.get("channel")),
                new LogComplaintBody.ComplainantBody(blankAsNull(values.get("complainant.name")),
                        blankAsNull(values.get("complainant.email")), blankAsNull(values.get("complainant.phone")),
                        blankAsNull(values.get("complainant.postalAddress"))),
                blankAsNull(values.get("about")),
                blankAsNull(values.get("summary")));
        FormErrors errors = new FormErrors(WORDING).add(validator.validate(body));
        if (!errors.any()) {
            try {
                ComplaintService.Logged logged = complaints.log(body, values.get("idempotencyKey"),
                        identity.getPrincipal().getName());
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/complaints/" + logged.complaint().reference);
            } catch (InvalidInputException e) {
                errors.add(e);
            } catch (ConflictException e) {
                errors.add("form", "This form logged a complaint already; start a new one to log another");
            }
        }
        return render(values, errors, Response.Status.BAD_REQUEST);
    }

    private Response render(Map<String, String> values, FormErrors errors, Response.Status status) {
        return workbench.page(form.data("title", errors.any() ? "Error: Log a complaint" : "Log a complaint")
                .data("values", values)
                .data("errors", errors.byField())
                .data("channels", Channel.values()), status);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
