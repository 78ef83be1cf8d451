package org.outcome.instruments.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * JSON paths as every message of the library writes them: field names joined by {@code .}, list
 * positions in brackets counted from 0, {@code $} for the document itself; for example
 * {@code outcomes[1].instrument} or {@code tenure.atDays[2]}.
 */
public final class JsonPaths {
  /** The path of the document itself. */
  public static final String ROOT = "$";

  private JsonPaths() {}

  /** The path of field {@code key} inside the object at {@code at}. */
  public static String field(String at, String key) {
    return at.equals(ROOT) ? key : at + "." + key;
  }

  /** Whether {@code path} is {@code at} or lies inside it (a field or element of it, at any depth). */
  public static boolean within(String path, String at) {
    return path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[");
  }

  /** The path of element {@code index} of the list at {@code at}. */
  public static String index(String at, int index) {
    return (at.equals(ROOT) ? "" : at) + "[" + index + "]";
  }

  /**
   * The path of the value the parser stands on: of the field or element whose value starts or
   * ends at the current token, or whose scalar value is the current token.
   */
  static String of(JsonParser p) {
    JsonStreamContext context = p.getParsingContext();
    JsonToken token = p.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
      context = context.getParent(); // the parser has already entered the value; name it from outside
    }
    return of(context);
  }

  /** The path of the field or element a parsing context stands on. */
  static String of(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    String at = ROOT;
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        at = index(at, Math.max(c.getCurrentIndex(), 0));
      } else if (c.getCurrentName() != null) {
        at = field(at, c.getCurrentName());
      }
    }
    return at;
  }

  /** The path Jackson recorded for a binding error. */
  static String of(JsonMappingException e) {
    String at = ROOT;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        at = index(at, ref.getIndex());
      } else if (ref.getFieldName() != null) {
        at = field(at, ref.getFieldName());
      }
    }
    return at;
  }

  /**
   * The path of a Bean Validation violation: {@code items[3].<list element>} becomes
   * {@code items[3]}, a map value is named by its key, and a rule on a whole object (a class-level
   * constraint, or an {@code @AssertTrue} method of a record, which is no field of the document)
   * is located at the object.
   *
   * @param leafBean the object that holds the violating value
   */
  static String of(Path path, Object leafBean) {
    String at = ROOT;
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    for (int i = 0; i < nodes.size(); i++) {
      Path.Node node = nodes.get(i);
      boolean last = i == nodes.size() - 1;
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          at = index(at, node.getIndex());
        } else if (node.getKey() != null) {
          at = field(at, String.valueOf(node.getKey()));
        }
      }
      if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getKind() != ElementKind.BEAN
          && node.getName() != null && !(last && !isField(leafBean, node.getName()))) {
        at = field(at, node.getName());
      }
    }
    return at;
  }

  /** Whether {@code name} is a field of the document, that is a component of the record that holds it. */
  private static boolean isField(Object bean, String name) {
    if (bean == null || !bean.getClass().isRecord()) {
      return true;
    }
    for (RecordComponent component : bean.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
