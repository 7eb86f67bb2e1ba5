package org.dsarflow.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.dsarflow.shared.LoginThrottled;

/** Throttled logins in the audit log: the account's name only, never the address or what was typed. */
@ApplicationScoped
class LoginAudit {

    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    void onThrottled(@ObservesAsync LoginThrottled throttled) {
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(null, "LOGIN_THROTTLED", AuditLog.detail("account", throttled.account())));
    }
}
