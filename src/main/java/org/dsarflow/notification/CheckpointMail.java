package org.dsarflow.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import org.dsarflow.audit.AuditCheckpoint;
import org.dsarflow.audit.AuditCheckpoints;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.DsarConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Emails the day's audit checkpoint to the DPO mailbox, so a copy of the log's head lives outside the
 * database, once a day however many nodes run the schedule: the day's row is inserted before the email goes,
 * in the same transaction, and a second node meets the row (waiting for the first to commit) and skips.
 */
@ApplicationScoped
public class CheckpointMail {

    static final String TEMPLATE = "AUDIT_CHECKPOINT";
    private static final Logger LOG = Logger.getLogger(CheckpointMail.class);

    private final AuditCheckpoints checkpoints;
    private final MailSender sender;
    private final AuditLog audit;
    private final DsarConfig config;
    private final Clock clock;

    CheckpointMail(AuditCheckpoints checkpoints, MailSender sender, AuditLog audit, DsarConfig config, Clock clock) {
        this.checkpoints = checkpoints;
        this.sender = sender;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "audit-checkpoint-email", cron = "${dsar.audit.checkpoint-schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDaily(LocalDate.now(clock.withZone(config.timeZone())));
    }

    /** Answers whether this call sent {@code day}'s checkpoint: false when it had gone already, from any node. */
    public boolean sendDaily(LocalDate day) {
        if (QuarkusTransaction.requiringNew().call(() -> CheckpointEmail.sentOn(day))) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> send(day));
            return true;
        } catch (PersistenceException e) {
            if (QuarkusTransaction.requiringNew().call(() -> CheckpointEmail.sentOn(day))) {
                LOG.infof("The audit checkpoint of %s was sent by another node", day);
                return false;
            }
            throw e;
        }
    }

    private void send(LocalDate day) {
        AuditCheckpoint checkpoint = checkpoints.current();
        // Claimed before the email goes: a node that lost the race fails here, having sent nothing.
        CheckpointEmail.of(day, checkpoint.seq(), checkpoint.hash()).persistAndFlush();
        CheckpointMailModel model = new CheckpointMailModel(config.mail().organisation(), day, checkpoint.seq(),
                checkpoint.hash(), checkpoint.at(), checkpoint.signed(), checkpoint.signature(),
                new String(AuditCheckpoint.statement(checkpoint.seq(), checkpoint.hash(), checkpoint.at()),
                        StandardCharsets.UTF_8));
        Mail mail = sender.write(config.mail().dpoMailbox(), "Audit checkpoint of " + day + ": entry " + checkpoint.seq(),
                "mail/audit-checkpoint", model);
        sender.send(mail, TEMPLATE);
        audit.record(null, "CHECKPOINT_EMAILED", AuditLog.detail("day", day, "seq", checkpoint.seq(),
                "hash", checkpoint.hash(), "signed", checkpoint.signed()));
        LOG.infof("The audit checkpoint of %s (entry %d) was sent to the DPO mailbox", day, checkpoint.seq());
    }

    /** The counters from the start, at zero, like the other templates'. */
    void registerCounters(@Observes StartupEvent start) {
        sender.registerCounters(TEMPLATE);
    }
}
