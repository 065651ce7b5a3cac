"""Soak one notebook: run all its cells several times in ONE kernel and measure the kernel after every pass.

    python3 soak_notebook.py NOTEBOOK.ipynb EXECUTED.ipynb [--passes 3] [--kernel dltips] [--cell-timeout 600]

Before the first pass (pass 0, the baseline) and after each pass, a probe cell runs in the same kernel: it calls
System.gc() twice (so that ND4J's off-heap buffers whose Java objects are gone are freed by its deallocator) and
prints the JVM's view (heap used and committed, Metaspace, loaded classes, every live thread with its daemon flag
and state). Then this script reads the kernel process's /proc/<pid>/status: VmRSS (the
resident memory, ND4J's off-heap included), VmHWM (its peak) and Threads (OS threads, native ones included).

The last line printed is a JSON object:
  {"notebook", "kernel_pid", "passes": [{"pass", "seconds", "errors", "rss_kib", "rss_peak_kib", "os_threads",
   "jvm": {"heap_used", "heap_committed", "metaspace_used", "classes", "threads": [..]}}, ..],
   "failure", "kernel_exited"}
The executed copy of the last pass is written to EXECUTED.ipynb. Exit status: 0 when every pass ran without error
outputs, 1 otherwise, 2 when the tools are missing. Whether memory or threads grew is judged by the caller.
"""
import argparse
import copy
import json
import pathlib
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

MARKER = "SOAK-PROBE "

# One JShell block: its locals do not touch the notebook's variables.
PROBE = r"""{
    System.gc();
    Thread.sleep(300);
    System.gc();
    Thread.sleep(300);
    var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long metaspace = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getName().equals("Metaspace")) {
            metaspace = pool.getUsage().getUsed();
        }
    }
    var json = new StringBuilder("SOAK-PROBE {\"heap_used\":").append(heap.getUsed())
            .append(",\"heap_committed\":").append(heap.getCommitted())
            .append(",\"metaspace_used\":").append(metaspace)
            .append(",\"classes\":").append(java.lang.management.ManagementFactory.getClassLoadingMXBean()
                    .getLoadedClassCount())
            .append(",\"threads\":[");
    String separator = "";
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
        json.append(separator).append("{\"name\":\"")
                .append(thread.getName().replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\",\"daemon\":").append(thread.isDaemon())
                .append(",\"state\":\"").append(thread.getState()).append("\"}");
        separator = ",";
    }
    System.out.println(json.append("]}"));
}"""


def text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def proc_status(pid):
    """VmRSS, VmHWM (KiB) and Threads of a process, from /proc/<pid>/status."""
    fields = {}
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                fields[key] = int(value.split()[0])
    return {"rss_kib": fields.get("VmRSS"), "rss_peak_kib": fields.get("VmHWM"), "os_threads": fields.get("Threads")}


def process_gone(pid, seconds=15):
    """True once the process has exited (or is a zombie) within the given time."""
    deadline = time.monotonic() + seconds
    while pid is not None:
        try:
            with open("/proc/%d/stat" % pid) as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    return True
        except FileNotFoundError:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
    if pid is None and getattr(km, "kernel", None) is not None:
        pid = km.kernel.pid
    return pid


def probe(client):
    """Runs the probe cell and returns the JVM's numbers, or {"probe_error": ...}."""
    cell = nbformat.v4.new_code_cell(PROBE)
    notebook = client.nb
    client.nb = nbformat.v4.new_notebook(cells=[cell])  # nbclient stores the executed cell at its index
    try:
        client.execute_cell(cell, 0)
    except CellExecutionError as error:
        return {"probe_error": str(error).strip()[-500:]}
    finally:
        client.nb = notebook
    for output in cell.outputs:
        if output.get("output_type") == "stream":
            for line in text(output.get("text")).splitlines():
                if line.startswith(MARKER):
                    return json.loads(line[len(MARKER):])
    return {"probe_error": "the probe printed no %r line; outputs: %s" % (MARKER, json.dumps(cell.outputs)[:500])}


def errors_of(nb):
    errors = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                errors.append({"cell": index, "ename": output.get("ename", ""), "evalue": output.get("evalue", ""),
                               "source": text(cell.source)[:200]})
    return errors


def run_pass(client, original):
    """Executes every cell of a fresh copy of the notebook in the running kernel; returns the executed copy."""
    client.nb = copy.deepcopy(original)
    client.reset_execution_trackers()
    for index, cell in enumerate(client.nb.cells):
        try:
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        except CellExecutionError:
            break  # the error output is in the notebook; the rest of the pass is skipped
    return client.nb


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("executed")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--kernel", default="dltips")
    parser.add_argument("--cell-timeout", type=int, default=600)
    args = parser.parse_args()

    original = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(copy.deepcopy(original), kernel_name=args.kernel, timeout=args.cell_timeout,
                            resources={"metadata": {"path": str(pathlib.Path(args.notebook).parent)}})
    report = {"notebook": args.notebook, "kernel_pid": None, "passes": [], "failure": None}
    executed = None
    try:
        with client.setup_kernel():
            pid = kernel_pid(client.km)
            report["kernel_pid"] = pid
            for number in range(args.passes + 1):
                start = time.monotonic()
                errors = []
                if number > 0:
                    executed = run_pass(client, original)
                    errors = errors_of(executed)
                seconds = time.monotonic() - start
                measured = {"pass": number, "seconds": round(seconds, 1), "errors": errors, "jvm": probe(client)}
                measured.update(proc_status(pid))
                report["passes"].append(measured)
                print("pass %d: %.0f s, RSS %d MiB, %d OS threads, %d errors" % (
                    number, seconds, measured["rss_kib"] // 1024, measured["os_threads"], len(errors)),
                    file=sys.stderr, flush=True)
                if errors:
                    break
    except CellTimeoutError as timeout:
        report["failure"] = "a cell ran longer than %d s: %s" % (args.cell_timeout, str(timeout).splitlines()[0])
    except DeadKernelError as dead:
        report["failure"] = "the kernel died: %s" % dead
    except (OSError, RuntimeError) as error:
        report["failure"] = "%s: %s" % (type(error).__name__, error)
    report["kernel_exited"] = process_gone(report["kernel_pid"])
    if executed is not None:
        nbformat.write(executed, args.executed)
    print(json.dumps(report))
    failed = report["failure"] or any(p["errors"] for p in report["passes"])
    return 1 if failed or len(report["passes"]) < args.passes + 1 else 0


if __name__ == "__main__":
    sys.exit(main())
