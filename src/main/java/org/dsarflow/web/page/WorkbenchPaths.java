package org.dsarflow.web.page;

/**
 * Where the workbench lives. Its pages are under {@link #ROOT}, apart from the login page at {@code /}:
 * /api is the API, with its contract at /q/openapi, and the pages are no part of it.
 */
final class WorkbenchPaths {

    static final String ROOT = "/workbench";
    /** The form login's session cookie, named in application.properties. */
    static final String SESSION_COOKIE = "dsar-session";
    /** Where the OIDC code flow starts and ends (application.properties: quarkus.oidc.workbench.*). */
    static final String OIDC_LOGIN = ROOT + "/oidc/login";
    /** The OIDC code flow's session cookie: Quarkus names it after the tenant, workbench. */
    static final String OIDC_SESSION_COOKIE = "q_session_workbench";

    private WorkbenchPaths() {
    }
}
