package org.dltips.data.internal;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where data files are looked for and kept: a data directory chosen by the user, the per-user cache, whether
 * downloads are allowed, and the npm command.
 *
 * <p>{@code DataSettings settings = DataSettings.fromEnvironment(); settings.cacheRoot(); // ~/.cache/dltips}
 *
 * <p>Read from system properties first, then environment variables: {@code dltips.data} / {@code DLTIPS_DATA}
 * (a directory holding {@code mnist/} and {@code fashion-mnist/}), {@code dltips.cache} / {@code DLTIPS_CACHE}
 * (default {@code $XDG_CACHE_HOME/dltips} or {@code ~/.cache/dltips}), {@code dltips.offline} /
 * {@code DLTIPS_OFFLINE} ({@code true} skips downloads), {@code dltips.npm} / {@code DLTIPS_NPM} (the npm
 * command, empty to skip npm).
 */
public record DataSettings(Path dataDirectory, Path cacheRoot, boolean allowDownload, String npmCommand) {

    /** Settings from system properties and environment variables, with the defaults above. */
    public static DataSettings fromEnvironment() {
        return from(System::getProperty, System::getenv);
    }

    /** Settings from the given property and environment lookups (for tests). */
    public static DataSettings from(Function<String, String> properties, Function<String, String> environment) {
        String data = first(properties.apply("dltips.data"), environment.apply("DLTIPS_DATA"));
        String cache = first(properties.apply("dltips.cache"), environment.apply("DLTIPS_CACHE"));
        if (cache == null) {
            String xdg = environment.apply("XDG_CACHE_HOME");
            String home = first(environment.apply("HOME"), System.getProperty("user.home"));
            cache = xdg != null && !xdg.isBlank()
                    ? Path.of(xdg, "dltips").toString()
                    : Path.of(home, ".cache", "dltips").toString();
        }
        String offline = first(properties.apply("dltips.offline"), environment.apply("DLTIPS_OFFLINE"));
        String npm = properties.apply("dltips.npm") != null ? properties.apply("dltips.npm")
                : environment.apply("DLTIPS_NPM") != null ? environment.apply("DLTIPS_NPM") : "npm";
        return new DataSettings(data == null ? null : Path.of(data), Path.of(cache),
                !(offline != null && (offline.equalsIgnoreCase("true") || offline.equals("1"))), npm.trim());
    }

    private static String first(String property, String variable) {
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        return variable != null && !variable.isBlank() ? variable.trim() : null;
    }
}
