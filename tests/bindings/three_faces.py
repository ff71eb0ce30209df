#!/usr/bin/env python3
"""One case corpus, three faces: every decision case under tests/cases/ and every `who` golden
through the CLI, the Python module and the Node addon; fails on any difference.

For each case: `trustlint can POLICY --requests` (one process per case) against
`trustlint.can_many` and `canMany`; every request once more through `trustlint can … --format
json` against `trustlint.can` and `can`; each decision must also equal the case's hand-derived
`want`. For each `who`, `diff` and `test` golden (its arguments with `--format json`): the CLI
against `trustlint.who`/`diff`/`test` and `who`/`diff`/`test` (and diff's exit 1 against
`widened`, test's exit code against `exit_code`). Multi-valued claims (repeated `--claim`, a
list in the bindings and in `--requests`) and `lint --team` (good teams and names Vercel never
issues) likewise, and `lint` of directories and lists of paths (LINT_PATHS: walks, configurations,
nothing checked). A refused input must be refused by all three, with the same located
diagnostics (each binding diagnostic's message appears in the CLI's stderr).

The CLI names its flags ("choose one with --resource"), a binding its own options ("resource=",
"resource:"): the CLI's text is compared after putting it into each face's terms with the
engine's table (face_terms.py, trustlint/vocabulary.h), so any other difference still fails; the
NEEDS_AN_OPTION plans check that each face uses its own words there and the CLI its flags.

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
from face_terms import document_in_face_terms, in_face_terms
from three_faces_plans import (EMPTY_DIR, LINT_PATHS, LINT_TEAMS, MULTI_CLAIMS, MULTI_WANT, NEEDS_AN_OPTION,
                               REFUSED_ANY_WORDING, diff_goldens, test_goldens, who_goldens)

ROOT, CLI, EXPORT, NODE, NODE_PACKAGE = sys.argv[1:6]
HERE = pathlib.Path(__file__).resolve().parent
failures = []
counts = {"cases": 0, "requests": 0, "single": 0, "context_requests_not_comparable": 0, "who": 0, "who_skipped": 0,
          "diff": 0, "diff_skipped": 0, "test": 0, "test_skipped": 0, "multi_claims": 0, "lint_teams": 0,
          "lint_paths": 0, "needs_an_option": 0, "put_in_face_terms": 0}


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
    """CLI exit 2: every face must refuse, naming diagnostics the CLI printed (in the face's terms)."""
    for name, face in faces.items():
        if "error" not in face:
            fail(where, f"the CLI refused the input (exit {code}) but {name} answered", cli=stderr, **{name: face})
            continue
        said = in_face_terms(stderr, name)
        counts["put_in_face_terms"] += said != stderr
        missing = [d for d in face["error"] if d not in said]
        if missing or not face["error"]:
            fail(where, f"{name}'s diagnostics differ from the CLI's", cli=said, **{name: face["error"]})


def compare(where, doc, faces, words="cli"):
    """Each face's answer must be `doc` (the CLI's, or `words`'s face's) in the face's terms."""
    for name, face in faces.items():
        want = document_in_face_terms(doc, name, words)
        counts["put_in_face_terms"] += want != doc
        if face.get("ok") != want:
            fail(where, f"{name} differs from the {words}", **{words: want, name: face})


def claim_text(v):
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


def can_flags(r):
    """The CLI flags of a request; None when the CLI cannot say it (a multi-valued key of fewer
    than two values: a repeated --claim makes one of two or more)."""
    flags = ["--project", r["project"], "--env", r["environment"]]
    for key, flag in (("team", "--team"), ("issuer", "--issuer"), ("aud", "--aud")):
        if key in r:
            flags += [flag, r[key]]
    for k, v in r.get("claims", {}).items():
        if isinstance(v, list):
            if len(v) < 2:
                return None
            for item in v:
                flags += ["--claim", f"{k}={claim_text(item)}"]
        else:
            flags += ["--claim", f"{k}={claim_text(v)}"]
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
        who_plans = who_goldens(ROOT, counts)
        for args, policy, options in who_plans:
            jobs.append({"verb": "who", "policy": policy, "options": options})
        diff_plans = diff_goldens(ROOT, counts)
        for args, old, new, options in diff_plans:
            jobs.append({"verb": "diff", "old": old, "new": new, "options": options})
        test_plans = test_goldens(ROOT, counts)
        for args, paths, options in test_plans:
            jobs.append({"verb": "test", "paths": paths, "options": options})
        for policy, requests in MULTI_CLAIMS:
            jobs.append({"verb": "can", "policy": policy, "requests": requests})
        for policy, teams in LINT_TEAMS:
            jobs.append({"verb": "lint", "policy": policy, "options": {"teams": teams}})
        empty_dir = pathlib.Path(scratch) / "empty"
        empty_dir.mkdir()
        lint_path_plans = [([str(empty_dir) if p == EMPTY_DIR else p for p in paths], teams, config)
                           for paths, teams, config in LINT_PATHS]
        for paths, teams, config in lint_path_plans:
            options = {"teams": teams, **({"config": config} if config else {})}
            jobs.append({"verb": "lint", "policy": lint_paths_arg(paths), "options": options})
        for _, job, _ in NEEDS_AN_OPTION:
            jobs.append(job)
        node = run_node(jobs, scratch)
        rest = node[len(plans) + len(who_plans):]
        diff_answers, rest = rest[:len(diff_plans)], rest[len(diff_plans):]
        test_answers, rest = rest[:len(test_plans)], rest[len(test_plans):]
        multi_answers, rest = rest[:len(MULTI_CLAIMS)], rest[len(MULTI_CLAIMS):]
        lint_answers, rest = rest[:len(LINT_TEAMS)], rest[len(LINT_TEAMS):]
        lint_path_answers, option_answers = rest[:len(LINT_PATHS)], rest[len(LINT_PATHS):]

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
                flags = can_flags(request)
                faces = {"python": py_can(pathlib.Path(policy), request), "node": node_single}
                if flags is None:
                    compare(f"{where}:{r['line']}", faces["python"].get("ok"), {"node": node_single}, words="python")
                    continue
                code, out, err = cli(["can", policy, *flags, "--format", "json"])
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

        for (args, old, new, options), answer in zip(diff_plans, diff_answers):
            counts["diff"] += 1
            code, out, err = cli(["diff", *args, "--format", "json"])
            faces = {"python": py_face(lambda: _Widened(trustlint.diff(pathlib.Path(old), pathlib.Path(new),
                                                                        **py_who_options(options)))),
                     "node": answer}
            where = "diff " + " ".join(args)
            if code == 2:
                refused_alike(where, code, err, faces)
                continue
            doc = json.loads(out)
            doc["widened"] = code == 1  # the CLI's exit status as the bindings' attribute
            compare(where, doc, faces)

        for (args, paths, options), answer in zip(test_plans, test_answers):
            counts["test"] += 1
            code, out, err = cli(["test", *args, "--format", "json"])
            faces = {"python": py_face(lambda: _Ok(trustlint.test([pathlib.Path(p) for p in paths],
                                                                  limits=py_who_options(options)["limits"]))),
                     "node": answer}
            where = "test " + " ".join(args)
            if code == 2:
                refused_alike(where, code, err, faces)
                continue
            doc = json.loads(out)
            if doc["exit_code"] != code:
                fail(where, f"the CLI exits {code} but its JSON says exit_code {doc['exit_code']}")
            doc["ok"] = code == 0
            compare(where, doc, faces)

        for (policy, requests), wants, answers in zip(MULTI_CLAIMS, MULTI_WANT, multi_answers):
            lines = "".join(json.dumps(r) + "\n" for r in requests).encode()
            code, out, err = cli(["can", policy, "--requests", "-"], stdin=lines)
            py_many = py_face(lambda: _ListDoc(trustlint.can_many(pathlib.Path(policy), requests)))
            many = [json.loads(l) for l in out.splitlines()]
            compare(f"{policy} (multi-valued claims, --requests)", many, {"python": py_many, "node": answers["many"]})
            decided = [w if w != REFUSED_ANY_WORDING else None for w in wants]  # a refused line: {line, error}
            if [d.get("decision") for d in many] != decided:
                fail(f"{policy} (multi-valued claims, --requests)", "decisions differ from the wanted ones",
                     cli=[d.get("decision") for d in many], want=decided)
            for n, (request, want, node_single) in enumerate(zip(requests, wants, answers["single"]), start=1):
                counts["multi_claims"] += 1
                where = f"{policy} (multi-valued claims, request {n})"
                flags = can_flags(request)
                faces = {"python": py_can(pathlib.Path(policy), request), "node": node_single}
                if flags is None:
                    compare(where, faces["python"].get("ok"), {"node": node_single}, words="python")
                    if (faces["python"].get("ok") or {}).get("decision") != want:
                        fail(where, f"Python decides {faces['python']}, the request wants {want}")
                    continue
                code, out, err = cli(["can", policy, *flags, "--format", "json"])
                if want == REFUSED_ANY_WORDING:
                    said = [err] + [m for face in faces.values() for m in face.get("error", [])]
                    if code != 2 or any("error" not in f for f in faces.values()) or \
                            not all("case-insensitive" in m for m in said):
                        fail(where, "every face must refuse a key given twice up to case", cli=err, **faces)
                    continue
                if code == 2:
                    refused_alike(where, code, err, faces)
                    if want is not None:
                        fail(where, f"the CLI refused it, the request wants {want}", cli=err)
                    continue
                doc = json.loads(out)
                compare(where, doc, faces)
                if want is None or doc["decision"] != want:
                    fail(where, f"decides {doc['decision']}, the request wants {want}")

        for (policy, teams), answer in zip(LINT_TEAMS, lint_answers):
            counts["lint_teams"] += 1
            code, out, err = cli(["lint", policy, *[a for t in teams for a in ("--team", t)], "--format", "json"])
            faces = {"python": py_face(lambda: trustlint.lint(pathlib.Path(policy), teams=teams)), "node": answer}
            where = f"lint {policy} --team {teams}"
            if code == 2:
                refused_alike(where, code, err, faces)
            else:
                compare(where, json.loads(out), faces)
            bad = any(not t or t != t.lower() or not t.isascii() for t in teams)
            if bad != (code == 2):
                fail(where, f"a team Vercel never issues must be refused (exit 2), the CLI exits {code}")

        for (paths, teams, config), answer in zip(lint_path_plans, lint_path_answers):
            counts["lint_paths"] += 1
            flags = [a for t in teams for a in ("--team", t)] + (["--config", config] if config else [])
            code, out, err = cli(["lint", *paths, *flags, "--format", "json"])
            arg = lint_paths_arg(paths)
            py_arg = pathlib.Path(arg) if isinstance(arg, str) else [pathlib.Path(p) for p in arg]
            faces = {"python": py_face(lambda: trustlint.lint(py_arg, teams=teams, config=config)), "node": answer}
            where = f"lint {' '.join(paths + flags)}"
            if code == 2:
                refused_alike(where, code, err, faces)
            else:
                doc = json.loads(out)
                compare(where, doc, faces)
                if doc["summary"].get("roles", 0) == 0:
                    fail(where, "a run that checked no role must not pass", cli=doc["summary"])
            empty = any(p == str(empty_dir) for p in paths)
            if empty != ("nothing checked" in err):
                fail(where, f"nothing checked (TL087) must be said exactly for the empty directory; the CLI said {err!r}")

        for (args, job, words), answer in zip(NEEDS_AN_OPTION, option_answers):
            counts["needs_an_option"] += 1
            needs_an_option(args, job, words, answer)

    print(json.dumps(counts))
    if failures:
        print(f"{len(failures)} differences:\n" + "".join(failures[:20]))
        return 1
    return 0


def lint_paths_arg(paths):
    """What the bindings are given for `lint PATH...`: one directory as itself, else the list."""
    return paths[0] if len(paths) == 1 and os.path.isdir(paths[0]) else paths


def needs_an_option(args, job, words, answer):
    """The CLI names its flag (its output as it always was), each face its own option, and the
    answers are otherwise the same."""
    where = " ".join(args)
    code, out, err = cli([*args, "--format", "json"])
    policy = pathlib.Path(job["policy"])
    options = job.get("options", {})
    if job["verb"] == "can":
        python = py_can(policy, job["requests"][0])
        node = answer["single"][0]
    elif job["verb"] == "who":
        python = py_face(lambda: trustlint.who(policy, **py_who_options(options)))
        node = answer
    else:
        python = py_face(lambda: trustlint.lint(policy, teams=options.get("teams")))
        node = answer
    faces = {"python": python, "node": node}
    if words[0] not in out + err:
        fail(where, f"the CLI does not say {words[0]!r}", cli=out + err)
    for (name, face), own in zip(faces.items(), words[1:]):
        said = json.dumps(face, ensure_ascii=False)
        if own not in said or words[0] in said:
            fail(where, f"{name} must say {own!r}, not {words[0]!r}", **{name: face})
    if code == 2:
        refused_alike(where, code, err, faces)
    else:
        compare(where, json.loads(out), faces)


class _Widened:
    """A DiffReport as the CLI document plus its `widened` attribute (the CLI's exit 1)."""

    def __init__(self, report):
        self.report = report

    def to_dict(self):
        return {**self.report.to_dict(), "widened": self.report.widened}


class _Ok:
    """A TestReport as the CLI document plus its `ok` attribute (the CLI's exit 0)."""

    def __init__(self, report):
        self.report = report

    def to_dict(self):
        return {**self.report.to_dict(), "ok": self.report.ok}


class _ListDoc:
    def __init__(self, items):
        self.items = items

    def to_dict(self):
        return [i.to_dict() for i in self.items]


def py_who_options(options):
    limits = {("string_length" if k == "stringLength" else k): v for k, v in options.get("limits", {}).items()}
    return {"any_audience": options.get("anyAudience", False), "resource": options.get("resource"), "limits": limits}


if __name__ == "__main__":
    sys.exit(main())
