package org.dltips.kernel.install;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JavaCheckUnitTest {

    @Test
    void olderJavaIsRefusedWithTheVersionAndTheFix() {
        assertEquals("This Java is version 11 (/opt/jdk11); the dltips kernel needs Java 17 or newer. "
                + "Install JDK 17+ and run install again with its java.", JavaCheck.problem(11, true, "/opt/jdk11"));
    }

    @Test
    void runtimeWithoutJShellIsRefused() {
        assertEquals("This Java (/opt/jre17) has no jdk.jshell module, so it cannot run notebook cells; it is "
                + "probably a JRE. Install a full JDK 17+ and run install again with its java.",
                JavaCheck.problem(17, false, "/opt/jre17"));
    }

    @Test
    void jdk17AndNewerAreAccepted() {
        assertNull(JavaCheck.problem(17, true, "/opt/jdk17"));
        assertNull(JavaCheck.problem(25, true, "/opt/jdk25"));
    }

    @Test
    void launcherReadsOldAndNewVersionStrings() {
        assertEquals(8, org.dltips.kernel.Main.feature("1.8"));
        assertEquals(11, org.dltips.kernel.Main.feature("11"));
        assertEquals(25, org.dltips.kernel.Main.feature("25"));
    }
}
