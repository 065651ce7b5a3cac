package org.dltips.kernel.execution;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Runs cell code in this JVM on the calling thread and keeps the real value and the real exception of the
 * last call, which JShell itself only passes on as strings.
 *
 * <p>{@code JShell.builder().executionEngine(CellExecutionControl.provider(delegate), Map.of())}
 */
final class CellExecutionControl extends DirectExecutionControl {

    private Object lastValue;
    private Throwable lastThrown;

    CellExecutionControl(SnippetLoaderDelegate delegate) {
        super(delegate);
    }

    /** A provider that hands JShell this control, built around {@code delegate}. */
    static ExecutionControlProvider provider(SnippetLoaderDelegate delegate, CellExecutionControl[] created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "dltips";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                created[0] = new CellExecutionControl(delegate);
                return created[0];
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        lastValue = value;
        // JShell only needs a label here; the kernel renders the real value, so skip a costly toString().
        return value == null ? "null" : value.getClass().getName();
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastThrown = cause;
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable ex) throws RunException, InternalException {
        lastThrown = ex;
        return super.throwConvertedOtherException(ex);
    }

    @Override
    public void stop() {
        CellGuard.requestStop();
    }

    /** Forgets the last value and exception, before a snippet runs. */
    void reset() {
        lastValue = null;
        lastThrown = null;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrown() {
        return lastThrown;
    }
}
