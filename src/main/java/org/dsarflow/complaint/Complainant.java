package org.dsarflow.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who complained and how to reach them: personal data, never in a view for auditors, a log or an error. */
@Embeddable
public class Complainant {

    @Column(name = "complainant_name")
    public String name;

    @Column(name = "complainant_email")
    public String email;

    @Column(name = "complainant_phone")
    public String phone;

    @Column(name = "complainant_postal_address")
    public String postalAddress;

    protected Complainant() {
    }

    Complainant(String name, String email, String phone, String postalAddress) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.postalAddress = postalAddress;
    }
}
