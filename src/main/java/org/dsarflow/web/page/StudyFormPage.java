package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.Identifiability;
import org.dsarflow.subject.LawfulBasis;
import org.dsarflow.subject.StudyDescription;
import org.dsarflow.subject.StudyDescription.HoldingDescription;
import org.dsarflow.subject.StudyPhase;
import org.dsarflow.subject.StudyService;
import org.jboss.resteasy.reactive.RestPath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Register a study and edit it (admin): the fields of POST and PUT /api/studies as a form, checked by the same
 * validation and service. Lists are a line each (an identifier scheme's names joined by +, a lawful basis as
 * purpose: basis); each holding is a group of fields, with one blank group to add another. A study's phase is
 * set here when it is registered; afterwards it changes only by the dated phase change of the studies page.
 */
@Path(WorkbenchPaths.ROOT + "/studies")
public class StudyFormPage {

    /** The form's fields in its order, and what to tell the admin when one is wrong. */
    private static final Map<String, String> WORDING = new LinkedHashMap<>();
    /** A holding's field, as the form names it: holdings.0.location. */
    private static final Pattern HOLDING_FIELD = Pattern.compile("holdings\\.(\\d+)\\.(\\w+)");
    /** Past the 50 holdings a study may have, a form's further rows are not read (validation refuses the 51st). */
    private static final int MAX_ROWS = 51;
    /** A holding's field, as bean validation names it: holdings[0].location. */
    private static final Pattern HOLDING_PATH = Pattern.compile("holdings\\[(\\d+)]\\.(\\w+).*");

    /** A holding's text fields and its choices, with their labels. */
    private static final List<Map<String, Object>> HOLDING_TEXTS = List.of(
            Map.of("field", "key", "label", "Key, like interview-recordings"),
            Map.of("field", "location", "label", "Where it is"),
            Map.of("field", "retention", "label", "How long it is kept, in words (optional)"),
            Map.of("field", "retentionPeriod", "label", "Retention period (optional), like P7Y"),
            Map.of("field", "custodianMailbox", "label", "Custodian's mailbox (optional): an external holding's custodian is emailed each task there"));
    private static final List<Map<String, Object>> HOLDING_CHOICES = List.of(
            Map.of("field", "custody", "label", "Who acts on it", "options", Custody.values()),
            Map.of("field", "identifiability", "label", "How identifiable it is", "options", Identifiability.values()),
            Map.of("field", "source", "label", "Where its data came from", "options", DataSource.values()));

    static {
        WORDING.put("key", "Enter a key of lower-case letters, digits and hyphens, like kitbags, that no study has");
        WORDING.put("name", "Enter the study's name, 200 characters or fewer");
        WORDING.put("contactMailbox", "Enter an email address in the correct format, like research@example.org");
        WORDING.put("phase", "Select the study's phase");
        WORDING.put("phaseSince", "Enter the day the phase began: a real date, not in the future");
        WORDING.put("identifierSchemes", "Enter at least one identifier scheme, a line each, with names like email "
                + "or firstInitial + surname");
        WORDING.put("lawfulBases", "Write each lawful basis on a line of its own, as purpose: basis");
        WORDING.put("recipients", "Write each recipient on a line of its own, 200 characters or fewer");
        WORDING.put("recipientMailboxes", "Write each recipient's mailbox on a line of its own, as recipient: mailbox, "
                + "naming a recipient above");
        WORDING.put("categories", "Write each category on a line of its own in capitals, like CHILD");
        WORDING.put("holdings", "Describe at least one holding: its key, location, custody, identifiability and source");
    }

