package org.dltips.kernel;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.PerJdk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults and bad input against the packaged kernel: each case must leave a kernel that answers the next cell.
 * Prints how many cases ran and how many were followed by an answering kernel.
 */
class KernelFaultsIT {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger SURVIVED = new AtomicInteger();

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> faultsLeaveAnAnsweringKernel() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        fault(cases, "busy loop interrupted within 2 s, CPU idle after", CellFaults::interruptBusyLoop);
        fault(cases, "Thread.sleep loop interrupted within 2 s, CPU idle after", CellFaults::interruptSleepLoop);
        fault(cases, "DL4J training interrupted within 2 s, CPU idle after", CellFaults::interruptTraining);
        fault(cases, "exception in a cell", CellFaults::exception);
        fault(cases, "System.exit(0) in a cell", CellFaults::systemExit);
        fault(cases, "infinite recursion", CellFaults::infiniteRecursion);
        fault(cases, "allocating beyond the heap", CellFaults::outOfMemory);
        fault(cases, "a million printed lines are capped", CellFaults::millionLines);
        fault(cases, "a student thread printing after its cell", CellFaults::strayThread);
        fault(cases, "wrong HMAC signature rejected, never executed", WireFaults::wrongSignature);
        fault(cases, "missing signature rejected, never executed", WireFaults::missingSignature);
        fault(cases, "a replayed request runs once", WireFaults::replay);
        fault(cases, "malformed JSON", WireFaults::malformedJson);
        fault(cases, "unknown message type", WireFaults::unknownType);
        fault(cases, "a 64 MiB message", WireFaults::hugeMessage);
        return PerJdk.containers("faults", dir, cases);
    }

    private static void fault(Map<String, Consumer<KernelFixture>> cases, String name, Consumer<KernelFixture> body) {
        cases.put(name, k -> {
            RUN.incrementAndGet();
            Throwable failure = null;
            try {
                body.accept(k);
            } catch (RuntimeException | AssertionError e) {
                failure = e;
            }
            try {
                k.assertAnswers(name);
                SURVIVED.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
                k.restart();
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure != null) {
                throw (AssertionError) failure;
            }
        });
    }

    @AfterAll
    static void printCount() {
        System.out.printf("Fault cases: %d run, %d followed by a kernel that answered the next cell%n", RUN.get(),
                SURVIVED.get());
    }
}
