package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.outcome.instruments.internal.Dto;

/**
 * The published JSON Schema ({@code org/outcome/instruments/schema/instrument-definition.schema.json},
 * for editors) says what the reader accepts: for every object of a definition, the same keys,
 * none other allowed, the same required keys, and the same enum constants as the types the reader
 * binds to. A field added to the reader and not to the schema (or the reverse) fails here.
 */
class DefinitionSchemaTest {
  private static final Map<Class<? extends Record>, String> OBJECTS = Map.of(
      Dto.Definition.class, "",
      Dto.Scale.class, "scale",
      Dto.Item.class, "item",
      Dto.Subscale.class, "subscale",
      Dto.Transform.class, "transform",
      Dto.Psychometrics.class, "psychometrics",
      Dto.Fact.class, "fact");

  @Test
  void theSchemaDescribesExactlyTheFieldsTheReaderBinds() throws Exception {
    JsonNode schema;
    try (InputStream in = Instruments.class.getResourceAsStream("schema/instrument-definition.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    List<String> wrong = new ArrayList<>();
    OBJECTS.forEach((type, name) -> {
      JsonNode object = name.isEmpty() ? schema : schema.path("$defs").path(name);
      String where = name.isEmpty() ? "the definition" : name;
      if (!object.path("additionalProperties").isBoolean() || object.path("additionalProperties").asBoolean()) {
        wrong.add(where + ": additionalProperties must be false");
      }
      Set<String> components = new TreeSet<>();
      Set<String> required = new TreeSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        components.add(c.getName());
        if (c.getAccessor().isAnnotationPresent(NotNull.class) || c.getAccessor().isAnnotationPresent(NotBlank.class)
            || c.getAccessor().isAnnotationPresent(NotEmpty.class)) {
          required.add(c.getName());
        }
        if (c.getType().isEnum()) {
          JsonNode property = resolve(schema, object.path("properties").path(c.getName()));
          Set<String> constants = new TreeSet<>();
          Arrays.stream(c.getType().getEnumConstants()).forEach(e -> constants.add(((Enum<?>) e).name()));
          Set<String> listed = new TreeSet<>();
          property.path("enum").forEach(v -> listed.add(v.asText()));
          if (!listed.equals(constants)) {
            wrong.add(where + "." + c.getName() + ": the schema lists " + listed + ", the reader takes " + constants);
          }
        }
      }
      Set<String> properties = new TreeSet<>();
      object.path("properties").fieldNames().forEachRemaining(properties::add);
      if (!properties.equals(components)) {
        wrong.add(where + ": the schema has " + properties + ", the reader binds " + components);
      }
      Set<String> schemaRequired = new TreeSet<>();
      object.path("required").forEach(v -> schemaRequired.add(v.asText()));
      if (!schemaRequired.equals(required)) {
        wrong.add(where + ": the schema requires " + schemaRequired + ", the reader requires " + required);
      }
    });
    assertThat(wrong).isEmpty();
  }

  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/$defs/") ? schema.path("$defs").path(ref.substring("#/$defs/".length())) : node;
  }
}
