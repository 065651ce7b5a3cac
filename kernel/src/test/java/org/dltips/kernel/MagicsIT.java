package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dltips.kernel.magic.FolderRepository;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.PerJdk;
import org.dltips.kernel.wire.WireMessage;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every magic through the installed kernel over the real wire, on each JDK. */
class MagicsIT {

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> magicsOverTheWire() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        cases.put("%lsmagic lists the magics", k -> {
            String out = k.ok("%lsmagic").stream("stdout");
            for (String name : new String[] {"%time", "%%time", "%maven", "%jars", "%classpath", "%load", "%%html",
                    "%%markdown", "%lsmagic"}) {
                assertTrue(out.contains(name), () -> name + " missing from %lsmagic:\n" + out);
            }
        });
        cases.put("%time shows the value and the times", k -> {
            Execution cell = k.ok("int base = 40;\n%time base + 2");
            assertEquals("42", cell.result("text/plain"), cell::describe);
            assertTrue(cell.stream("stdout").matches("(?s)CPU times: user .+, sys .+, total .+\nWall time: .+\n"),
                    cell::describe);
        });
        cases.put("%%time times the whole cell", k -> {
            Execution cell = k.ok("%%time\nThread.sleep(250);\n\"done\"");
            assertEquals("done", cell.result("text/plain"), cell::describe);
            assertTrue(cell.stream("stdout").contains("Wall time: "), cell::describe);
        });
        cases.put("% as an operator and in format strings stays Java", k -> {
            Execution cell = k.ok("int m = 17\n% 5;\nString.format(\"%d%%\", m)");
            assertEquals("2%", cell.result("text/plain"), cell::describe);
        });
        cases.put("an unknown magic is a clear error and the kernel goes on", k -> {
            Execution cell = k.run("%mavn a:b:1");
            assertEquals("error", cell.status(), cell::describe);
            assertTrue(cell.errorText().contains("%mavn on line 1 is not a magic"), cell::describe);
            k.assertAnswers("an unknown magic");
        });
        cases.put("%%html and %%markdown publish display_data", k -> {
            WireMessage html = k.ok("%%html\n<b>bold</b>").ofType("display_data").get(0);
            assertEquals("<b>bold</b>", html.content().getAsJsonObject("data").get("text/html").getAsString());
            WireMessage md = k.ok("%%markdown\n*slanted*").ofType("display_data").get(0);
            assertEquals("*slanted*", md.content().getAsJsonObject("data").get("text/markdown").getAsString());
        });
        cases.put("%jars and %classpath add a jar whose class the next cell uses", MagicsIT::jars);
        cases.put("%load runs a file as a cell", k -> {
            Path file = write("loaded.jshell", "int triple(int x) { return 3 * x; }\nint fromFile = triple(14);\n");
            k.ok("%load " + file);
            assertEquals("42", k.ok("fromFile").result("text/plain"));
        });
        cases.put("%maven resolves through ~/.m2/settings.xml, with dependencies, and reports a bad artifact",
                MagicsIT::maven);
        return PerJdk.containers("magics", dir, cases);
    }

    private static void jars(KernelFixture k) {
        Path jar;
        try {
            jar = FolderRepository.greeterJar(dir.resolve("jar-" + k.hashCode()), "Hello",
                    "hi");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Execution typo = k.run("%jars " + jar.getParent() + "/*.jra");
        assertEquals("error", typo.status(), typo::describe);
        assertTrue(typo.errorText().contains("nothing was added"), typo::describe);
        assertTrue(k.ok("%jars " + jar.getParent() + "/*.jar").stream("stdout").contains("Added 1 entry"));
        assertEquals("hi", k.ok("demo.Hello.word()").result("text/plain"));
        assertTrue(k.ok("%classpath").stream("stdout").lines().anyMatch(l -> l.equals(jar.toString())));
    }

    private static void maven(KernelFixture k) {
        Path home = dir.resolve("home-" + k.hashCode());
        try {
            Path remote = FolderRepository.withGreeterAndWords(home.resolve("remote"));
            Files.createDirectories(home.resolve(".m2"));
            FolderRepository.settings(home.resolve(".m2"), "file://" + remote, home.resolve("m2-local"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        k.ok("String realHome = System.getProperty(\"user.home\");\nSystem.setProperty(\"user.home\", \"" + home + "\");");
        try {
            Execution missing = k.run("%maven org.dltips.test:greeter:7.0");
            assertEquals("error", missing.status(), missing::describe);
            assertTrue(missing.errorText().contains("found no org.dltips.test:greeter:jar:7.0"), missing::describe);
            Execution added = k.ok("%maven org.dltips.test:greeter:1.0");
            assertTrue(added.stream("stdout").contains("2 jars, 2 added"), added::describe);
            assertEquals("greeter words", k.ok("demo.Greeter.word() + \" \" + demo.Words.word()")
                    .result("text/plain"));
        } finally {
            k.ok("System.setProperty(\"user.home\", realHome);");
        }
    }

    private static Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
