package org.dsarflow.complaint;

import org.dsarflow.intake.Channel;

/** CDI event, fired in the transaction that logged the complaint: its process instance starts there too. */
public record ComplaintLogged(String reference, Channel channel) {
}
