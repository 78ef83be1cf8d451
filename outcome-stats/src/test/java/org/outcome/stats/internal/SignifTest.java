package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignifTest {
  @Test
  void matchesRsSignif() {
    // R 4.2.2: print(signif(c(123456.789, 0.000123456789, -98.7654321), 3), digits = 17)
    assertThat(Signif.round(123456.789, 3)).isEqualTo(1.2300000000000000e+05);
    assertThat(Signif.round(0.000123456789, 3)).isEqualTo(1.2300000000000001e-04);
    assertThat(Signif.round(-98.7654321, 3)).isEqualTo(-9.8799999999999997e+01);
    // differences of decimal scores that are equal in decimal but not in binary become equal
    double d1 = (20.05 + 17) - (20.04 + 17); // 0.00999999999999801
    double d2 = (20.39 + 17) - (20.38 + 17); // 0.010000000000005116
    assertThat(d1).isNotEqualTo(d2);
    assertThat(Signif.round(d1, 7)).isEqualTo(Signif.round(d2, 7)).isEqualTo(0.01);
  }
}
