#!/usr/bin/env python3
"""The README's five-line examples of the bindings ("Python and Node.js": can/lint/can_many, then
diff/test) run as written, from the source root, against the built package: each must exit 0
and print what its lines promise.
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
pythons = re.findall(r"```python\n(.*?)```", section, re.S)[:2]
jss = re.findall(r"```js\n(.*?)```", section, re.S)[:2]
assert len(pythons) == 2 and len(jss) == 2, "two examples each"
assert all(len(x.strip().splitlines()) == 5 for x in pythons + jss), "five lines each"


def run(python, js):
    py = subprocess.run([sys.executable, "-c", python], cwd=ROOT, capture_output=True, text=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "node_modules"))
        os.symlink(os.path.abspath(NODE_PACKAGE), os.path.join(scratch, "node_modules", "trustlint"))
        node = subprocess.run([NODE, "-e", js], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "NODE_PATH": os.path.join(scratch, "node_modules")})
    return (("python", py), ("js", node))


failed = False
for name, r in run(pythons[0], jss[0]):
    print(f"== {name} (exit {r.returncode})\n{r.stdout}{r.stderr}")
    lines = r.stdout.splitlines()
    # line 1: acme-evil gets in (True/true); then TL101 among the findings; last: the decisions
    ok = r.returncode == 0 and lines and lines[0].lower() == "true" and any(l.startswith("TL101 12 ") for l in lines)
    failed = failed or not ok
for name, r in run(pythons[1], jss[1]):
    print(f"== {name} diff/test (exit {r.returncode})\n{r.stdout}{r.stderr}")
    lines = [re.sub(r"[\[\]',\s]+", " ", l).strip().lower() for l in r.stdout.splitlines()]
    # diff: widened, preview gained; test: not ok, 1+ passed, 1+ failed, acme-evil the counterexample
    ok = r.returncode == 0 and len(lines) == 2 and lines[0] == "true preview" and \
        re.fullmatch(r"false [1-9]\d* [1-9]\d* acme-evil.*", lines[1]) is not None
    failed = failed or not ok
sys.exit(1 if failed else 0)
