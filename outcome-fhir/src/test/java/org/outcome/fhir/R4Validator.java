package org.outcome.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** HAPI's R4 instance validator against the core specification's structure definitions. */
final class R4Validator {
  private static FhirValidator validator;

  private R4Validator() {}

  /** The validator's errors and fatal errors for the resource (warnings and notes left out). */
  static synchronized List<String> errors(IBaseResource resource) {
    if (validator == null) {
      FhirContext context = FhirContext.forR4Cached();
      ValidationSupportChain chain = new ValidationSupportChain(
          new DefaultProfileValidationSupport(context),
          new InMemoryTerminologyServerValidationSupport(context),
          new CommonCodeSystemsTerminologyService(context));
      validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(SingleValidationMessage::toString)
        .toList();
  }
}
