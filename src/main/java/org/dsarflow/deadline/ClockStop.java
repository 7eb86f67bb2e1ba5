package org.dsarflow.deadline;

/** What a stopped clock is waiting for (ICO: the month starts once identity is confirmed or the fee is paid). */
public enum ClockStop {
    IDENTITY,
    FEE
}
