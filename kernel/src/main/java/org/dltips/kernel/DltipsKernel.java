package org.dltips.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dltips.kernel.display.BuiltInRenderers;
import org.dltips.kernel.display.CellPublisher;
import org.dltips.kernel.display.Display;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CodeAssist;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.HistoryReplies;
import org.dltips.kernel.internal.KernelInfoReplies;
import org.dltips.kernel.internal.Connections;
import org.dltips.kernel.internal.KernelLog;
import org.dltips.kernel.internal.KeyboardInput;
import org.dltips.kernel.internal.MemoryHistory;
import org.dltips.kernel.magic.MagicScanner;
import org.dltips.kernel.magic.Magics;
import org.dltips.kernel.widget.KernelWidgetTransport;
import org.dltips.kernel.widget.WidgetComms;

import java.util.List;
import java.util.OptionalLong;

/**
 * The dltips Jupyter kernel: jjava's protocol handling, with cells run by our own in-process JShell
 * ({@link CellEvaluator}), our own output streams and displays.
 *
 * <p>{@code DltipsKernel kernel = DltipsKernel.builder().build(); kernel.becomeHandlerForConnection(connection);}
 */
public final class DltipsKernel extends BaseKernel {

    private final CellEvaluator evaluator;
    private final CellStreams streams;
    private final ExecuteHandler executor;
    private final MemoryHistory history;
    private final KeyboardInput keyboard;
    private final WidgetComms widgets;
    private final java.util.concurrent.CountDownLatch shutdown = new java.util.concurrent.CountDownLatch(1);

    DltipsKernel(String name, String version, LanguageInfo language, MemoryHistory history, JupyterIO io,
                 CommManager comms, Renderer renderer, MagicParser magics, MagicsRegistry registry,
                 StringStyler styler, CellStreams streams) {
        super(name, version, language, List.of(), history, io, comms, renderer, magics, registry, false, styler);
        this.streams = streams;
        this.history = history;
        BuiltInRenderers.registerAll(renderer, DltipsKernel.class.getClassLoader());
        this.evaluator = new CellEvaluator(DltipsKernel.class.getClassLoader(),
                DefaultImports.lines(DltipsKernel.class.getClassLoader()));
        streams.cellThread(evaluator::isCellThread);
        CellPublisher publisher = new CellPublisher(renderer, streams);
        Display.setPublisher(publisher);
        evaluator.runner(new Magics(publisher::show));
        this.keyboard = new KeyboardInput(() -> {
            streams.flush();
            streams.awaitSent();
        });
        this.executor = new ExecuteHandler(evaluator, streams, publisher, history, keyboard);
        this.widgets = new WidgetComms(evaluator, streams);
        KernelWidgetTransport.install(widgets);
    }

    /** A builder with the kernel's name, version and language info filled in. */
    public static KernelBuilder builder() {
        return new KernelBuilder();
    }

    @Override
    public String getBanner() {
        return "dltips Java kernel " + version + " on Java " + Runtime.version();
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        executor.handle(env, message);
    }

    /**
     * Answered once JShell is ready (about a second after start, longer on a loaded machine): clients take this
     * reply for "the kernel is ready", and jupyter console then expects {@code is_complete} within 1 s.
     */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        try {
            evaluator.awaitReady();
        } catch (RuntimeException e) {
            KernelLog.warn("answering kernel_info although JShell did not start: " + e);
        }
        KernelInfoReplies.reply(env, message, name, version, languageInfo, getBanner());
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        Connections.stdin(connection).ifPresent(stdin -> {
            keyboard.channel(stdin);
            System.setIn(keyboard);
        });
        widgets.attach(connection);
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryReplies.reply(env, message, history);
    }

    @Override
    public Object evalRaw(String code) {
        try {
            return evaluator.eval(code, 0).value();
        } catch (CellFailure failure) {
            throw new IllegalStateException(failure.name() + ": " + failure.getMessage(), failure);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        CodeAssist.Help help = assist().documentation(code, at, extraDetail);
        if (help.isEmpty()) {
            return null;
        }
        DisplayData data = new DisplayData(help.plain());
        data.putHTML(help.html());
        return data;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CodeAssist.Completions c = assist().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    /**
     * JShell's answer, always (waiting for JShell to be ready), so that it never depends on timing; for a cell
     * with magics, the answer for its Java after the last magic line, or for a cell magic's body.
     */
    @Override
    public String isComplete(String code) {
        List<MagicScanner.Part> parts = MagicScanner.magicParts(code);
        if (parts.isEmpty()) {
            return assist().isComplete(code);
        }
        MagicScanner.Part last = parts.get(parts.size() - 1);
        if (last instanceof MagicScanner.Cell cell) {
            return cell.body().isBlank() ? "" : assist().isComplete(cell.body());
        }
        return last instanceof MagicScanner.Java java ? assist().isComplete(java.code()) : "complete";
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellFailure failure) {
            return failure.traceback();
        }
        return super.formatError(e);
    }

    @Override
    public void onShutdown(boolean restart) {
        Display.setPublisher(null);
        KernelWidgetTransport.install(null);
        evaluator.close();
        streams.close();
        shutdown.countDown();
    }

    /** Blocks until a {@code shutdown_request} (or {@link #onShutdown}) arrived. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdown.await();
    }

    /**
     * Once per failed cell that asked to stop on error, when its reply was sent ({@link System#nanoTime()});
     * execute requests queued behind it are answered "aborted".
     */
    public OptionalLong takeAbortRequest() {
        return executor.takeAbortRequest();
    }

    /** Starts building JShell in the background (call once the sockets answer); cells wait for it. */
    public void startSession() {
        evaluator.start();
    }

    /** Blocks until JShell is ready; the first cell would wait anyway. */
    public void awaitReady() {
        evaluator.awaitReady();
    }

    private CodeAssist assist() {
        return evaluator.assist();
    }
}
