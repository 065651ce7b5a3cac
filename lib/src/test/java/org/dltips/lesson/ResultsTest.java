package org.dltips.lesson;

import org.dltips.display.Displayable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dltips.train.EpochStats;
import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void jsonHasExactlyTheAgreedShape() {
        Results results = Results.of("01-recipe.ipynb")
                .add("sigmoid + MSE", 0.113, 0.114, 1.5)
                .add("ReLU", 0.998, 0.956, 2.25);
        assertEquals("{\"notebook\": \"01-recipe.ipynb\", \"runs\": ["
                + "{\"name\": \"sigmoid + MSE\", \"train_accuracy\": 0.113, \"test_accuracy\": 0.114, \"seconds_per_epoch\": 1.5}, "
                + "{\"name\": \"ReLU\", \"train_accuracy\": 0.998, \"test_accuracy\": 0.956, \"seconds_per_epoch\": 2.25}]}",
                results.mimeBundle().get(Displayable.DATA));
    }

    @Test
    void notMeasuredBecomesNullAndNamesAreEscaped() {
        Results results = Results.of("a\"b.ipynb").add("quote \" back \\ tab \t line\n", Double.NaN, 0.5,
                Double.POSITIVE_INFINITY);
        assertEquals("{\"notebook\": \"a\\\"b.ipynb\", \"runs\": [{\"name\": \"quote \\\" back \\\\ tab \\t line\\n\", "
                + "\"train_accuracy\": null, \"test_accuracy\": 0.5, \"seconds_per_epoch\": null}]}", results.toJson());
    }

    @Test
    void addingFromEpochsTakesTheLastAccuraciesAndTheMeanSeconds() {
        List<EpochStats> epochs = List.of(new EpochStats(1, 2.0, 0.5, 2.1, 0.45, 3.0, 3333),
                new EpochStats(2, 1.0, 0.8, 1.2, 0.75, 1.0, 10000));
        Results.Row row = Results.of("n.ipynb").add("run", epochs).get("run");
        assertEquals(new Results.Row("run", 0.8, 0.75, 2.0), row);
    }

    @Test
    void reRunningACellReplacesTheRowInPlace() {
        Results results = Results.of("n.ipynb").add("a", 0.1, 0.1, 1).add("b", 0.2, 0.2, 1).add("a", 0.9, 0.8, 1);
        assertEquals(List.of("a", "b"), results.rows().stream().map(Results.Row::name).toList());
        assertEquals(0.9, results.get("a").trainAccuracy());
    }

    @Test
    void htmlAndTextShowBothAccuraciesOfEveryRun() {
        Results results = Results.of("n.ipynb").add("<ReLU>", 0.9981, 0.9562, 2.345);
        String html = results.mimeBundle().get("text/html");
        assertTrue(html.contains("<caption>Results of n.ipynb</caption>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">&lt;ReLU&gt;</td><td>0.998</td><td>0.956</td><td>2.35</td>"), html);
        String text = results.mimeBundle().get("text/plain");
        assertEquals("Results of n.ipynb\n"
                + "run     train accuracy  test accuracy  seconds / epoch\n"
                + "<ReLU>           0.998          0.956             2.35", text);
    }

    @Test
    void errorsSayWhatWasGivenAndHowToFixIt() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Results.of("n.ipynb").add("a", 1, 1, 1).get("b"));
        assertEquals("no run named \"b\" in the results; the runs are [a]; add it first with results.add(...)",
                missing.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Results.of("n.ipynb").add("a", List.of()));
        assertTrue(empty.getMessage().startsWith("run \"a\" has no epochs"), empty.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Results.of(" "));
        assertEquals("Results.of needs the notebook's file name, got \" \"; e.g. Results.of(\"01-recipe.ipynb\")",
                blank.getMessage());
    }
}
