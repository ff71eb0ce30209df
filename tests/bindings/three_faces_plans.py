"""What three_faces.py asks beyond the case corpus: which `who`, `diff` and `test` goldens a
binding can be given (their arguments split into the bindings' options), the requests with
multi-valued claims and the `lint --team` lists, each with what it must answer.
"""

import pathlib

LIMIT_FLAGS = {"--max-bytes": "bytes", "--max-depth": "depth", "--max-nodes": "nodes", "--max-values": "values",
               "--max-statements": "statements", "--max-errors": "errors", "--max-states": "states",
               "--max-string-length": "stringLength", "--quota": "quota"}


def who_goldens(root, counts):
    """Distinct `who` golden invocations (format aside) that a binding can express."""
    seen, plans = set(), []
    for args_file in sorted(pathlib.Path(root, "tests/golden/who").glob("*/args")):
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


def golden_args(root, verb):
    """(case, args after the verb) of each golden of `verb` a binding can be given: no standard
    input, no environment."""
    for args_file in sorted(pathlib.Path(root, "tests/golden", verb).glob("*/args")):
        case = args_file.parent
        args = [a for a in args_file.read_text().splitlines() if a.strip()][1:]
        if (case / "stdin").exists() or (case / "stdin.cmake").exists() or (case / "env").exists():
            yield case, None
        else:
            yield case, args


def split_flags(args, flags, switches):
    """Positionals, options (node names) and the arguments kept (without --format / --fail-on,
    which change only the CLI's printing and exit status); None for a flag the bindings lack."""
    positionals, options, rest, i = [], {"limits": {}}, [], 0
    while i < len(args):
        a = args[i]
        if a in ("--format", "--fail-on"):
            i += 2
            continue
        if a in switches:
            options[switches[a]] = True
            rest.append(a)
        elif a in flags:
            options[flags[a]] = args[i + 1]
            rest += args[i:i + 2]
            i += 1
        elif a in LIMIT_FLAGS:
            options["limits"][LIMIT_FLAGS[a]] = int(args[i + 1])
            rest += args[i:i + 2]
            i += 1
        elif a.startswith("-"):
            return None  # a flag the bindings do not take, or standard input
        else:
            positionals.append(a)
            rest.append(a)
        i += 1
    return positionals, options, rest


def diff_goldens(root, counts):
    """Distinct `diff` golden invocations (format and --fail-on aside) that a binding can express:
    git:REV:PATH and standard input are the CLI's own."""
    seen, plans = set(), []
    for case, args in golden_args(root, "diff"):
        split = split_flags(args, {"--resource": "resource"}, {"--any-audience": "anyAudience"}) if args else None
        if split is None or len(split[0]) != 2 or any(a.startswith("git:") for a in split[0]):
            counts["diff_skipped"] += 1
            continue
        (old, new), options, rest = split
        if tuple(rest) not in seen:
            seen.add(tuple(rest))
            plans.append((rest, old, new, options))
    return plans


def test_goldens(root, counts):
    """Distinct `test` golden invocations (format aside)."""
    seen, plans = set(), []
    for case, args in golden_args(root, "test"):
        split = split_flags(args, {}, {}) if args else None
        if split is None or not split[0]:
            counts["test_skipped"] += 1
            continue
        paths, options, rest = split
        if tuple(rest) not in seen:
            seen.add(tuple(rest))
            plans.append((rest, paths, options))
    return plans


# Multi-valued keys (ForAllValues on aws:TagKeys; the provider's amr): a list in the bindings and
# in --requests, a repeated --claim in the CLI. "want" is the hand-derived decision (dropped
# before the request is sent).
TAG_KEYS = "fixtures/good/forallvalues-tag-keys.json"
_PROD = {"team": "acme", "project": "web", "environment": "production"}
REFUSED_ANY_WORDING = "refused, messages saying case-insensitive"
_MULTI = [
    (TAG_KEYS, [
        ({**_PROD, "claims": {"aws:TagKeys": ["team", "env"]}}, "allow"),
        ({**_PROD, "claims": {"aws:TagKeys": ["env", "team", "env"]}}, "allow"),
        ({**_PROD, "claims": {"aws:TagKeys": ["team", "owner"]}}, "implicit_deny"),
        ({**_PROD, "claims": {"aws:TagKeys": ["team"]}}, "allow"),
        ({**_PROD, "claims": {"aws:TagKeys": []}}, "allow"),
        ({**_PROD, "claims": {"aws:TagKeys": ["team", "env"], "aws:PrincipalOrgPaths": ["a", "b"]}}, "allow"),
        ({**_PROD, "claims": {"aws:TagKeys": "owner"}}, "implicit_deny"),
        # One key twice, up to case: refused by every face. The bindings' parser (a JSON object)
        # and the CLI (flags) word it for what each was given, so only the reason is compared.
        ({**_PROD, "claims": {"aws:TagKeys": ["team", "env"], "AWS:tagkeys": "x"}}, REFUSED_ANY_WORDING),
        ({**_PROD, "claims": {"sub": ["owner:acme:project:web:environment:production", "x"]}}, None),  # TL092: refused
    ]),
]
MULTI_CLAIMS = [(policy, [r for r, _ in rows]) for policy, rows in _MULTI]
MULTI_WANT = [[w for _, w in rows] for _, rows in _MULTI]

