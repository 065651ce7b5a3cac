"""Serves the dltips JupyterLab front end (built by lab/build.sh) on Debian's jupyter_server and
jupyterlab_server, for machines that have no JupyterLab package.

    python3 dltips_lab.py [jupyter_server options: --port=8888 --no-browser --ServerApp.root_dir=DIR ...]

Run the copy inside a finished build folder: it serves the bundle, schemas and themes beside it.
"""
import json
import os

from jupyterlab_server import LabServerApp

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")
SETTINGS_HOME = os.environ.get(
    "DLTIPS_LAB_SETTINGS",
    os.path.join(os.path.expanduser("~"), ".jupyter", "lab", "dltips"))


def _version():
    with open(os.path.join(HERE, "package.json"), encoding="utf-8") as f:
        return json.load(f)["dependencies"]["@jupyterlab/application"]


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": DltipsLab}]


class DltipsLab(LabServerApp):
    name = "dltips_lab"
    app_name = "JupyterLab"
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    app_version = _version()
    static_dir = BUILD
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    app_settings_dir = os.path.join(HERE, "settings")
    templates_dir = os.path.join(HERE, "templates")
    user_settings_dir = os.path.join(SETTINGS_HOME, "user-settings")
    workspaces_dir = os.path.join(SETTINGS_HOME, "workspaces")

    def initialize_settings(self):
        super().initialize_settings()
        settings = self.serverapp.web_app.settings
        # Debian's server may lack terminado; the course needs no terminal, so the launcher offers none.
        settings["terminals_available"] = False
        # LaTeX in Markdown cells renders with the MathJax 2 copied into the build, not one from the internet.
        settings["mathjax_url"] = "/static/dltips_lab/mathjax/MathJax.js"


if __name__ == "__main__":
    if not os.path.isfile(os.path.join(BUILD, "bundle.js")):
        raise SystemExit("dltips_lab.py: no build/bundle.js beside this file; run lab/build.sh, which builds the "
                         "front end into the cache and prints the folder to serve from")
    DltipsLab.launch_instance()
