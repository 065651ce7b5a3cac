package org.dltips.kernel.execution;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumenterUnitTest {

    /** Stand-ins for cell code: loaded again, instrumented, by {@link #instrumented}. */
    public static final class Samples {
        public static long spin() {
            long n = 0;
            while (true) {
                n++;
            }
        }

        public static int exit() {
            System.exit(3);
            return 1;
        }

        public static int halt() {
            Runtime.getRuntime().halt(4);
            return 1;
        }

        public static int sum(int n) {
            int s = 0;
            for (int i = 1; i <= n; i++) {
                s += i;
            }
            return s;
        }
    }

    @BeforeEach
    @AfterEach
    void clear() {
        CellGuard.clearStop();
    }

    @Test
    void tightLoopStopsSoonAfterStopRequest() throws Exception {
        Method spin = instrumented("spin");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                spin.invoke(null);
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (ReflectiveOperationException e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(200);
        assertTrue(t.isAlive(), "the loop should still be running before the stop");
        CellGuard.requestStop();
        t.join(2000);
        assertFalse(t.isAlive(), "the loop did not stop within 2 s of the stop request");
        assertInstanceOf(CellInterruptedError.class, thrown.get());
    }

    @Test
    void systemExitBecomesAnExceptionNamingTheCall() throws Exception {
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> instrumented("exit").invoke(null));
        KernelExitException exit = assertInstanceOf(KernelExitException.class, e.getCause());
        assertTrue(exit.getMessage().startsWith("System.exit(3) was called in a cell"), exit.getMessage());
    }

    @Test
    void runtimeHaltBecomesAnException() throws Exception {
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> instrumented("halt").invoke(null));
        assertTrue(e.getCause().getMessage().startsWith("Runtime.halt(4) was called in a cell"));
    }

    @Test
    void instrumentedCodeComputesTheSameResult() throws Exception {
        assertEquals(5050, instrumented("sum", int.class).invoke(null, 100));
    }

    private static Method instrumented(String name, Class<?>... params) throws Exception {
        String className = Samples.class.getName();
        byte[] original;
        try (InputStream in = Samples.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
            original = in.readAllBytes();
        }
        byte[] bytes = Instrumenter.instrument(original);
        ClassLoader loader = new ClassLoader(InstrumenterUnitTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(className)) {
                    synchronized (this) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        };
        return loader.loadClass(className).getMethod(name, params);
    }
}
