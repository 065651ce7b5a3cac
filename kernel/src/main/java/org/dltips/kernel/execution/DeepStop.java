package org.dltips.kernel.execution;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops library code that ignores interruption (a long DL4J {@code fit} call) on Java 20+, where
 * {@code Thread.stop} is gone: the classes on the cell thread's stack are re-transformed with the same
 * checks cell code has, so the next method call or loop turn in them throws {@link CellInterruptedError}.
 * Needs the instrumentation the kernel jar gets as its own launcher agent ({@code Launcher-Agent-Class}).
 *
 * <p>{@code DeepStop.stop(cellThread); // false when no instrumentation is available}
 */
public final class DeepStop {

    private static volatile Instrumentation instrumentation;
    private static final Set<String> TARGETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DeepStop() {
    }

    /** Called by the JVM before {@code main} when the kernel runs with {@code java -jar}. */
    public static void agentmain(String args, Instrumentation inst) {
        if (inst.isRetransformClassesSupported()) {
            instrumentation = inst;
            inst.addTransformer(new Transformer(), true);
        }
    }

    /** True when re-transformation is possible in this JVM. */
    static boolean available() {
        return instrumentation != null;
    }

    /** Adds stop checks to the library classes {@code thread} is running; returns whether any were changed. */
    static boolean stop(Thread thread) {
        Instrumentation inst = instrumentation;
        if (inst == null) {
            return false;
        }
        Set<String> names = new HashSet<>();
        for (StackTraceElement e : thread.getStackTrace()) {
            if (isLibrary(e.getClassName())) {
                names.add(e.getClassName());
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (names.contains(c.getName()) && inst.isModifiableClass(c) && TARGETS.add(c.getName())) {
                classes.add(c);
            }
        }
        if (classes.isEmpty()) {
            return false;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
            return true;
        } catch (Exception | LinkageError e) {
            org.dltips.kernel.internal.KernelLog.warn("could not add stop checks to " + names + ": " + e);
            return false;
        }
    }

    /**
     * Classes that may get stop checks: not the JDK's, not the kernel's, and not those of the libraries the kernel
     * talks to the front end with (JeroMQ, Gson, jjava). The checks fire on every thread while a stop is pending,
     * so a check in JeroMQ would end the threads that send the stopped cell's reply, and the kernel would hang
     * (a cell waiting for keyboard input sits in JeroMQ's poll when a slow machine lets 0.6 s pass).
     */
    static boolean isLibrary(String className) {
        return !(className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.")
                || className.startsWith("org.dltips.kernel.") || className.startsWith("REPL.")
                || className.startsWith("org.zeromq.") || className.startsWith("zmq.")
                || className.startsWith("com.google.gson.") || className.startsWith("org.dflib.jjava.")
                || className.contains("$$Lambda") || className.contains("/"));
    }

    /** Instruments only the classes {@link #stop} asked for. */
    private static final class Transformer implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                byte[] classFile) {
            if (redefined == null || name == null || !TARGETS.contains(name.replace('/', '.'))) {
                return null;
            }
            try {
                return Instrumenter.instrument(classFile);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
