#!/usr/bin/python3
"""Checks the Binder (repo2docker) route as far as a machine without Docker and conda can:

1. the files repo2docker reads are there and say what it expects: a top-level environment.yml (its conda build
   pack; nothing that would take precedence over it, such as a Dockerfile or a binder/ folder) and an executable
   postBuild;
2. postBuild runs as repo2docker runs it (in the checkout, with REPO_DIR set, as a user whose home is fresh), and
   leaves a kernelspec in that home with the memory limit for mybinder.org's 2 GiB;
3. a kernel started from that kernelspec loads MNIST and trains a step, offline, from what postBuild fetched.

    /usr/bin/python3 deploy/binder/check.py [--work DIR]

Maven's downloads and the dataset cache of the user running the check are reused (MAVEN_OPTS and XDG_CACHE_HOME),
so the check does not download the world again; everything else lives in the fresh home. Exit code 0 when every
check passed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

import yaml
from jupyter_client.manager import start_new_kernel

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from checklist import check, failures  # noqa: E402 (deploy/checklist.py, shared by the deployment checks)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def files_repo2docker_reads():
    print("the files repo2docker reads:", flush=True)
    for preempting in ("Dockerfile", "default.nix", "binder", ".binder"):
        check(not os.path.exists(os.path.join(REPO, preempting)),
              "no top-level %s (repo2docker would use it instead of environment.yml and postBuild)" % preempting)
    with open(os.path.join(REPO, "environment.yml"), encoding="utf-8") as f:
        environment = yaml.safe_load(f)
    packages = [d.split("=")[0].split(" ")[0] for d in environment.get("dependencies", []) if isinstance(d, str)]
    for needed in ("openjdk", "maven", "jupyterlab", "jupyterlab_widgets", "nodejs"):
        check(needed in packages, "environment.yml installs %s" % needed)
    check("conda-forge" in environment.get("channels", []), "environment.yml takes its packages from conda-forge")
    post_build = os.path.join(REPO, "postBuild")
    with open(post_build, encoding="utf-8") as f:
        first_line = f.readline().strip()
    check(os.access(post_build, os.X_OK) and first_line.startswith("#!"),
          "postBuild is executable and names its interpreter (%s)" % first_line)


def run_post_build(work):
    print("postBuild, as repo2docker runs it, in a fresh home:", flush=True)
    home = os.path.join(work, "home")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(home)
    real_home = os.path.expanduser("~")
    env = dict(os.environ, HOME=home, REPO_DIR=REPO,
               XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", os.path.join(real_home, ".cache")),
               MAVEN_OPTS=("%s -Dmaven.repo.local=%s" % (os.environ.get("MAVEN_OPTS", ""),
                                                        os.path.join(real_home, ".m2", "repository"))).strip())
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_DATA_DIR", None)
    done = subprocess.run([os.path.join(REPO, "postBuild")], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1800)
    check(done.returncode == 0, "postBuild exits with 0 (got %d)" % done.returncode)
    if done.returncode != 0:
        print(done.stdout[-4000:])
    spec_file = os.path.join(home, ".local", "share", "jupyter", "kernels", "dltips", "kernel.json")
    if not check(os.path.isfile(spec_file), "the kernelspec is in the fresh home: %s" % spec_file):
        return env, None
    with open(spec_file, encoding="utf-8") as f:
        argv = json.load(f)["argv"]
    check("-Xmx819m" in argv and "-Dorg.bytedeco.javacpp.maxphysicalbytes=1843m" in argv,
          "the kernel's heap and ND4J's arrays are sized for 2 GiB: %s"
          % [a for a in argv if a.startswith("-Xmx") or "javacpp" in a])
    check(os.path.isfile(argv[argv.index("-jar") + 1]), "the kernel's jar is where the kernelspec says")
    return env, argv


def kernel_from_the_spec(env):
    print("a kernel from that kernelspec:", flush=True)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env, DLTIPS_OFFLINE="true")
    try:
        manager, client = start_new_kernel(kernel_name="dltips", startup_timeout=120)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        code = ("var mnist = Mnist.load();\n"
                "Network net = Network.input(784).hidden(1, 32, Activation.RELU).softmax(10).seed(1).build();\n"
                "History run = net.fit(mnist.train().first(1_000).scaled(), mnist.test().first(1_000).scaled(),"
                " Fit.epochs(1).batchSize(100).quiet());\n"
                "mnist.train().size() + \" \" + run.size()")
        results, errors = [], []

        def output(msg):
            if msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
            elif msg["msg_type"] == "error":
                errors.append("%s: %s" % (msg["content"]["ename"], msg["content"]["evalue"]))

        reply = client.execute_interactive(code, timeout=300, output_hook=output)
        check(reply["content"]["status"] == "ok" and results and results[-1].strip('"').startswith("60000 "),
              "it loads MNIST offline and trains an epoch: %s" % (results or errors))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default="/tmp/dltips-binder-check")
    args = parser.parse_args()
    files_repo2docker_reads()
    env, argv = run_post_build(os.path.abspath(args.work))
    if argv:
        kernel_from_the_spec(env)
    if failures:
        print("binder check: %d failed" % len(failures))
        sys.exit(1)
    print("binder check: all passed")


if __name__ == "__main__":
    main()
