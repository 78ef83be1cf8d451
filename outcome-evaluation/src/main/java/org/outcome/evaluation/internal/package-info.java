/**
 * The evaluation runner's machinery: reading the people, sessions and answers files with every
 * row accounted for, and turning each outcome and community tenure into report sections. Not
 * exported.
 */
package org.outcome.evaluation.internal;
