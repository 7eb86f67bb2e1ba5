package org.dsarflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Contact details of the person who made the request: personal data, never in a view, log or error. */
@Embeddable
public class Requester {

    @Column(name = "requester_name")
    public String name;

    @Column(name = "requester_email")
    public String email;

    @Column(name = "requester_phone")
    public String phone;

    @Column(name = "requester_postal_address")
    public String postalAddress;

    protected Requester() {
    }

    Requester(String name, String email, String phone, String postalAddress) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.postalAddress = postalAddress;
    }
}
