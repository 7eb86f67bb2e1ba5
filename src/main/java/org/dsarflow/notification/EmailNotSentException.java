package org.dsarflow.notification;

/**
 * A send failed. Its message becomes the engine's incident message, shown to DPO staff and auditors,
 * so it names the template and the kind of failure only, never an address or the mail server's words.
 */
public class EmailNotSentException extends RuntimeException {

    public EmailNotSentException(EmailTemplate template, Throwable cause) {
        this(template.name(), cause);
    }

    /** For any email sent through {@link MailSender}, named by its template. */
    public EmailNotSentException(String template, Throwable cause) {
        super("Email " + template + " could not be sent: " + rootKind(cause), null, false, false);
    }

    private static String rootKind(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
