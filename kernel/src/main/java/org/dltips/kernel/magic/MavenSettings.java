package org.dltips.kernel.magic;

import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code %maven} takes from a Maven {@code settings.xml}, as Maven itself would: the local repository,
 * offline mode, mirrors, proxies, server credentials and the repositories of active profiles. No file means
 * Maven's defaults.
 *
 * <p>{@code MavenSettings s = MavenSettings.read(Path.of(System.getProperty("user.home"), ".m2", "settings.xml"));}
 */
record MavenSettings(Path localRepository, boolean offline, DefaultMirrorSelector mirrors,
                     DefaultProxySelector proxies, DefaultAuthenticationSelector credentials,
                     List<RemoteRepository> profileRepositories) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(env\\.)?([^}]+)}");

    /** The settings in {@code file}, or the defaults when it does not exist. */
    static MavenSettings read(Path file) throws IOException {
        Settings settings = new Settings();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings = new SettingsXpp3Reader().read(in, false);
            } catch (org.codehaus.plexus.util.xml.pull.XmlPullParserException e) {
                throw new IOException(file + " is not valid settings XML: " + e.getMessage(), e);
            }
        }
        Path home = Path.of(System.getProperty("user.home"));
        String local = System.getProperty("maven.repo.local", expand(settings.getLocalRepository()));
        Path repository = local == null || local.isBlank() ? home.resolve(".m2").resolve("repository")
                : Path.of(local);
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            mirrors.add(m.getId(), expand(m.getUrl()), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(),
                    m.getMirrorOfLayouts());
        }
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (Proxy p : settings.getProxies()) {
            if (p.isActive()) {
                Authentication auth = p.getUsername() == null ? null
                        : new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword()).build();
                proxies.add(new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth),
                        p.getNonProxyHosts());
            }
        }
        DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            if (s.getUsername() != null) {
                credentials.add(s.getId(), new AuthenticationBuilder().addUsername(s.getUsername())
                        .addPassword(s.getPassword()).build());
            }
        }
        List<RemoteRepository> repositories = new ArrayList<>();
        for (Profile profile : settings.getProfiles()) {
            boolean active = settings.getActiveProfiles().contains(profile.getId())
                    || profile.getActivation() != null && profile.getActivation().isActiveByDefault();
            if (active) {
                profile.getRepositories().forEach(r -> repositories.add(
                        new RemoteRepository.Builder(r.getId(), "default", expand(r.getUrl())).build()));
            }
        }
        return new MavenSettings(repository, settings.isOffline(), mirrors, proxies, credentials, repositories);
    }

    /** {@code ${user.home}}-style system properties and {@code ${env.NAME}} variables filled in. */
    static String expand(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(value);
        return m.replaceAll(r -> {
            String v = r.group(1) != null ? System.getenv(r.group(2)) : System.getProperty(r.group(2));
            return Matcher.quoteReplacement(v != null ? v : r.group());
        });
    }
}
