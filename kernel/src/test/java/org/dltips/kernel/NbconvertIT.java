package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dltips.kernel.wire.KernelJar;
import org.dltips.kernel.wire.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes a small notebook with {@code jupyter nbconvert --execute} through the installed kernelspec. */
class NbconvertIT {

    @TempDir
    Path dir;

    @Test
    void smokeNotebookExecutesWithNbconvert() throws IOException {
        Python.require("nbconvert", "nbclient", "jupyter_client");
        Path prefix = dir.resolve("prefix");
        KernelJar.find().install(Path.of(System.getProperty("java.home")), prefix);
        Path source = Path.of("src", "test", "resources", "notebooks", "smoke.ipynb").toAbsolutePath();
        Map<String, String> env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        Python.Result result = Python.run(List.of(Python.executable(), "-m", "nbconvert", "--to", "notebook",
                "--execute", "--ExecutePreprocessor.kernel_name=dltips", "--ExecutePreprocessor.timeout=120",
                "--output-dir", dir.toString(), "--output", "smoke-executed", source.toString()), dir, env, 300);
        assertEquals(0, result.exit(), () -> "nbconvert --execute failed:\n" + result.output());

        List<JsonObject> outputs = outputs(dir.resolve("smoke-executed.ipynb"));
        assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("error")),
                () -> "the smoke notebook has error outputs: " + outputs);
        assertTrue(outputs.stream().anyMatch(o -> o.get("output_type").getAsString().equals("stream")
                && text(o.get("text")).contains("smoke: stdout")), () -> "no stdout stream: " + outputs);
        assertTrue(outputs.stream().anyMatch(o -> o.get("output_type").getAsString().equals("execute_result")
                && text(o.getAsJsonObject("data").get("text/plain")).equals("42")), () -> "no result 42: " + outputs);
        assertFalse(outputs.stream().noneMatch(o -> o.has("data") && o.getAsJsonObject("data").has("image/png")),
                () -> "no image/png output: " + outputs);
    }

    private static List<JsonObject> outputs(Path notebook) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            JsonArray cellOutputs = cell.getAsJsonObject().getAsJsonArray("outputs");
            if (cellOutputs != null) {
                cellOutputs.forEach(o -> outputs.add(o.getAsJsonObject()));
            }
        }
        return outputs;
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String text(JsonElement value) {
        if (value == null) {
            return "";
        }
        if (value.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            value.getAsJsonArray().forEach(line -> joined.append(line.getAsString()));
            return joined.toString();
        }
        return value.getAsString();
    }
}
