package org.dltips.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dltips.model.internal.BlasChoice;

/**
 * The lecture epoch's limit on this machine, the unit of the notebooks' time bars: the seconds an epoch's matrix
 * products take at the machine's measured product peak ({@code org.dltips.train.internal.ProductPeak}, run in a
 * JVM with the OpenBLAS kernel family the installer measured as the fastest, at the better of one thread and
 * one per core).
 *
 * <p>{@code double limit = EpochLimit.measure(kernelJar);} is 0.19 s on a 2-core AMD EPYC.
 */
final class EpochLimit {

    private EpochLimit() {
    }

    /** The limit in seconds, or NaN (with the reason printed) when it could not be measured. */
    static double measure(Path kernelJar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", kernelJar.toString(),
                "org.dltips.train.internal.ProductPeak").redirectErrorStream(true);
        builder.environment().putAll(BlasChoice.forThisMachine(System.out::println).environment());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println("the product peak could not be measured:\n" + output);
                return Double.NaN;
            }
            for (String line : output.split("\n")) {
                if (line.startsWith("lecture_epoch_limit_seconds=")) {
                    System.out.println("product peak: " + output.lines().filter(l -> l.contains("=")).toList());
                    return Double.parseDouble(line.substring(line.indexOf('=') + 1).trim());
                }
            }
            System.out.println("the product peak probe printed no limit:\n" + output);
            return Double.NaN;
        } catch (IOException e) {
            System.out.println("the product peak could not be measured: " + e.getMessage());
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
