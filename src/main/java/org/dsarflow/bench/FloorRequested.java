package org.dsarflow.bench;

/** The bench asks for one instance of the engine's floor process (start, then a user task). */
public record FloorRequested() {
}
