package org.dltips.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a folder for tests: {@code org.dltips.test:greeter:1.0} (class {@code demo.Greeter})
 * depends on {@code org.dltips.test:words:2.1} (class {@code demo.Words}); and a settings file that mirrors
 * every repository to a given URL.
 *
 * <p>{@code Path repo = FolderRepository.withGreeterAndWords(dir.resolve("remote"));}
 */
public final class FolderRepository {

    private FolderRepository() {
    }

    public static Path withGreeterAndWords(Path root) throws IOException {
        artifact(root, "words", "2.1", "Words", "");
        artifact(root, "greeter", "1.0", "Greeter", "<dependency><groupId>org.dltips.test</groupId>"
                + "<artifactId>words</artifactId><version>2.1</version></dependency>");
        return root;
    }

    /** A {@code settings.xml} in {@code dir} with the local repository and a mirror of everything. */
    public static Path settings(Path dir, String mirrorUrl, Path local) throws IOException {
        return Files.writeString(dir.resolve("settings.xml"), "<settings><localRepository>" + local
                + "</localRepository><mirrors><mirror><id>test</id><mirrorOf>*</mirrorOf><url>" + mirrorUrl
                + "</url></mirror></mirrors></settings>");
    }

    private static void artifact(Path root, String id, String version, String className, String dependencies)
            throws IOException {
        Path folder = Files.createDirectories(root.resolve("org/dltips/test/" + id + "/" + version));
        Files.writeString(folder.resolve(id + "-" + version + ".pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.dltips.test</groupId><artifactId>" + id + "</artifactId><version>" + version
                + "</version><dependencies>" + dependencies + "</dependencies></project>");
        Path jar = greeterJar(root.resolve("build-" + id), className, id);
        Files.copy(jar, folder.resolve(id + "-" + version + ".jar"));
    }

    /** A jar with one class {@code demo.NAME} whose static {@code word()} returns {@code word}. */
    public static Path greeterJar(Path folder, String name, String word) throws IOException {
        Path src = Files.createDirectories(folder.resolve("src/demo")).resolve(name + ".java");
        Files.writeString(src, "package demo; public class " + name + " { public static String word() { return \""
                + word + "\"; } }");
        Path out = Files.createDirectories(folder.resolve("out"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        if (rc != 0) {
            throw new IOException("javac failed on " + src);
        }
        Path jar = Files.createDirectories(folder.resolve("lib")).resolve(name.toLowerCase() + ".jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("demo/" + name + ".class"));
            j.write(Files.readAllBytes(out.resolve("demo/" + name + ".class")));
            j.closeEntry();
        }
        return jar;
    }
}
