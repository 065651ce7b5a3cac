"""Grade every student's copy of a homework notebook, each in its own fresh kernel, and write a gradebook.

    python3 grade.py SUBMISSIONS [--notebook 13-homework.ipynb] [--out DIR] [--jobs N] [--timeout SECONDS]
                     [--cell-timeout SECONDS] [--memory-mib MIB] [--kernel dltips] [--jar dltips-kernel.jar]
                     [--student NAME ...]     (only these students' folders; the other rows are kept)
    python3 grade.py SUBMISSIONS --out DIR --collect   (run nothing: write the gradebook from DIR/rows)
    python3 grade.py --one JOB.json      (one submission; what each parallel job runs)

SUBMISSIONS holds one directory per student (its name is the student's), with the notebook anywhere inside it,
as nbgrader's submitted/STUDENT/ASSIGNMENT/ layout has it. Submissions are only read: each is copied into a
scratch directory and run there by nbclient, with the kernel in a sandbox (sandbox.sh) where the submissions are
read-only and the grader's output, its key and the other scratch directories cannot be seen. A run has a wall-time
limit and a memory limit (resident memory of the kernel, checked twice a second; the JVM and ND4J get limits
below it so that an allocation fails in the cell before that).

What counts is recomputed, never read from what the notebook printed: cells the grader adds at the end save each
network the assignment names (its metadata, {"dltips": {"grading": {...}}}, read from the teacher's copy) to the
scratch directory, and a separate Java process that never ran the student's code (GradeNetworks) evaluates them
on the training set and on a held-out noisy test set whose noise seed is kept in OUT/grading-key.json.

OUT gets gradebook.csv, gradebook.json, gradebook.html (one row per student: tier, training and held-out accuracy,
diagnosis, run time, problems, link to the executed copy), executed/STUDENT.ipynb and rows/STUDENT.json. The
gradebook is made from every row in OUT/rows, so graders started with --student on several machines that share OUT
(one job per student on a cluster) fill one gradebook; the key is made once, exclusively, and shared.
Exit status: 0 when every submission got a row, 2 on misuse or missing tools.
"""
import argparse
import concurrent.futures
import csv
import datetime
import hashlib
import html
import io
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SANDBOX = os.path.join(HERE, "sandbox.sh")
GRADER_TAG = "dltips-grader"
COLUMNS = ["student", "status", "tier", "train_accuracy", "test_accuracy", "diagnosis", "best_attempt", "seconds",
           "problems", "executed"]


def fail(message, status=2):
    print("grade.py: " + message, file=sys.stderr)
    sys.exit(status)


# ---------------------------------------------------------------------------------------------- one submission

