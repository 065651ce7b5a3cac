package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NotebookVariantsTest {

    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["long seed = 1;\\n"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": ["long seed = 1;\\n", "boolean fashion = false; // a comment\\n", "var x = 1;"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    private static String code(String json) {
        var source = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("cells").get(1).getAsJsonObject()
                .getAsJsonArray("source");
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    @Test
    void aVariantChangesTheParameterLinesOfTheCodeOnly() {
        String changed = NotebookVariantsIT.withParameters(NOTEBOOK, "fashion+seed=7");
        assertEquals("long seed = 7;\nboolean fashion = true; // a comment\nvar x = 1;", code(changed));
        assertTrue(changed.contains("\"long seed = 1;\\n\""), "markdown keeps its text: " + changed);
    }

    @Test
    void aNotebookWithoutTheLineOrAnUnknownSettingIsRefused() {
        String noFashion = NOTEBOOK.replace("boolean fashion = false;", "boolean other = false;");
        AssertionError missing = assertThrows(AssertionError.class,
                () -> NotebookVariantsIT.withParameters(noFashion, "fashion"));
        assertTrue(missing.getMessage().contains("boolean fashion = false;"), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NotebookVariantsIT.withParameters(NOTEBOOK, "epochs=3"));
        assertTrue(unknown.getMessage().startsWith("unknown variant setting 'epochs=3'"), unknown.getMessage());
    }

    @Test
    void everyDemoNotebookDeclaresItsSeedAndDataSet() throws Exception {
        Path dir = Path.of(System.getProperty("dltips.notebooks.dir", "."));
        var demo = NotebooksIT.notebooks(dir, NotebooksIT.DEMO + "\\.ipynb");
        assertEquals(7, demo.size(), "notebooks 00 to 06 in " + dir.toAbsolutePath());
        for (Path notebook : demo) {
            String changed = NotebookVariantsIT.withParameters(Files.readString(notebook), "fashion+seed=3");
            assertTrue(changed.contains("boolean fashion = true;") && changed.contains("long seed = 3;"),
                    notebook.toString());
        }
    }
}
