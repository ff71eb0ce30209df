#!/usr/bin/env python3
"""The README's five-line examples of the bindings ("Python and Node.js") run as written, from the
source root, against the built package: each must exit 0 and print what its lines promise.
Usage (CTest bindings/readme-examples): readme_examples.py ROOT NODE NODE_PACKAGE (PYTHONPATH set).
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT, NODE, NODE_PACKAGE = sys.argv[1:4]
text = pathlib.Path(ROOT, "README.md").read_text()
section = text[text.index("## Python and Node.js"):]
python = re.search(r"```python\n(.*?)```", section, re.S).group(1)
js = re.search(r"```js\n(.*?)```", section, re.S).group(1)
assert len(python.strip().splitlines()) == 5 and len(js.strip().splitlines()) == 5, "five lines each"

py = subprocess.run([sys.executable, "-c", python], cwd=ROOT, capture_output=True, text=True)
with tempfile.TemporaryDirectory() as scratch:
    os.makedirs(os.path.join(scratch, "node_modules"))
    os.symlink(os.path.abspath(NODE_PACKAGE), os.path.join(scratch, "node_modules", "trustlint"))
    node = subprocess.run([NODE, "-e", js], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NODE_PATH": os.path.join(scratch, "node_modules")})
failed = False
for name, run in (("python", py), ("js", node)):
    print(f"== {name} (exit {run.returncode})\n{run.stdout}{run.stderr}")
    lines = run.stdout.splitlines()
    # line 1: acme-evil gets in (True/true); then TL101 among the findings; last: the decisions
    ok = run.returncode == 0 and lines and lines[0].lower() == "true" and any(l.startswith("TL101 12 ") for l in lines)
    failed = failed or not ok
sys.exit(1 if failed else 0)
