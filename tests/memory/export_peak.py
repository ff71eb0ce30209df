#!/usr/bin/env python3
"""Peak memory of `trustlint lint` on a 20,000-role account export (59.6 MB, bench/account_details.py)
in every output format: each must stay under 64 MiB (issue 18), which holds only while the
writers stream (the whole JSON or SARIF document built in memory took 87-96 MiB). Also checks
that each document is whole (JSON and SARIF parse and count every role).

usage: export_peak.py TRUSTLINT SOURCE_DIR WORK_DIR   (exit 77: skipped, no os.wait4)
"""
import json
import os
import subprocess
import sys

ROLES = 20000
LIMIT_KIB = 64 * 1024


def main():
    exe, source, work = sys.argv[1:4]
    if not hasattr(os, "wait4"):
        print("skipped: os.wait4 (peak memory of a child) is not available here")
        return 77
    os.makedirs(work, exist_ok=True)
    export = os.path.join(work, "acct-%d.json" % ROLES)
    with open(export, "w") as out:
        subprocess.run([sys.executable, os.path.join(source, "bench", "account_details.py"), str(ROLES)], stdout=out, check=True)
    failures = []
    outputs = {}
    try:
        # Every run first: a child forked from this process after it parsed a document would
        # count this process's pages in its own peak.
        for fmt in ("text", "json", "sarif", "github", "markdown"):
            outputs[fmt] = os.path.join(work, "out." + fmt)
            with open(outputs[fmt], "wb") as out:
                child = subprocess.Popen([exe, "lint", export, "--format", fmt, "--max-bytes", "100000000"],
                                         stdout=out, stderr=subprocess.DEVNULL)
                _, status, usage = os.wait4(child.pid, 0)
            code = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss  # KiB on Linux
            print("%-8s exit %d, peak %.1f MiB" % (fmt, code, peak / 1024))
            if code != 0:
                failures.append("%s: exit %d, expected 0" % (fmt, code))
            if peak >= LIMIT_KIB:
                failures.append("%s: peak %.1f MiB, limit 64 MiB" % (fmt, peak / 1024))
        with open(outputs["json"], encoding="utf-8") as f:
            doc = json.load(f)
        if doc["summary"]["roles"] != ROLES or len(doc["files"]) != ROLES:
            failures.append("json: %d roles, %d files entries" % (doc["summary"]["roles"], len(doc["files"])))
        del doc
        with open(outputs["sarif"], encoding="utf-8") as f:
            log = json.load(f)
        if log["runs"][0]["properties"]["summary"]["roles"] != ROLES:
            failures.append("sarif: its summary does not count every role")
    finally:
        os.remove(export)
        for path in outputs.values():
            os.remove(path)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
