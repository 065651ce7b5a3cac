package org.dltips.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeAssistUnitTest {

    @Test
    void inlineTagsBecomeTheirText() {
        assertEquals("Adds n hidden units; see NetworkBuilder.output or the output layer.",
                CodeAssist.plainJavadoc("Adds {@code n} hidden units; see {@link NetworkBuilder#output} or "
                        + "{@link #output(int) the output layer}."));
    }

    @Test
    void htmlMarkupBecomesParagraphsAndItems() {
        assertEquals("First.\n\nSecond:\n- a\n- b 1 < 2 & 3 > 2",
                CodeAssist.plainJavadoc("First.\n<p>Second:<ul><li>a</li><li>b {@literal 1 < 2} &amp; 3 &gt; 2</ul>"));
    }
}
