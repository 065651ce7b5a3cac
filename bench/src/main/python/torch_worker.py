"""PyTorch side of the dltips benchmark.

The Java benchmark starts this script once and sends it one command per line on
stdin; every answer is one line on stdout starting with "ok" or "error". Keeping a
single process lets the Java side alternate DL4J and PyTorch runs in the same time
window without paying the PyTorch import for every run.

Commands:
  load <features.f32> <labels.u8> <rows> <cols>   raw little-endian float32 / uint8
  train <threads> <batch> <epochs> <samples> [rate]  prints seconds of each epoch (SGD, rate 0.1 unless given)
  course <threads> <batch> <epochs> <samples> <spec>
                                                  the same for a course notebook's network (CourseNet.java
                                                  documents the spec: layers=3;width=689;act=relu;...)
  peak <threads> <size> <repeats>                 prints GFLOP/s of torch.mm (float32)
  quit
"""
import os
import sys
import time

import numpy as np
import torch

HIDDEN = 689
CLASSES = 10
state = {}


def lecture_net(inputs):
    torch.manual_seed(1)
    return torch.nn.Sequential(
        torch.nn.Linear(inputs, HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, CLASSES))


class Skip(torch.nn.Module):
    """x + act(x W + b): a hidden layer whose input is added to its output."""

    def __init__(self, width, activation):
        super().__init__()
        self.linear = torch.nn.Linear(width, width)
        self.activation = activation

    def forward(self, x):
        return x + self.activation(self.linear(x))


def parse_spec(spec):
    values = {"drop": "0", "norm": "0", "skip": "0", "raw": "0"}
    for pair in spec.split(";"):
        key, _, value = pair.partition("=")
        values[key] = value
    return values


def course_net(inputs, spec):
    """The network of a course notebook, layer for layer as the library builds it from the same spec."""
    torch.manual_seed(1)
    width = int(spec["width"])
    make_activation = {"relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh}[spec["act"]]
    modules = []
    size = inputs
    for i in range(int(spec["layers"])):
        if spec["skip"] == "1" and i > 0:
            modules.append(Skip(width, make_activation()))
            if spec["norm"] == "1":
                modules.append(torch.nn.BatchNorm1d(width))
        else:
            modules.append(torch.nn.Linear(size, width))
            if spec["norm"] == "1":
                modules.append(torch.nn.BatchNorm1d(width))
            modules.append(make_activation())
        if float(spec["drop"]) > 0:
            modules.append(torch.nn.Dropout(float(spec["drop"])))
        size = width
    modules.append(torch.nn.Linear(size, CLASSES))
    return torch.nn.Sequential(*modules)


def course(threads, batch, epochs, samples, spec_text):
    torch.set_num_threads(threads)
    spec = parse_spec(spec_text)
    x, y = state["x"][:samples], state["y"][:samples]
    if spec["raw"] == "1":
        x = x * 255
    net = course_net(x.shape[1], spec)
    net.train()
    rate = float(spec["rate"])
    opt = (torch.optim.Adam(net.parameters(), lr=rate) if spec["opt"] == "adam"
           else torch.optim.SGD(net.parameters(), lr=rate))
    mse = spec["loss"] == "mse"
    targets = torch.nn.functional.one_hot(y, CLASSES).float() if mse else y
    loss_fn = torch.nn.MSELoss() if mse else torch.nn.CrossEntropyLoss()
    seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        for i in range(0, samples, batch):
            opt.zero_grad(set_to_none=True)
            out = net(x[i:i + batch])
            loss = loss_fn(torch.softmax(out, dim=1), targets[i:i + batch]) if mse else loss_fn(out, targets[i:i + batch])
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
    return "ok " + " ".join("%.6f" % s for s in seconds) + " loss=%.4f" % loss.item()


def load(features, labels, rows, cols):
    x = np.fromfile(features, dtype="<f4", count=rows * cols).reshape(rows, cols)
    y = np.fromfile(labels, dtype=np.uint8, count=rows).astype(np.int64)
    state["x"] = torch.from_numpy(x)
    state["y"] = torch.from_numpy(y)
    return "ok %d %d" % (rows, cols)


def train(threads, batch, epochs, samples, rate=0.1):
    torch.set_num_threads(threads)
    x, y = state["x"][:samples], state["y"][:samples]
    net = lecture_net(x.shape[1])
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=rate)
    seconds = []
    cpu_start = os.times()
    for _ in range(epochs):
        start = time.perf_counter()
        for i in range(0, samples, batch):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x[i:i + batch]), y[i:i + batch])
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
    cpu = os.times()
    return ("ok " + " ".join("%.6f" % s for s in seconds) + " loss=%.4f user=%.3f sys=%.3f"
            % (loss.item(), (cpu.user - cpu_start.user) / epochs, (cpu.system - cpu_start.system) / epochs))


def peak(threads, size, repeats):
    torch.set_num_threads(threads)
    a = torch.rand(size, size)
    b = torch.rand(size, size)
    c = torch.empty(size, size)
    torch.mm(a, b, out=c)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        torch.mm(a, b, out=c)
        best = min(best, time.perf_counter() - start)
    return "ok %.3f" % (2.0 * size ** 3 / best / 1e9)


def main():
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            if words[0] == "quit":
                return
            if words[0] == "load":
                answer = load(words[1], words[2], int(words[3]), int(words[4]))
            elif words[0] == "train":
                answer = train(*map(int, words[1:5]), *map(float, words[5:6]))
            elif words[0] == "course":
                answer = course(*map(int, words[1:5]), words[5])
            elif words[0] == "peak":
                answer = peak(*map(int, words[1:4]))
            else:
                answer = "error unknown command '%s'; expected load, train, course, peak or quit" % words[0]
        except Exception as e:  # report to the Java side instead of dying silently
            answer = "error %s: %s" % (type(e).__name__, str(e).replace("\n", " "))
        print(answer, flush=True)


if __name__ == "__main__":
    print("ok torch %s threads=%d" % (torch.__version__, torch.get_num_threads()), flush=True)
    main()
