package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dltips.kernel.execution.CellGuard;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code System.in} for cells: each line a cell reads is asked of the front end with {@code input_request}
 * (after the output printed so far, so a printed question shows first), and the typed answer is read like
 * a line of a terminal. The stop button ends a pending read; without a keyboard the read fails with a
 * {@link NoKeyboardInputException} saying so.
 *
 * <p>{@code keyboard.startCell(request, true); ... new Scanner(System.in).nextLine() ... keyboard.endCell();}
 */
public final class KeyboardInput extends InputStream {

    static final String NO_KEYBOARD = "This front end runs cells without keyboard input (its request said"
            + " allow_stdin false, as nbclient, nbconvert and papermill do), so System.in has nothing to read."
            + " Put the value in the code instead, or run the cell in JupyterLab, the Notebook or jupyter console.";

    private final Runnable flushOutput;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile PatientStdin stdin;
    private volatile Question current;
    private byte[] line = new byte[0];
    private int at;
    private Question lineOwner;

    /** The cell a question belongs to: its request, and whether that front end takes input. */
    private record Question(MessageContext parent, boolean allowed) {
    }

    /** @param flushOutput sends what cells printed so far, before a question goes out */
    public KeyboardInput(Runnable flushOutput) {
        this.flushOutput = flushOutput;
    }

    /** The socket questions go out on; without one no front end can answer. */
    public void channel(PatientStdin channel) {
        stdin = channel;
    }

    /** Reads from now on belong to the cell of {@code request}; {@code allowed} is its {@code allow_stdin}. */
    public void startCell(MessageContext request, boolean allowed) {
        current = new Question(request, allowed);
    }

    /** The cell ended: a read still waiting gives up, and typed text it left unread is dropped. */
    public void endCell() {
        current = null;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        reading.lock();
        try {
            Question question = current;
            if (at >= line.length || lineOwner != question) {
                line = ask(question);
                lineOwner = question;
                at = 0;
            }
            int n = Math.min(len, line.length - at);
            System.arraycopy(line, at, b, off, n);
            at += n;
            return n;
        } finally {
            reading.unlock();
        }
    }

    @Override
    public int available() {
        reading.lock();
        try {
            return lineOwner == current ? Math.max(0, line.length - at) : 0;
        } finally {
            reading.unlock();
        }
    }

    private byte[] ask(Question question) {
        PatientStdin channel = stdin;
        if (question == null) {
            throw new NoKeyboardInputException("System.in can be read only while the cell that reads it runs;"
                    + " this read came from a thread that outlived its cell.");
        }
        if (!question.allowed() || channel == null) {
            throw new NoKeyboardInputException(NO_KEYBOARD);
        }
        flushOutput.run();
        Optional<String> answer;
        try {
            answer = channel.ask(question.parent(), "", false, () -> {
                CellGuard.check();
                return current != question;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CellGuard.check();
            throw new IllegalStateException("the wait for keyboard input was interrupted");
        }
        if (answer.isEmpty()) {
            throw new NoKeyboardInputException("the cell that asked for keyboard input has finished");
        }
        return (answer.get() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
