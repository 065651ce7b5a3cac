package org.dltips.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ready JShell with the kernel's class path, default imports, and its helpers.
 *
 * <p>{@code Session s = Session.start(loader, thread, List.of("import java.util.*;"));}
 */
record Session(JShell jshell, ImportPruning pruning, CellExecutionControl control, SnippetSplitter splitter,
               CodeAssist assist) {

    /** No annotation processing: otherwise javac searches every jar for processors on each cell. */
    private static final String[] COMPILER_OPTIONS = System.getProperty("dltips.javac", "-proc:none").isBlank()
            ? new String[0] : System.getProperty("dltips.javac", "-proc:none").split(" ");

    static Session start(SnippetClassLoader loader, CellThread thread, List<String> imports) {
        long t0 = System.nanoTime();
        String classPath = ClassPaths.kernel();
        Set<String> visible = Set.of(classPath.split(File.pathSeparator));
        SnippetLoaderDelegate delegate = new SnippetLoaderDelegate(loader, visible);
        CellExecutionControl[] created = new CellExecutionControl[1];
        JShell jshell = JShell.builder()
                .executionEngine(CellExecutionControl.provider(delegate, created), Map.of())
                .compilerOptions(COMPILER_OPTIONS)
                .in(InputStream.nullInputStream())
                .out(System.out)
                .err(System.err)
                .build();
        jshell.addToClasspath(classPath);
        Timing.log("JShell built", t0);
        SnippetSplitter splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
        Session session = new Session(jshell, ImportPruning.install(jshell), created[0], splitter,
                new CodeAssist(jshell, splitter));
        try {
            thread.call(() -> {
                session.prepare(imports);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("JShell could not be prepared: " + e, e);
        }
        Timing.log("JShell ready", t0);
        return session;
    }

    /** Adds the imports that compile (packages written later may be missing) and warms the compiler. */
    private void prepare(List<String> imports) {
        for (String line : imports) {
            long t = System.nanoTime();
            jshell.eval(line);
            Timing.log(line, t);
        }
        long t = System.nanoTime();
        for (SnippetEvent e : jshell.eval("1 + 2")) {
            jshell.drop(e.snippet());
        }
        Timing.log("1 + 2", t);
        control.reset();
        t = System.nanoTime();
        assist.warmUp();
        Timing.log("completion", t);
    }
}
