package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.ComplaintQueryService;
import org.dsarflow.view.ComplaintReport;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.dsarflow.shared.QueryParameters.date;

/**
 * The s.164B counts of GET /api/complaints/report for a period of receipt dates (this year so far unless
 * asked), with the CSV download beside them; for the DPO and the auditor, since they are counts only.
 */
@Path(WorkbenchPaths.ROOT + "/complaints/report")
public class ComplaintReportPage {

    private static final Map<String, String> WORDING = Map.of(
            "from", "Enter the first day of the period as a date, like 2026-06-19",
            "to", "Enter the last day of the period as a date, not before the first");

    private final Template report;
    private final ComplaintQueryService queries;
    private final Workbench workbench;
    private final DsarConfig config;
    private final Clock clock;

    ComplaintReportPage(@Location("pages/complaint-report.html") Template report, ComplaintQueryService queries,
                        Workbench workbench, DsarConfig config, Clock clock) {
        this.report = report;
        this.queries = queries;
        this.workbench = workbench;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces(Workbench.HTML)
    public Response report(@RestQuery String from, @RestQuery String to) {
        LocalDate today = LocalDate.now(clock.withZone(config.timeZone()));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from == null || from.isBlank() ? today.withDayOfYear(1).toString() : from.strip());
        values.put("to", to == null || to.isBlank() ? today.toString() : to.strip());
        FormErrors errors = new FormErrors(WORDING);
        ComplaintReport counts = null;
        try {
            counts = queries.report(date("from", values.get("from")).orElseThrow(),
                    date("to", values.get("to")).orElseThrow());
        } catch (InvalidInputException e) {
            errors.add(e);
        }
        return workbench.page(report.data("title", errors.any() ? "Error: Complaints report" : "Complaints report")
                .data("values", values)
                .data("errors", errors.byField())
                .data("report", counts), errors.any() ? Response.Status.BAD_REQUEST : Response.Status.OK);
    }
}
