package org.dsarflow.deadline;

/**
 * What a stopped clock is waiting for (ICO: the month starts once identity is confirmed or the fee is paid;
 * a representative's authority to act is waited for as identity is).
 */
public enum ClockStop {
    IDENTITY,
    FEE,
    AUTHORITY
}
