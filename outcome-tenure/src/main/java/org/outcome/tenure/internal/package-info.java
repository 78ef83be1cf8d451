/**
 * Internals of community tenure, not exported: the engine working on packed episode keys, the
 * batch assembler, the CSV cell readers and the rules' wording.
 */
package org.outcome.tenure.internal;
