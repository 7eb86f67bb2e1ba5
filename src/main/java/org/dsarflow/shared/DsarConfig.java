package org.dsarflow.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Domain configuration under {@code dsar.*}. */
@ConfigMapping(prefix = "dsar")
public interface DsarConfig {

    /** Time zone whose local date is the receipt date (UK GDPR: Europe/London). */
    @WithDefault("Europe/London")
    ZoneId timeZone();

    Calendar calendar();

    /** A request is due soon when its deadline is this many working days away or fewer. */
    @WithDefault("5")
    int dueSoonWorkingDays();

    /**
     * Secret key (32 bytes or more) under which identifiers are hashed for lookup. Losing or changing
     * it makes the registry's lookup index unusable until the registry is imported again.
     */
    String identifierKey();

    /**
     * How far back a request's related requests (earlier ones from the same person) are shown and counted:
     * repetition within it is a factor in refusing a request as manifestly excessive (Art 12(5)).
     */
    @WithDefault("P12M")
    Period repeatWindow();

    /** The built-in accounts by name (dpo, auditor, admin). */
    Map<String, Account> accounts();

    Demo demo();

    Retention retention();

    Mail mail();

    Limits limits();

    Login login();

    Audit audit();

    /** The audit log's signed checkpoints and the daily copy of one in the DPO mailbox. */
    interface Audit {
        /**
         * The Ed25519 private key checkpoints are signed under, PKCS#8 as PEM or as DER in base64. Kept out of
         * the database on purpose; without it checkpoints are unsigned.
         */
        Optional<String> signingKey();

        /**
         * Quartz-style cron of the checkpoint email; "off" disables it. Each run sends the day's checkpoint unless
         * one went already (on any node), so an hourly run is a retry after a mail outage, not another email.
         */
        @WithDefault("0 15 * * * ?")
        String checkpointSchedule();
    }

    /** Throttling of failed logins, per account name and per client address. */
    interface Login {
        /** Failures of one account name allowed within the window before its logins are refused (429). */
        @WithDefault("10")
        int failures();

        /**
         * Failures from one client address allowed within the window before its logins are refused. Higher than
         * {@link #failures()}: several people may share an address behind a proxy.
         */
        @WithDefault("100")
        int addressFailures();

        /** The window over which failures are forgotten again. */
        @WithDefault("PT5M")
        Duration window();
    }

    /**
     * What one request may carry. Past a limit the answer is a 4xx problem naming what was too big, never
     * a 500 from deep inside a parser or the database.
     */
    interface Limits {
        /** How deeply JSON objects and arrays may nest. */
        @WithDefault("32")
        int jsonNestingDepth();

        /** The longest JSON string value, in characters (the longest column the service stores is 4,000). */
        @WithDefault("10000")
        int jsonStringLength();

        /** The longest cell of an imported CSV registry, in characters. */
        @WithDefault("10000")
        int csvCellLength();

        /** The largest page size of a list. */
        @WithDefault("200")
        int pageSize();

        /** The highest page number of a list: deeper paging is a filter's job. */
        @WithDefault("10000")
        int pageNumber();

        /** The longest request line (method, path and query), in bytes. */
        @WithDefault("4096")
        int requestLineLength();

        /** The most header bytes a request may carry. */
        @WithDefault("16384")
        int headerSize();
    }

    Complaints complaints();

    /**
     * Where the service is reached from outside, as links in emails start: scheme, host and port, no trailing
     * slash. The default suits a service run on one's own machine.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Custodian custodian();

    /** The links emailed to the custodians of external holdings, to confirm they have acted. */
    interface Custodian {
        /**
         * The key the links are signed with; left out, it is derived from the identifier key under a label of
         * its own, so it needs no secret of its own and is not the identifier key itself.
         */
        Optional<String> linkKey();

        /** How long a link stays valid; it also stops working once used or once the request is closed. */
        @WithDefault("P30D")
        Period linkValidity();
    }

    /** Data protection complaints (DPA 2018 s.164A). */
    interface Complaints {
        /** The DPO mailbox is reminded of an open complaint that has gone this long without an update. */
        @WithDefault("P30D")
        Period reminderAfter();
    }

    /** Who emails come from and go to, and what they say of the organisation. */
    interface Mail {
        /** The sender of every email. */
        String from();

        /** The DPO mailbox: new-request notices, reminders and escalations go there. */
        String dpoMailbox();

        /** The controller as the emails name it. */
        String organisation();

        /** Where the requester can write to; shown in every email to them. */
        Optional<String> postalAddress();

        /** Attach the response package (personal data) to the response email; otherwise it is sent separately. */
        @WithDefault("false")
        boolean attachPackage();
    }

    /** How long a closed request keeps its requester's personal data, and when the deletion runs. */
    interface Retention {
        /** From the request's close; the ICO expects no longer than needed to show how it was handled. */
        @WithDefault("P2Y")
        Period closedRequest();

        /** From a complaint's outcome; the same rule as for requests, set on its own. */
        @WithDefault("P2Y")
        Period closedComplaint();

        /** Quartz-style cron of the daily run; "off" disables it. */
        @WithDefault("0 30 2 * * ?")
        String schedule();
    }

    /** The demo catalogue of the five privacy notices, with a synthetic registry. */
    interface Demo {
        /** Load it when the service starts (dev mode). */
        @WithDefault("false")
        boolean loadOnStart();

        /** Invented people per study. */
        @WithDefault("200")
        long subjectsPerStudy();
    }

    interface Calendar {
        /** The gov.uk division whose bank holidays count: england-and-wales, scotland or northern-ireland. */
        @WithDefault("england-and-wales")
        String region();

        /**
         * How long a node answers reads made outside a transaction (the deadline calculator, metrics) from its
         * copy of the calendar before it compares the copy with the shared version again. Every transaction,
         * and so every stored deadline and every request view, compares them anyway.
         */
        @WithDefault("PT2S")
        Duration refresh();
    }

    interface Account {
        /** No password: the account is disabled. */
        Optional<String> password();
    }
}
