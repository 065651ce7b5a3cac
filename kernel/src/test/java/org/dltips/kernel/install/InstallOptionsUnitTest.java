package org.dltips.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install command's options for a shared install: a memory limit per kernel and a read-only data directory. */
class InstallOptionsUnitTest {

    @TempDir
    Path dir;

    @Test
    void aMemoryLimitSplitsBetweenTheHeapAndNd4jAndCapsResidentMemory() {
        InstallOptions options = InstallOptions.parse(new String[] {"--prefix", dir.toString(), "--memory-mib", "1500"});
        assertEquals(1500, options.memoryMib());
        assertEquals(List.of("-Xmx600m", "-Dorg.bytedeco.javacpp.maxbytes=600m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=1350m"), KernelSpecWriter.memoryFlags(options.memoryMib()));
        assertEquals(List.of("-Xmx2g"), KernelSpecWriter.memoryFlags(InstallOptions.parse(new String[0]).memoryMib()));
    }

    @Test
    void aMemoryLimitTooSmallToTrainOrNotANumberIsRefusedWithTheSmallestThatWorks() {
        for (String bad : new String[] {"512", "1.5g", "-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InstallOptions.parse(new String[] {"--memory-mib", bad}));
            assertTrue(e.getMessage().contains("at least 768") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> InstallOptions.parse(new String[] {"--memory-mib"}));
        assertTrue(missing.getMessage().contains("--memory-mib needs a value"), missing.getMessage());
    }

    @Test
    void theDataDirectoryMustHoldADatasetAndIsKeptAbsolute() throws IOException {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> InstallOptions.parse(new String[] {"--data", dir.toString()}));
        assertTrue(empty.getMessage().contains("no mnist/ or fashion-mnist/")
                && empty.getMessage().contains("Datasets fetch mnist fashion-mnist"), empty.getMessage());
        Files.createDirectories(dir.resolve("mnist"));
        InstallOptions options = InstallOptions.parse(new String[] {"--data", dir.resolve(".").toString()});
        assertEquals(dir.toAbsolutePath().normalize(), options.data());
        assertNull(InstallOptions.parse(new String[0]).data());
    }
}
