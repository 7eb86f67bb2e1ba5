package org.dsarflow.subject;

public enum Identifiability {
    IDENTIFIED, PSEUDONYMISED, ANONYMISED
}