    private final Template form;
    private final StudyService studies;
    private final Validator validator;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    StudyFormPage(@Location("pages/study-form.html") Template form, StudyService studies, Validator validator,
                  Workbench workbench, SecurityIdentity identity, CsrfGuard csrf) {
        this.form = form;
        this.studies = studies;
        this.validator = validator;
        this.workbench = workbench;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Path("/new")
    @RolesAllowed(Roles.ADMIN)
    @Produces(Workbench.HTML)
    public Response blank() {
        return render(null, Map.of(), new FormErrors(WORDING), Response.Status.OK);
    }

    @POST
    @Path("/new")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response create(MultivaluedMap<String, String> submitted) {
        csrf.check(submitted.getFirst(CsrfGuard.FIELD));
        return save(null, submitted);
    }

    @GET
    @Path("/{key}/edit")
    @RolesAllowed(Roles.ADMIN)
    @Produces(Workbench.HTML)
    public Response edit(@RestPath String key) {
        return render(key, values(studies.get(key)), new FormErrors(WORDING), Response.Status.OK);
    }

    @POST
    @Path("/{key}/edit")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response replace(@RestPath String key, MultivaluedMap<String, String> submitted) {
        csrf.check(submitted.getFirst(CsrfGuard.FIELD));
        return save(key, submitted);
    }

    /** Creates the study ({@code key} null) or replaces it, and back to the studies; else the form with its errors. */
    private Response save(String key, MultivaluedMap<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        submitted.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        FormErrors errors = new FormErrors(WORDING);
        List<Integer> rows = new ArrayList<>();
        StudyDescription body = body(key, values, submitted, rows, errors);
        for (ConstraintViolation<StudyDescription> v : validator.validate(body)) {
            errors.add(field(v.getPropertyPath().toString(), rows), v.getMessage());
        }
        if (!errors.any()) {
            try {
                if (key == null) {
                    studies.create(body, actor());
                } else {
                    studies.replace(key, body, actor());
                }
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/studies");
            } catch (InvalidInputException e) {
                errors.add(e);
            } catch (ConflictException e) {
                errors.add("STUDY_EXISTS".equals(e.code()) ? "key" : "form", e.getMessage());
                return render(key, values, errors, Response.Status.CONFLICT);
            }
        }
        return render(key, values, errors, Response.Status.BAD_REQUEST);
    }

    private StudyDescription body(String key, Map<String, String> values, MultivaluedMap<String, String> submitted,
                                  List<Integer> rows, FormErrors errors) {
        List<HoldingDescription> holdings = new ArrayList<>();
        for (int row : holdingRows(values)) {
            String prefix = "holdings." + row + ".";
            if (blankAsNull(values.get(prefix + "key")) == null && blankAsNull(values.get(prefix + "location")) == null) {
                continue;
            }
            rows.add(row);
            holdings.add(new HoldingDescription(blankAsNull(values.get(prefix + "key")),
                    blankAsNull(values.get(prefix + "location")),
                    choice(Custody.class, values.get(prefix + "custody")),
                    choice(Identifiability.class, values.get(prefix + "identifiability")),
                    choice(DataSource.class, values.get(prefix + "source")),
                    blankAsNull(values.get(prefix + "retention")),
                    DateFields.date(submitted, prefix + "retentionUntil"),
                    blankAsNull(values.get(prefix + "retentionPeriod")),
                    "true".equals(values.get(prefix + "othersInformation")),
                    blankAsNull(values.get(prefix + "custodianMailbox"))));
        }
        List<LawfulBasis> bases = new ArrayList<>();
        for (String line : lines(values.get("lawfulBases"))) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                errors.add("lawfulBases", "has a line without purpose: basis");
            } else {
                bases.add(new LawfulBasis(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
        }
        Map<String, String> mailboxes = new LinkedHashMap<>();
        for (String line : lines(values.get("recipientMailboxes"))) {
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                errors.add("recipientMailboxes", "has a line without recipient: mailbox");
            } else {
                mailboxes.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new StudyDescription(key == null ? blankAsNull(values.get("key")) : key,
                blankAsNull(values.get("name")), blankAsNull(values.get("contactMailbox")),
                choice(StudyPhase.class, values.get("phase")), DateFields.date(submitted, "phaseSince"),
                lines(values.get("identifierSchemes")).stream()
                        .map(line -> Arrays.stream(line.split("\\+")).map(String::strip).filter(n -> !n.isEmpty()).toList())
                        .toList(),
                bases, lines(values.get("recipients")), mailboxes, lines(values.get("categories")), holdings);
    }

    private Response render(String key, Map<String, String> values, FormErrors errors, Response.Status status) {
        List<Map<String, Object>> holdings = new ArrayList<>();
        Map<String, String> byField = errors.byField();
        List<Integer> rows = new ArrayList<>(holdingRows(values));
        rows.add(rows.isEmpty() ? 0 : rows.get(rows.size() - 1) + 1);
        for (int row : rows) {
            String prefix = "holdings." + row + ".";
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> rowErrors = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (name.startsWith(prefix)) {
                    fields.put(name.substring(prefix.length()), value);
                }
            });
            byField.forEach((name, message) -> {
                if (name.startsWith(prefix)) {
                    rowErrors.put(name.substring(prefix.length()), message);
                }
            });
            holdings.add(Map.of("row", row, "number", holdings.size() + 1, "typed", fields, "errors", rowErrors,
                    "id", "holdings-" + row + "-", "name", prefix, "untilId", "holdings-" + row + "-retentionUntil",
                    "untilName", prefix + "retentionUntil"));
        }
        String title = key == null ? "Register a study" : "Edit study " + key;
        return workbench.page(form.data("title", errors.any() ? "Error: " + title : title)
                .data("heading", title)
                .data("key", key)
                .data("values", values)
                .data("errors", byField)
                .data("holdings", holdings)
                .data("phases", StudyPhase.values())
                .data("holdingTexts", HOLDING_TEXTS)
                .data("holdingChoices", HOLDING_CHOICES), status);
    }

    /** The study as the form shows it for editing. */
    private static Map<String, String> values(StudyDescription study) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", study.key());
        values.put("name", study.name());
        values.put("contactMailbox", study.contactMailbox() == null ? "" : study.contactMailbox());
        values.put("phase", study.phase().name());
        date(values, "phaseSince", study.phaseSince());
        values.put("identifierSchemes", study.identifierSchemes().stream().map(s -> String.join(" + ", s))
                .collect(Collectors.joining("\n")));
        values.put("lawfulBases", orNone(study.lawfulBases()).stream().map(b -> b.purpose() + ": " + b.basis())
                .collect(Collectors.joining("\n")));
        values.put("recipients", String.join("\n", orNone(study.recipients())));
        values.put("recipientMailboxes", study.recipientMailboxes() == null ? "" : study.recipientMailboxes().entrySet()
                .stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        values.put("categories", String.join("\n", orNone(study.categories())));
        for (int row = 0; row < study.holdings().size(); row++) {
            HoldingDescription h = study.holdings().get(row);
            String prefix = "holdings." + row + ".";
            values.put(prefix + "key", h.key());
            values.put(prefix + "location", h.location());
            values.put(prefix + "custody", h.custody().name());
            values.put(prefix + "identifiability", h.identifiability().name());
            values.put(prefix + "source", h.source().name());
            values.put(prefix + "retention", h.retention() == null ? "" : h.retention());
            date(values, prefix + "retentionUntil", h.retentionUntil());
            values.put(prefix + "retentionPeriod", h.retentionPeriod() == null ? "" : h.retentionPeriod());
            values.put(prefix + "othersInformation", String.valueOf(Boolean.TRUE.equals(h.othersInformation())));
            values.put(prefix + "custodianMailbox", h.custodianMailbox() == null ? "" : h.custodianMailbox());
        }
        return values;
    }

    private static void date(Map<String, String> values, String name, LocalDate date) {
        if (date != null) {
            values.put(name + "-day", String.valueOf(date.getDayOfMonth()));
            values.put(name + "-month", String.valueOf(date.getMonthValue()));
            values.put(name + "-year", String.valueOf(date.getYear()));
        }
    }

    /** The holdings' rows the form sent, by their number in the form. */
    private static TreeSet<Integer> holdingRows(Map<String, String> values) {
        TreeSet<Integer> rows = new TreeSet<>();
        values.keySet().forEach(name -> {
            Matcher m = HOLDING_FIELD.matcher(name);
            if (m.lookingAt() && rows.size() < MAX_ROWS) {
                rows.add(Integer.parseInt(m.group(1)));
            }
        });
        return rows;
    }

    /**
     * The form's field of a violation: a holding's by its row in the form (blank rows were left out of the body),
     * any other by the body's field, without list indexes.
     */
    private static String field(String path, List<Integer> rows) {
        Matcher m = HOLDING_PATH.matcher(path);
        if (m.matches()) {
            return "holdings." + rows.get(Integer.parseInt(m.group(1))) + "." + m.group(2);
        }
        int cut = path.indexOf('[');
        int dot = path.indexOf('.');
        int end = cut < 0 ? dot : dot < 0 ? cut : Math.min(cut, dot);
        return end < 0 ? path : path.substring(0, end);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static <T> List<T> orNone(List<T> list) {
        return list == null ? List.of() : list;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
