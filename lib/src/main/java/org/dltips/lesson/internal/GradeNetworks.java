package org.dltips.lesson.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.data.Dataset;
import org.dltips.data.FashionMnist;
import org.dltips.data.ImageSet;
import org.dltips.data.Mnist;
import org.dltips.lesson.Homework;
import org.dltips.lesson.Targets;
import org.dltips.model.Network;

/**
 * The grader's own evaluation of a student's saved networks, in a process that never ran the student's code: the
 * homework's training set, and a held-out test set with noise drawn from a seed only the grader knows. Prints the
 * homework's JSON ({@link Homework#toJson()}) on one line.
 *
 * <pre>{@code
 * java -cp dltips-kernel.jar org.dltips.lesson.internal.GradeNetworks --notebook 13-homework.ipynb \
 *     --dataset mnist --train-examples 10000 --noise 1.0 --seed - --targets 0.55,0.65,0.70 \
 *     "attempt 1=net1.zip" "attempt 2=net2.zip"
 * }</pre>
 */
public final class GradeNetworks {

    private static final String USAGE = "Usage: GradeNetworks --notebook NAME --dataset mnist|fashion-mnist"
            + " --train-examples N --noise STDDEV --seed SEED --targets PASS,STRONG,BOSS ATTEMPT=FILE...";

    private GradeNetworks() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** The seed given, or read from standard input for {@code -} (a command line is visible to every process). */
    private static long seed(String option) {
        if (!option.equals("-")) {
            return Long.parseLong(option);
        }
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            return Long.parseLong(line == null ? "" : line.strip());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("could not read the seed from standard input: " + e.getMessage());
        }
    }

    /** Grades the networks; returns the exit status: 0 when graded (each attempt may have a problem), 2 on misuse. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Path> networks = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else if (arg.indexOf('=') > 0) {
                networks.put(arg.substring(0, arg.indexOf('=')), Path.of(arg.substring(arg.indexOf('=') + 1)));
            } else {
                err.println("unexpected argument \"" + arg + "\". " + USAGE);
                return 2;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("notebook", "dataset", "train-examples", "noise", "seed", "targets")) {
            if (!options.containsKey(name)) {
                missing.add("--" + name);
            }
        }
        if (!missing.isEmpty() || networks.isEmpty()) {
            err.println((missing.isEmpty() ? "no ATTEMPT=FILE given" : "missing " + missing) + ". " + USAGE);
            return 2;
        }
        Homework homework;
        try {
            ImageSet images = switch (options.get("dataset")) {
                case "mnist" -> Mnist.load();
                case "fashion-mnist" -> FashionMnist.load();
                default -> throw new IllegalArgumentException("unknown --dataset \"" + options.get("dataset")
                        + "\"; expected mnist or fashion-mnist");
            };
            Dataset train = images.train().first(Integer.parseInt(options.get("train-examples"))).scaled();
            Dataset heldOut = images.test().scaled().withNoise(Double.parseDouble(options.get("noise")),
                    seed(options.get("seed")));
            String[] t = options.get("targets").split(",");
            if (t.length != 3) {
                throw new IllegalArgumentException("--targets needs three accuracies, got " + options.get("targets"));
            }
            Targets targets = Targets.of(Double.parseDouble(t[0]), Double.parseDouble(t[1]), Double.parseDouble(t[2]));
            homework = Homework.of(options.get("notebook"), train, heldOut, targets);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + ". " + USAGE);
            return 2;
        }
        networks.forEach((attempt, file) -> {
            Network network;
            try {
                network = Network.load(file);
            } catch (RuntimeException e) {
                err.println(attempt + ": " + e.getMessage());
                network = null;
            }
            homework.gradeWeights(attempt, network);
        });
        out.println(homework.toJson());
        return 0;
    }
}
