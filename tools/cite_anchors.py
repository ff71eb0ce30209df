#!/usr/bin/env python3
"""Converts citations by section number ("semantics.md §2.4", "§6 #5", "§4.10 example 3") in
tracked text files into docs/semantics.md#anchor citations, the form tests/docs/check_references.cmake
checks. For merging branches written before docs/semantics.md existed: run it from the repository
root, then regenerate goldens. A development tool (python3), not used by the build or the tests."""
import re, sys, subprocess

SECTIONS = {
 "0": ("summary", "Summary"),
 "1": ("grammar", "Grammar of a role trust policy"),
 "1.1": ("document", "Document"),
 "1.2": ("version", "Version"),
 "1.3": ("id-element", "Id"),
 "1.4": ("statement", "Statement"),
 "1.5": ("sid", "Sid"),
 "1.6": ("effect", "Effect"),
 "1.7": ("principal", "Principal / NotPrincipal"),
 "1.8": ("action", "Action / NotAction"),
 "1.9": ("resource", "Resource / NotResource"),
 "1.10": ("condition-block", "Condition block"),
 "1.11": ("size", "Size"),
 "1.12": ("write-time-checks", "What IAM rejects at write time vs what it only warns about"),
 "2": ("evaluation", "Evaluation for `sts:AssumeRoleWithWebIdentity`"),
 "2.1": ("request-and-policies", "Request and policies"),
 "2.2": ("statement-match", "Statement match"),
 "2.3": ("combining-conditions", "Combining conditions"),
 "2.4": ("absent-keys", "Absent keys"),
 "2.5": ("string-operators", "String operators"),
 "2.6": ("other-operators", "Other operator families"),
 "2.7": ("set-qualifiers", "Set qualifiers (ForAllValues, ForAnyValue)"),
 "2.8": ("unknown-operators-and-keys", "Unknown operators and unknown keys"),
 "2.9": ("policy-variables", "Policy variables"),
 "2.10": ("decision-procedure", "Decision procedure (what `can` computes)"),
 "3": ("web-identity", "Web identity / OIDC specifics"),
 "3.1": ("oidc-provider-key-prefix", "The IAM OIDC provider and the key prefix"),
 "3.2": ("sts-checks", "What STS checks before the trust policy"),
 "3.3": ("generic-oidc-keys", "Keys for a generic OIDC provider (Vercel's case)"),
 "3.4": ("provider-specific-keys", "Provider-specific claim keys (2026)"),
 "3.5": ("request-keys", "Other keys present in the AssumeRoleWithWebIdentity context"),
 "3.6": ("session-tags", "Session tags and `sts:TagSession`"),
 "3.7": ("shared-issuer-controls", "IAM write-time controls for shared issuers"),
 "3.8": ("access-analyzer-checks", "Access Analyzer checks that touch OIDC trust policies"),
 "4": ("vercel", "Vercel OIDC"),
 "4.1": ("vercel-issuer-modes", "Issuer modes"),
 "4.2": ("vercel-token-lifetime", "Where tokens appear and how long they live"),
 "4.3": ("vercel-claims", "Claims"),
 "4.4": ("vercel-sub", "`sub` grammar and environments"),
 "4.5": ("vercel-development-tokens", "Development tokens (why they matter)"),
 "4.6": ("vercel-custom-audiences", "Custom audiences (token exchange)"),
 "4.7": ("vercel-name-alphabets", "Name alphabets"),
 "4.8": ("vercel-renames", "Renames, reuse and stale trust"),
 "4.9": ("vercel-who-can-obtain", "Who can obtain which subject"),
 "4.10": ("vercel-pinning", "Pinning matrix and worked examples"),
 "5": ("other-providers", "Analogous providers"),
 "6": ("misconfigurations", "Known misconfiguration patterns"),
 "7": ("open-questions", "Open questions"),
 "8": ("simulator-differences", "Where a public simulator departs from AWS"),
}
PATTERNS = {1:"no-sub-condition",2:"owner-wildcard",3:"any-project",4:"any-environment",
 5:"stringequals-wildcard",6:"stringlike-without-wildcard",7:"wrong-key-prefix",8:"ifexists-on-sub-aud",
 9:"forallvalues-on-sub-aud",10:"negated-only",11:"several-providers",12:"loose-or-value",
 13:"impossible-values",14:"stale-name",15:"aud-only-team-pin",16:"over-broad-principal-or-action",
 17:"literal-variables",18:"dead-deny"}
