"""The face vocabulary (trustlint/vocabulary.h) and the bindings' real option names agree, and
every message a binding returns or raises names the binding's options, not the CLI's flags.

The table's Python column must name keywords of the Python functions (inspect.signature) and keys
of LIMIT_NAMES; its Node column option names of index.d.ts (the option interfaces and inline
option objects of its functions) and fields of its Limits; every option of either binding must
have a row, whose CLI flag the matching verb has (`trustlint VERB --help`). A row for an option
a binding lacks names it as "the CLI's --flag" in both columns.
"""

import inspect
import json
import pathlib
import re
import unittest

import trustlint
from face_terms import TABLE, document_in_face_terms
from support import ROOT, cli, in_python_terms

# Parameters of the bindings that are no CLI flag: how many requests a chunk holds (the GIL is
# released per chunk). Positional parameters (policy, requests, old, new, specs) are the CLI's
# positionals and are not looked at.
NOT_FLAGS = {"chunk_size"}
# The CLI verb each function answers as.
VERB = {"can": "can", "can_many": "can", "canMany": "can", "who": "who", "lint": "lint", "diff": "diff", "test": "test"}
FLAG = re.compile(r"--[a-z][a-z-]*")


def without_quoted(text):
    """`teams:` in backticks is a .trustlint.yaml key, not a binding option."""
    return re.sub(r"`[^`]*`", "", text)


def without_cli_flags(text):
    return re.sub(r"the CLI's (lint )?--[a-z-]+", "", text)


def python_names(column):
    """(keywords, limits keys, functions) a Python column names."""
    text = without_cli_flags(without_quoted(column))
    limits = set(re.findall(r'limits=\{"(\w+)": N\}', text))
    text = re.sub(r'limits=\{"\w+": N\}', "limits=", text)
    return set(re.findall(r"(\w+)=", text)), limits, set(re.findall(r"(\w+)\(\)", text))


def node_names(column):
    """(options, Limits fields, functions) a Node column names."""
    text = without_cli_flags(without_quoted(column))
    limits = set(re.findall(r"limits: \{(\w+): N\}", text))
    text = re.sub(r"limits: \{\w+: N\}", "limits:", text)
    return set(re.findall(r"(\w+):", text)), limits, set(re.findall(r"(\w+)\(\)", text))


def cli_flags(verb):
    code, out, err = cli(verb, "--help")
    assert code == 0, err
    return set(FLAG.findall(out))


def python_options():
    """{function: {keyword}} of the public functions, keyword-only parameters only."""
    out = {}
    for name in VERB:
        fn = getattr(trustlint, name, None)
        if fn is None:
            continue
        out[name] = {p.name for p in inspect.signature(fn).parameters.values()
                     if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name not in NOT_FLAGS}
    return out


def node_declarations():
    """({function: {option}}, Limits fields) read from bindings/node/index.d.ts."""
    dts = (pathlib.Path(ROOT) / "bindings/node/index.d.ts").read_text()
    interfaces = {}
    for m in re.finditer(r"export interface (\w+)[^{]*\{", dts):
        depth, end = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(dts[end], 0)
            end += 1
        interfaces[m.group(1)] = dts[m.end():end - 1]

    def fields(body):
        body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
        return set(re.findall(r"(?:^|[;{\s])(\w+)\??:", body))

    functions = {}
    for m in re.finditer(r"export function (\w+)\((.*?)\):", dts):
        name, params = m.group(1), m.group(2)
        options = set()
        for pm in re.finditer(r"(?:request|options)\??: ([^,]*(?:\{[^}]*\})?[^,)]*)", params):
            for part in pm.group(1).split("&"):
                part = part.strip()
                if part.startswith("{"):
                    options |= fields(part)
                elif part in interfaces:
                    options |= fields(interfaces[part])
        functions[name] = options
    return functions, fields(interfaces["Limits"])


