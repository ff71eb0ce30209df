#!/usr/bin/env python3
"""Random Vercel trust policies for bench/compare.sh's agreement step 3.

    random_policies.py COUNT SEED OUTDIR    writes OUTDIR/p0000.json ... (the same files for the same seed)

Each policy has 1 to 4 statements: Allow or Deny; one or two Federated OIDC providers (the
global issuer, team issuers, now and then Principal "*" or {"AWS": "*"}); Action or NotAction
over STS actions; 0 to 3 conditions on PROVIDER:sub and PROVIDER:aud with String operators,
their negations, IgnoreCase, IfExists, ForAnyValue/ForAllValues and Null, on keys of the
statement's own provider or another's (absent from a request of the other issuer), one key in
ten in another case. Values are globs over the sub segments and audiences Vercel issues. Only
points where AWS's documentation and iam-simulate agree (docs/semantics.md): no policy
variables, Version 2012-10-17, no ForAnyValue with IfExists.
"""
import json
import os
import random
import sys

ACCOUNT = "123456789012"
PROVIDERS = ["oidc.vercel.com", "oidc.vercel.com/acme", "oidc.vercel.com/acme-evil", "oidc.vercel.com/other"]
TEAMS = ["acme", "acme-evil", "acme*", "*", "a?me", "other", "*evil"]
PROJECTS = ["web", "api", "*", "w*", "docs", "?eb", "*-api"]
ENVIRONMENTS = ["production", "preview", "development", "staging", "*", "p*", "pr?view", "*ion"]
SUBS = ["*", "owner:*", "*:environment:production", "owner:acme:*", "*development*"]
AUDIENCES = ["https://vercel.com/acme", "https://vercel.com/*", "https://vercel.com/acme-evil", "sts.amazonaws.com", "*",
             "https://vercel.com/other"]
OPERATORS = ["StringEquals", "StringLike", "StringNotEquals", "StringNotLike", "StringEqualsIgnoreCase",
             "StringNotEqualsIgnoreCase", "ForAnyValue:StringLike", "ForAllValues:StringLike", "StringLikeIfExists",
             "StringNotLikeIfExists", "StringEqualsIfExists", "Null"]
ACTIONS = ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithWebIdentity", "sts:*",
           ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"], "sts:AssumeRole*"]


def policy(rng):
    def sub():
        if rng.random() < 0.1:
            return rng.choice(SUBS)
        return f"owner:{rng.choice(TEAMS)}:project:{rng.choice(PROJECTS)}:environment:{rng.choice(ENVIRONMENTS)}"

    def values(make):
        vs = [make() for _ in range(rng.choice([1, 1, 2, 3]))]
        return vs[0] if len(vs) == 1 and rng.random() < 0.5 else vs

    def statement():
        providers = [rng.choice(PROVIDERS) for _ in range(rng.choice([1, 1, 1, 2]))]
        federated = [f"arn:aws:iam::{ACCOUNT}:oidc-provider/{p}" for p in providers]
        st = {"Effect": rng.choice(["Allow", "Allow", "Deny"]),
              "Principal": {"Federated": federated[0] if len(federated) == 1 else federated},
              "Action": rng.choice(ACTIONS)}
        r = rng.random()
        if r < 0.05:
            st["Principal"] = "*"
        elif r < 0.08:
            st["Principal"] = {"AWS": "*"}
        if rng.random() < 0.08:
            del st["Action"]
            st["NotAction"] = rng.choice(["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", ["sts:TagSession"]])
        conditions = {}
        for _ in range(rng.choice([0, 1, 2, 2, 3])):
            op = rng.choice(OPERATORS)
            claim = rng.choice(["sub", "sub", "aud"])
            key = f"{rng.choice(providers + [rng.choice(PROVIDERS)])}:{claim}"
            if rng.random() < 0.1:
                key = key.upper() if rng.random() < 0.5 else key.replace("sub", "Sub")
            value = rng.choice(["true", "false"]) if op == "Null" else values(sub if claim == "sub" else lambda: rng.choice(AUDIENCES))
            conditions.setdefault(op, {})[key] = value
        if conditions:
            st["Condition"] = conditions
        return st

    return {"Version": "2012-10-17", "Statement": [statement() for _ in range(rng.choice([1, 2, 2, 3, 4]))]}


def main():
    count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        with open(os.path.join(out, f"p{i:04d}.json"), "w") as f:
            json.dump(policy(rng), f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
