package org.dsarflow.view;

/** The DPO inbox: every open user task and incident, each with its request's deadline, soonest first. */
public interface Inbox {

    TaskPage open(int page, int size);
}
