package org.dsarflow.intake;

/** How the request reached the controller: a request is valid whatever the channel. */
public enum Channel {
    EMAIL, POST, PHONE, IN_PERSON, WEB_FORM, OTHER
}
