#!/usr/bin/env python3
"""Validates trustlint's machine-readable outputs and inputs against schemas/ (JSON Schema
2020-12): every golden JSON output of can, who, lint, diff and test; every line of every --requests input,
which trustlint must refuse when it is not schema-valid; every configuration fixture,
which must be schema-valid exactly when trustlint accepted it (no TL011).
usage: validate.py <source dir>. Needs python3-jsonschema and python3-yaml (Debian); without
them it exits 77 (CTest: skipped), unless TRUSTLINT_REQUIRE_SCHEMA_TESTS=1 (CI) makes it fail."""
import json, os, sys, glob

root = sys.argv[1]
try:
    import jsonschema, yaml
except ImportError as e:
    print(f"skipped: {e} (apt-get install python3-jsonschema python3-yaml)")
    sys.exit(1 if os.environ.get("TRUSTLINT_REQUIRE_SCHEMA_TESTS") == "1" else 77)

def validator(name):
    with open(os.path.join(root, "schemas", name)) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

schemas = {v: validator(f"{v}.schema.json") for v in ("can", "who", "lint", "diff", "test")}
requests = validator("requests.schema.json")
config = validator("trustlint-config.schema.json")
failures, counts = [], {"outputs": 0, "request lines": 0, "configs": 0}

def errors_of(v, doc):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in v.iter_errors(doc)]

for args_file in sorted(glob.glob(os.path.join(root, "tests/golden/*/*/args"))):
    case = os.path.dirname(args_file)
    name = os.path.relpath(case, os.path.join(root, "tests/golden"))
    verb = name.split("/")[0]
    args = open(args_file).read().split("\n")
    json_out = ("--format" in args and args[args.index("--format") + 1] == "json") or "--requests" in args
    if verb not in schemas or not json_out:
        continue
    text = open(os.path.join(case, "stdout")).read()
    if not text.strip():
        continue
    try:
        docs = [json.loads(text)]
    except json.JSONDecodeError:
        docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    for doc in docs:
        counts["outputs"] += 1
        for e in errors_of(schemas[verb], doc):
            failures.append(f"golden {name}: {e}")
    if "--requests" in args and os.path.exists(os.path.join(case, "stdin")):
        rejected = {d["line"] for d in docs if "error" in d and "line" in d}
        for n, line in enumerate(open(os.path.join(case, "stdin")).read().split("\n"), start=1):
            if not line.strip():
                continue
            counts["request lines"] += 1
            try:
                valid = not errors_of(requests, json.loads(line))
            except json.JSONDecodeError:
                valid = False
            # schema-invalid ⇒ refused. A schema-valid line may still be refused for what a schema
            # cannot say (a repeated key, claims equal up to case, a contradicting claim: TL092).
            if not valid and n not in rejected:
                failures.append(f"golden {name}: stdin line {n} is invalid by requests.schema.json but trustlint accepted it")
            counts["request lines refused"] = counts.get("request lines refused", 0) + (n in rejected)

configs = glob.glob(os.path.join(root, "tests/**/*trustlint.yaml"), recursive=True) + \
          glob.glob(os.path.join(root, "tests/**/.trustlint.yaml"), recursive=True) + \
          glob.glob(os.path.join(root, "fixtures/**/.trustlint.yaml"), recursive=True)
for path in sorted(set(configs)):
    rel = os.path.relpath(path, root)
    counts["configs"] += 1
    doc = yaml.safe_load(open(path)) or {}
    errs = errors_of(config, doc)
    stderr = os.path.join(os.path.dirname(path), "stderr")
    rejected = os.path.exists(stderr) and "TL011" in open(stderr).read()
    if rejected and not errs:
        failures.append(f"{rel}: trustlint rejects it (TL011) but trustlint-config.schema.json accepts it")
    if not rejected:
        failures.extend(f"{rel}: {e}" for e in errs)

print(", ".join(f"{n} {k}" for k, n in counts.items()))
if counts["outputs"] < 20 or counts["configs"] < 2 or counts["request lines"] < 3:
    failures.append("too few goldens found; the scan is broken")
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
