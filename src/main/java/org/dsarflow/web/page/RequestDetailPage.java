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
import org.dsarflow.audit.AuditEntry;
import org.dsarflow.audit.AuditTrail;
import org.dsarflow.deadline.ClockEventBody;
import org.dsarflow.deadline.ClockEventKind;
import org.dsarflow.deadline.ClockEventRejectedException;
import org.dsarflow.deadline.ClockStop;
import org.dsarflow.deadline.RequestClockService;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.OthersInformation;
import org.dsarflow.decision.RefusalReason;
import org.dsarflow.decision.ResponseRecipient;
import org.dsarflow.decision.ReviewBody;
import org.dsarflow.decision.ReviewService;
import org.dsarflow.fulfilment.CustodianConfirmationBody;
import org.dsarflow.fulfilment.CustodianService;
import org.dsarflow.fulfilment.RedactionBody;
import org.dsarflow.fulfilment.RedactionService;
import org.dsarflow.intake.AuthorityBody;
import org.dsarflow.intake.AuthorityEvidence;
import org.dsarflow.intake.AuthorityService;
import org.dsarflow.intake.CancelBody;
import org.dsarflow.intake.RequestIntakeService;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.LocateSubjectService;
import org.dsarflow.view.IncidentDesk;
import org.dsarflow.view.ProcessHistory;
import org.dsarflow.view.RequestQueryService;
import org.dsarflow.view.RequestView;
import org.jboss.resteasy.reactive.RestPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A request's page: its status, deadline and clock, its place in the process drawn on the BPMN diagram,
 * the match, the proposed actions and the DPO's forms (review, custodians, clock, cancel, no data held,
 * incident retry; for a request made for someone else the authority asked for and recorded, a child's judgement
 * in the review, and the redaction of other people's information per holding), and its audit history. The auditor reads it through the auditor's view: no records
 * matched, no subjectRefs, and no form. Each form calls the service its API endpoint calls.
 */
@Path(WorkbenchPaths.ROOT + "/requests/{reference}")
public class RequestDetailPage {

