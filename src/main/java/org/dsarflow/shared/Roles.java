package org.dsarflow.shared;

/** The roles of PRODUCT.md §1; each built-in account holds the role of its own name. */
public final class Roles {
    public static final String DPO = "dpo";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