def rss_bytes(pid):
    """Resident memory of pid and its children, from /proc; 0 when it is gone."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open("/proc/%d/status" % p) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open("/proc/%d/task/%d/children" % (p, p)) as children:
                todo.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            pass
    return total


def kill_group(pid):
    """Kills the kernel's process group (Jupyter starts a kernel in a session of its own), never the grader's."""
    try:
        group = os.getpgid(pid)
        if group == pid and group != os.getpgrp():
            os.killpg(group, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


class Limits(threading.Thread):
    """Kills the kernel when the run passes its deadline or its memory limit, and says which."""

    def __init__(self, km, seconds, memory_bytes):
        super().__init__(daemon=True)
        self.km, self.deadline, self.memory = km, time.monotonic() + seconds, memory_bytes
        self.seconds, self.reason, self.peak, self.done = seconds, None, 0, threading.Event()

    def run(self):
        while not self.done.wait(0.5):
            pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
            if not pid:
                continue
            rss = rss_bytes(pid)
            self.peak = max(self.peak, rss)
            if time.monotonic() > self.deadline:
                self.reason = "did not finish within the time limit of %d s" % self.seconds
            elif rss > self.memory:
                self.reason = "used more than the memory limit of %d MiB (%d MiB resident)" % (
                    self.memory >> 20, rss >> 20)
            if self.reason:
                kill_group(pid)
                return


def grading_cells(networks, saved):
    import nbformat
    cells = []
    for attempt, variable in networks:
        path = os.path.join(saved, variable + ".zip")
        source = ("// Added by the grader: saves %s's network (%s) so that a separate process evaluates it.\n"
                  "org.dltips.model.Network.class.cast(%s).save(java.nio.file.Path.of(%s))"
                  % (attempt, variable, variable, json.dumps(path)))
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = [GRADER_TAG]
        cells.append(cell)
    return cells


def text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def started_kernel(kernel_dir, cwd, attempts=3, seconds=120):
    """A started kernel and its ready client. Jupyter picks a kernel's ports before the kernel binds them, so when
    several kernels start at once another process can take a port in between and the kernel exits at once
    ("Address already in use"): that kernel is started again, with a new manager and new ports."""
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    failure = "no attempt made"
    for _ in range(attempts):
        km = KernelManager(kernel_name="dltips-grade", kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernel_dir]))
        km.start_kernel(cwd=cwd)
        kc = km.client()
        kc.start_channels()
        deadline = time.monotonic() + seconds
        while km.is_alive() and time.monotonic() < deadline:
            try:
                kc.wait_for_ready(timeout=2)
                kc.allow_stdin = False
                return km, kc
            except RuntimeError:
                continue
        failure = "it exited at start" if not km.is_alive() else "no answer within %d s" % seconds
        kc.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    raise RuntimeError("%s, %d times" % (failure, attempts))


def cell_problems(nb, cell_timeout):
    """Errors the notebook's own cells raised, and notes (output cut); the grader's cells are looked at apart."""
    problems, notes = [], []
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or GRADER_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        number += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and out.get("ename") == "Interrupted":
                problems.append("cell %d did not finish within the cell limit of %d s and was stopped"
                                % (number, cell_timeout))
            elif out.get("output_type") == "error":
                problems.append("cell %d failed: %s: %s" % (number, out.get("ename"), out.get("evalue", "")[:300]))
            elif out.get("output_type") == "stream" and "[output cut:" in text(out.get("text")):
                notes.append("cell %d printed more than the kernel shows; the rest was dropped" % number)
    return problems, notes


def grader_cell_problems(nb, networks):
    """For each network the grader could not save: why (missing variable, not a Network, the kernel gone)."""
    saved_cells = [c for c in nb.cells if GRADER_TAG in c.get("metadata", {}).get("tags", [])]
    problems = {}
    for (attempt, variable), cell in zip(networks, saved_cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            evalue = errors[0].get("evalue", "")
            if "cannot find symbol" in evalue or errors[0].get("ename") == "CompilationException":
                problems[attempt] = "no variable %s holding the network of %s" % (variable, attempt)
            elif errors[0].get("ename", "").endswith("ClassCastException"):
                problems[attempt] = "%s is not a Network" % variable
            else:
                problems[attempt] = "saving %s failed: %s: %s" % (variable, errors[0].get("ename"), evalue[:200])
        elif cell.get("execution_count") is None:
            problems[attempt] = "the notebook did not get as far as %s's network" % attempt
    return problems


def run_one(job):
    """Runs one submission as JOB describes; returns its gradebook row (a dict)."""
    started = time.monotonic()
    row = {"student": job["student"], "status": "not graded", "tier": "", "train_accuracy": "",
           "test_accuracy": "", "diagnosis": "", "best_attempt": "", "seconds": "", "problems": "",
           "executed": ""}
    problems, notes = [], []
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import DeadKernelError, CellTimeoutError
        import jupyter_client  # noqa: F401 (started_kernel uses it)
    except ImportError as missing:
        row["problems"] = "grader: cannot import %s (apt-get install python3-nbclient jupyter-client)" % missing.name
        return row
    scratch = job["scratch"]
    try:
        with open(job["submission"], "rb") as f:
            raw = f.read()
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # invalid JSON, not a notebook, not UTF-8: the row says so, the others go on
        reason = (str(e).splitlines() or [type(e).__name__])[0].split(": '")[0][:200]
        row["problems"] = "not a readable notebook (invalid JSON, not a notebook, or not UTF-8): %s" % reason
        row["seconds"] = "%.1f" % (time.monotonic() - started)
        return row
    saved = os.path.join(scratch, "graded")
    networks = [tuple(pair) for pair in job["networks"]]
    nb.cells.extend(grading_cells(networks, saved))
    try:
        km, kc = started_kernel(job["kernel_dir"], scratch)
    except RuntimeError as e:
        row["problems"] = "the kernel did not start: %s" % e
        row["seconds"] = "%.1f" % (time.monotonic() - started)
        return row
    limits = Limits(km, job["timeout"], job["memory_mib"] << 20)
    # A cell that runs past its limit is stopped (the kernel's stop button) and the next cells still run.
    client = NotebookClient(nb, km=km, timeout=min(job["cell_timeout"], job["timeout"]), interrupt_on_timeout=True,
                            allow_errors=True, record_timing=True, resources={"metadata": {"path": scratch}})
    client.kc = kc
    limits.start()
    try:
        client.execute()
    except (DeadKernelError, CellTimeoutError, RuntimeError) as e:
        if limits.reason is None:
            problems.append("the kernel stopped: %s" % (str(e).strip().splitlines() or [type(e).__name__])[-1][:300])
    except Exception as e:
        problems.append("running the notebook failed: %s: %s" % (type(e).__name__, str(e)[:300]))
    finally:
        limits.done.set()
        pid = getattr(km.provisioner, "pid", None) if km.provisioner else None
        try:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
        except Exception:
            pass
        if pid:  # whatever the notebook started is in the kernel's process group: end it too
            kill_group(pid)
    if limits.reason:
        problems.append(limits.reason)
    own, notes = cell_problems(nb, job["cell_timeout"])
    problems = own + problems
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and "System.exit" in out.get("evalue", "") + out.get("ename", ""):
                problems.append("the notebook called System.exit, which ends the kernel")
                break
    unsaved = grader_cell_problems(nb, networks)
    executed = os.path.join(job["out"], "executed", job["student"] + ".ipynb")
    os.makedirs(os.path.dirname(executed), exist_ok=True)
    nbformat.write(nb, executed)
    row["executed"] = os.path.relpath(executed, job["out"])
    attempts = [(a, v) for a, v in networks if a not in unsaved and os.path.isfile(os.path.join(saved, v + ".zip"))]
    graded = None
    if attempts:
        graded, error = evaluate(job, [(a, os.path.join(saved, v + ".zip")) for a, v in attempts])
        if error:
            problems.append(error)
    for attempt, why in unsaved.items():
        problems.append(why)
    if graded:
        for attempt in graded["attempts"]:
            if attempt.get("problem"):
                problems.append("%s: %s" % (attempt["attempt"], attempt["problem"].split(". ")[0]))
        best = max((a for a in graded["attempts"] if not a.get("problem")), key=lambda a: a["test_accuracy"],
                   default=None)
        if best:
            row.update(tier=best["tier"], train_accuracy="%.4f" % best["train_accuracy"],
                       test_accuracy="%.4f" % best["test_accuracy"], diagnosis=best.get("diagnosis") or "",
                       best_attempt=best["attempt"])
    row["status"] = "graded" if row["tier"] else "not graded"
    if row["tier"] and problems:
        row["status"] = "graded, with problems"
    row["problems"] = "; ".join(dict.fromkeys(problems + notes))
    row["seconds"] = "%.1f" % (time.monotonic() - started)
    row["peak_mib"] = limits.peak >> 20
    return row


def evaluate(job, attempts):
    """Evaluates saved networks in a fresh JVM (inside the sandbox); returns (the homework JSON, an error)."""
    spec = job["grading"]
    command = job["sandbox"] + [job["java"], "-Xmx1g", "-cp", job["jar"], "org.dltips.lesson.internal.GradeNetworks",
                                "--notebook", job["notebook"], "--dataset", spec.get("dataset", "mnist"),
                                "--train-examples", str(spec["train_examples"]), "--noise", str(spec["test_noise"]),
                                "--seed", "-", "--targets", ",".join(str(t) for t in spec["targets"])]
    command += ["%s=%s" % (attempt, path) for attempt, path in attempts]
    try:
        # The seed goes in on standard input: a command line can be read by any process.
        done = subprocess.run(command, input=str(job["seed"]) + "\n", capture_output=True, text=True, timeout=600,
                              env=job["env"])
    except subprocess.TimeoutExpired:
        return None, "the grader's evaluation did not finish within 600 s"
    lines = [l for l in done.stdout.splitlines() if l.startswith("{")]
    if done.returncode != 0 or not lines:
        return None, "the grader's evaluation failed: %s" % (done.stderr.strip().splitlines() or ["no output"])[-1]
    return json.loads(lines[-1]), None


# ---------------------------------------------------------------------------------------------- the class

def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def find_submissions(root, notebook):
    found = {}
    for student in sorted(os.listdir(root)):
        folder = os.path.join(root, student)
        if not os.path.isdir(folder) or student.startswith("."):
            continue
        matches = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            matches += [os.path.join(dirpath, f) for f in filenames if f == notebook]
        found[student] = sorted(matches, key=lambda p: p.count(os.sep))[:1]
    return found


def grading_spec(assignment):
    import nbformat
    nb = nbformat.read(assignment, as_version=4)
    spec = nb.metadata.get("dltips", {}).get("grading")
    if not spec:
        return None
    for key in ("networks", "train_examples", "test_noise", "targets"):
        if key not in spec:
            fail("%s's metadata dltips.grading has no %r" % (assignment, key))
    return spec


def kernel_spec(name, memory_mib, sandbox, directory):
    """A copy of the installed kernelspec NAME, run in the sandbox with the heap and ND4J under the memory limit."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        spec = KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        fail("no Jupyter kernel named %r; install it first (./dltips start, or java -jar dltips-kernel.jar install)"
             % name)
    heap = max(256, memory_mib * 2 // 5)
    argv = [a for a in spec.argv if not a.startswith("-Xmx")]
    argv[1:1] = ["-Xmx%dm" % heap, "-Dorg.bytedeco.javacpp.maxbytes=%dm" % (memory_mib * 2 // 5),
                 "-Dorg.bytedeco.javacpp.maxphysicalbytes=%dm" % (memory_mib * 9 // 10)]
    folder = os.path.join(directory, "dltips-grade")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "kernel.json"), "w") as f:
        json.dump({"argv": sandbox + argv, "display_name": "dltips (grading)", "language": "java",
                   "interrupt_mode": spec.interrupt_mode, "env": spec.env}, f, indent=1)
    return argv[0], spec.env


def write_atomically(path, text):
    """Writes through a temporary file and a rename, so that a grader on another machine reads all or nothing."""
    temporary = "%s.%d.tmp" % (path, os.getpid())
    with open(temporary, "w", newline="") as f:
        f.write(text)
    os.replace(temporary, path)


def grading_key(path, notebook):
    """The held-out noise seed: made by the first run (exclusively, so parallel graders agree), then reused."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as f:
            json.dump({"notebook": notebook, "held_out_noise_seed": 1000 + secrets.randbelow(10 ** 9)}, f)
    for _ in range(50):
        with open(path) as f:
            text = f.read()
        if text:
            return json.loads(text)["held_out_noise_seed"]
        time.sleep(0.1)
    fail("%s is empty; delete it to make a new key (the grades made with the old one are then not comparable)"
         % path)


def read_rows(rows_dir):
    """Every student's row graded into this gradebook so far, by this run or by another (--student)."""
    rows = []
    for name in sorted(os.listdir(rows_dir)):
        if name.endswith(".json"):
            with open(os.path.join(rows_dir, name)) as f:
                rows.append(json.load(f))
    return rows


def write_gradebook(out, rows, notebook):
    write_atomically(os.path.join(out, "gradebook.json"),
                     json.dumps([{c: row.get(c, "") for c in COLUMNS} for row in rows], indent=1))
    table = io.StringIO()
    writer = csv.DictWriter(table, COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    write_atomically(os.path.join(out, "gradebook.csv"), table.getvalue())
    def cell(row, column):
        value = str(row.get(column, ""))
        if column == "executed" and value:
            return '<a href="%s">executed copy</a>' % html.escape(value)
        return html.escape(value.replace("_", " ").lower() if column == "diagnosis" else value)

    cells = lambda row: "".join("<td>%s</td>" % cell(row, c) for c in COLUMNS)
    tiers = {}
    for row in rows:
        tiers[row["tier"] or "none"] = tiers.get(row["tier"] or "none", 0) + 1
    page = ["<!doctype html><meta charset=utf-8><title>Gradebook: %s</title>" % html.escape(notebook),
            "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}"
            "table{border-collapse:collapse}td:nth-child(9){max-width:40em}</style>",
            "<h1>Gradebook: %s</h1>" % html.escape(notebook),
            "<p>%d submissions, graded %s. Tiers: %s. Accuracy on the held-out noisy test set, recomputed by the "
            "grader from each saved network.</p>" % (len(rows), datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
                                                    html.escape(", ".join("%s %d" % kv for kv in sorted(tiers.items())))),
            "<table><tr>%s</tr>" % "".join("<th>%s</th>" % c.replace("_", " ") for c in COLUMNS)]
    page += ["<tr>%s</tr>" % cells(row) for row in rows]
    page.append("</table>")
    write_atomically(os.path.join(out, "gradebook.html"), "\n".join(page) + "\n")


def default_jobs(memory_mib):
    available = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) // 1024
    except OSError:
        pass
    by_memory = max(1, (available or memory_mib) // (memory_mib + 512))
    return max(1, min(os.cpu_count() or 1, by_memory))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", nargs="?")
    parser.add_argument("--notebook", default="13-homework.ipynb")
    parser.add_argument("--assignment", help="the teacher's copy (default: notebooks/NOTEBOOK of this repository)")
    parser.add_argument("--out", help="where the gradebook goes (default: SUBMISSIONS-graded next to it)")
    parser.add_argument("--jobs", type=int, default=0, help="submissions at once (default: by cores and memory)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per notebook (default 900)")
    parser.add_argument("--cell-timeout", type=int, default=300,
                        help="seconds per cell; a cell past it is stopped and the next ones run (default 300)")
    parser.add_argument("--memory-mib", type=int, default=2048, help="memory per kernel in MiB (default 2048)")
    parser.add_argument("--kernel", default="dltips")
    parser.add_argument("--jar", default=os.path.join(ROOT, "kernel", "target", "dltips-kernel.jar"))
    parser.add_argument("--student", action="append", default=[],
                        help="grade only this student's folder (repeatable); the gradebook keeps the other rows")
    parser.add_argument("--collect", action="store_true",
                        help="run nothing: write the gradebook from the rows in OUT/rows (after jobs on a cluster)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        with open(args.one) as f:
            job = json.load(f)
        row = run_one(job)
        with open(job["result"], "w") as f:
            json.dump(row, f)
        return 0
    if not args.submissions or not os.path.isdir(args.submissions):
        fail("SUBMISSIONS must be a directory with one folder per student; got %r" % args.submissions)
    submissions = os.path.abspath(args.submissions)
    out = os.path.abspath(args.out or submissions.rstrip(os.sep) + "-graded")
    if out == submissions or out.startswith(submissions + os.sep):
        fail("--out %s is inside the submissions; grading never writes there. Choose another directory" % out)
    if args.collect:
        if not os.path.isdir(os.path.join(out, "rows")):
            fail("--collect: no %s; run the graders with --out %s first" % (os.path.join(out, "rows"), out))
        rows = read_rows(os.path.join(out, "rows"))
        write_gradebook(out, rows, args.notebook)
        print("grade.py: %d rows; wrote %s and %s" % (len(rows), os.path.join(out, "gradebook.csv"),
                                                      os.path.join(out, "gradebook.html")))
        return 0
    if not os.path.isfile(args.jar):
        fail("no kernel jar at %s; build it first (./dltips start, or mvn -pl kernel -am package)" % args.jar)
    assignment = args.assignment or os.path.join(ROOT, "notebooks", args.notebook)
    spec = grading_spec(assignment) if os.path.isfile(assignment) else None
    if args.assignment and spec is None:
        fail("%s has no dltips.grading metadata; the notebooks run, but nothing is graded" % assignment)
    os.makedirs(out, exist_ok=True)
    seed = grading_key(os.path.join(out, "grading-key.json"), args.notebook)
    work = tempfile.mkdtemp(prefix="dltips-grade-")
    jobs_dir, scratch_root = os.path.join(work, "jobs"), os.path.join(work, "scratch")
    cache = os.environ.get("DLTIPS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dltips")
    protected = ["--ro", submissions] + (["--ro", cache] if os.path.isdir(cache) else []) + ["--hide", out]
    found = find_submissions(submissions, args.notebook)
    if args.student:
        unknown = sorted(set(args.student) - set(found))
        if unknown:
            fail("no folder %s in %s; --student takes the name of a student's folder" % (", ".join(unknown),
                                                                                       submissions))
        found = {s: found[s] for s in sorted(set(args.student))}
    before = {s: sha256(p[0]) for s, p in found.items() if p}
    for student in found:
        os.makedirs(os.path.join(scratch_root, student, "graded"))
    os.makedirs(jobs_dir)
    logs = os.path.join(out, "logs")
    os.makedirs(logs, exist_ok=True)
    jobs = args.jobs or default_jobs(args.memory_mib)
    print("grade.py: %d submissions of %s, %d at once, %d s and %d MiB each; gradebook in %s"
          % (len(found), args.notebook, jobs, args.timeout, args.memory_mib, out), flush=True)

    def grade(student):
        paths = found[student]
        if not paths:
            return dict.fromkeys(COLUMNS, "") | {"student": student, "status": "not graded",
                                                 "problems": "no %s in the submission" % args.notebook}
        scratch = os.path.join(scratch_root, student)
        copy = os.path.join(scratch, args.notebook)
        shutil.copyfile(paths[0], copy)
        others = [os.path.join(scratch_root, s) for s in found if s != student]
        sandbox = [SANDBOX] + protected + ["--hide", jobs_dir] + [a for o in others for a in ("--hide", o)] + ["--"]
        kernels = os.path.join(scratch, ".kernels")
        java, env = kernel_spec(args.kernel, args.memory_mib, sandbox, kernels)
        job = {"student": student, "submission": copy, "scratch": scratch, "out": out, "kernel_dir": kernels,
               "timeout": args.timeout, "cell_timeout": args.cell_timeout, "memory_mib": args.memory_mib, "notebook": args.notebook,
               "networks": [[a, v] for a, v in (spec or {}).get("networks", {}).items()],
               "grading": spec or {}, "seed": seed, "java": java, "jar": os.path.abspath(args.jar),
               "sandbox": sandbox, "env": dict(os.environ, **(env or {})),
               "result": os.path.join(jobs_dir, student + ".result.json")}
        job_file = os.path.join(jobs_dir, student + ".job.json")
        with open(job_file, "w") as f:
            json.dump(job, f)
        try:
            with open(os.path.join(logs, student + ".log"), "w") as log:
                subprocess.run([sys.executable, os.path.abspath(__file__), "--one", job_file],
                               timeout=args.timeout + 900, stdout=log, stderr=subprocess.STDOUT)
            with open(job["result"]) as f:
                row = json.load(f)
        except (subprocess.TimeoutExpired, OSError, ValueError) as e:
            row = dict.fromkeys(COLUMNS, "") | {"student": student, "status": "not graded",
                                                "problems": "the grader's run failed: %s" % e}
        print("grade.py: %-20s %-22s tier %-6s held-out %-6s %6s s  %s" % (
            student, row["status"], row["tier"] or "-", row["test_accuracy"] or "-", row["seconds"],
            row["problems"][:100]), flush=True)
        return row

    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        rows = list(pool.map(grade, sorted(found)))
    for student, digest in before.items():
        if sha256(found[student][0]) != digest:
            fail("%s's submission changed while grading; the gradebook was not written" % student, 1)
    rows_dir = os.path.join(out, "rows")
    os.makedirs(rows_dir, exist_ok=True)
    for row in rows:
        write_atomically(os.path.join(rows_dir, row["student"] + ".json"), json.dumps(row))
    write_gradebook(out, read_rows(rows_dir), args.notebook)
    shutil.rmtree(work, ignore_errors=True)
    print("grade.py: wrote %s and %s" % (os.path.join(out, "gradebook.csv"), os.path.join(out, "gradebook.html")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