class TableTest(unittest.TestCase):
    def assert_rows_name_the_verbs_flags(self, functions, names_in_row, spelt):
        """Every option of every function (but limits) is named by a row of the table, and one of
        those rows is a flag of the function's CLI verb. An option a binding takes that its verb
        lacks fails here: accepted and unused, it would be a silent pass."""
        for function, options in functions.items():
            flags = cli_flags(VERB[function])
            for option in options - {"limits"}:
                rows = [r for r in TABLE if option in names_in_row(r)]
                self.assertTrue(rows, f"{function}({spelt(option)}): no row of option_vocabulary() names it")
                self.assertTrue(any(set(FLAG.findall(r[0])) & flags for r in rows),
                                f"{function}({spelt(option)}): no row naming it is a flag of trustlint {VERB[function]}: {rows}")

    def test_every_python_keyword_has_a_row_with_the_verbs_flag(self):
        self.assert_rows_name_the_verbs_flags(python_options(), lambda r: python_names(r[1])[0], lambda o: f"{o}=")

    def test_every_python_limit_has_a_row(self):
        named = set().union(*(python_names(r[1])[1] for r in TABLE))
        self.assertEqual(named, set(trustlint.LIMIT_NAMES))

    def test_every_name_in_the_python_column_is_real(self):
        keywords = set().union(*python_options().values())
        for cli_words, py_words, _ in TABLE:
            kws, limits, functions = python_names(py_words)
            self.assertLessEqual(kws, keywords | {"limits"}, (cli_words, py_words))
            self.assertLessEqual(limits, set(trustlint.LIMIT_NAMES), (cli_words, py_words))
            self.assertLessEqual(functions, set(trustlint.__all__), (cli_words, py_words))
            self.assertEqual(FLAG.findall(without_cli_flags(py_words)), [], f"a CLI flag left in {py_words!r}")

    def test_every_node_option_has_a_row_with_the_verbs_flag(self):
        functions, _ = node_declarations()
        self.assertEqual(set(functions), {"can", "canMany", "who", "lint", "diff", "test", "version"})
        self.assertIn("anyAudience", functions["who"])  # the parse found the inline options
        self.assertIn("environment", functions["can"])
        del functions["version"]
        self.assert_rows_name_the_verbs_flags(functions, lambda r: node_names(r[2])[0], lambda o: f"{{{o}}}")

    def test_every_node_limit_has_a_row_and_index_js_agrees(self):
        _, limits = node_declarations()
        named = set().union(*(node_names(r[2])[1] for r in TABLE))
        self.assertEqual(named, limits)
        index = (pathlib.Path(ROOT) / "bindings/node/index.js").read_text()
        checked = re.search(r"const LIMITS = new Set\(\[(.*?)\]\)", index).group(1)
        self.assertEqual(set(re.findall(r"'(\w+)'", checked)), limits)

    def test_index_js_accepts_exactly_the_options_index_d_ts_declares(self):
        """index.js refuses an option key its function does not take (OPTIONS); that list must be
        the .d.ts declaration's, or a declared option would be refused (or an undeclared one let in)."""
        functions, _ = node_declarations()
        index = (pathlib.Path(ROOT) / "bindings/node/index.js").read_text()
        table = re.search(r"const OPTIONS = \{(.*?)\n\};", index, re.S).group(1)
        accepted = {m.group(1): set(re.findall(r"'(\w+)'", m.group(2)))
                    for m in re.finditer(r"(\w+): \[([^\]]*)\]", table)}
        self.assertEqual(set(accepted), {"canMany", "who", "lint", "diff", "test"})  # can's keys: the request's
        for function, options in accepted.items():
            self.assertEqual(options, functions[function], function)

    def test_every_name_in_the_node_column_is_real(self):
        functions, limits = node_declarations()
        options = set().union(*functions.values())
        for cli_words, _, node_words in TABLE:
            names, limit_names, called = node_names(node_words)
            self.assertLessEqual(names, options, (cli_words, node_words))
            self.assertLessEqual(limit_names, limits, (cli_words, node_words))
            self.assertLessEqual(called, set(functions), (cli_words, node_words))
            self.assertEqual(FLAG.findall(without_cli_flags(node_words)), [], f"a CLI flag left in {node_words!r}")

    def test_what_a_binding_lacks_is_the_clis_in_both_and_really_lacking(self):
        py_keywords = set().union(*python_options().values())
        node_options = set().union(*node_declarations()[0].values())
        all_flags = set().union(*(cli_flags(v) for v in set(VERB.values())))
        for cli_words, py_words, node_words in TABLE:
            self.assertLessEqual(set(FLAG.findall(cli_words)), all_flags, f"{cli_words!r}: not a flag of the CLI")
            lacking = "the CLI's" in py_words
            self.assertEqual(lacking, "the CLI's" in node_words, cli_words)
            if lacking:
                for flag in FLAG.findall(cli_words):
                    name = flag[2:]
                    self.assertNotIn(name.replace("-", "_"), py_keywords, f"Python has {flag}: name it")
                    camel = re.sub(r"-(\w)", lambda m: m.group(1).upper(), name)
                    self.assertNotIn(camel, node_options, f"Node has {flag}: name it")


