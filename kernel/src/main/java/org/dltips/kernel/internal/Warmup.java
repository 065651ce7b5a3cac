package org.dltips.kernel.internal;

/**
 * Loads ND4J's native backend in the background while the notebook opens, so the first cell that touches
 * ND4J does not pay for it.
 *
 * <p>{@code Warmup.startNd4j();}
 */
public final class Warmup {

    private Warmup() {
    }

    /** With {@code -Ddltips.timing=true}, logs how long after the JVM started {@code what} happened. */
    public static void sinceStart(String what) {
        if (Boolean.getBoolean("dltips.timing")) {
            long ms = java.time.Duration.between(ProcessHandle.current().info().startInstant()
                    .orElse(java.time.Instant.now()), java.time.Instant.now()).toMillis();
            KernelLog.warn(what + " " + ms + " ms after the JVM started");
        }
    }

    public static void startNd4j() {
        Thread t = new Thread(Warmup::nd4jNow, "dltips-nd4j-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Loads the backend and runs one small matrix product on this thread. */
    public static void nd4jNow() {
            try {
                Class<?> nd4j = Class.forName("org.nd4j.linalg.factory.Nd4j");
                Object ones = nd4j.getMethod("ones", long[].class).invoke(null, (Object) new long[] {2, 2});
                ones.getClass().getMethod("mmul", Class.forName("org.nd4j.linalg.api.ndarray.INDArray"))
                        .invoke(ones, ones);
                sinceStart("ND4J ready");
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                KernelLog.warn("ND4J warm-up failed (the first ND4J cell will be slower or fail): " + e);
            }
    }
}
