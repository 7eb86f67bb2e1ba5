package org.dsarflow.account;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/users} (all but {@code enabled} required) and {@code PUT /api/users/{username}} (what is
 * given changes: a display name, a role, a new password, {@code enabled: false} to disable).
 */
@Schema(description = "A named user: the password is write-only, at least 12 characters, never returned")
public record UserBody(
        @Schema(examples = "jsmith", description = "Lower-case letters, digits, '.', '_' or '-'; 2 to 64 characters")
        @Size(max = 64) String username,
        @Schema(examples = "Jo Smith") @Size(max = 200) String displayName,
        @Schema(examples = "dpo", enumeration = {"dpo", "auditor", "admin"}) String role,
        @Schema(writeOnly = true, minLength = 12) @Size(max = 200) String password,
        Boolean enabled) {

    /** Leaves the password out, so that the body can never be logged with it. */
    @Override
    public String toString() {
        return "UserBody[username=" + username + ", role=" + role + ", enabled=" + enabled + "]";
    }
}
