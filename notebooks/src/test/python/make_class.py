"""Write a class of homework submissions for the grader's test: varied honest attempts and every broken kind.

    python3 make_class.py SUBMISSIONS --assignment notebooks/13-homework.ipynb --solution SOLUTION.ipynb \
        --out GRADEBOOK_DIR

Each student gets SUBMISSIONS/STUDENT/13-homework.ipynb. Honest attempts train for 2 epochs (the grader's test
must finish in minutes); "solution" is the course's own solution, unchanged. Prints the students' names and the
kind of each as JSON: {"student": "kind", ...}.
"""
import argparse
import json
import os
import sys

import nbformat

NOTEBOOK = "13-homework.ipynb"


def network(activation="SIGMOID", layers=3, width=689, loss="MSE", optimizer="Optimizer.sgd(0.1)", dropout=None,
            name="net1", seed="seed"):
    hidden = "%d, %d, Activation.%s" % (layers, width, activation) + (", %s" % dropout if dropout else "")
    return ("Network %s = Network.input(784)\n        .hidden(%s)\n        .softmax(10)\n        .loss(Loss.%s)\n"
            "        .optimizer(%s)\n        .seed(%s)\n        .build();\n%s" % (name, hidden, loss, optimizer, seed,
                                                                               name))


def training(net="net1", history="history1", epochs=2, batch=100, data="train"):
    return "History %s = %s.fit(%s, noisyTest, Fit.epochs(%d).batchSize(%d));" % (history, net, data, epochs, batch)


def edit(nb, marker, source):
    for cell in nb.cells:
        if cell.cell_type == "code" and marker in "".join(cell.source):
            cell.source = "// ===== %s =====\n%s" % (marker, source)
            return
    raise SystemExit("make_class.py: no cell marked %r in the assignment" % marker)


