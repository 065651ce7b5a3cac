package org.dltips.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavadocTextUnitTest {

    @Test
    void inlineTagsBecomeTheirText() {
        assertEquals("Adds n hidden units; see NetworkBuilder.output or the output layer; like create(int, int).",
                JavadocText.parse("Adds {@code n} hidden units; see {@link NetworkBuilder#output} or "
                        + "{@link #output(int) the output layer}; like {@link #create(int, int)}.").plain());
    }

    @Test
    void htmlMarkupBecomesParagraphsAndItems() {
        assertEquals("First.\n\nSecond:\n- a\n- b 1 < 2 & 3 > 2",
                JavadocText.parse("First.\n<p>Second:<ul><li>a</li><li>b {@literal 1 < 2} &amp; 3 &gt; 2</ul>")
                        .plain());
    }

    @Test
    void blockTagsAreGatheredUnderHeadings() {
        JavadocText doc = JavadocText.parse("Returns the larger.\n@param a an argument\n@param b another\n"
                + "@return the larger of {@code a} and {@code b}\n@throws IllegalStateException never");
        assertEquals("Returns the larger.\n\nParameters:\n  a - an argument\n  b - another\n\nReturns:\n"
                + "  the larger of a and b\n\nThrows:\n  IllegalStateException - never", doc.plain());
        assertEquals("Returns the larger.", doc.summary());
        String html = doc.html();
        assertTrue(html.startsWith("<div>Returns the larger.</div><dl><dt><b>Parameters</b></dt><dd>a &ndash; an"
                + " argument</dd>"), html);
        assertTrue(html.contains("<dd>the larger of <code>a</code> and <code>b</code></dd>"), html);
    }

    @Test
    void codeInHtmlIsEscaped() {
        assertEquals("<div>Use <code>List&lt;String&gt;</code>.</div>",
                JavadocText.parse("Use {@code List<String>}.").html());
    }

    @Test
    void signaturesCountTheirParameters() {
        assertEquals(0, CodeAssist.arity("Table Table.create()"));
        assertEquals(2, CodeAssist.arity("int Math.max(int a, int b)"));
        assertEquals(2, CodeAssist.arity("Map<K, V> M.of(Map<String, Integer> m, long... shape)"));
    }
}
