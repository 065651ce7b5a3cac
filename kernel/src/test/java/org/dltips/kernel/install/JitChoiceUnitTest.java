package org.dltips.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitChoiceUnitTest {

    @Test
    void bothCompilersOnlyWhereAStartWithThemFitsTheBudget() {
        JitChoice fast = JitChoice.decide(0.9, 1.4);
        assertTrue(fast.optimizing());
        assertEquals(List.of(), fast.flags());
        JitChoice slow = JitChoice.decide(1.9, 3.2); // a 2-core AMD EPYC, 2026-12-06
        assertFalse(slow.optimizing());
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), slow.flags());
        assertTrue(slow.summary().startsWith("C1 alone: a kernel start took 1.90 s with C1 alone, 3.20 s"),
                slow.summary());
    }

    @Test
    void unmeasuredMeansC1Alone() {
        JitChoice none = new JitChoice(false, 0, 0, false);
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), none.flags());
        assertEquals("C1 alone (kernel starts were not measured)", none.summary());
    }

    @Test
    void noMeasureIsAnOption() {
        assertFalse(InstallOptions.parse(new String[] {"--no-measure"}).measure());
        assertTrue(InstallOptions.parse(new String[0]).measure());
    }
}
