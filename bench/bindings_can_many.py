#!/usr/bin/env python3
"""can_many (Python) and canMany (Node) against `trustlint can POLICY --requests FILE` on the same
20,000 requests and the same policy (global issuer, an aud pin and two StringLike subs, as in
docs/benchmarks.md), with a check that all three answer every request identically.

    PYTHONPATH=build/bindings/python python3 bench/bindings_can_many.py
    env: TRUSTLINT (build/cli/trustlint), NODE_PACKAGE (build/bindings/node), RUNS (7), N (20000)

Each figure is the median of RUNS runs. The CLI's is a whole process (start, read, parse, decide,
write the lines to a file); the bindings' are in-process calls on a warm interpreter: the policy
read and compiled once per call, each request given as a dict/object (serialised to a request
line for the engine's parser) and answered as a dict/object. Not a test: nothing here fails on
a slow machine.
"""

import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import trustlint

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLI = os.environ.get("TRUSTLINT", str(ROOT / "build/cli/trustlint"))
NODE_PACKAGE = os.environ.get("NODE_PACKAGE", str(ROOT / "build/bindings/node"))
RUNS = int(os.environ.get("RUNS", "7"))
N = int(os.environ.get("N", "20000"))

POLICY = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
        "StringEquals": {"oidc.vercel.com:aud": "https://vercel.com/acme"},
        "StringLike": {"oidc.vercel.com:sub": ["owner:acme:project:web*:environment:production",
                                               "owner:acme:project:*:environment:preview"]}}}]}

NODE_BENCH = r"""
const t = require(process.argv[1]);
const fs = require('node:fs');
const policy = process.argv[2];
const requests = fs.readFileSync(process.argv[3], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const runs = Number(process.argv[4]);
const times = [];
let out;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  out = t.canMany(policy, requests);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
fs.writeFileSync(process.argv[5], out.map((d) => JSON.stringify(d)).join('\n') + '\n');
console.log(JSON.stringify(times));
"""


def median_ms(times):
    return statistics.median(times)


def main():
    with tempfile.TemporaryDirectory(prefix="trustlint-bench-bindings-") as scratch:
        scratch = pathlib.Path(scratch)
        policy = scratch / "policy.json"
        policy.write_text(json.dumps(POLICY, indent=2))
        teams = ["acme", "acme-evil", "globex", "other-team"]
        envs = ["production", "preview", "development", "staging"]
        requests = [{"team": teams[i % 4], "project": f"web{i % 50}", "environment": envs[(i // 4) % 4], "issuer": "global"}
                    for i in range(N)]
        lines = scratch / "requests.jsonl"
        lines.write_text("".join(json.dumps(r) + "\n" for r in requests))

        cli_times, cli_out = [], scratch / "cli.jsonl"
        for _ in range(RUNS):
            start = time.perf_counter()
            with open(cli_out, "wb") as out:
                subprocess.run([CLI, "can", str(policy), "--requests", str(lines)], stdout=out, check=True)
            cli_times.append((time.perf_counter() - start) * 1000)

        py_times, py_out = [], None
        for _ in range(RUNS):
            start = time.perf_counter()
            py_out = trustlint.can_many(policy, requests)
            py_times.append((time.perf_counter() - start) * 1000)

        node_out = scratch / "node.jsonl"
        node = subprocess.run(["node", "-e", NODE_BENCH, NODE_PACKAGE, str(policy), str(lines), str(RUNS), str(node_out)],
                              capture_output=True, text=True, check=True)
        node_times = json.loads(node.stdout)

        want = [json.loads(line) for line in cli_out.read_text().splitlines()]
        same_py = [d.to_dict() for d in py_out] == want
        same_node = [json.loads(line) for line in node_out.read_text().splitlines()] == want
        allowed = sum(1 for d in want if d.get("allowed"))

    print(f"{N} requests, one policy ({allowed} allowed); median of {RUNS} runs; identical answers: "
          f"python {same_py}, node {same_node}")
    print("| face | median ms | requests/s |")
    print("|---|---|---|")
    for name, times in (("`trustlint can --requests` (whole process)", cli_times),
                        ("Python `can_many` (in process)", py_times),
                        ("Node `canMany` (in process)", node_times)):
        ms = median_ms(times)
        print(f"| {name} | {ms:.1f} | {N / ms * 1000:,.0f} |")
    return 0 if same_py and same_node else 1


if __name__ == "__main__":
    sys.exit(main())
