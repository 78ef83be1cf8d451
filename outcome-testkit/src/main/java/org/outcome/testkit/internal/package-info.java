/**
 * Machinery shared by the testkit's contracts. Not part of the testkit's API: it may change
 * without notice.
 */
package org.outcome.testkit.internal;
