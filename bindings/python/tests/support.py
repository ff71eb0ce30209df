"""Shared by the Python binding's tests: where the source tree and the CLI are, and running it.

CTest sets TRUSTLINT_SOURCE_DIR and TRUSTLINT_EXE (the CLI built beside the module) and puts the
built package on PYTHONPATH; every test runs with the source root as working directory, so
fixture paths read as the CLI's goldens write them. What the CLI prints names its flags; the
module names its keywords, so the CLI's text is compared in Python's terms (face_terms.py).
"""

import json
import os
import subprocess

from face_terms import document_in_face_terms, in_face_terms

ROOT = os.environ.get("TRUSTLINT_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
EXE = os.environ.get("TRUSTLINT_EXE", os.path.join(ROOT, "build", "cli", "trustlint"))
os.chdir(ROOT)


def cli(*args, stdin=None):
    """Runs the CLI; returns (exit code, stdout, stderr)."""
    p = subprocess.run([EXE, *args], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def in_python_terms(text):
    """The CLI's text with its flags named as the module's keywords ("--resource" -> "resource=")."""
    return in_face_terms(text, "python")


def cli_json(*args):
    """The CLI's JSON document, its text in Python's terms."""
    code, out, err = cli(*args, "--format", "json")
    assert code in (0, 1), f"{args}: exit {code}\n{err}"
    return document_in_face_terms(json.loads(out), "python")
