package org.dsarflow.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.BuiltInAccounts;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.shared.UnknownResourceException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Named staff accounts, managed by admins: created, renamed, given another role, disabled or re-enabled,
 * their password reset. Each change is audited by the user name and role, never the password.
 */
@ApplicationScoped
public class UserService {

    private static final String NO_ONES_HASH = Passwords.hash(UUID.randomUUID().toString());

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Set<String> ROLES = Set.of(Roles.DPO, Roles.AUDITOR, Roles.ADMIN);

    private final AuditLog audit;
    private final Clock clock;

    UserService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserView create(UserBody body) {
        String username = body.username() == null ? null : body.username().strip();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "username must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (BuiltInAccounts.isReserved(username) || AuditLog.SYSTEM.equals(username)) {
            throw new InvalidInputException("username", "username " + username + " is reserved");
        }
        String displayName = displayName(body.displayName());
        String role = role(body.role());
        String password = password(body.password());
        if (body.enabled() != null && !body.enabled()) {
            throw new InvalidInputException("enabled", "a new user is enabled; disable them afterwards if need be");
        }
        if (StaffUser.findByUsername(username).isPresent()) {
            throw new ConflictException("USER_EXISTS", "a user named " + username + " already exists");
        }
        StaffUser user = StaffUser.create(username, displayName, role, Passwords.hash(password), now());
        user.persist();
        audit.record(null, "USER_CREATED", AuditLog.detail("username", username, "role", role));
        return UserView.of(user);
    }

    @Transactional
    public List<UserView> list() {
        return StaffUser.<StaffUser>list("order by username").stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView get(String username) {
        return UserView.of(require(username));
    }

    /** Changes what the body gives; the user name itself never changes. */
    @Transactional
    public UserView update(String username, UserBody body) {
        StaffUser user = require(username);
        if (body.username() != null && !body.username().strip().equals(user.username)) {
            throw new InvalidInputException("username", "a user name cannot be changed");
        }
        Instant at = now();
        if (body.displayName() != null) {
            user.rename(displayName(body.displayName()), at);
        }
        if (body.role() != null) {
            String role = role(body.role());
            if (!role.equals(user.role)) {
                String previous = user.role;
                user.changeRole(role, at);
                audit.record(null, "USER_ROLE_CHANGED", AuditLog.detail("username", user.username, "role", role,
                        "previous", previous));
            }
        }
        if (body.password() != null) {
            user.resetPassword(Passwords.hash(password(body.password())), at);
            audit.record(null, "USER_PASSWORD_RESET", AuditLog.detail("username", user.username));
        }
        if (body.enabled() != null && body.enabled() != user.enabled) {
            user.enable(body.enabled(), at);
            audit.record(null, body.enabled() ? "USER_ENABLED" : "USER_DISABLED",
                    AuditLog.detail("username", user.username));
        }
        return UserView.of(user);
    }

    /** A sign-in's answer: the user, when enabled and the password is theirs; whether the name is a user's. */
    public record SignIn(Optional<UserView> user, boolean known) {
    }

    /**
     * Checks the password of the user of that name. An unknown or disabled name is checked against a hash of
     * no one's password, so it costs what a known name costs and the answer's timing says nothing.
     */
    @Transactional
    public SignIn authenticate(String username, String password) {
        Optional<StaffUser> found = StaffUser.findByUsername(username);
        boolean matches = Passwords.matches(password, found.map(user -> user.passwordHash).orElse(NO_ONES_HASH));
        return new SignIn(found.filter(user -> user.enabled && matches).map(UserView::of), found.isPresent());
    }

    private static StaffUser require(String username) {
        return StaffUser.findByUsername(username).orElseThrow(() -> new UnknownResourceException("User", username));
    }

    private static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("displayName", "displayName is required");
        }
        return displayName.strip();
    }

    private static String role(String role) {
        if (role == null || !ROLES.contains(role.strip())) {
            throw new InvalidInputException("role", "role must be one of dpo, auditor, admin");
        }
        return role.strip();
    }

    private static String password(String password) {
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw new InvalidInputException("password", weakness);
        }
        return password;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
