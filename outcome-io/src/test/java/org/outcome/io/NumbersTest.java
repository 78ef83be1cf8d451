package org.outcome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict number parser: plain decimals as R writes them, nothing Java alone would read. */
class NumbersTest {
  @ParameterizedTest
  @ValueSource(strings = {"3", "0", "-2.5", "1e3", "1E3", "2.5e-2", "1e+3", ".5", "-.5", "3.", "007", "-0",
      "123456789012345678901234567890"})
  void plainDecimalNumbersAreAccepted(String cell) {
    assertThat(Numbers.isPlainDecimal(cell)).isTrue();
    assertThat(Numbers.parse(cell)).isEqualTo(Double.parseDouble(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p1", "0x10", "2f", "3d", "2F", "3D", "+3", " 4", "4 ", "NaN", "Infinity", "-Infinity",
      "Inf", "NA", "", "-", ".", "-.", "e3", "1e", "1e+", "1.2.3", "1,5", "1_000", "١٢", "３", "--1", "1-",
      "9434769999 ", "Jane Smith", "1e400", "-1e400"})
  void anythingElseIsNotANumber(String cell) {
    assertThat(Numbers.parse(cell)).isNaN();
  }

  @Test
  void aNumberTooLargeForADoubleHasTheShapeButNoValue() {
    assertThat(Numbers.isPlainDecimal("1e400")).isTrue();
    assertThat(Numbers.parse("1e400")).isNaN();
    assertThat(TableReader.notANumber("1e400")).isEqualTo("too large a number");
    assertThat(TableReader.notANumber("0x1p1")).isEqualTo("not a number");
  }

  @Test
  void wholeNumbersAreDigitsWithAnOptionalMinus() {
    assertThat(Numbers.parseWhole("12")).isEqualTo(12L);
    assertThat(Numbers.parseWhole("-3")).isEqualTo(-3L);
    assertThat(Numbers.parseWhole("007")).isEqualTo(7L);
    assertThat(Numbers.parseWhole("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Numbers.parseWhole("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(Numbers.parseWhole("9223372036854775808")).isNull();
    for (String bad : new String[] {"+3", "3.0", "1e3", " 4", "", "-", "٣", "0x1", "3L", "99999999999999999999"}) {
      assertThat(Numbers.parseWhole(bad)).as(bad).isNull();
    }
  }

  @Test
  void everyFiniteDoubleAsJavaOrRWritesItReadsBackExactly() {
    qt().withExamples(2000).forAll(doubles().any()).assuming(Double::isFinite)
        .check(d -> Numbers.parse(Double.toString(d)) == d
            && Numbers.parse(java.math.BigDecimal.valueOf(d).toPlainString()) == d);
  }

  @Test
  void everyLongReadsBackAsAWholeNumber() {
    qt().withExamples(1000).forAll(longs().all())
        .check(n -> n.equals(Numbers.parseWhole(Long.toString(n))) && Numbers.parse(Long.toString(n)) == (double) n);
  }

  @Test
  void theByteParserAgreesWithTheStringParser() {
    qt().withExamples(5000)
        .forAll(doubles().any(), integers().between(0, 6), longs().between(-999_999_999_999_999L, 999_999_999_999_999L))
        .checkAssert((d, scale, digits) -> {
          for (String cell : new String[] {Double.toString(d), java.math.BigDecimal.valueOf(digits, scale).toPlainString(),
              String.valueOf(digits), "." + Math.abs(digits), Math.abs(digits) + ".", Double.toString(d).replace("E", "e")}) {
            byte[] bytes = ("x" + cell + "y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // boxed: NaN equals NaN, and -0.0 differs from 0.0
            assertThat(Double.valueOf(Numbers.parse(bytes, 1, bytes.length - 1))).as(cell)
                .isEqualTo(Double.valueOf(Numbers.parse(cell)));
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.1", "0.3", "123456789012345", "1234567890123456", "0.000000000000001", "-0",
      "9007199254740993", "2.2250738585072014E-308", "1e22", "1e23", "0x10", "+3", "", "-", ".", "3.", ".5", "é"})
  void theByteParserAgreesOnTheEdges(String cell) {
    byte[] bytes = cell.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Double.valueOf(Numbers.parse(bytes, 0, bytes.length))).isEqualTo(Double.valueOf(Numbers.parse(cell)));
  }
}
