package org.dltips.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Downloads {@code <file>.gz} from the data set's mirrors into a temporary file, which is only used once
 * complete and verified, and always deleted afterwards.
 *
 * <p>{@code new DownloadSource(List.of(URI.create("https://example.org/mnist/")), tempDir, notes)}
 */
final class DownloadSource implements Source {

    private final List<URI> mirrors;
    private final Path temporaryDirectory;
    private final Consumer<String> notes;

    DownloadSource(List<URI> mirrors, Path temporaryDirectory, Consumer<String> notes) {
        this.mirrors = mirrors;
        this.temporaryDirectory = temporaryDirectory;
        this.notes = notes;
    }

    @Override
    public String describe() {
        return "download from " + mirrors;
    }

    @Override
    public boolean worthCaching() {
        return true;
    }

    @Override
    public String provide(DatasetSpec spec, Set<String> missing, Map<String, byte[]> found) {
        if (mirrors.isEmpty()) {
            return "no mirrors known";
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<String> problems = new ArrayList<>();
        Set<URI> unreachable = new HashSet<>();
        for (String file : missing) {
            for (URI mirror : mirrors) {
                if (unreachable.contains(mirror)) {
                    continue;
                }
                URI address = mirror.resolve(file + ".gz");
                try {
                    byte[] bytes = IdxCodec.uncompress(download(client, address, file + ".gz"), address.toString());
                    String problem = Verifier.problem(spec, file, bytes, address.toString());
                    if (problem == null) {
                        found.put(file, bytes);
                        break;
                    }
                    problems.add(problem);
                } catch (java.net.ConnectException e) {
                    unreachable.add(mirror);
                    problems.add(mirror + ": could not connect (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "), no internet access");
                } catch (IOException e) {
                    problems.add(address + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.add(address + ": interrupted");
                    return String.join("; ", problems);
                }
                notes.accept("Warning: " + problems.get(problems.size() - 1) + ".");
            }
        }
        int provided = (int) missing.stream().filter(found::containsKey).count();
        String outcome = "downloaded " + provided + " of " + missing.size() + " files";
        return problems.isEmpty() ? outcome : outcome + "; " + String.join("; ", problems);
    }

    private byte[] download(HttpClient client, URI address, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP status " + response.statusCode() + ", expected 200");
            }
            long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Path part = temporaryFile(name);
            try {
                long received = copy(body, part, Progress.start(name, expected));
                if (expected >= 0 && received != expected) {
                    throw new IOException("incomplete download: " + received + " of " + expected + " bytes");
                }
                return Files.readAllBytes(part);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    private Path temporaryFile(String name) throws IOException {
        try {
            Files.createDirectories(temporaryDirectory);
            return Files.createTempFile(temporaryDirectory, name + ".", ".part");
        } catch (IOException e) {
            return Files.createTempFile(name + ".", ".part");
        }
    }

    private static long copy(InputStream body, Path part, Progress progress) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long received = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                received += n;
                progress.advance(received);
            }
        }
        progress.done(received);
        return received;
    }
}
