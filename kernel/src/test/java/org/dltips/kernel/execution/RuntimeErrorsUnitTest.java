package org.dltips.kernel.execution;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuntimeErrorsUnitTest {

    @Test
    void wrapperNamesAreRemovedFromMessages() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null",
                RuntimeErrors.clean("Cannot invoke \"String.length()\" because \"REPL.$JShell$14.s\" is null"));
    }

    @Test
    void cellClassesKeepTheirOwnName() {
        assertEquals("Point", RuntimeErrors.clean("REPL.$JShell$12$Point"));
        assertEquals("Point", RuntimeErrors.clean("REPL.$JShell$12B$Point"));
    }
}
