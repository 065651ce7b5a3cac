package org.dltips.kernel.internal;

import org.dltips.kernel.DltipsKernel;

/**
 * The {@code warmup} command: starts a kernel without sockets, runs a trivial cell and touches ND4J, then
 * exits; used while installing to record which classes a start needs.
 *
 * <p>{@code java -XX:ArchiveClassesAtExit=dltips.jsa -jar dltips-kernel.jar warmup}
 */
public final class WarmupRun {

    private WarmupRun() {
    }

    public static int run() {
        CellStreams streams = new CellStreams();
        DltipsKernel kernel = DltipsKernel.builder().streams(streams).build();
        kernel.awaitReady();
        kernel.evalRaw("int warm = 1 + 2;");
        kernel.complete("Math.ma", 7);
        Warmup.nd4jNow();
        kernel.onShutdown(false);
        return 0;
    }
}
