package org.dsarflow.account;

import java.time.Instant;

/** A named user as admins see them: never the password or its hash. */
public record UserView(String username, String displayName, String role, boolean enabled, Instant createdAt,
                       Instant updatedAt) {

    static UserView of(StaffUser user) {
        return new UserView(user.username, user.displayName, user.role, user.enabled, user.createdAt,
                user.updatedAt);
    }
}
