package org.dltips.kernel.magic;

import org.dltips.kernel.magic.MagicScanner.Cell;
import org.dltips.kernel.magic.MagicScanner.Java;
import org.dltips.kernel.magic.MagicScanner.Line;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicScannerUnitTest {

    @Test
    void aCellMagicOwnsTheWholeCell() {
        assertEquals(List.of(new Cell("time", "", "int x = 1;\nx % 2", 1)),
                MagicScanner.scan("%%time\nint x = 1;\nx % 2"));
        assertEquals(List.of(new Cell("html", "", "<b>hi</b>", 2)), MagicScanner.scan("\n  %%html\n<b>hi</b>"));
    }

    @Test
    void lineMagicsSplitTheJavaAroundThem() {
        assertEquals(List.of(new Java("int x = 1;\n", 1), new Line("time", "x + 1", 2), new Java("x * 2", 3)),
                MagicScanner.scan("int x = 1;\n%time x + 1\nx * 2"));
        assertEquals(List.of(new Line("lsmagic", "", 1)), MagicScanner.scan("%lsmagic"));
        assertEquals(List.of(new Line("maven", "a:b:1", 1), new Line("jars", "lib/*.jar", 2)),
                MagicScanner.scan("%maven a:b:1\n  %jars lib/*.jar\n"));
    }

    @Test
    void theRemainderOperatorAndPercentInTextStayJava() {
        for (String java : List.of(
                "int r = 7 % 3;",
                "int r = 7\n% 3;",
                "int r = 7\n%3;",
                "int r = (7\n%time);",
                "String s = String.format(\"%d%%\", 5);",
                "String t = \"\"\"\n%time not a magic\n\"\"\";",
                "/*\n%time in a comment\n*/ int a = 1;",
                "int[] a = {1,\n%b};",
                "if (x > 0) {\n%time f();\n}",
                "char c = '%';\nint d = c\n%time;")) {
            assertFalse(MagicScanner.hasMagic(java), java);
            assertEquals(List.of(new Java(java, 1)), MagicScanner.scan(java), java);
        }
    }

    @Test
    void aMagicAfterABlockOrCommentStartsANewPart() {
        String cell = "for (int i = 0; i < 2; i++) { }\n// time it\n%time 1 + 1";
        assertTrue(MagicScanner.hasMagic(cell));
        assertEquals(new Line("time", "1 + 1", 3), MagicScanner.scan(cell).get(1));
    }

    @Test
    void aCellMagicBelowTheFirstLineIsReportedAsSuch() {
        assertEquals(List.of(new Java("int x = 1;\n", 1), new Line("%time", "", 2)),
                MagicScanner.scan("int x = 1;\n%%time"));
    }
}
