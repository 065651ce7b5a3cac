package org.dltips.kernel.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the kernelspec goes: {@code --user} (the default), {@code --sys-prefix}, or {@code --prefix DIR};
 * its name ({@code --name}, default {@code dltips}); and, for a shared install, a memory limit per kernel
 * ({@code --memory-mib N}: the heap and ND4J's arrays get 40 % each, ND4J stops allocating at 90 % resident)
 * and a read-only data directory every kernel reads the datasets from without downloading ({@code --data DIR});
 * {@code --no-measure} takes the machine settings from the CPU's flags instead of measuring them
 * ({@link MachineSettings}).
 *
 * <p>{@code InstallOptions.parse(new String[] {"--prefix", "/tmp/jp"}).kernelDirectory()}
 */
record InstallOptions(String location, String prefix, String name, boolean archive, int memoryMib, Path data,
                      boolean measure) {

    /** The smallest memory limit a kernel can train the lecture network in. */
    static final int MIN_MEMORY_MIB = 768;

    static InstallOptions parse(String[] args) {
        String location = "user";
        String prefix = null;
        String name = "dltips";
        boolean archive = true;
        int memoryMib = 0;
        Path data = null;
        boolean measure = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> location = "user";
                case "--sys-prefix" -> location = "sys-prefix";
                case "--prefix" -> {
                    location = "prefix";
                    prefix = value(args, ++i, "--prefix");
                }
                case "--name" -> name = value(args, ++i, "--name");
                case "--no-archive" -> archive = false;
                case "--no-measure" -> measure = false;
                case "--memory-mib" -> memoryMib = memory(value(args, ++i, "--memory-mib"));
                case "--data" -> data = dataDirectory(value(args, ++i, "--data"));
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. Expected "
                        + "--user, --sys-prefix, --prefix DIR, --name NAME, --no-archive, --no-measure, --memory-mib N"
                        + " or --data DIR.");
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Kernel name '" + name + "' is not allowed; use letters, digits, "
                    + "'.', '_' or '-', such as --name dltips-dev.");
        }
        return new InstallOptions(location, prefix, name, archive, memoryMib, data, measure);
    }

    private static int memory(String value) {
        int mib;
        try {
            mib = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            mib = -1;
        }
        if (mib < MIN_MEMORY_MIB) {
            throw new IllegalArgumentException("--memory-mib needs a whole number of MiB of at least " + MIN_MEMORY_MIB
                    + " (a kernel that trained the lecture network peaked near 600 MiB), such as --memory-mib 1536;"
                    + " got '" + value + "'.");
        }
        return mib;
    }

    private static Path dataDirectory(String value) {
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("mnist")) && !Files.isDirectory(dir.resolve("fashion-mnist"))) {
            throw new IllegalArgumentException("--data " + value + ": no mnist/ or fashion-mnist/ folder in " + dir
                    + ". Fetch the datasets into it first: DLTIPS_CACHE=" + dir + " java -cp dltips-kernel.jar"
                    + " org.dltips.data.Datasets fetch mnist fashion-mnist");
        }
        return dir;
    }

    Path kernelDirectory() {
        return switch (location) {
            case "prefix" -> Path.of(prefix).toAbsolutePath().resolve("share/jupyter/kernels").resolve(name);
            case "sys-prefix" -> Path.of(sysPrefix()).resolve("share/jupyter/kernels").resolve(name);
            default -> userDataDir().resolve("kernels").resolve(name);
        };
    }

    private static Path userDataDir() {
        String custom = System.getenv("JUPYTER_DATA_DIR");
        if (custom != null && !custom.isBlank()) {
            return Path.of(custom);
        }
        // HOME first, as Jupyter reads it: Java's user.home comes from the password database, which differs from
        // HOME under sudo -H, in containers and wherever a user's HOME is set on purpose.
        String homeVariable = System.getenv("HOME");
        Path home = Path.of(homeVariable != null && !homeVariable.isBlank() ? homeVariable
                : System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase().contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    private static String sysPrefix() {
        for (String env : new String[] {"CONDA_PREFIX", "VIRTUAL_ENV"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                if (p.waitFor() == 0 && line != null && !line.isBlank()) {
                    return line.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the message below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalArgumentException("--sys-prefix needs Python's prefix, but no conda or virtual environment "
                + "is active and 'python3' did not answer. Activate the environment, or use --prefix DIR.");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            String example = switch (option) {
                case "--name" -> " dltips";
                case "--memory-mib" -> " 1536";
                case "--data" -> " /srv/dltips/data";
                default -> " /path/to/env";
            };
            throw new IllegalArgumentException(option + " needs a value, such as " + option + example);
        }
        return args[i];
    }
}
