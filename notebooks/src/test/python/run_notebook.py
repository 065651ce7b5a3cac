"""Execute one notebook through a Jupyter kernel with nbclient and report what happened as JSON.

    python3 run_notebook.py NOTEBOOK.ipynb EXECUTED.ipynb [--kernel dltips] [--cell-timeout 600]
    python3 run_notebook.py NOTEBOOK.ipynb EXECUTED.ipynb --ran-in "JupyterLab"

With --ran-in, EXECUTED is a copy that a Jupyter front end has just run and saved (the JupyterLab test does this,
with cell timing recorded): it is inspected instead of running the notebook again. Its code must be the notebook's,
cell for cell, every code cell must have run, and "seconds" is the time from the first cell's start to the last
cell's end.

The last line printed is a JSON object:
  {"notebook", "seconds", "cells", "errors": [..], "images", "expect_images", "results": [..], "slowest_cells": [..],
   "homework", "feedback": [..]}
"results" holds every published application/vnd.dltips+json object with "runs" (a results table), "feedback" every one with
"homework" and "attempt" (a homework's feedback on one attempt), and "homework" the role the notebook's metadata
gives it, {"dltips": {"homework": "assignment"}} or "solution" (null when it is no homework).
Exit status: 0 when the notebook ran without error outputs and has the images it promises (output widgets saved
with the notebook count, their errors too), 1 otherwise,
2 when the tools are missing. A notebook promises images unless its metadata says
{"dltips": {"expect_images": false}}.
"""
import argparse
import datetime
import json
import sys
import time

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
except ImportError as missing:
    print("cannot import %s; install it with: apt-get install python3-nbclient python3-nbformat jupyter-client"
          " (Debian), or: conda env create -f environment.yml" % missing.name, file=sys.stderr)
    sys.exit(2)


def text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def stamp(value):
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))


def cell_seconds(cell):
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return None
    return (stamp(end) - stamp(start)).total_seconds()


def check_ran(nb, executed, front_end):
    """Problems that make EXECUTED no run of NB, and the seconds from the first cell's start to the last one's end."""
    problems = []
    code = lambda book: [text(c.source) for c in book.cells if c.cell_type == "code"]
    if code(nb) != code(executed):
        problems.append("the copy %s ran is not this notebook's code; run the notebook again" % front_end)
    starts, ends = [], []
    for index, cell in enumerate(executed.cells):
        if cell.cell_type != "code" or not text(cell.source).strip():
            continue
        timing = cell.get("metadata", {}).get("execution", {})
        if cell.get("execution_count") is None or "shell.execute_reply" not in timing:
            problems.append("cell %d has no execution count or timing: %s did not run it" % (index, front_end))
            continue
        starts.append(stamp(timing.get("iopub.execute_input") or timing["shell.execute_reply"]))
        ends.append(stamp(timing["shell.execute_reply"]))
    seconds = (max(ends) - min(starts)).total_seconds() if starts else 0.0
    return problems, seconds


def inspect(nb):
    errors, images, results, feedback, timings = [], 0, [], [], []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        seconds = cell_seconds(cell)
        if seconds is not None:
            timings.append({"cell": index, "seconds": round(seconds, 2), "source": text(cell.source)[:80]})
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append({"cell": index, "ename": output.get("ename", ""), "evalue": output.get("evalue", ""),
                               "source": text(cell.source)[:200]})
            data = output.get("data", {})
            if "image/png" in data:
                images += 1
            published = data.get("application/vnd.dltips+json")
            if isinstance(published, dict) and "runs" in published:
                results.append(published)
            if isinstance(published, dict) and "homework" in published and "attempt" in published:
                feedback.append(published)
    for model_id, outputs in widget_outputs(nb):
        for output in outputs:
            if output.get("output_type") == "error":
                errors.append({"cell": -1, "ename": output.get("ename", ""), "evalue": output.get("evalue", ""),
                               "source": "output widget " + model_id})
            if "image/png" in output.get("data", {}):
                images += 1
    timings.sort(key=lambda t: -t["seconds"])
    return errors, images, results, feedback, timings[:3]


def widget_outputs(nb):
    """(model id, outputs) of each output widget in the widget state nbclient saved with the notebook."""
    saved = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model_id, model in saved.get("state", {}).items():
        if model.get("model_name") == "OutputModel":
            yield model_id, model.get("state", {}).get("outputs", [])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("executed")
    parser.add_argument("--kernel", default="dltips")
    parser.add_argument("--cell-timeout", type=int, default=600)
    parser.add_argument("--ran-in", metavar="FRONT_END", help="inspect EXECUTED, which FRONT_END ran, instead of running")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    expect_images = nb.metadata.get("dltips", {}).get("expect_images", True)
    homework = nb.metadata.get("dltips", {}).get("homework")
    if args.ran_in:
        executed = nbformat.read(args.executed, as_version=4)
        problems, seconds = check_ran(nb, executed, args.ran_in)
        peak = read_peak(args.executed + ".peak-memory-mib")
        return report(args, executed, seconds, expect_images, homework,
                      [{"cell": -1, "ename": "execution", "evalue": p, "source": ""} for p in problems], args.ran_in,
                      peak)
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.cell_timeout,
                            resources={"metadata": {"path": str(__import__("pathlib").Path(args.notebook).parent)}})
    memory = {}

    def after_cell(**_):
        memory["peak"] = kernel_peak_mib(client) or memory.get("peak")

    client.on_cell_executed = after_cell
    failure = None
    start = time.monotonic()
    try:
        client.execute()
    except CellTimeoutError as timeout:
        failure = "a cell ran longer than %d s: %s" % (args.cell_timeout, str(timeout).splitlines()[0])
    except DeadKernelError as dead:
        failure = "the kernel died: %s" % dead
    except CellExecutionError:
        pass  # the error output is in the notebook and reported below
    seconds = time.monotonic() - start
    nbformat.write(nb, args.executed)
    failures = [{"cell": -1, "ename": "execution", "evalue": failure, "source": ""}] if failure else []
    return report(args, nb, seconds, expect_images, homework, failures, "nbclient", memory.get("peak"))


def kernel_peak_mib(client):
    """The kernel process's peak resident memory so far (VmHWM) in MiB, or None where it cannot be read."""
    try:
        with open("/proc/%d/status" % client.km.provisioner.pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (AttributeError, OSError, TypeError, ValueError):
        return None
    return None


def read_peak(path):
    """The peak memory a front-end run wrote beside its executed copy, or None."""
    try:
        with open(path) as f:
            return float(f.read().strip())
    except (OSError, ValueError):
        return None


def report(args, nb, seconds, expect_images, homework, failures, front_end, peak_memory_mib=None):
    """Prints the JSON report of the executed notebook NB; returns the exit status."""
    errors, images, results, feedback, slowest = inspect(nb)
    errors.extend(failures)
    print(json.dumps({"notebook": args.notebook, "seconds": round(seconds, 1), "cells": len(nb.cells),
                      "errors": errors, "images": images, "expect_images": expect_images, "results": results,
                      "slowest_cells": slowest, "homework": homework, "feedback": feedback, "client": front_end,
                      "peak_memory_mib": peak_memory_mib}))
    return 1 if errors or (expect_images and images == 0) else 0


if __name__ == "__main__":
    sys.exit(main())
