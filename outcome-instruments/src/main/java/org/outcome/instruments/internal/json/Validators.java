package org.outcome.instruments.internal.json;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Hibernate Validator of the library, built on first use (it takes a moment), with
 * parameter-only message interpolation so that no expression language is needed at run time, and
 * with its start-up line kept off standard error ({@link ValidatorBanner}).
 */
final class Validators {
  private Validators() {}

  private static final class Holder {
    static {
      ValidatorBanner.quiet();
    }

    static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  static Validator validator() {
    return Holder.VALIDATOR;
  }
}
