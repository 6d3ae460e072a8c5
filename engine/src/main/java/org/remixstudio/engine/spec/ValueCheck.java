package org.remixstudio.engine.spec;

/** Checks one string value of a spec; returns what is wrong with it, or null when it is fine. */
@FunctionalInterface
interface ValueCheck {

    ValueCheck ANY = value -> null;

    String problem(String value);
}
