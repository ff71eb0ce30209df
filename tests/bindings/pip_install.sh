#!/usr/bin/env bash
# `pip install ./bindings/python` offline into a scratch virtual environment, then the package is
# used from outside the source tree. Usage: pip_install.sh ROOT VENV [PYTHON]
# With TRUSTLINT_PYTHON_MODULE set (CTest: the module this build made) setup.py copies it; else it
# builds the module with CMake (TRUSTLINT_CMAKE_BUILD_DIR, or a fresh directory). Skips (77) when
# the interpreter has no venv module (Debian: python3-venv); under CI=1 that is a failure.
set -euo pipefail
ROOT=$(cd "$1" && pwd)
VENV=$2
PYTHON=${3:-python3}
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  echo "pip_install.sh: $PYTHON has no venv/ensurepip (Debian: apt-get install python3-venv)"
  if [ "${CI:-}" = 1 ]; then exit 1; fi
  exit 77
fi
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
# No build isolation: setuptools comes with the venv (Debian's python3-setuptools-whl) and wheel
# from Debian's python3-wheel-whl, both local files; nothing is downloaded.
WHEELS=/usr/share/python-wheels
if ! "$VENV/bin/python" -c 'import wheel' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --no-index --find-links "$WHEELS" wheel
fi
"$VENV/bin/pip" install --quiet --no-index --no-build-isolation "$ROOT/bindings/python"
cd "$VENV"   # away from the source tree: the installed package, not bindings/python
"$VENV/bin/python" - "$ROOT" <<'PY'
import pathlib, sys
import trustlint
root = pathlib.Path(sys.argv[1])
assert pathlib.Path(trustlint.__file__).is_relative_to(pathlib.Path(sys.prefix)), trustlint.__file__
package = pathlib.Path(trustlint.__file__).parent
assert (package / "py.typed").exists() and (package / "__init__.pyi").exists(), sorted(p.name for p in package.iterdir())
d = trustlint.can(root / "fixtures/good/vercel-docs-preview-production.json", project="web", environment="preview")
assert d.allowed is True and d.decision == "allow", d
w = trustlint.who(root / "fixtures/risky/owner-prefix-wildcard.json")
assert w.allowed[0].example.team == "acme", w
print("pip install: ok,", trustlint.__file__, trustlint.version())
PY
