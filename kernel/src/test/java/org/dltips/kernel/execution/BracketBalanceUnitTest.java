package org.dltips.kernel.execution;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BracketBalanceUnitTest {

    @Test
    void balancedCodeIsComplete() {
        assertEquals("complete", BracketBalance.isComplete("1 + 2"));
        assertEquals("complete", BracketBalance.isComplete("int f(int x) { return x; }"));
    }

    @Test
    void openBracketsAskForMoreLinesIndentedByDepth() {
        assertEquals("    ", BracketBalance.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("        ", BracketBalance.isComplete("void f() {\n  if (true) {"));
    }

    @Test
    void bracketsInsideStringsCharactersAndCommentsDoNotCount() {
        assertEquals("complete", BracketBalance.isComplete("String s = \"{(\"; char c = '{'; // {\n/* ( */ s"));
        assertEquals("complete", BracketBalance.isComplete("\"a \\\" {\""));
    }

    @Test
    void moreClosingThanOpeningIsInvalid() {
        assertEquals("invalid", BracketBalance.isComplete("1 + 2)"));
    }
}