SEVERAL = "fixtures/iac/cloudformation-vercel-roles.yaml"  # three roles trust Vercel
ONE = "fixtures/iac/cloudformation-one-vercel-role.yaml"


class MessagesTest(unittest.TestCase):
    """What needs an option names the keyword; the CLI, asked the same, names its flag as before."""

    def refused(self, call):
        with self.assertRaises(trustlint.PolicyError) as caught:
            call()
        return caught.exception

    def test_several_roles_and_no_resource(self):
        code, out, err = cli("can", SEVERAL, "--project", "web", "--env", "production")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("choose one with --resource: VercelDeployRole", err)
        calls = {
            "can": lambda: trustlint.can(pathlib.Path(SEVERAL), project="web", environment="production"),
            "can_many": lambda: trustlint.can_many(pathlib.Path(SEVERAL), [{"project": "web", "environment": "x"}]),
            "who": lambda: trustlint.who(pathlib.Path(SEVERAL)),
        }
        for name, call in calls.items():
            e = self.refused(call)
            message = e.diagnostics[0].message
            self.assertIn("choose one with resource=NAME: VercelDeployRole", message, name)
            self.assertNotIn("--", message, name)
            self.assertIn("resource=", str(e), name)
            self.assertNotIn("--resource", str(e), name)
            self.assertIn(message, in_python_terms(err), name)

    def test_notes_and_assumptions_name_keywords(self):
        d = trustlint.can(pathlib.Path(ONE), project="web", environment="production")
        self.assertIn(f"role WebDeployRole: the only role in {ONE} that trusts Vercel (give resource= to choose another)",
                      d.assumptions)
        code, out, _ = cli("can", ONE, "--project", "web", "--env", "production", "--format", "json")
        self.assertIn("(give --resource to choose another)", out)  # the CLI's words are its own
        self.assertEqual(d.to_dict(), document_in_face_terms(json.loads(out), "python"))
        e = self.refused(lambda: trustlint.can(pathlib.Path("fixtures/good/two-teams.json"), project="w", environment="p"))
        self.assertEqual(e.diagnostics[0].message, "team= is required: the policy names 2 teams (acme, globex)")
        w = trustlint.who(pathlib.Path("fixtures/risky/aud-only-global.json"), any_audience=True)
        self.assertTrue(any(n.startswith("any_audience=True assumes") for n in w.notes), w.notes)
        e = self.refused(lambda: trustlint.who(pathlib.Path(ONE), limits={"bytes": 10}))
        self.assertIn('raise the limit (limits={"bytes": N})', e.diagnostics[0].notes[0])

    def test_lint_findings_name_keywords(self):
        report = trustlint.lint(pathlib.Path("fixtures/risky/owner-any.json"))
        notes = [n for f in report.findings for n in f.notes]
        self.assertIn("say which teams the role is for with teams= or `teams:` in .trustlint.yaml", notes)
        code, out, _ = cli("lint", "fixtures/risky/owner-any.json", "--format", "json")
        self.assertIn("with --team or `teams:`", out)

    def test_a_key_given_twice_up_to_case(self):
        # read by the request-line parser (the CLI's --requests words), never "repeat --claim"
        e = self.refused(lambda: trustlint.can(pathlib.Path("fixtures/good/vercel-docs-preview-production.json"),
                                               project="web", environment="preview", claims={"Foo": "a", "foo": "b"}))
        message = e.diagnostics[0].message
        self.assertIn("case-insensitive", message)
        self.assertNotIn("--", message)

    def test_request_line_errors_of_can_many(self):
        policy = pathlib.Path("fixtures/good/vercel-docs-preview-production.json")
        answers = trustlint.can_many(policy, ['{"project": "web", "environment": "preview", "claims": {"A": 1, "a": 2}}'])
        lines = '{"project": "web", "environment": "preview", "claims": {"A": 1, "a": 2}}\n'
        code, out, _ = cli("can", str(policy), "--requests", "-", stdin=lines.encode())
        self.assertEqual([a.to_dict() for a in answers],
                         [document_in_face_terms(json.loads(l), "python") for l in out.splitlines()])


if __name__ == "__main__":
    unittest.main()
