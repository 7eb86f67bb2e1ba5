package org.dsarflow.subject;

/** Whether a holding's data came from the person (PRIMARY) or from others (SECONDARY). */
public enum DataSource {
    PRIMARY, SECONDARY
}
