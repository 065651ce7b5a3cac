package org.dltips.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeepStopUnitTest {

    @Test
    void libraryCodeACellRunsGetsStopChecks() {
        assertTrue(DeepStop.isLibrary("org.deeplearning4j.nn.multilayer.MultiLayerNetwork"));
        assertTrue(DeepStop.isLibrary("org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner"));
        assertTrue(DeepStop.isLibrary("org.dltips.train.Trainer"));
    }

    @Test
    void theKernelAndTheLibrariesItTalksToTheFrontEndWithDoNot() {
        for (String kernelSide : new String[] {"org.zeromq.ZMQ$Socket", "zmq.SocketBase", "zmq.poll.Poller",
                "com.google.gson.Gson", "org.dflib.jjava.jupyter.channels.JupyterSocket",
                "org.dltips.kernel.internal.PatientStdin", "java.util.Scanner", "REPL.$JShell$12"}) {
            assertFalse(DeepStop.isLibrary(kernelSide), kernelSide);
        }
    }
}
