/**
 * Community tenure derived from hospital episodes: time to psychiatric readmission, days in the
 * community, bed-days, readmissions, 30/90-day readmission, and bed-days saved against a stated
 * comparator.
 *
 * <p>Inputs are {@link org.outcome.tenure.Person}s and
 * {@link org.outcome.tenure.Episode}s (or the two CSV files);
 * {@link org.outcome.tenure.TenureCalculator} applies the rules set out in its
 * documentation with a {@link org.outcome.tenure.TenureOptions}, and returns a
 * {@link org.outcome.tenure.TenureResults}: one
 * {@link org.outcome.tenure.TenureResult} per person, every rejected row with its
 * reasons, and {@link org.outcome.tenure.TenureResults#toSurvivalSample()} for the
 * survival analyses.
 *
 * <p>Sources: Min, Whitecraft, Rothbard &amp; Salzer (2007), peer support and community tenure over
 * three years (survival analysis of time to readmission); Davidson et al. (2006), readmissions;
 * Lawn, Smith &amp; Hunter (2008), bed-days saved against historical controls.
 */
package org.outcome.tenure;
