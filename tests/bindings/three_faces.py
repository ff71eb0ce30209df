#!/usr/bin/env python3
"""One case corpus, three faces: every decision case under tests/cases/ and every `who` golden
through the CLI, the Python module and the Node addon; fails on any difference.

For each case: `trustlint can POLICY --requests` (one process per case) against
`trustlint.can_many` and `canMany`; every request once more through `trustlint can … --format
json` against `trustlint.can` and `can`; each decision must also equal the case's hand-derived
`want`. For each `who` golden (its arguments with `--format json`): the CLI against
`trustlint.who` and `who`. A refused input must be refused by all three, with the same located
diagnostics (each binding diagnostic's message appears in the CLI's stderr).

Usage (CTest bindings/three-faces): three_faces.py ROOT TRUSTLINT CASE_EXPORT NODE NODE_PACKAGE
with PYTHONPATH holding the built trustlint package.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile

import trustlint

ROOT, CLI, EXPORT, NODE, NODE_PACKAGE = sys.argv[1:6]
HERE = pathlib.Path(__file__).resolve().parent
failures = []
counts = {"cases": 0, "requests": 0, "single": 0, "context_requests_not_comparable": 0, "who": 0, "who_skipped": 0}


def fail(where, what, **sides):
    failures.append(f"{where}: {what}\n" + "".join(f"    {k}: {json.dumps(v, sort_keys=True)[:600]}\n" for k, v in sides.items()))


def cli(args, stdin=None):
    p = subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def py_face(fn):
    try:
        return {"ok": fn().to_dict()}
    except trustlint.PolicyError as e:
        return {"error": [d.message for d in e.diagnostics]}


def refused_alike(where, code, stderr, faces):
    """CLI exit 2: every face must refuse, naming diagnostics the CLI printed."""
    for name, face in faces.items():
        if "error" not in face:
            fail(where, f"the CLI refused the input (exit {code}) but {name} answered", cli=stderr, **{name: face})
            continue
        missing = [d for d in face["error"] if d not in stderr]
        if missing or not face["error"]:
            fail(where, f"{name}'s diagnostics differ from the CLI's", cli=stderr, **{name: face["error"]})


def compare(where, cli_doc, faces):
    for name, face in faces.items():
        if face.get("ok") != cli_doc:
            fail(where, f"{name} differs from the CLI", cli=cli_doc, **{name: face})


def can_flags(r):
    flags = ["--project", r["project"], "--env", r["environment"]]
    for key, flag in (("team", "--team"), ("issuer", "--issuer"), ("aud", "--aud")):
        if key in r:
            flags += [flag, r[key]]
    for k, v in r.get("claims", {}).items():
        flags += ["--claim", f"{k}={v}"]
    return flags


def py_can(policy, r):
    return py_face(lambda: trustlint.can(policy, **r))


def run_node(jobs, scratch):
    job_file = pathlib.Path(scratch) / "node-jobs.json"
    job_file.write_text(json.dumps(jobs))
    p = subprocess.run([NODE, str(HERE / "three_faces_node.js"), NODE_PACKAGE, str(job_file)], cwd=ROOT,
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"three_faces_node.js failed ({p.returncode}):\n{p.stderr}")
    return json.loads(p.stdout)


def main():
    os.chdir(ROOT)  # policies are named relative to the source root, as the goldens name them
    corpus = json.loads(subprocess.run([EXPORT, ROOT], capture_output=True, text=True, check=True).stdout)
    with tempfile.TemporaryDirectory(prefix="trustlint-three-faces-") as scratch:
        jobs, plans = [], []
        for i, case in enumerate(corpus):
            counts["cases"] += 1
            counts["context_requests_not_comparable"] += case["context_requests"]
            if not case["requests"]:
                continue
            if case["fixture"]:
                policy = case["fixture"]
            else:
                suffix = {"json": ".json", "yaml": ".yaml"}.get(case["policy_format"], "")
                policy = os.path.join(scratch, f"case{i}{suffix}")
                pathlib.Path(policy).write_text(case["policy_text"])
            requests = [r["request"] for r in case["requests"]]
            jobs.append({"verb": "can", "policy": policy, "requests": requests})
            plans.append((case, policy, requests))
        who_plans = who_goldens()
        for args, policy, options in who_plans:
            jobs.append({"verb": "who", "policy": policy, "options": options})
        node = run_node(jobs, scratch)

        for (case, policy, requests), answers in zip(plans, node):
            where = case["path"]
            lines = "".join(json.dumps(r) + "\n" for r in requests).encode()
            code, out, err = cli(["can", policy, "--requests", "-"], stdin=lines)
            py_many = py_face(lambda: _ListDoc(trustlint.can_many(pathlib.Path(policy), requests)))
            if code == 2 and not out:
                refused_alike(where + " (--requests)", code, err, {"python": py_many, "node": answers["many"]})
            else:
                cli_docs = [json.loads(line) for line in out.splitlines()]
                compare(where + " (--requests)", cli_docs, {"python": py_many, "node": answers["many"]})
                for r, doc in zip(case["requests"], cli_docs):
                    if doc.get("decision") != r["want"]:
                        fail(f"{where}:{r['line']}", f"the CLI decides {doc.get('decision')}, the case wants {r['want']}")
            for r, node_single in zip(case["requests"], answers["single"]):
                counts["requests"] += 1
                counts["single"] += 1
                request = r["request"]
                code, out, err = cli(["can", policy, *can_flags(request), "--format", "json"])
                faces = {"python": py_can(pathlib.Path(policy), request), "node": node_single}
                if code == 2:
                    refused_alike(f"{where}:{r['line']}", code, err, faces)
                else:
                    compare(f"{where}:{r['line']}", json.loads(out), faces)

        for (args, policy, options), answer in zip(who_plans, node[len(plans):]):
            counts["who"] += 1
            code, out, err = cli(["who", *args, "--format", "json"])
            faces = {"python": py_face(lambda: trustlint.who(pathlib.Path(policy), **py_who_options(options))),
                     "node": answer}
            where = "who " + " ".join(args)
            if code == 2:
                refused_alike(where, code, err, faces)
            else:
                compare(where, json.loads(out), faces)

    print(json.dumps(counts))
    if failures:
        print(f"{len(failures)} differences:\n" + "".join(failures[:20]))
        return 1
    return 0


class _ListDoc:
    def __init__(self, items):
        self.items = items

    def to_dict(self):
        return [i.to_dict() for i in self.items]


LIMIT_FLAGS = {"--max-bytes": "bytes", "--max-depth": "depth", "--max-nodes": "nodes", "--max-values": "values",
               "--max-statements": "statements", "--max-errors": "errors", "--max-states": "states",
               "--max-string-length": "stringLength", "--quota": "quota"}


def py_who_options(options):
    limits = {("string_length" if k == "stringLength" else k): v for k, v in options.get("limits", {}).items()}
    return {"any_audience": options.get("anyAudience", False), "resource": options.get("resource"), "limits": limits}


def who_goldens():
    """Distinct `who` golden invocations (format aside) that a binding can express."""
    seen, plans = set(), []
    for args_file in sorted(pathlib.Path(ROOT, "tests/golden/who").glob("*/args")):
        case = args_file.parent
        args = [a for a in args_file.read_text().splitlines() if a.strip()][1:]
        if (case / "stdin").exists() or (case / "stdin.cmake").exists() or (case / "env").exists():
            counts["who_skipped"] += 1
            continue
        rest, options, policy, i = [], {"limits": {}}, None, 0
        ok = True
        while i < len(args):
            a = args[i]
            if a == "--format":
                i += 2
                continue
            if a == "--any-audience":
                options["anyAudience"] = True
                rest.append(a)
            elif a == "--resource":
                options["resource"] = args[i + 1]
                rest += args[i:i + 2]
                i += 1
            elif a in LIMIT_FLAGS:
                options["limits"][LIMIT_FLAGS[a]] = int(args[i + 1])
                rest += args[i:i + 2]
                i += 1
            elif a.startswith("-"):
                ok = False  # a flag the bindings do not take (--tf-var)
                break
            else:
                policy = a
                rest.append(a)
            i += 1
        key = tuple(rest)
        if not ok or policy is None:
            counts["who_skipped"] += 1
            continue
        if key in seen:
            continue
        seen.add(key)
        plans.append((rest, policy, options))
    return plans


if __name__ == "__main__":
    sys.exit(main())
