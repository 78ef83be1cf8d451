/**
 * Charts for reports, written directly as SVG (no charting library): Kaplan-Meier curves with
 * confidence bands and a numbers-at-risk table ({@link org.outcome.evaluation.svg.KaplanMeierChart}),
 * forest plots of effect sizes ({@link org.outcome.evaluation.svg.ForestPlot}) and before/after
 * distributions ({@link org.outcome.evaluation.svg.BeforeAfterChart}).
 *
 * <p>Every chart is a standalone {@code <svg>} element with a {@code <title>} and a
 * {@code <desc>} for screen readers, uses a colour-blind-safe palette (Okabe and Ito 2008), and
 * takes its labels as already-suppressed text, so that small counts never reach a chart.
 */
package org.outcome.evaluation.svg;
