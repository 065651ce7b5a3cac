#!/usr/bin/python3
"""End-to-end check of the class setup: installs with setup.sh into a scratch root, starts JupyterHub on loopback
with its config (test password, an admin token), logs three students in, runs the homework notebook for each
through the hub (REST and kernel websockets), and checks that each has their own kernel and files and the shared
read-only data, and that one student's infinite loop or memory blow-up neither stops another's training nor slows
it beyond sharing the machine's cores. Prints the kernels' peak memory and what that means in kernels per GiB.

    sudo /usr/bin/python3 deploy/jupyterhub/hub_check.py [--work DIR] [--memory-mib 1536]

Needs root (the students are system users it creates and removes), Debian's jupyterhub and
node-configurable-http-proxy, a JDK and the datasets (fetched by setup.sh). Exit code 0 when every check passed.
"""
import argparse
import asyncio
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import uuid

import requests
from tornado.websocket import websocket_connect

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from checklist import check, failures  # noqa: E402 (deploy/checklist.py, shared by the deployment checks)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STUDENTS = ["dltips-ann", "dltips-bob", "dltips-cem"]
TRAIN_CELL = """
long started = System.nanoTime();
Network lecture = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).loss(Loss.MSE)
        .optimizer(Optimizer.sgd(0.1)).seed(1).build();
History run = lecture.fit(train, noisyTest, Fit.epochs(4).batchSize(100));
String.format("%.3f s, train accuracy %.4f", (System.nanoTime() - started) / 1e9, run.last().trainAccuracy())
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    def __init__(self, url, token):
        self.url, self.admin = url, {"Authorization": "token " + token}

    def api(self, method, path, token=None, **kw):
        headers = {"Authorization": "token " + token} if token else self.admin
        return requests.request(method, self.url + path, headers=headers, timeout=60, **kw)


class Kernel:
    """One kernel of one student's server, driven over the websocket the browser uses."""

    def __init__(self, hub, user, token):
        self.hub, self.user, self.token = hub, user, token
        reply = hub.api("POST", "/user/%s/api/kernels" % user, token, json={"name": "dltips"})
        reply.raise_for_status()
        self.id = reply.json()["id"]
        self.ws = None

    async def connect(self):
        url = self.hub.url.replace("http", "ws", 1) + "/user/%s/api/kernels/%s/channels?token=%s" % (
            self.user, self.id, self.token)
        self.ws = await websocket_connect(url, max_message_size=64 << 20)

    async def run(self, code, timeout=600):
        """Executes code; returns (status, text of the result or error, everything printed)."""
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.user, "session": self.id,
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        status, result, printed, idle = None, "", [], False
        deadline = time.monotonic() + timeout
        while status is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                return "timeout", result, "".join(printed)
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                return "closed", result, "".join(printed)
            if isinstance(raw, bytes):
                continue
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_reply":
                status = content["status"]
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
            elif kind == "stream":
                printed.append(content["text"])
            elif kind == "execute_result":
                result = content["data"].get("text/plain", "")
            elif kind == "error":
                result = "%s: %s" % (content["ename"], content["evalue"])
        return status, result, "".join(printed)

    async def value(self, code):
        status, result, printed = await self.run(code, 120)
        if status != "ok":
            raise RuntimeError("%s: %s -> %s %s %s" % (self.user, code, status, result, printed[-500:]))
        return result.strip().strip('"')

    def interrupt(self):
        self.hub.api("POST", "/user/%s/api/kernels/%s/interrupt" % (self.user, self.id), self.token)