    private final Template page;
    private final RequestQueryService queries;
    private final ProcessHistory process;
    private final AuditTrail audit;
    private final ReviewService reviews;
    private final RequestClockService clocks;
    private final CustodianService custodians;
    private final AuthorityService authorities;
    private final RedactionService redactions;
    private final RequestIntakeService intake;
    private final LocateSubjectService locating;
    private final IncidentDesk incidents;
    private final Validator validator;
    private final ObjectMapper json;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    RequestDetailPage(@Location("pages/request.html") Template page, RequestQueryService queries,
                      ProcessHistory process, AuditTrail audit, ReviewService reviews, RequestClockService clocks,
                      CustodianService custodians, AuthorityService authorities, RedactionService redactions,
                      RequestIntakeService intake, LocateSubjectService locating,
                      IncidentDesk incidents, Validator validator, ObjectMapper json, Workbench workbench,
                      SecurityIdentity identity, CsrfGuard csrf) {
        this.page = page;
        this.queries = queries;
        this.process = process;
        this.audit = audit;
        this.reviews = reviews;
        this.clocks = clocks;
        this.custodians = custodians;
        this.authorities = authorities;
        this.redactions = redactions;
        this.intake = intake;
        this.locating = locating;
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
    @Path("/review")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response review(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        Boolean approve = form.getFirst("approve") == null ? null : "true".equals(form.getFirst("approve"));
        List<ReviewBody.Amendment> amendments = new ArrayList<>();
        form.forEach((name, values) -> {
            // "action.<studyKey>.<holdingKey>", sent only where the DPO chose another action than proposed.
            if (name.startsWith("action.") && !values.isEmpty() && !values.get(0).equals(form.getFirst("proposed." + name.substring(7)))) {
                String[] keys = name.substring(7).split("\\.", 2);
                amendments.add(new ReviewBody.Amendment(keys[0], keys[1], choice(Action.class, values.get(0))));
            }
        });
        ReviewBody body = new ReviewBody(approve, amendments, blankAsNull(form.getFirst("justification")),
                Boolean.FALSE.equals(approve) ? choice(RefusalReason.class, form.getFirst("refusalReason")) : null,
                null, childJudgement(form));
        return act(reference, "review", body, () -> reviews.review(reference, body, actor()));
    }

    @POST
    @Path("/clock-events")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response clockEvent(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        ClockEventBody body = new ClockEventBody(choice(ClockEventKind.class, form.getFirst("kind")),
                DateFields.date(form, "on"), blankAsNull(form.getFirst("reason")));
        return act(reference, "clock", body, () -> clocks.recordClockEvent(reference, body, actor()));
    }

    @POST
    @Path("/custodian-confirmations")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response confirm(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        CustodianConfirmationBody body = new CustodianConfirmationBody(blankAsNull(form.getFirst("holdingKey")),
                blankAsNull(form.getFirst("studyKey")), DateFields.date(form, "confirmedOn"),
                blankAsNull(form.getFirst("note")));
        return act(reference, "custodian", body, () -> custodians.confirm(reference, body, actor()));
    }

    /** Asks a representative for their authority: the clock event AUTHORITY_REQUESTED, as the API records it. */
    @POST
    @Path("/authority-request")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response requestAuthority(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        ClockEventBody body = new ClockEventBody(ClockEventKind.AUTHORITY_REQUESTED, DateFields.date(form, "on"), null);
        return act(reference, "authorityRequest", body, () -> clocks.recordClockEvent(reference, body, actor()));
    }

    @POST
    @Path("/authority")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response recordAuthority(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        AuthorityBody body = new AuthorityBody(choice(AuthorityEvidence.class, form.getFirst("evidence")),
                DateFields.date(form, "receivedOn"));
        return act(reference, "authority", body, () -> authorities.record(reference, body, actor()));
    }

    /** What the DPO did with other people's information in one holding's copy; the form is that holding's. */
    @POST
    @Path("/redactions")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response recordRedaction(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        RedactionBody body = new RedactionBody(blankAsNull(form.getFirst("holdingKey")),
                blankAsNull(form.getFirst("studyKey")), choice(OthersInformation.class, form.getFirst("outcome")),
                blankAsNull(form.getFirst("reasons")));
        return act(reference, "redaction-" + body.studyKey() + "-" + body.holdingKey(), body,
                () -> redactions.record(reference, body, actor()));
    }

    @POST
    @Path("/cancel")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response cancel(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        CancelBody body = new CancelBody(blankAsNull(form.getFirst("reason")));
        return act(reference, "cancel", body, () -> intake.cancel(reference, body, actor()));
    }

    @POST
    @Path("/no-data-held")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response noDataHeld(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        return act(reference, "noDataHeld", null, () -> locating.closeNoDataHeld(reference, actor()));
    }

    @POST
    @Path("/incidents/{incidentId}/retry")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response retry(@RestPath String reference, @RestPath String incidentId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        return act(reference, "incidents", null, () -> incidents.retry(reference, incidentId));
    }

    /**
     * Checks the body as the API does, calls the service, and shows the request again: after a change
     * by a redirect, after a refusal with the errors by field ({@code form} names the form's own). The forms
     * of other page classes on this page (searches, repeat requests) answer through it too.
     */
    Response act(String reference, String formName, Object body, Supplier<?> change) {
        FormErrors errors = new FormErrors(Map.of());
        if (body != null) {
            validator.validate(body).forEach(v -> errors.add(formName + "-" + field(v.getPropertyPath().toString()),
                    v.getMessage()));
        }
        if (!errors.any()) {
            try {
                change.get();
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/requests/" + reference);
            } catch (InvalidInputException e) {
                errors.add(formName + "-" + (e.field() == null ? "form" : e.field()), e.getMessage());
            } catch (ConflictException | ClockEventRejectedException e) {
                errors.add(formName + "-form", e.getMessage());
                return render(reference, errors.byField(), Response.Status.CONFLICT);
            }
        }
        return render(reference, errors.byField(), Response.Status.BAD_REQUEST);
    }

    private Response render(String reference, Map<String, String> errors, Response.Status status) {
        boolean auditor = !identity.hasRole(Roles.DPO);
        RequestView request = queries.view(reference, auditor);
        List<ProcessHistory.Step> steps = process.of(reference);
        List<AuditEntry> history = audit.history(reference);
        return workbench.page(page.data("title", "Request " + reference)
                .data("request", request)
                .data("auditor", auditor)
                .data("steps", steps)
                .data("stepsJson", write(steps))
                .data("clockEvents", history.stream().filter(e -> e.action().startsWith("CLOCK")).toList())
                .data("history", history)
                .data("errors", errors)
                .data("clockEventKinds", ClockEventKind.recordedOnTheirOwn())
                .data("actions", Action.values())
                .data("refusalReasons", RefusalReason.values())
                .data("authorityEvidence", AuthorityEvidence.values())
                .data("responseRecipients", ResponseRecipient.values())
                .data("othersInformation", OthersInformation.values())
                .data("awaitingAuthority", request.clock().awaiting().contains(ClockStop.AUTHORITY))
                .data("awaitingRedaction", redactionForms(request, errors))
                .data("awaitingCustodians", request.decision() == null ? List.of() : request.decision().actions()
                        .stream().filter(a -> a.state() == org.dsarflow.decision.ActionState.AWAITING_CUSTODIAN)
                        .toList()), status);
    }

    /** A form per holding whose copy waits for the redaction step, with that form's errors (redaction-study-holding-). */
    private static List<Map<String, Object>> redactionForms(RequestView request, Map<String, String> errors) {
        if (request.decision() == null) {
            return List.of();
        }
        return request.decision().actions().stream().filter(a -> a.redactionNeeded() && a.redaction() == null)
                .map(a -> {
                    String id = "redaction-" + a.studyKey() + "-" + a.holdingKey();
                    Map<String, String> own = new LinkedHashMap<>();
                    errors.forEach((field, message) -> {
                        if (field.startsWith(id + "-")) {
                            own.put(field.substring(id.length() + 1), message);
                        }
                    });
                    return Map.<String, Object>of("action", a, "id", id, "errors", own);
                })
                .toList();
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

    /**
     * A child's request: the DPO's judgement from the review form's child fields, or none when they are all blank
     * (the service then says whether the request needs one).
     */
    private static ReviewBody.ChildJudgementBody childJudgement(MultivaluedMap<String, String> form) {
        String competent = blankAsNull(form.getFirst("child.competent"));
        String agreed = blankAsNull(form.getFirst("child.agreedToRepresentative"));
        String respondTo = blankAsNull(form.getFirst("child.respondTo"));
        String reasons = blankAsNull(form.getFirst("child.reasons"));
        if (competent == null && agreed == null && respondTo == null && reasons == null) {
            return null;
        }
        return new ReviewBody.ChildJudgementBody(yesOrNo(competent), yesOrNo(agreed),
                choice(ResponseRecipient.class, respondTo), reasons);
    }

    private static Boolean yesOrNo(String value) {
        return value == null ? null : "true".equals(value);
    }

    private static String field(String path) {
        int cut = path.indexOf('[');
        return cut < 0 ? path : path.substring(0, cut);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
