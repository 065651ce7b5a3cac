"""JupyterHub for a class taking the dltips course, on one machine.

    sudo deploy/jupyterhub/setup.sh                      # once: kernel, data, notebooks under /srv/dltips
    sudo jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Students log in with their accounts on this machine (PAM) and each gets a Jupyter server running as themselves,
in their home directory, with a copy of the course notebooks in ~/dltips made at their first login (their own
files: later changes to the course never overwrite their work). Every server finds the one shared kernelspec
under DLTIPS_HUB_ROOT; the kernels read the datasets from its read-only data/ folder and never download, and run
under the memory limit given to setup.sh (the JVM heap and ND4J's arrays capped inside it).

Settings, all from the environment:
  DLTIPS_HUB_ROOT      where setup.sh installed (default /srv/dltips)
  DLTIPS_HUB_IP        the address to serve on (default: all interfaces; 127.0.0.1 for a test)
  DLTIPS_HUB_PORT      the port (default 8000)
  DLTIPS_HUB_STATE     where the hub keeps its database and cookie secret (default /var/lib/dltips-hub)
  DLTIPS_HUB_ADMINS    comma-separated user names with admin rights on the hub
  DLTIPS_HUB_TEST_PASSWORD   test only: every existing system user logs in with this password (DummyAuthenticator)
  DLTIPS_HUB_API_TOKEN       an admin token for scripts (the class list, grading collection, tests)
"""
import os
import pwd
import shutil

c = get_config()  # noqa: F821 (given by JupyterHub when it reads this file)

root = os.environ.get("DLTIPS_HUB_ROOT", "/srv/dltips")
state = os.environ.get("DLTIPS_HUB_STATE", "/var/lib/dltips-hub")
os.makedirs(state, mode=0o700, exist_ok=True)

c.JupyterHub.ip = os.environ.get("DLTIPS_HUB_IP", "")
c.JupyterHub.port = int(os.environ.get("DLTIPS_HUB_PORT", "8000"))
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.cleanup_servers = True
# Debian's configurable-http-proxy keeps its modules in /usr/share/nodejs, which a Node.js installed from
# elsewhere (NodeSource, nvm) does not search; the proxy inherits the hub's environment.
if os.path.isdir("/usr/share/nodejs/configurable-http-proxy"):
    paths = [p for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    os.environ["NODE_PATH"] = os.pathsep.join(paths + ["/usr/share/nodejs"])

# Each student's server runs as that student (LocalProcessSpawner), in their home directory.
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab/tree/dltips" if shutil.which("jupyter-lab") else "/tree/dltips"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# The kernelspec setup.sh wrote, for every server; the kernels' own limits are in it (install --memory-mib,
# --data). DLTIPS_DATA and DLTIPS_OFFLINE are repeated here for Java code run outside the kernel (a terminal).
c.Spawner.environment = {
    "JUPYTER_PATH": os.path.join(root, "share", "jupyter"),
    "DLTIPS_DATA": os.path.join(root, "data"),
    "DLTIPS_OFFLINE": "true",
}


def copy_course(spawner):
    """At a student's first start: ~/dltips gets the course notebooks, owned by the student."""
    user = pwd.getpwnam(spawner.user.name)
    target = os.path.join(user.pw_dir, "dltips")
    source = os.path.join(root, "notebooks")
    if os.path.exists(target) or not os.path.isdir(source):
        return
    shutil.copytree(source, target)
    for folder, _, files in os.walk(target):
        os.chown(folder, user.pw_uid, user.pw_gid)
        os.chmod(folder, 0o755)
        for name in files:
            os.chown(os.path.join(folder, name), user.pw_uid, user.pw_gid)
            os.chmod(os.path.join(folder, name), 0o644)


c.Spawner.pre_spawn_hook = copy_course

password = os.environ.get("DLTIPS_HUB_TEST_PASSWORD")
if password:
    c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
    c.DummyAuthenticator.password = password
else:
    c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.Authenticator.admin_users = {name for name in os.environ.get("DLTIPS_HUB_ADMINS", "").split(",") if name}

token = os.environ.get("DLTIPS_HUB_API_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "dltips-admin", "api_token": token}]
    c.JupyterHub.load_roles = [{"name": "dltips-admin", "scopes": ["admin:users", "admin:servers", "tokens",
                                                                   "access:servers", "read:users"],
                                "services": ["dltips-admin"]}]