def pattern_anchor(n): return "pattern-" + PATTERNS[n]
def example_anchor(n): return "worked-example-%d" % n
def open_q_anchor(n): return "open-question-%d" % n
D = "docs/semantics.md#"
def anchors_for(m):
    major, minor = m.group("maj"), m.group("min")
    num = major + ("." + minor if minor else "")
    out = []
    if m.group("rmaj"):
        lo, hi = int(minor), int(m.group("rmin"))
        return [SECTIONS["%s.%d" % (major, i)][0] for i in range(lo, hi + 1)]
    if num == "7.3" or (major == "7" and minor):
        return [open_q_anchor(int(minor))]
    if major == "6" and m.group("pats"):
        nums = re.findall(r"\d+", m.group("pats"))
        return [pattern_anchor(int(n)) for n in nums]
    if num == "4.10" and m.group("exs"):
        nums = re.findall(r"\d+", m.group("exs"))
        return [example_anchor(int(n)) for n in nums]
    if num not in SECTIONS:
        raise KeyError(num)
    return [SECTIONS[num][0]]
REF = re.compile(r"(?:(?:\.\./shared/|/work/shared/|docs/)?semantics\.md,? )?§(?P<maj>\d+)(?:\.(?P<min>\d+))?"
                 r"(?:(?P<rng>[–-](?P<rmaj>\d+)\.(?P<rmin>\d+)))?"
                 r"(?P<pats>(?: ?(?:items? |#)\d+(?:(?:, ?| and |/)#?\d+)*))?"
                 r"(?P<exs> examples? \d+(?:(?:, | and )\d+)*)?")
def conv(text):
    def sub(m):
        try:
            return ", ".join(D + a for a in anchors_for(m))
        except KeyError as e:
            print("unknown section", e, repr(m.group(0)), file=sys.stderr); return m.group(0)
    text = REF.sub(sub, text)
    text = re.sub(r"(?:\.\./shared/|/work/shared/)semantics\.md", "docs/semantics.md", text)
    text = re.sub(r"(?<![\w/.(-])semantics\.md", "docs/semantics.md", text)
    return text
files = subprocess.check_output(["git", "ls-files"], text=True).split()
changed = 0
for f in files:
    if f == "docs/semantics.md": continue
    try: s = open(f, encoding="utf-8").read()
    except (UnicodeDecodeError, IsADirectoryError): continue
    if "§" not in s and "semantics.md" not in s: continue
    t = conv(s)
    if t != s:
        open(f, "w", encoding="utf-8").write(t); changed += 1
print("changed", changed)

# a citation split over two comment lines: "(docs/semantics.md\n// docs/semantics.md#x" → one
pat = re.compile(r"docs/semantics\.md(\n[ \t]*(?://|#)?[ \t]*)docs/semantics\.md(#[\w-]+(?:, docs/semantics\.md#[\w-]+)*) ?")
for f in files:
    try: s = open(f, encoding="utf-8").read()
    except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError): continue
    t = pat.sub(lambda m: "docs/semantics.md" + m.group(2) + m.group(1), s)
    t = re.sub(r"docs/semantics\.md#vercel-pinning ex\. (\d+)", r"docs/semantics.md#worked-example-\1", t)
    if t != s: open(f, "w", encoding="utf-8").write(t)