def homework_cells():
    with open(os.path.join(REPO, "notebooks", "13-homework.ipynb"), encoding="utf-8") as f:
        nb = json.load(f)
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def peak_mib(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def run_homework(kernel):
    started = time.monotonic()
    for n, code in enumerate(homework_cells()):
        status, result, _ = await kernel.run(code)
        if status != "ok":
            return "cell %d: %s %s" % (n, status, result[:300]), time.monotonic() - started
    return None, time.monotonic() - started


async def checks(hub, tokens, root, homes):
    kernels = {u: Kernel(hub, u, tokens[u]) for u in STUDENTS}
    for k in kernels.values():
        await k.connect()
    ann, bob, cem = (kernels[u] for u in STUDENTS)

    print("their own kernels, files and the shared data:", flush=True)
    facts = {}
    for u, k in kernels.items():
        facts[u] = {"user": await k.value('System.getProperty("user.name")'),
                    "pid": await k.value("ProcessHandle.current().pid()"),
                    "home": await k.value('System.getProperty("user.home")'),
                    "data": await k.value('String.valueOf(System.getenv("DLTIPS_DATA"))')}
        check(facts[u]["user"] == u, "%s's kernel runs as %s (got %s)" % (u, u, facts[u]["user"]))
        check(facts[u]["home"] == homes[u], "%s's kernel works in their home %s" % (u, homes[u]))
        check(facts[u]["data"] == os.path.join(root, "data"), "%s's kernel reads the shared data %s (got %s)"
              % (u, os.path.join(root, "data"), facts[u]["data"]))
        denied = await k.run('java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("DLTIPS_DATA"),'
                             ' "mine.txt"), "x")', 60)
        check(denied[0] == "error" and "AccessDenied" in denied[1], "%s cannot write into the shared data (%s)"
              % (u, denied[1][:80]))
    check(len({f["pid"] for f in facts.values()}) == 3 and len({k.id for k in kernels.values()}) == 3,
          "three kernels, three processes: %s" % sorted(f["pid"] for f in facts.values()))
    listing = hub.api("GET", "/user/%s/api/contents/dltips" % STUDENTS[0], tokens[STUDENTS[0]])
    names = [item["name"] for item in listing.json().get("content", [])] if listing.ok else []
    check("13-homework.ipynb" in names, "ann's server lists their copy of the course: %d notebooks" % len(names))
    put = hub.api("PUT", "/user/%s/api/contents/dltips/notes.txt" % STUDENTS[0], tokens[STUDENTS[0]],
                  json={"type": "file", "format": "text", "content": "ann's notes"})
    check(put.ok and os.stat(os.path.join(homes[STUDENTS[0]], "dltips", "notes.txt")).st_uid
          == int(subprocess.check_output(["id", "-u", STUDENTS[0]]).strip()), "ann saves a file, owned by ann")
    other = hub.api("GET", "/user/%s/api/contents/dltips/notes.txt" % STUDENTS[0], tokens[STUDENTS[1]],
                    allow_redirects=False)
    check(other.status_code in (302, 403, 404), "bob's token cannot read ann's files (HTTP %d)" % other.status_code)

    print("the homework notebook, for all three at once:", flush=True)
    results = await asyncio.gather(*(run_homework(k) for k in kernels.values()))
    for u, (error, seconds) in zip(STUDENTS, results):
        check(error is None, "%s's homework notebook ran through in %.0f s%s" % (u, seconds, "" if error is None
                                                                                 else ": " + error))
    peaks = {u: peak_mib(facts[u]["pid"]) for u in STUDENTS}
    for u in STUDENTS:
        cached = os.path.join(homes[u], ".cache", "dltips", "mnist")
        check(not os.path.exists(cached), "%s's kernel downloaded nothing (no %s)" % (u, cached))

    print("one student's infinite loop and memory blow-up, while another trains:", flush=True)
    alone = await ann.value(TRAIN_CELL)
    loop = asyncio.ensure_future(bob.run("long spins = 0;\nwhile (true) { spins++; }", 900))
    heap = await cem.run("var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 24]);", 300)
    check(heap[0] == "error" and "OutOfMemoryError" in heap[1], "cem's heap blow-up ends in their own error: %s"
          % heap[1][:100])
    native = await cem.run("var arrays = new ArrayList<org.nd4j.linalg.api.ndarray.INDArray>();\n"
                           "while (true) arrays.add(org.nd4j.linalg.factory.Nd4j.create(4096, 4096));", 300)
    check(native[0] == "error" and ("OutOfMemoryError" in native[1] or "memory" in native[1].lower()),
          "cem's ND4J blow-up ends in their own error: %s" % native[1][:120])
    shared = await ann.value(TRAIN_CELL)
    check(not loop.done(), "bob's loop still runs while ann trains")
    t_alone, t_shared = float(alone.split()[0]), float(shared.split()[0])
    check(alone.split(",")[1] == shared.split(",")[1], "ann's training gives the same result either way: %s / %s"
          % (alone, shared))
    cores = os.cpu_count() or 1
    bound = 2.0 if cores <= 2 else 1.5
    check(t_shared < bound * t_alone, "ann's 4 epochs: %.1f s alone, %.1f s beside the loop and the blow-ups"
          " (%.2fx; the bound %.1fx is sharing %d cores with one busy loop)"
          % (t_alone, t_shared, t_shared / t_alone, bound, cores))
    t0 = time.monotonic()
    bob.interrupt()
    stopped = await asyncio.wait_for(loop, 60)
    check(stopped[0] == "error" and time.monotonic() - t0 < 10, "bob's stop button ends the loop (%s, %.1f s)"
          % (stopped[1][:60], time.monotonic() - t0))
    for k in (bob, cem):
        check(await k.value("6 * 7") == "42", "%s's kernel still answers" % k.user)
    peaks = {u: max(peaks[u], peak_mib(facts[u]["pid"])) for u in STUDENTS}
    worst = max(peaks[u] for u in (STUDENTS[0], STUDENTS[1]))
    print("peak resident memory while training the lecture network: %s MiB; %.1f kernels per GiB"
          % (", ".join("%s %.0f" % (u, peaks[u]) for u in STUDENTS), 1024 / worst), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default="/tmp/dltips-hub-check")
    parser.add_argument("--memory-mib", type=int, default=1536)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("hub_check.py: run as root; the students are system users it creates")
    for tool in ("jupyterhub", "configurable-http-proxy", "jupyterhub-singleuser", "useradd"):
        if not shutil.which(tool):
            sys.exit("hub_check.py: '%s' is missing (apt-get install jupyterhub node-configurable-http-proxy)" % tool)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "home"))
    os.chmod(work, 0o755)
    os.chmod(os.path.join(work, "home"), 0o755)
    root = os.path.join(work, "srv")
    subprocess.run([os.path.join(REPO, "deploy", "jupyterhub", "setup.sh"), "--root", root, "--memory-mib",
                    str(args.memory_mib)], check=True, stdin=subprocess.DEVNULL)
    homes = {u: os.path.join(work, "home", u) for u in STUDENTS}
    for u in STUDENTS:
        subprocess.run(["userdel", "-r", u], capture_output=True)
        subprocess.run(["useradd", "-m", "-d", homes[u], "-s", "/bin/bash", u], check=True)
    port, token, password = free_port(), secrets.token_hex(16), secrets.token_hex(8)
    env = dict(os.environ, DLTIPS_HUB_ROOT=root, DLTIPS_HUB_IP="127.0.0.1", DLTIPS_HUB_PORT=str(port),
               DLTIPS_HUB_STATE=os.path.join(work, "state"), DLTIPS_HUB_TEST_PASSWORD=password,
               DLTIPS_HUB_API_TOKEN=token)
    log = open(os.path.join(work, "hub.log"), "w")
    hub_process = subprocess.Popen(["jupyterhub", "-f", os.path.join(REPO, "deploy", "jupyterhub",
                                                                     "jupyterhub_config.py")],
                                   cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub("http://127.0.0.1:%d" % port, token)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if hub.api("GET", "/hub/api/").ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        else:
            raise RuntimeError("the hub did not answer within 60 s; see %s/hub.log" % work)
        print("the hub at %s, three students log in:" % hub.url, flush=True)
        tokens = {}
        for u in STUDENTS:
            session = requests.Session()
            page = session.get(hub.url + "/hub/login", timeout=30)
            xsrf = session.cookies.get("_xsrf", "")
            login = session.post(hub.url + "/hub/login?next=", data={"username": u, "password": password,
                                                                    "_xsrf": xsrf}, allow_redirects=False, timeout=30)
            check(page.ok and login.status_code == 302, "%s logs in with the password (HTTP %d)" % (u,
                                                                                                 login.status_code))
            wrong = requests.post(hub.url + "/hub/login", data={"username": u, "password": "wrong"}, timeout=30,
                                  allow_redirects=False)
            check(wrong.status_code != 302, "%s with a wrong password is refused (HTTP %d)" % (u, wrong.status_code))
            hub.api("POST", "/hub/api/users/%s/server" % u)
            tokens[u] = hub.api("POST", "/hub/api/users/%s/tokens" % u, json={"note": "hub_check"}).json()["token"]
        for u in STUDENTS:
            deadline = time.monotonic() + 180
            while not hub.api("GET", "/hub/api/users/%s" % u).json().get("servers", {}).get("", {}).get("ready"):
                if time.monotonic() > deadline:
                    raise RuntimeError("%s's server did not start within 180 s; see %s/hub.log" % (u, work))
                time.sleep(1)
            print("  ok    %s's server started" % u, flush=True)
        asyncio.run(checks(hub, tokens, root, homes))
    except Exception as e:
        failures.append("%s: %s" % (type(e).__name__, e))
        print("  FAIL  %s: %s" % (type(e).__name__, e), flush=True)
    finally:
        for u in STUDENTS:
            try:
                hub.api("DELETE", "/hub/api/users/%s/server" % u)
            except requests.RequestException:
                pass
        os.killpg(hub_process.pid, 15)
        try:
            hub_process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(hub_process.pid, 9)
        subprocess.run(["pkill", "-u", ",".join(STUDENTS)], capture_output=True)
        time.sleep(1)
        for u in STUDENTS:
            subprocess.run(["userdel", "-r", u], capture_output=True)
        log.close()
    if failures:
        print("hub_check: %d failed (hub log: %s/hub.log)" % (len(failures), work))
        sys.exit(1)
    print("hub_check: all passed")


if __name__ == "__main__":
    main()
