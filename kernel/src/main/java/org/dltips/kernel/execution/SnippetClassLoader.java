package org.dltips.kernel.execution;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the classes JShell compiles from cells, instrumented by {@link Instrumenter}, on top of the kernel's
 * own classes (DL4J, Tablesaw, XChart, the dltips library). Jars added later go to its URL list.
 *
 * <p>{@code loader.define("REPL.$JShell$11", bytes); loader.loadClass("REPL.$JShell$11");}
 */
final class SnippetClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
        super("dltips-cells", new URL[0], parent);
    }

    /** Remembers the instrumented bytes of a class so the next lookup defines it. */
    void define(String name, byte[] classFile) {
        pending.put(name, Instrumenter.instrument(classFile));
    }

    void addJar(URL url) {
        addURL(url);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = pending.remove(name);
        if (bytes != null) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        return super.findClass(name);
    }
}
