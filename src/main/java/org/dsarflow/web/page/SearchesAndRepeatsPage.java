package org.dsarflow.web.page;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.dsarflow.fulfilment.SearchBody;
import org.dsarflow.fulfilment.SearchService;
import org.dsarflow.repeat.DuplicateOfBody;
import org.dsarflow.repeat.DuplicateService;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestPath;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The request page's forms for the searches of an access request (Art 15(1A)) and for closing a repeat
 * request as a duplicate: each calls the service its API endpoint calls, and answers as the page's other forms.
 */
@Path(WorkbenchPaths.ROOT + "/requests/{reference}")
public class SearchesAndRepeatsPage {

    private final RequestDetailPage page;
    private final SearchService searches;
    private final DuplicateService duplicates;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    SearchesAndRepeatsPage(RequestDetailPage page, SearchService searches, DuplicateService duplicates,
                           SecurityIdentity identity, CsrfGuard csrf) {
        this.page = page;
        this.searches = searches;
        this.duplicates = duplicates;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** "source" is "holding:studyKey/holdingKey" or "system" (then "system" names it). */
    @POST
    @Path("/searches")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response search(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        String source = blankAsNull(form.getFirst("source"));
        String studyKey = null;
        String holdingKey = null;
        if (source != null && source.startsWith("holding:") && source.contains("/")) {
            studyKey = source.substring("holding:".length(), source.indexOf('/'));
            holdingKey = source.substring(source.indexOf('/') + 1);
        }
        String system = "system".equals(source) ? blankAsNull(form.getFirst("system")) : null;
        List<String> names = form.getOrDefault("identifierNames", List.of()).stream().filter(n -> !n.isBlank()).toList();
        String judgement = form.getFirst("reasonable");
        SearchBody body = new SearchBody(holdingKey, studyKey, system, date(form.getFirst("searchedOn")), names,
                judgement == null ? null : "true".equals(judgement), blankAsNull(form.getFirst("reason")));
        return page.act(reference, "search", body, () -> searches.record(reference, body, actor()));
    }

    @POST
    @Path("/duplicate-of")
    @RolesAllowed(Roles.DPO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response duplicateOf(@RestPath String reference, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(CsrfGuard.FIELD));
        DuplicateOfBody body = new DuplicateOfBody(blankAsNull(form.getFirst("reference")));
        return page.act(reference, "duplicate", body, () -> duplicates.closeAsDuplicate(reference, body, actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
