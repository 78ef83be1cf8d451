package org.outcome.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outcome.stats.RFixtures;
import org.outcome.stats.meta.MetaAnalysis.Method;
import org.outcome.testkit.fixtures.Fixture;

/**
 * The options and effect measures the shared fixture does not cover, against metafor 3.8.1 on R
 * 4.2.2 (Debian's r-cran-metafor), printed with 17 significant digits by this project on
 * 2026-12-04: {@code rma(yi, vi, data = escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg,
 * data = dat.bcg), method = ..., test = ...)}, {@code predict()}, {@code leave1out()} and
 * {@code escalc(measure = ...)} on the inputs written below. The iterative estimates (REML, PM) are
 * metafor's converged fully ({@code control = list(threshold = 1e-14)} for REML,
 * {@code list(tol = 1e-15)} for PM): with its defaults metafor stops REML at an absolute change of
 * 1e-5 and PM at uniroot's 1.2e-4, and differs from the root by up to 1e-8 and 3e-6 relative (the
 * shared fixture's 1e-6 allows the former).
 */
class MetaforWorkedExamplesTest {
  private static final double RELATIVE = 1e-9;

  private static SiteEffects bcg() {
    Fixture f = RFixtures.byId("meta-analysis", "meta/bcg-logrr");
    return SiteEffects.of(f.numbers("yi"), f.numbers("vi"));
  }

  private static void close(double actual, double expected) {
    assertThat(Math.abs(actual - expected)).as("%s vs metafor's %s", actual, expected)
        .isLessThanOrEqualTo(RELATIVE * Math.abs(expected) + 1e-13);
  }

  @Test
  void pauleMandel() {
    MetaAnalysis.Result r = MetaAnalysis.withDefaults().withMethod(Method.PAULE_MANDEL).pool(bcg());
    close(r.pooled().value(), -0.71496815349344411);
    close(r.se(), 0.18089219153762351);
    close(r.tau2(), 0.31806845220502394);
    close(r.i2(), 92.330337954153251);
    close(r.h2(), 13.03838414290386);
  }

  @Test
  void knappHartungAndPredictionIntervals() {
    MetaAnalysis.Result kh = MetaAnalysis.withDefaults().withKnappHartung(true).pool(bcg());
    close(kh.pooled().value(), -0.71453234215813943);
    close(kh.se(), 0.18079174409284787);
    close(kh.statistic(), -3.9522398865248092);
    close(kh.pValue(), 0.0019200150960572916);
    close(kh.pooled().interval().orElseThrow().lower(), -1.1084437136855509);
    close(kh.pooled().interval().orElseThrow().upper(), -0.32062097063072803);
    close(kh.prediction().lower(), -1.9960168341962023);
    close(kh.prediction().upper(), 0.56695214987992359);
    assertThat(kh.df()).isEqualTo(12);
    MetaAnalysis.Result reml = MetaAnalysis.withDefaults().pool(bcg());
    close(reml.prediction().lower(), -1.8666922179028864);
    close(reml.prediction().upper(), 0.43762753358660766);
    close(reml.h2(), 12.855758235309164);
  }

  @Test
  void leaveOneOut() {
    var out = MetaAnalysis.withDefaults().withMethod(Method.DERSIMONIAN_LAIRD).leaveOneOut(bcg());
    close(out.get(0).pooled().value(), -0.70512519841745114);
    close(out.get(1).pooled().value(), -0.65451587508797149);
    close(out.get(0).tau2(), 0.31217149904067859);
    close(out.get(1).tau2(), 0.29997459082210959);
  }

  @Test
  void oddsRatiosOfTheFirstThreeBcgTrials() {
    SiteEffects s = SiteEffects.logOddsRatios(new long[] {4, 6, 3}, new long[] {123, 306, 231},
        new long[] {11, 29, 11}, new long[] {139, 303, 220});
    double[] y = {-0.93869414087039216, -1.6661907290265496, -1.3862943611198908};
    double[] v = {0.35712495225362872, 0.208132393657186, 0.43341307814992025};
    for (int i = 0; i < 3; i++) {
      close(s.effects()[i], y[i]);
      close(s.variances()[i], v[i]);
    }
  }

  @Test
  void zeroCellsGetHalvesAsEscalcsDefaults() {
    // escalc("RR", ai = c(0, 3, 0), n1i = c(10, 12, 8), ci = c(2, 0, 0), n2i = c(11, 9, 7))
    SiteEffects rr = SiteEffects.logRiskRatios(new long[] {0, 3, 0}, new long[] {10, 12, 8}, new long[] {2, 0, 0},
        new long[] {11, 9, 7});
    double[] y = {-1.5224265354444704, 1.6835458845878222, -0.11778303565638382};
    double[] v = {2.2257575757575756, 2.1087912087912088, 3.7638888888888888};
    for (int i = 0; i < 3; i++) {
      close(rr.effects()[i], y[i]);
      close(rr.variances()[i], v[i]);
    }
    SiteEffects or = SiteEffects.logOddsRatios(new long[] {0, 3}, new long[] {10, 12}, new long[] {2, 0},
        new long[] {11, 9});
    close(or.effects()[0], -1.709521370991083);
    close(or.effects()[1], 1.945910149055313);
    close(or.variances()[0], 2.600501253132832);
    close(or.variances()[1], 2.4962406015037595);
  }

  @Test
  void rateRatiosOnPersonTime() {
    SiteEffects s = SiteEffects.logRateRatios(new long[] {5, 0, 12}, new double[] {100, 80, 230.5},
        new long[] {9, 4, 10}, new double[] {120, 70, 199});
    double[] y = {-0.40546510810816416, -2.3307559699607414, 0.035375519081743967};
    double[] v = {0.31111111111111112, 2.2222222222222223, 0.18333333333333335};
    for (int i = 0; i < 3; i++) {
      close(s.effects()[i], y[i]);
      close(s.variances()[i], v[i]);
    }
  }

  @Test
  void meanDifferencesRawAndStandardised() {
    double[] m1 = {10.2, 8};
    double[] sd1 = {3.1, 2.5};
    long[] n1 = {20, 35};
    double[] m2 = {9.1, 8.4};
    double[] sd2 = {2.9, 2.7};
    long[] n2 = {22, 31};
    SiteEffects md = SiteEffects.meanDifferences(m1, sd1, n1, m2, sd2, n2);
    close(md.effects()[0], 1.0999999999999996);
    close(md.effects()[1], -0.40000000000000036);
    close(md.variances()[0], 0.86277272727272725);
    close(md.variances()[1], 0.41373271889400925);
    SiteEffects smd = SiteEffects.standardizedMeanDifferences(m1, sd1, n1, m2, sd2, n2);
    close(smd.effects()[0], 0.3601415177590091);
    close(smd.effects()[1], -0.15228866217774703);
    close(smd.variances()[0], 0.096998615845185487);
    close(smd.variances()[1], 0.061005188819587053);
  }
}
