package org.dsarflow.subject;

import org.dsarflow.subject.identity.IdentifierScheme;

import java.util.List;
import java.util.Set;

/**
 * What a registry import needs of its study, read once before the rows and held as plain values, so the
 * row check works without the database. {@code rawIdentifierHoldings} are the holdings that really hold
 * the person's identifiers ({@link Holding#holdsRawIdentifiers()}).
 */
record StudyShape(String key, Set<String> holdings, Set<String> rawIdentifierHoldings,
                  List<IdentifierScheme> schemes) {
}
