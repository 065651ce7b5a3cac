package org.dltips.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs notebook cells with JShell inside the kernel's JVM: several statements per cell, the value of a final
 * expression, readable compile and runtime errors, and a stop that really stops.
 *
 * <p>{@code CellResult r = evaluator.eval("int x = 20; x + 1", 1); // r.value() == 21}
 */
public final class CellEvaluator implements AutoCloseable {

    private final SnippetClassLoader loader;
    private final CellThread thread;
    private final CompletableFuture<Session> session = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<String> imports;
    private final Map<String, int[]> origins = new ConcurrentHashMap<>();
    private final List<String> added = new CopyOnWriteArrayList<>();
    private volatile CellRunner runner = (code, host) -> host.java(code);

    /**
     * Runs a whole cell on the cell thread, for instance with magics; Java goes back through {@link Host#java}.
     *
     * <p>{@code evaluator.runner((code, host) -> host.java(code.replace("%answer", "42")));}
     */
    public interface CellRunner {
        CellResult run(String code, Host host) throws CellFailure;
    }

    /** What a {@link CellRunner} may ask of the evaluator; call only on the cell thread. */
    public interface Host {
        /** Runs Java as part of the current cell; line numbers in errors count from the text's first line. */
        CellResult java(String code) throws CellFailure;

        /** Adds jars or class folders for the compiler and for cell classes, all at once. */
        void addToClassPath(List<String> entries);

        /** The kernel's class path followed by the entries added since it started. */
        List<String> classPath();
    }

    /** Prepares an evaluator; JShell is built by {@link #start()} or, at the latest, by the first cell. */
    public CellEvaluator(ClassLoader parent, List<String> imports) {
        loader = new SnippetClassLoader(parent);
        thread = new CellThread(loader);
        this.imports = List.copyOf(imports);
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(CellEvaluator::reportThreadDeath);
        }
    }

    /** Threads a cell started and the stop button ended say so in one line instead of a stack trace. */
    private static void reportThreadDeath(Thread thread, Throwable e) {
        if (e instanceof CellInterruptedError) {
            System.err.println("[stopped thread '" + thread.getName() + "' that a cell had started]");
        } else {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
        }
    }

    /** Starts building JShell on a background thread; calling it again does nothing. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    session.complete(Session.start(loader, thread, imports));
                } catch (Throwable e) {
                    session.completeExceptionally(e);
                }
            }, "dltips-jshell-start");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Evaluates a cell; {@code cell} is its execution count, used in error messages. */
    public CellResult eval(String code, int cell) throws CellFailure {
        Session s = session();
        long t0 = System.nanoTime();
        try {
            return thread.call(() -> runner.run(code, host(s, cell)));
        } catch (CellFailure f) {
            throw f;
        } catch (Exception e) {
            throw new CellFailure("KernelError", "the kernel could not run the cell: " + e,
                    List.of("the kernel could not run the cell: " + e));
        } finally {
            Timing.log("cell " + cell, t0);
        }
    }

    private CellResult evalOnCellThread(Session s, String code, int cell) throws CellFailure {
        CellResult result = CellResult.NONE;
        for (SnippetSplitter.Piece piece : s.splitter().split(code)) {
            int line = CompileErrors.lineOf(code, piece.firstCode());
            if (piece.incomplete()) {
                String msg = "the cell ends before the code starting on line " + line + " is complete; "
                        + "check for a missing '}', ')' or ';'";
                throw new CellFailure("CompilationException", msg, List.of("\u001b[31merror: " + msg + "\u001b[0m"));
            }
            s.control().reset();
            List<SnippetEvent> events = s.pruning().eval(piece.source());
            result = CellResult.NONE;
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                origins.put(snippet.id(), new int[] {cell, line});
                if (event.status() == Snippet.Status.REJECTED) {
                    throw CompileErrors.of(s.jshell().diagnostics(snippet).toList(), code, piece.start());
                }
                JShellException thrown = event.exception();
                if (thrown != null) {
                    Throwable real = s.control().lastThrown();
                    s.control().reset();
                    if (CellGuard.isStopRequested()) {
                        real = new CellInterruptedError();
                    }
                    throw RuntimeErrors.of(thrown, real, where(cell));
                }
                if (showsValue(snippet)) {
                    result = new CellResult(true, s.control().lastValue());
                }
            }
            s.control().reset();
        }
        return result;
    }

    /** Replaces how whole cells run (the default runs them as Java). */
    public void runner(CellRunner replacement) {
        runner = replacement;
    }

    private Host host(Session s, int cell) {
        return new Host() {
            @Override
            public CellResult java(String code) throws CellFailure {
                return evalOnCellThread(s, code, cell);
            }

            @Override
            public void addToClassPath(List<String> entries) {
                s.jshell().addToClasspath(String.join(File.pathSeparator, entries));
                added.addAll(entries);
            }

            @Override
            public List<String> classPath() {
                String kernel = ClassPaths.kernel();
                List<String> all = new ArrayList<>(List.of(kernel.split(File.pathSeparator)));
                all.addAll(added);
                return all;
            }
        };
    }

    private Function<String, Function<Integer, String>> where(int cell) {
        return id -> snippetLine -> {
            int[] origin = origins.get(id);
            if (origin == null) {
                return "line " + snippetLine;
            }
            int line = origin[1] + snippetLine - 1;
            return origin[0] == cell ? "cell line " + line : "cell [" + origin[0] + "], line " + line;
        };
    }

    /** Final expressions show their value, except a bare {@code display(...)} whose id would only clutter. */
    private static boolean showsValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND ->
                    !snippet.source().strip().startsWith("display(");
            default -> false;
        };
    }

    /** Stops the running cell, if any; see {@link CellThread#stop()}. */
    public void interrupt() {
        thread.stop();
    }

    /**
     * Runs {@code task} on the cell thread once the running cell (if any) is done, without waiting for it: for
     * widget callbacks. The stop button stops it like a cell.
     */
    public void runLater(Runnable task) {
        thread.submit(task);
    }

    /** True once the stop button was pressed during the cell or callback that runs now. */
    public boolean isStopRequested() {
        return CellGuard.isStopRequested();
    }

    /** True when {@code t} is the thread that runs cell code. */
    public boolean isCellThread(Thread t) {
        return t == thread.thread();
    }

    /** True while a cell runs. */
    public boolean isBusy() {
        return thread.isBusy();
    }

    /** Completion, documentation and is-complete checks; waits until JShell is ready. */
    public CodeAssist assist() {
        return session().assist();
    }

    /** The class loader of cell classes, for renderers that must see cell-defined types. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** True once JShell is built, so that requests no longer wait for it. */
    public boolean isReady() {
        return session.isDone();
    }

    /** Waits until JShell is ready (the first cell does this anyway). */
    public void awaitReady() {
        session();
    }

    private Session session() {
        start();
        return session.join();
    }

    @Override
    public void close() {
        thread.shutdown();
        session.thenAccept(s -> s.jshell().close());
        session.completeExceptionally(new IllegalStateException("the kernel is shutting down"));
    }
}
