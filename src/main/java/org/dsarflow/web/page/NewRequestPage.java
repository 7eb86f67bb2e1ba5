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
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.LogRequestBody;
import org.dsarflow.intake.RequestIntakeService;
import org.dsarflow.intake.Relationship;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.StudyDescription;
import org.dsarflow.subject.StudyService;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Log a request (dpo): the fields of POST /api/requests as a form, checked by the same validation and
 * service; the date it arrived as the GOV.UK date input, and whom a representative asks for, if anyone. Each form carries an Idempotency-Key of its own, so a double submit logs one request.
 */
@Path(WorkbenchPaths.ROOT + "/requests/new")
public class NewRequestPage {

    /** The form's fields in its order, and what to tell the DPO when one is wrong. */
    private static final Map<String, String> WORDING = new LinkedHashMap<>();

    static {
        WORDING.put("type", "Select the type of request");
        WORDING.put("receivedAt", "Enter when the request arrived: a real date, not in the future");
        WORDING.put("channel", "Select how the request arrived");
        WORDING.put("requester.name", "Enter the requester's name");
        WORDING.put("requester.email", "Enter an email address in the correct format, like name@example.org");
        WORDING.put("requester", "Enter at least one way to reply: email, phone or postal address");
        WORDING.put("onBehalfOf.relationship", "Select how the requester stands to the person they ask for");
        WORDING.put("onBehalfOf.subjectName", "The name of the person asked for must be 200 characters or fewer");
        WORDING.put("onBehalfOf.subjectCategory", "Select the kind of person they ask for");
        WORDING.put("identifiers", "Check the identifiers: each must be 256 characters or fewer");
        WORDING.put("studyKeys", "Select the studies the request names");
        WORDING.put("details", "Details must be 4000 characters or fewer");
        WORDING.put("changes", "Write each correction on a line of its own, as name: value");
    }

    private final Template form;
    private final RequestIntakeService intake;
    private final StudyService studies;
    private final Validator validator;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    NewRequestPage(@Location("pages/new-request.html") Template form, RequestIntakeService intake,
                   StudyService studies, Validator validator, Workbench workbench, SecurityIdentity identity,
                   CsrfGuard csrf) {
        this.form = form;
        this.intake = intake;
        this.studies = studies;
        this.validator = validator;
        this.workbench = workbench;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @RolesAllowed(Roles.DPO)
    @Produces(Workbench.HTML)
    public Response blank() {
        return render(Map.of("idempotencyKey", UUID.randomUUID().toString()), Set.of(), Map.of(),
                new FormErrors(WORDING), Response.Status.OK);
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response log(MultivaluedMap<String, String> submitted) {
        csrf.check(submitted.getFirst(CsrfGuard.FIELD));
        Map<String, String> values = new TreeMap<>();
        submitted.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        Set<String> chosen = new LinkedHashSet<>(submitted.getOrDefault("studyKeys", List.of()));
        Map<String, String> identifiers = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("identifier.") && !value.isBlank()) {
                identifiers.put(name.substring("identifier.".length()), value);
            }
        });
        FormErrors errors = new FormErrors(WORDING);
        Map<String, String> changes = changes(values.get("changes"), errors);
        LogRequestBody body = new LogRequestBody(
                choice(RequestType.class, values.get("type")),
                DateFields.text(submitted, "receivedAt"),
                choice(Channel.class, values.get("channel")),
                new LogRequestBody.RequesterBody(blankAsNull(values.get("requester.name")),
                        blankAsNull(values.get("requester.email")), blankAsNull(values.get("requester.phone")),
                        blankAsNull(values.get("requester.postalAddress"))),
                onBehalfOf(values),
                identifiers, List.copyOf(chosen), blankAsNull(values.get("details")), changes,
                "true".equals(values.get("askedForRecipients")));
        errors.add(validator.validate(body));
        if (!errors.any()) {
            try {
                RequestIntakeService.Logged logged = intake.log(body, values.get("idempotencyKey"),
                        identity.getPrincipal().getName());
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/requests/" + logged.request().reference);
            } catch (InvalidInputException e) {
                errors.add(e);
            } catch (ConflictException e) {
                errors.add("form", "This form logged a request already; start a new one to log another");
            }
        }
        return render(values, chosen, identifiers, errors, Response.Status.BAD_REQUEST);
    }

    private Response render(Map<String, String> values, Set<String> chosen, Map<String, String> identifiers,
                            FormErrors errors, Response.Status status) {
        List<StudyDescription> all = studies.list();
        // Each identifier name once, with the studies whose schemes use it: what the DPO can ask for.
        Map<String, Set<String>> names = new TreeMap<>();
        all.forEach(study -> study.identifierSchemes().forEach(scheme -> scheme.forEach(
                name -> names.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(study.name()))));
        return workbench.page(form.data("title", errors.any() ? "Error: Log a request" : "Log a request")
                .data("values", values)
                .data("chosen", chosen)
                .data("identifierNames", names)
                .data("identifiers", identifiers)
                .data("errors", errors.byField())
                .data("studies", all)
                .data("types", RequestType.values())
                .data("channels", Channel.values())
                .data("relationships", Relationship.values())
                .data("categories", all.stream().flatMap(study -> study.categories() == null ? java.util.stream.Stream.<String>empty()
                        : study.categories().stream()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))), status);
    }

    /** Whom a representative asks for: none when the form's three fields are blank (the requester is the subject). */
    private static LogRequestBody.OnBehalfOfBody onBehalfOf(Map<String, String> values) {
        String relationship = blankAsNull(values.get("onBehalfOf.relationship"));
        String subjectName = blankAsNull(values.get("onBehalfOf.subjectName"));
        String subjectCategory = blankAsNull(values.get("onBehalfOf.subjectCategory"));
        if (relationship == null && subjectName == null && subjectCategory == null) {
            return null;
        }
        return new LogRequestBody.OnBehalfOfBody(choice(Relationship.class, relationship), subjectName, subjectCategory);
    }

    /** "name: value" a line; a line without a colon is an error of the changes field. */
    private static Map<String, String> changes(String text, FormErrors errors) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String line : text.strip().split("\\R")) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                continue;
            }
            if (colon <= 0) {
                errors.add("changes", "has a line without name: value");
                continue;
            }
            changes.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return changes;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
