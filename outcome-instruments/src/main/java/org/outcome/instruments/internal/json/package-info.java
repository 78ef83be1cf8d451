/**
 * The one way the library reads a JSON document (an instrument definition, an evaluation
 * configuration): Jackson without default typing, strict and bounded, into records that carry
 * Jakarta Bean Validation rules, checked by Hibernate Validator; every problem reported together,
 * each located by its JSON path ({@code outcomes[1].instrument}) and described in the document's
 * own terms. Not an API: exported only to {@code org.outcome.evaluation}, which reads its
 * configuration with it.
 */
package org.outcome.instruments.internal.json;
