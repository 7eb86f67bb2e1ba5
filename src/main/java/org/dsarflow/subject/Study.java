package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dsarflow.shared.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A research study of the controller: the people it holds data on are located through its schemes. */
@Entity
@Table(name = "dsar_study")
public class Study extends PanacheEntityBase {

    @Id
    @Column(name = "study_key")
    public String key;

    @Version
    public long version;

    public String name;

    public String contactMailbox;

    @Enumerated(EnumType.STRING)
    public StudyPhase phase;

    public LocalDate phaseSince;

    /** Each scheme is a sorted set of identifier keys that together locate one person. */
    @Convert(converter = JsonColumn.Schemes.class)
    public List<List<String>> identifierSchemes = new ArrayList<>();

    @Convert(converter = JsonColumn.LawfulBases.class)
    public List<LawfulBasis> lawfulBases = new ArrayList<>();

    @Convert(converter = JsonColumn.Texts.class)
    public List<String> recipients = new ArrayList<>();

    /** Art 19: the mailbox of each recipient that has one, by the recipient's name in {@link #recipients}. */
    @Convert(converter = JsonColumn.Mailboxes.class)
    public Map<String, String> recipientMailboxes = new LinkedHashMap<>();

    /** Categories of people the study holds data on (child, social worker, carer...). */
    @Convert(converter = JsonColumn.Texts.class)
    public List<String> categories = new ArrayList<>();

    /**
     * A 400 naming {@code field} unless {@code key} names a study. A study key in a body or a query is input,
     * so a typo is for the client to correct, never silently matched against nothing; a study named by the
     * path is a resource, and stays a 404. The key is not echoed: a query may carry anything.
     */
    public static void requireKnown(String field, String key) {
        if (count("key", key) == 0) {
            throw new InvalidInputException(field, "no study has this key");
        }
    }

    /** The recipient's mailbox, if the study names one. */
    public Optional<String> recipientMailbox(String recipient) {
        return recipientMailboxes == null ? Optional.empty() : Optional.ofNullable(recipientMailboxes.get(recipient));
    }

    public List<Holding> holdings() {
        return Holding.list("studyKey = ?1 order by key", key);
    }
}
