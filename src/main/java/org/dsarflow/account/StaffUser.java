package org.dsarflow.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A named member of staff who signs in as themselves. Holds the password only as a bcrypt hash, never
 * in any form that could be read back; other packages change an account through its methods.
 */
@Entity
@Table(name = "dsar_user")
public class StaffUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_user_seq")
    @SequenceGenerator(name = "dsar_user_seq", sequenceName = "dsar_user_seq", allocationSize = 50)
    public Long id;

    public String username;

    public String displayName;

    public String role;

    /** Modular Crypt Format: {@code $2a$<cost>$<salt and hash>}. */
    String passwordHash;

    public boolean enabled;

    public Instant createdAt;

    public Instant updatedAt;

    static StaffUser create(String username, String displayName, String role, String passwordHash, Instant at) {
        StaffUser user = new StaffUser();
        user.username = username;
        user.displayName = displayName;
        user.role = role;
        user.passwordHash = passwordHash;
        user.enabled = true;
        user.createdAt = at;
        user.updatedAt = at;
        return user;
    }

    static Optional<StaffUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    void rename(String newDisplayName, Instant at) {
        displayName = newDisplayName;
        updatedAt = at;
    }

    void changeRole(String newRole, Instant at) {
        role = newRole;
        updatedAt = at;
    }

    void resetPassword(String newHash, Instant at) {
        passwordHash = newHash;
        updatedAt = at;
    }

    void enable(boolean on, Instant at) {
        enabled = on;
        updatedAt = at;
    }
}
