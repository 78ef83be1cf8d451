/**
 * The demonstration evaluation: {@link org.outcome.evaluation.demo.DemoData} writes a seeded,
 * entirely synthetic peer-support evaluation (no real people) whose true effects are stated in
 * {@link org.outcome.evaluation.demo.DemoSpec}, so that a report run on it can be checked to
 * recover them within sampling error.
 */
package org.outcome.evaluation.demo;
