package org.dltips.kernel.magic;

import org.dltips.kernel.execution.CellFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code %maven}'s resolution against a repository in a folder, mirrored for Maven Central by a settings file. */
class MavenMagicUnitTest {

    @TempDir
    Path dir;

    @Test
    void resolvesAnArtifactWithItsDependencyThroughTheMirror() throws Exception {
        Path remote = FolderRepository.withGreeterAndWords(dir.resolve("remote"));
        Path settings = FolderRepository.settings(dir, "file://" + remote, dir.resolve("local"));
        List<Path> jars = new MavenMagic().resolve(List.of("org.dltips.test:greeter:1.0"), settings);
        assertEquals(List.of("greeter-1.0.jar", "words-2.1.jar"),
                jars.stream().map(p -> p.getFileName().toString()).sorted().toList());
        assertTrue(jars.stream().allMatch(p -> p.startsWith(dir.resolve("local"))), jars::toString);
    }

    @Test
    void anUnknownArtifactIsNamedAndNothingIsReturned() throws Exception {
        Path remote = FolderRepository.withGreeterAndWords(dir.resolve("remote"));
        Path settings = FolderRepository.settings(dir, "file://" + remote, dir.resolve("local"));
        CellFailure f = assertThrows(CellFailure.class,
                () -> new MavenMagic().resolve(List.of("org.dltips.test:greeter:9.9"), settings));
        assertTrue(f.getMessage().contains("found no org.dltips.test:greeter:jar:9.9")
                && f.getMessage().contains("nothing was added"), f.getMessage());
    }

    @Test
    void anUnreachableRepositorySaysToCheckTheNetwork() throws IOException {
        Path settings = FolderRepository.settings(dir, "http://127.0.0.1:9/maven2", dir.resolve("local"));
        CellFailure f = assertThrows(CellFailure.class,
                () -> new MavenMagic().resolve(List.of("org.apache.commons:commons-math3:3.6.1"), settings));
        assertTrue(f.getMessage().contains("could not reach") && f.getMessage().contains("network"),
                f.getMessage());
    }

    @Test
    void malformedCoordinatesShowTheExpectedForm() throws IOException {
        Path settings = FolderRepository.settings(dir, "http://127.0.0.1:9/maven2", dir.resolve("local"));
        CellFailure f = assertThrows(CellFailure.class,
                () -> new MavenMagic().resolve(List.of("commons-math3"), settings));
        assertTrue(f.getMessage().contains("is not GROUP:ARTIFACT:VERSION"), f.getMessage());
    }

    @Test
    void settingsFillInPropertiesAndEnvironmentVariables() {
        String home = System.getProperty("user.home");
        assertEquals(home + "/repo", MavenSettings.expand("${user.home}/repo"));
        assertEquals("${no.such.property}", MavenSettings.expand("${no.such.property}"));
        if (System.getenv("HOME") != null) {
            assertEquals(System.getenv("HOME") + "/m2", MavenSettings.expand("${env.HOME}/m2"));
        }
    }
}
