package org.dltips.kernel.execution;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads JShell's compiled cell classes into a {@link SnippetClassLoader} in this JVM.
 *
 * <p>{@code new DirectExecutionControl(new SnippetLoaderDelegate(loader))}
 */
final class SnippetLoaderDelegate implements LoaderDelegate {

    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final Set<String> visible;

    /** @param visible class path entries the parent class loader already sees, not added again */
    SnippetLoaderDelegate(SnippetClassLoader loader, Set<String> visible) {
        this.loader = loader;
        this.visible = visible;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            loader.define(c.name(), c.bytecodes());
        }
        int i = 0;
        try {
            for (ClassBytecodes c : classes) {
                loaded.put(c.name(), loader.loadClass(c.name()));
                installed[i++] = true;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("could not load cell class " + classes[i].name() + ": " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // Redefinition is refused by the execution control, so JShell loads new classes instead.
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String entry : path.split(File.pathSeparator)) {
                if (visible.contains(entry)) {
                    continue;
                }
                loader.addJar(new File(entry).toURI().toURL());
            }
        } catch (MalformedURLException e) {
            throw new InternalException("cannot add " + path + " to the class path: " + e.getMessage());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        return c != null ? c : loader.loadClass(name);
    }

    ClassLoader classLoader() {
        return loader;
    }
}
