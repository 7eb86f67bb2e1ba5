package org.dsarflow.web.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.dsarflow.complaint.ComplaintOutcome;
import org.dsarflow.complaint.ComplaintService;
import org.dsarflow.complaint.OutcomeBody;
import org.dsarflow.complaint.PostedAcknowledgementBody;
import org.dsarflow.complaint.ProgressUpdateBody;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.ComplaintQueryService;
import org.dsarflow.view.ComplaintView;
import org.dsarflow.view.IncidentDesk;
import org.dsarflow.view.ProcessHistory;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A complaint's page: its status and acknowledgement, the request it is about, its updates and outcome, its
 * place in the complaint process drawn on the BPMN diagram, incidents with Retry, its audit history, and the
 * DPO's forms (acknowledgement sent by post, progress update, outcome, withdrawal). The auditor reads the
 * auditor's view: no contact details, summary, notes or outcome text, and no form. Each form calls the
 * service its API endpoint calls.
 */
@Path(WorkbenchPaths.ROOT + "/complaints/{reference}")
public class ComplaintDetailPage {

    private final Template page;
    private final ComplaintQueryService queries;
    private final ComplaintService complaints;
    private final ProcessHistory process;
    private final IncidentDesk incidents;
    private final Validator validator;
    private final ObjectMapper json;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    ComplaintDetailPage(@Location("pages/complaint.html") Template page, ComplaintQueryService queries,
                        ComplaintService complaints, ProcessHistory process, IncidentDesk incidents,
                        Validator validator, ObjectMapper json, Workbench workbench, SecurityIdentity identity,
                        CsrfGuard csrf) {
        this.page = page;
        this.queries = queries;
        this.complaints = complaints;
        this.process = process;
        this.incidents = incidents;
        this.validator = validator;
        this.json = json;
        this.workbench = workbench;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces(Workbench.HTML)
    public Response show(@RestPath String reference) {
        return render(reference, Map.of(), Response.Status.OK);
    }

    @POST
    @Path("/acknowledgement")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response acknowledgement(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        PostedAcknowledgementBody body = new PostedAcknowledgementBody(blankAsNull(form.getFirst("sentOn")));
        return act(reference, "acknowledgement", body,
                () -> complaints.recordPostedAcknowledgement(reference, body, actor()));
    }

    @POST
    @Path("/updates")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response update(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        String tell = form.getFirst("tellComplainant");
        ProgressUpdateBody body = new ProgressUpdateBody(blankAsNull(form.getFirst("note")),
                tell == null ? null : "true".equals(tell));
        return act(reference, "update", body, () -> complaints.update(reference, body, actor()));
    }

    @POST
    @Path("/outcome")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response outcome(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        ComplaintOutcome outcome = choice(form.getFirst("outcome"));
        // A withdrawal has a form of its own, so this one gives findings only.
        OutcomeBody body = new OutcomeBody(outcome == ComplaintOutcome.WITHDRAWN ? null : outcome,
                blankAsNull(form.getFirst("summary")), blankAsNull(form.getFirst("actions")));
        return act(reference, "outcome", body, () -> complaints.outcome(reference, body, actor()));
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response withdrawal(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        OutcomeBody body = new OutcomeBody(ComplaintOutcome.WITHDRAWN, blankAsNull(form.getFirst("summary")), null);
        return act(reference, "withdrawal", body, () -> complaints.outcome(reference, body, actor()));
    }

    @POST
    @Path("/incidents/{incidentId}/retry")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response retry(@RestPath String reference, @RestPath String incidentId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        return act(reference, "incidents", null, () -> incidents.retryComplaint(reference, incidentId));
    }

    /**
     * Checks the body as the API does, calls the service, and shows the complaint again: after a change by a
     * redirect, after a refusal with the errors by field ({@code form} names the form's own).
     */
    private Response act(String reference, String formName, Object body, Supplier<?> change) {
        FormErrors errors = new FormErrors(Map.of());
        if (body != null) {
            validator.validate(body).forEach(v -> errors.add(formName + "-" + v.getPropertyPath(), v.getMessage()));
        }
        if (!errors.any()) {
            try {
                change.get();
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/complaints/" + reference);
            } catch (InvalidInputException e) {
                errors.add(formName + "-" + (e.field() == null ? "form" : e.field()), e.getMessage());
            } catch (ConflictException e) {
                errors.add(formName + "-form", e.getMessage());
                return render(reference, errors.byField(), Response.Status.CONFLICT);
            }
        }
        return render(reference, errors.byField(), Response.Status.BAD_REQUEST);
    }

    private Response render(String reference, Map<String, String> errors, Response.Status status) {
        boolean auditor = !identity.hasRole(Roles.DPO);
        ComplaintView complaint = queries.view(reference, auditor);
        List<ProcessHistory.Step> steps = process.ofComplaint(reference);
        return workbench.page(page.data("title", "Complaint " + reference)
                .data("complaint", complaint)
                .data("auditor", auditor)
                .data("steps", steps)
                .data("stepsJson", write(steps))
                .data("incidents", incidents.of(List.of(reference)).getOrDefault(reference, List.of()))
                .data("history", queries.history(reference))
                .data("errors", errors)
                .data("findings", Arrays.stream(ComplaintOutcome.values())
                        .filter(o -> o != ComplaintOutcome.WITHDRAWN).toList()), status);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Process steps are ids and times", e);
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static ComplaintOutcome choice(String value) {
        return Arrays.stream(ComplaintOutcome.values()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
