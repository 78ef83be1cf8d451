package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.instruments.Instruments;
import org.outcome.stats.multiplicity.AdjustmentMethod;

/**
 * The published JSON Schemas (for editors) say what the readers accept: for every object of an
 * instrument definition and of {@code evaluation.json}, the same keys, no other allowed, the same
 * required keys, and the same enum constants as the types the reader binds to. A field added to a
 * reader and not to its schema (or the reverse) fails here. (The readers' types are internal to
 * their modules; the tests run on the class path, where they are found by name.)
 */
class JsonSchemasTest {
  private static final Set<String> REQUIRED = Set.of("jakarta.validation.constraints.NotNull",
      "jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.NotEmpty");

  @Test
  void theDefinitionSchemaDescribesExactlyWhatTheReaderBinds() throws Exception {
    JsonNode schema = read(Instruments.class, "schema/instrument-definition.schema.json");
    JsonNode defs = schema.path("$defs");
    Map<Class<?>, JsonNode> objects = new LinkedHashMap<>();
    objects.put(type("org.outcome.instruments.internal.Dto$Definition"), schema);
    objects.put(type("org.outcome.instruments.internal.Dto$Scale"), defs.path("scale"));
    objects.put(type("org.outcome.instruments.internal.Dto$Item"), defs.path("item"));
    objects.put(type("org.outcome.instruments.internal.Dto$Subscale"), defs.path("subscale"));
    objects.put(type("org.outcome.instruments.internal.Dto$Transform"), defs.path("transform"));
    objects.put(type("org.outcome.instruments.internal.Dto$Psychometrics"), defs.path("psychometrics"));
    objects.put(type("org.outcome.instruments.internal.Dto$Fact"), defs.path("fact"));

    assertThat(disagreements(schema, objects)).isEmpty();
  }

  @Test
  void theEvaluationSchemaDescribesExactlyWhatTheReaderBinds() throws Exception {
    JsonNode schema = read(EvaluationConfig.class, "schema/evaluation.schema.json");
    JsonNode top = schema.path("properties");
    JsonNode tenure = top.path("tenure").path("properties");
    Map<Class<?>, JsonNode> objects = new LinkedHashMap<>();
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Config"), schema);
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Data"), top.path("data"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Answers"), top.path("data").path("properties").path("answers").path("items"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Groups"), top.path("groups"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Timepoints"), top.path("timepoints"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$AsTreated"), top.path("asTreated"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Outcome"), top.path("outcomes").path("items"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Tenure"), top.path("tenure"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Comparator"), tenure.path("comparator"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Costs"), tenure.path("costs"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Suppression"), top.path("suppression"));
    objects.put(type("org.outcome.evaluation.internal.config.ConfigDocument$Disclosure"), top.path("disclosure"));

    assertThat(disagreements(schema, objects)).isEmpty();
    // two settings are text the reader matches to an enum, in any case and with '_' or '-'
    assertThat(texts(top.path("multiplicity").path("enum"))).isEqualTo(spelled(AdjustmentMethod.class));
    assertThat(texts(top.path("groups").path("properties").path("comparisonKind").path("enum")))
        .isEqualTo(spelled(EvaluationConfig.ComparisonKind.class));
  }

  private static List<String> disagreements(JsonNode schema, Map<Class<?>, JsonNode> objects) {
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    List<String> wrong = new ArrayList<>();
    objects.forEach((type, object) -> {
      String where = type.getSimpleName();
      if (!object.path("additionalProperties").isBoolean() || object.path("additionalProperties").asBoolean()) {
        wrong.add(where + ": additionalProperties must be false");
      }
      Set<String> components = new TreeSet<>();
      Set<String> required = new TreeSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        components.add(c.getName());
        // Bean Validation's @NotNull, @NotBlank or @NotEmpty, by name: this module does not compile against it
        if (Arrays.stream(c.getAccessor().getAnnotations()).map(a -> a.annotationType().getName())
            .anyMatch(REQUIRED::contains)) {
          required.add(c.getName());
        }
        if (c.getType().isEnum()) {
          JsonNode property = resolve(schema, object.path("properties").path(c.getName()));
          Set<String> constants = new TreeSet<>();
          Arrays.stream(c.getType().getEnumConstants()).forEach(e -> constants.add(((Enum<?>) e).name()));
          if (!texts(property.path("enum")).equals(constants)) {
            wrong.add(where + "." + c.getName() + ": the schema lists " + texts(property.path("enum"))
                + ", the reader takes " + constants);
          }
        }
      }
      Set<String> properties = new TreeSet<>();
      object.path("properties").fieldNames().forEachRemaining(properties::add);
      if (!properties.equals(components)) {
        wrong.add(where + ": the schema has " + properties + ", the reader binds " + components);
      }
      if (!texts(object.path("required")).equals(required)) {
        wrong.add(where + ": the schema requires " + texts(object.path("required")) + ", the reader requires " + required);
      }
    });
    return wrong;
  }

  /** A reader's internal type: not exported from its module, so looked up on the class path the tests run on. */
  private static Class<?> type(String name) {
    try {
      Class<?> type = Class.forName(name);
      assertThat(type.isRecord()).as(name).isTrue();
      return type;
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the reader's type " + name + " is gone; update this test and the schema", e);
    }
  }

  private static JsonNode read(Class<?> anchor, String resource) throws Exception {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/$defs/") ? schema.path("$defs").path(ref.substring("#/$defs/".length())) : node;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Set<String> spelled(Class<? extends Enum<?>> type) {
    Set<String> out = new TreeSet<>();
    Arrays.stream(type.getEnumConstants()).forEach(e -> out.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    return out;
  }
}
