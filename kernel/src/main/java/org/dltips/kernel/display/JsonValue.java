package org.dltips.kernel.display;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * A JSON value in a display bundle that keeps its nulls on the wire: the message writer leaves out
 * {@code null} members of objects, which would turn {@code {"test_accuracy": null}} into {@code {}}.
 *
 * <p>{@code out.putData("application/json", JsonValue.parse("{\"a\": null}"));}
 */
@JsonAdapter(JsonValue.Adapter.class)
public final class JsonValue {

    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private final JsonElement tree;

    private JsonValue(JsonElement tree) {
        this.tree = tree;
    }

    /** Parses {@code json}; throws {@link com.google.gson.JsonParseException} when it is not JSON. */
    public static JsonValue parse(String json) {
        return new JsonValue(JsonParser.parseString(json));
    }

    /** The parsed value. */
    public JsonElement tree() {
        return tree;
    }

    @Override
    public String toString() {
        return tree.toString();
    }

    /** Writes the tree with nulls whatever the writer's own setting, and reads any JSON value. */
    static final class Adapter extends TypeAdapter<JsonValue> {
        @Override
        public void write(JsonWriter out, JsonValue value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            boolean nulls = out.getSerializeNulls();
            out.setSerializeNulls(true);
            try {
                ELEMENTS.write(out, value.tree);
            } finally {
                out.setSerializeNulls(nulls);
            }
        }

        @Override
        public JsonValue read(JsonReader in) throws IOException {
            return new JsonValue(ELEMENTS.read(in));
        }
    }
}