def honest(assignment, first, second, epochs=2):
    nb = nbformat.read(assignment, as_version=4)
    edit(nb, "YOUR NETWORK HERE (attempt 1)", network(**first))
    edit(nb, "YOUR TRAINING HERE (attempt 1)", training(epochs=epochs))
    edit(nb, "YOUR NETWORK HERE (attempt 2)", network(name="net2", **second))
    edit(nb, "YOUR TRAINING HERE (attempt 2)", training("net2", "history2", epochs=epochs))
    return nb


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("submissions")
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--solution", required=True)
    parser.add_argument("--out", required=True, help="the grader's output directory, which one submission reads")
    args = parser.parse_args(argv)
    a = args.assignment
    relu_ce = dict(activation="RELU", loss="CROSS_ENTROPY")
    kinds, books = {}, {}

    def add(student, kind, nb):
        kinds[student], books[student] = kind, nb

    add("ada", "honest: the failing network as handed out", honest(a, {}, {}))
    add("ben", "honest: ReLU and cross-entropy, SGD", honest(a, relu_ce, dict(relu_ce, width=256)))
    add("chen", "honest: ReLU, cross-entropy, Adam", honest(a, dict(relu_ce, optimizer="Optimizer.adam(0.001)"),
                                                           dict(relu_ce, optimizer="Optimizer.adam(0.001)",
                                                                dropout=0.5)))
    add("dana", "honest: tanh, one layer", honest(a, dict(activation="TANH", layers=1, width=128),
                                                   dict(activation="TANH", layers=1, width=128, loss="CROSS_ENTROPY")))
    add("eli", "honest: sigmoid with cross-entropy", honest(a, dict(loss="CROSS_ENTROPY"),
                                                             dict(loss="CROSS_ENTROPY", layers=1)))
    add("fay", "honest: small ReLU network, seed 2", honest(a, dict(relu_ce, layers=2, width=64, seed="2"),
                                                             dict(relu_ce, layers=2, width=64, seed="3")))
    add("gus", "honest: Adam with sigmoid", honest(a, dict(optimizer="Optimizer.adam(0.001)", loss="CROSS_ENTROPY"),
                                                    dict(optimizer="Optimizer.adam(0.001)")))
    add("hana", "honest: ReLU with dropout 0.3", honest(a, dict(relu_ce, dropout=0.3),
                                                         dict(relu_ce, dropout=0.3, width=512)))
    add("ivo", "honest: learning rate too high", honest(a, dict(relu_ce, optimizer="Optimizer.sgd(5.0)"),
                                                         dict(relu_ce, optimizer="Optimizer.sgd(2.0)")))
    add("jun", "honest: one epoch only", honest(a, relu_ce, relu_ce, epochs=1))
    add("kai", "honest: the course's solution", nbformat.read(args.solution, as_version=4))

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR TRAINING HERE (attempt 1)", "while (true) { }")
    add("lea", "broken: a cell that never ends", nb)

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR TRAINING HERE (attempt 1)", training() + "\nSystem.exit(0);")
    add("max", "broken: System.exit", nb)

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR TRAINING HERE (attempt 1)",
         training() + "\nfor (int i = 0; i < 1_000_000; i++) System.out.println(\"line \" + i);")
    add("nia", "broken: a million lines of output", nb)

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR TRAINING HERE (attempt 1)", training() + "\n"
         "try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(%s))) {\n"
         "    for (var f : files.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(f);\n"
         "}" % json.dumps(os.path.abspath(args.submissions)))
    add("omar", "broken: deletes every submission", nb)

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR TRAINING HERE (attempt 1)", training() + "\nSystem.out.println(java.nio.file.Files.readString("
         "java.nio.file.Path.of(%s)));" % json.dumps(os.path.join(os.path.abspath(args.out), "grading-key.json")))
    add("pia", "broken: reads the answer key", nb)

    nb = honest(a, {}, {})
    edit(nb, "YOUR TRAINING HERE (attempt 1)",
         "History history1 = null;\nSystem.out.println(\"attempt 1: boss tier reached, test accuracy 0.991\");")
    edit(nb, "YOUR TRAINING HERE (attempt 2)",
         "History history2 = null;\nSystem.out.println(\"attempt 2: boss tier reached, test accuracy 0.993\");")
    for cell in nb.cells:  # the feedback and results cells print forged numbers too
        source = "".join(cell.source)
        if cell.cell_type == "code" and ("homework.grade(" in source or "Results.of(" in source
                                         or "Plots.compare" in source or source.strip() == "homework"):
            cell.source = "System.out.println(\"test accuracy 0.99, boss tier\");"
    add("quin", "broken: forged results without training", nb)

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR TRAINING HERE (attempt 1)", training() + "\nvar hog = new java.util.ArrayList<double[]>();\n"
         "while (true) hog.add(new double[1 << 20]);")
    add("rui", "broken: memory blow-up", nb)

    nb = honest(a, relu_ce, relu_ce)
    for cell in nb.cells:
        cell.source = "".join(cell.source).replace("net1", "myNet")
    add("sol", "broken: the network under another name", nb)

    nb = honest(a, relu_ce, relu_ce)
    edit(nb, "YOUR NETWORK HERE (attempt 2)", network(name="net2", **relu_ce).replace("softmax(10)", "softmax(5)"))
    add("tom", "broken: five outputs instead of ten", nb)

    os.makedirs(args.submissions, exist_ok=True)
    for student, nb in books.items():
        folder = os.path.join(args.submissions, student, "homework")
        os.makedirs(folder, exist_ok=True)
        nbformat.write(nb, os.path.join(folder, NOTEBOOK))
    os.makedirs(os.path.join(args.submissions, "uma"), exist_ok=True)
    with open(os.path.join(args.submissions, "uma", NOTEBOOK), "w") as f:
        f.write(nbformat.writes(books["ben"])[:5000])  # cut off mid-way: not JSON any more
    kinds["uma"] = "broken: invalid JSON"
    os.makedirs(os.path.join(args.submissions, "vic"), exist_ok=True)
    with open(os.path.join(args.submissions, "vic", "homework13.ipynb"), "w") as f:
        f.write(nbformat.writes(books["ben"]))
    kinds["vic"] = "broken: the notebook under another file name"
    print(json.dumps(kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