LINT_TEAMS = [
    ("fixtures/good/vercel-docs-preview-production.json", ["acme"]),
    ("fixtures/risky/owner-prefix-wildcard.json", ["acme"]),
    ("fixtures/risky/owner-prefix-wildcard.json", ["acme", "acme-evil"]),
    ("fixtures/good/vercel-docs-preview-production.json", [""]),
    ("fixtures/good/vercel-docs-preview-production.json", ["acme", "Acme"]),
    ("fixtures/good/vercel-docs-preview-production.json", ["acmé"]),
]

# `lint` of directories and lists of paths (lint_paths in the engine): the CLI's walk, each
# file's nearest .trustlint.yaml (fixtures/expect has one) or --config, --team. (paths, teams,
# config); one path that is a directory is given to the bindings as that path, not as a list.
# EMPTY_DIR stands for a directory made empty for the run: nothing checked, refused by all three.
EMPTY_DIR = "<empty directory>"
LINT_PATHS = [
    (["fixtures/good"], [], None),
    (["fixtures/expect"], [], None),
    (["tests/golden/lint/walk-unread-files-are-notes/tree"], [], None),
    (["fixtures/terraform/file-trust-policy"], [], None),
    (["fixtures/risky/owner-any.json", "fixtures/good", "fixtures/risky/project-any.yaml"], ["acme"], None),
    (["fixtures/good/two-teams.json", "fixtures/risky/project-any.yaml"], [],
     "tests/golden/lint/config-ignore-and-overrides/trustlint.yaml"),
    (["fixtures/good/vercel-docs-production.json"], [], "tests/golden/lint/config-unknown-key/trustlint.yaml"),
    ([EMPTY_DIR], [], None),
]

# Answers and refusals whose text names an option: the CLI names its flag (as it always did),
# each binding its own option (the engine's face vocabulary, trustlint/vocabulary.h). Each row:
# the CLI's arguments, the binding job, and the words each face must use: (CLI, Python, Node).
SEVERAL_ROLES = "fixtures/iac/cloudformation-vercel-roles.yaml"  # three roles trust Vercel
ONE_ROLE = "fixtures/iac/cloudformation-one-vercel-role.yaml"
_WEB = {"project": "web", "environment": "production"}
NEEDS_AN_OPTION = [
    (["can", SEVERAL_ROLES, "--project", "web", "--env", "production"],
     {"verb": "can", "policy": SEVERAL_ROLES, "requests": [_WEB]},
     ("choose one with --resource: ", "choose one with resource=NAME: ", "choose one with {resource: NAME}: ")),
    (["who", SEVERAL_ROLES], {"verb": "who", "policy": SEVERAL_ROLES, "options": {}},
     ("choose one with --resource: ", "choose one with resource=NAME: ", "choose one with {resource: NAME}: ")),
    (["can", ONE_ROLE, "--project", "web", "--env", "production"],
     {"verb": "can", "policy": ONE_ROLE, "requests": [_WEB]},
     ("(give --resource to choose another)", "(give resource= to choose another)", "(give resource: to choose another)")),
    (["can", "fixtures/good/two-teams.json", "--project", "web", "--env", "production"],
     {"verb": "can", "policy": "fixtures/good/two-teams.json", "requests": [_WEB]},
     ("--team is required", "team= is required", "team: is required")),
    (["who", "fixtures/risky/aud-only-global.json", "--any-audience"],
     {"verb": "who", "policy": "fixtures/risky/aud-only-global.json", "options": {"anyAudience": True}},
     ("--any-audience assumes", "any_audience=True assumes", "anyAudience: true assumes")),
    (["lint", "fixtures/risky/owner-any.json"], {"verb": "lint", "policy": "fixtures/risky/owner-any.json", "options": {}},
     ("with --team or `teams:`", "with teams= or `teams:`", "with teams: or `teams:`")),
    (["lint", "fixtures/good/vercel-docs-preview-production.json", "--team", "Acme"],
     {"verb": "lint", "policy": "fixtures/good/vercel-docs-preview-production.json", "options": {"teams": ["Acme"]}},
     ("--team: ", "teams: ", "teams: ")),
]
