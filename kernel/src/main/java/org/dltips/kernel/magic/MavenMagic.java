package org.dltips.kernel.magic;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %maven GROUP:ARTIFACT:VERSION ...}: resolves the artifacts with their runtime dependencies, as Maven
 * would (Maven Central, or the mirrors, proxies and local repository of {@code ~/.m2/settings.xml}), and adds
 * the jars to the running kernel in one step once all of them are there.
 *
 * <p>{@code %maven org.apache.commons:commons-math3:3.6.1}
 */
final class MavenMagic implements Magics.LineMagic {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private static final String EXAMPLE = "e.g. %maven org.apache.commons:commons-math3:3.6.1";

    private RepositorySystem system;

    @Override
    public CellResult run(String args, int line, MagicContext context) throws CellFailure {
        List<String> coordinates = ClassPathMagics.words(args);
        if (coordinates.isEmpty()) {
            throw MagicError.of("%maven needs GROUP:ARTIFACT:VERSION, " + EXAMPLE);
        }
        List<Path> jars = resolve(coordinates, settingsFile());
        List<String> present = context.host().classPath();
        List<String> fresh = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            String same = present.stream().filter(p -> p.equals(jar.toString()) || Path.of(p).getFileName() != null
                    && Path.of(p).getFileName().toString().equals(name)).findFirst().orElse(null);
            if (same == null) {
                fresh.add(jar.toString());
            } else if (!same.equals(jar.toString())) {
                notes.add(name + " is already part of the kernel");
            }
        }
        if (!fresh.isEmpty()) {
            context.host().addToClassPath(fresh);
        }
        System.out.println("Resolved " + String.join(", ", coordinates) + ": " + jars.size()
                + (jars.size() == 1 ? " jar" : " jars") + ", " + fresh.size() + " added to the class path"
                + (notes.isEmpty() ? "." : " (" + String.join("; ", notes) + ")."));
        return CellResult.NONE;
    }

    static Path settingsFile() {
        return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    /** The jars of {@code coordinates} and their runtime dependencies, all downloaded, or a failure naming why. */
    synchronized List<Path> resolve(List<String> coordinates, Path settingsFile) throws CellFailure {
        MavenSettings settings;
        try {
            settings = MavenSettings.read(settingsFile);
        } catch (IOException e) {
            throw MagicError.of("%maven could not read " + settingsFile + ": " + e.getMessage());
        }
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) {
            try {
                collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw MagicError.of("%maven: '" + c + "' is not GROUP:ARTIFACT:VERSION (or GROUP:ARTIFACT:"
                        + "EXTENSION:CLASSIFIER:VERSION), " + EXAMPLE);
            }
        }
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(settings.localRepository().toFile())));
        session.setOffline(settings.offline());
        session.setMirrorSelector(settings.mirrors());
        session.setProxySelector(settings.proxies());
        session.setAuthenticationSelector(settings.credentials());
        session.setConfigProperty("aether.connector.connectTimeout", 15_000);
        session.setConfigProperty("aether.connector.requestTimeout", 60_000);
        List<RemoteRepository> remotes = new ArrayList<>();
        remotes.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
        remotes.addAll(settings.profileRepositories());
        collect.setRepositories(system.newResolutionRepositories(session, remotes));
        try {
            List<ArtifactResult> results = system.resolveDependencies(session, new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults();
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : results) {
                if (r.getArtifact() == null || r.getArtifact().getFile() == null) {
                    throw MagicError.of("%maven could not download " + r.getRequest().getArtifact()
                            + "; nothing was added");
                }
                jars.add(r.getArtifact().getFile().toPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw MagicError.of(explain(e, coordinates, settings, collect.getRepositories()));
        }
    }

    private static String explain(Exception e, List<String> coordinates, MavenSettings settings,
                                  List<RemoteRepository> repositories) {
        String where = repositories.stream().map(RemoteRepository::getUrl).distinct().toList().toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return "%maven could not reach " + where + " (" + t + "). Check the network connection, or a"
                        + " mirror or proxy in " + settingsFile() + "; nothing was added.";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactNotFoundException notFound) {
                return "%maven found no " + notFound.getArtifact() + " in " + where + " or in "
                        + settings.localRepository() + (settings.offline() ? " (settings.xml says offline)" : "")
                        + ". Check the group, artifact and version (" + String.join(", ", coordinates)
                        + "); nothing was added.";
            }
        }
        return "%maven could not resolve " + String.join(", ", coordinates) + ": " + e.getMessage()
                + "; nothing was added.";
    }
}
