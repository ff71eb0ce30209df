"""The Python face of trustlint: results are the CLI's JSON documents with attributes."""

import json
import os
import pathlib
import threading
import time
import unittest

import trustlint
from face_terms import document_in_face_terms
from support import ROOT, cli, cli_json, in_python_terms

DOCS = "fixtures/good/vercel-docs-preview-production.json"
RISKY = "fixtures/risky/owner-prefix-wildcard.json"
TEMPLATE = "fixtures/iac/cloudformation-one-vercel-role.yaml"


class CanTest(unittest.TestCase):
    def test_decision_is_the_cli_document(self):
        d = trustlint.can(pathlib.Path(DOCS), team="acme", project="web", environment="preview")
        self.assertIs(d.allowed, True)
        self.assertEqual(d.decision, "allow")
        self.assertEqual(d.deciding_statement.index, 0)
        self.assertEqual(d.deciding_statement.location.line, 4)
        self.assertEqual(d.to_dict(), cli_json("can", DOCS, "--team", "acme", "--project", "web", "--env", "preview"))

    def test_denied_with_assumptions_and_trace(self):
        d = trustlint.can(pathlib.Path(DOCS), project="web", environment="development")
        self.assertIs(d.allowed, False)
        self.assertFalse(d)
        self.assertEqual(d.decision, "implicit_deny")
        self.assertTrue(any("team acme" in a for a in d.assumptions), d.assumptions)
        self.assertEqual(d.statements[0]["conditions_held"], False)
        self.assertEqual(d.to_dict(), cli_json("can", DOCS, "--project", "web", "--env", "development"))

    def test_every_policy_form_gives_one_answer(self):
        text = pathlib.Path(DOCS).read_text()
        path = trustlint.can(pathlib.Path(DOCS), team="acme", project="web", environment="production")
        for policy in (text, text.encode(), json.loads(text)):
            d = trustlint.can(policy, team="acme", project="web", environment="production")
            self.assertEqual((d.allowed, d.decision), (path.allowed, path.decision))
            self.assertEqual(d.deciding_statement.location.line, path.deciding_statement.location.line if isinstance(policy, (str, bytes)) else d.deciding_statement.location.line)

    def test_iac_input_picks_the_vercel_role(self):
        d = trustlint.can(pathlib.Path(TEMPLATE), project="web", environment="development")
        self.assertTrue(any("role WebDeployRole" in a for a in d.assumptions), d.assumptions)
        self.assertEqual(d.to_dict(), cli_json("can", TEMPLATE, "--project", "web", "--env", "development"))

    def test_claims_and_audience(self):
        d = trustlint.can(pathlib.Path(RISKY), team="acme-evil", issuer="global", project="web", environment="production",
                          aud="sts.amazonaws.com")
        self.assertEqual(d.deployment.team, "acme-evil")
        self.assertEqual(d.request.context["oidc.vercel.com:aud"], "sts.amazonaws.com")

    def test_a_name_vercel_never_issues_is_refused(self):
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.can(pathlib.Path(DOCS), team="", project="web", environment="preview")
        self.assertIn("TL090", caught.exception.codes)
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.can(pathlib.Path(DOCS), team="Acme", project="web", environment="preview")
        self.assertIn("TL090", caught.exception.codes)

    def test_a_missing_file_is_a_located_error(self):
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.can(pathlib.Path("fixtures/no-such-file.json"), team="acme", project="web", environment="x")
        self.assertEqual(caught.exception.codes[0], "TL001")
        self.assertEqual(caught.exception.diagnostics[0].location.file, "fixtures/no-such-file.json")
        self.assertIn("fixtures/no-such-file.json", str(caught.exception))

    def test_bad_arguments_are_type_errors(self):
        with self.assertRaises(TypeError):
            trustlint.can(42, team="acme", project="web", environment="preview")  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            trustlint.who(pathlib.Path(DOCS), limits={"bogus": 1})
        # lint has no resource= (it lints every role, as the CLI does): refused, not ignored.
        with self.assertRaises(TypeError):
            trustlint.lint(pathlib.Path(DOCS), resource="VercelDeployRole")  # type: ignore[call-arg]


class CanManyTest(unittest.TestCase):
    REQUESTS = [{"team": "acme", "project": "web", "environment": e} for e in ("production", "preview", "development")]

    def test_same_lines_as_the_cli(self):
        lines = "".join(json.dumps(r) + "\n" for r in self.REQUESTS)
        code, out, _ = cli("can", DOCS, "--requests", "-", stdin=lines.encode())
        self.assertEqual(code, 0)
        want = [json.loads(line) for line in out.splitlines()]
        got = trustlint.can_many(pathlib.Path(DOCS), self.REQUESTS)
        self.assertEqual([d.to_dict() for d in got], want)
        self.assertEqual([d.allowed for d in got], [True, True, False])

    def test_an_iterator_in_small_chunks(self):
        got = trustlint.can_many(pathlib.Path(DOCS), iter(self.REQUESTS * 5), chunk_size=2)
        self.assertEqual([d.decision for d in got], ["allow", "allow", "implicit_deny"] * 5)

    def test_a_bad_request_is_answered_in_its_place(self):
        got = trustlint.can_many(pathlib.Path(DOCS), [self.REQUESTS[0], '{"project": "web"', {"project": "web", "environment": "x", "bogus": 1}])
        self.assertIsInstance(got[0], trustlint.Decision)
        self.assertIsInstance(got[1], trustlint.RequestError)
        self.assertEqual(got[1].line, 2)
        self.assertIn("not valid JSON", got[1].error)
        self.assertEqual(got[2].line, 3)
        self.assertFalse(got[2].allowed)

    def test_a_bad_policy_raises_once(self):
        with self.assertRaises(trustlint.PolicyError):
            trustlint.can_many("{", self.REQUESTS)


class WhoTest(unittest.TestCase):
    def test_allowed_set_is_the_cli_document(self):
        w = trustlint.who(pathlib.Path(DOCS))
        self.assertFalse(w.nobody)
        self.assertEqual(len(w), len(w.allowed))
        self.assertEqual(w.allowed[0].example.team, "acme")
        self.assertEqual(w.to_dict(), cli_json("who", DOCS))

    def test_any_audience(self):
        path = "fixtures/risky/aud-only-global.json"
        self.assertEqual(trustlint.who(pathlib.Path(path), any_audience=True).to_dict(),
                         cli_json("who", path, "--any-audience"))

    def test_resource_of_a_terraform_plan(self):
        path = "fixtures/iac/terraform-plan.json"
        self.assertEqual(trustlint.who(pathlib.Path(path), resource="aws_iam_role.vercel_preview").to_dict(),
                         cli_json("who", path, "--resource", "aws_iam_role.vercel_preview"))

    def test_the_prover_limit_raises(self):
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.who(pathlib.Path(RISKY), limits={"states": 3})
        self.assertIn("TL095", caught.exception.codes)


class LintTest(unittest.TestCase):
    def test_findings_carry_rule_location_and_example(self):
        report = trustlint.lint(pathlib.Path(RISKY), teams=["acme"])
        rules = [f.rule for f in report.findings]
        self.assertIn("TL101", rules)
        f = next(f for f in report.findings if f.rule == "TL101")
        self.assertEqual((f.severity, f.location.line, f.location.column), ("error", 12, 34))
        self.assertEqual(f.witness.deployment.team, "acme-evil")
        self.assertEqual(report.exit_code, 1)
        self.assertEqual(report.to_dict(), cli_json("lint", RISKY, "--team", "acme"))

    def test_a_clean_policy(self):
        report = trustlint.lint(pathlib.Path("fixtures/good/vercel-docs-production.json"))
        self.assertEqual(report.exit_code, cli_json("lint", "fixtures/good/vercel-docs-production.json")["exit_code"])

    def test_text_is_linted_under_its_name(self):
        report = trustlint.lint(pathlib.Path(RISKY).read_text(), teams=["acme"])
        self.assertEqual(report.files[0].file, "<string>")
        self.assertIn("TL101", [f.rule for f in report.findings])


class LintPathsTest(unittest.TestCase):
    def test_a_directory_and_a_list_are_the_cli_run(self):
        report = trustlint.lint(pathlib.Path("fixtures/expect"))
        self.assertEqual(report.to_dict(), cli_json("lint", "fixtures/expect"))
        self.assertIn("TL502", [f.rule for f in report.findings])  # fixtures/expect/.trustlint.yaml was found
        both = trustlint.lint([RISKY, pathlib.Path("fixtures/good")], teams=["acme"])
        self.assertEqual(both.to_dict(), cli_json("lint", RISKY, "fixtures/good", "--team", "acme"))
        self.assertEqual(both.files[0].file, RISKY)

    def test_nothing_checked_is_refused(self):
        import tempfile
        with tempfile.TemporaryDirectory() as empty:
            with self.assertRaises(trustlint.PolicyError) as caught:
                trustlint.lint(pathlib.Path(empty))
        self.assertEqual([d.code for d in caught.exception.diagnostics], ["TL087"])

    def test_paths_must_be_paths(self):
        with self.assertRaises(TypeError):
            trustlint.lint([RISKY, 42])


class MultiValuedClaimTest(unittest.TestCase):
    TAGS = "fixtures/good/forallvalues-tag-keys.json"
    PROD = {"team": "acme", "project": "web", "environment": "production"}

    def test_a_list_is_one_multi_valued_key_as_a_repeated_claim_flag(self):
        d = trustlint.can(pathlib.Path(self.TAGS), **self.PROD, claims={"aws:TagKeys": ["team", "env"]})
        self.assertEqual(d.decision, "allow")
        self.assertEqual(d.request.context["aws:TagKeys"], ["team", "env"])
        self.assertEqual(d.to_dict(), cli_json("can", self.TAGS, "--team", "acme", "--project", "web", "--env", "production",
                                               "--claim", "aws:TagKeys=team", "--claim", "aws:TagKeys=env"))
        denied = trustlint.can(pathlib.Path(self.TAGS), **self.PROD, claims={"aws:TagKeys": ["team", "owner"]})
        self.assertEqual(denied.decision, "implicit_deny")  # ForAllValues: owner is not listed

    def test_same_answer_as_can_many(self):
        request = {**self.PROD, "claims": {"aws:TagKeys": ["team", "owner"], "aws:PrincipalOrgPaths": ["o-a/r-b/"]}}
        one = trustlint.can(pathlib.Path(self.TAGS), **request)
        [many] = trustlint.can_many(pathlib.Path(self.TAGS), [request])
        self.assertEqual((one.allowed, one.decision, one.request.to_dict()), (many.allowed, many.decision, many.request.to_dict()))

    def test_a_key_twice_or_a_contradicting_value_is_refused(self):
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.can(pathlib.Path(self.TAGS), **self.PROD, claims={"aws:TagKeys": ["team"], "AWS:TAGKEYS": "x"})
        self.assertIn("case-insensitive", str(caught.exception))
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.can(pathlib.Path(self.TAGS), **self.PROD, claims={"sub": ["x"]})
        self.assertIn("TL092", caught.exception.codes)


class LintTeamsTest(unittest.TestCase):
    def test_a_team_vercel_never_issues_is_the_cli_error(self):
        for team in ("", "Acme", "acmé"):
            with self.assertRaises(trustlint.PolicyError) as caught:
                trustlint.lint(pathlib.Path(DOCS), teams=["acme", team])
            self.assertEqual(caught.exception.codes, ["TL090"])
            message = caught.exception.diagnostics[0].message
            self.assertTrue(message.startswith("teams: "), message)  # lint's keyword, not the CLI's --team
            code, out, err = cli("lint", DOCS, "--team", "acme", "--team", team)
            self.assertEqual((code, out), (2, ""))
            self.assertIn("error: --team: ", err)
            self.assertIn(message, in_python_terms(err))


class DiffTest(unittest.TestCase):
    OLD, NEW = "fixtures/diff/widened/old.json", "fixtures/diff/widened/new.json"

    def test_the_cli_document_and_its_exit_status(self):
        r = trustlint.diff(pathlib.Path(self.OLD), pathlib.Path(self.NEW))
        self.assertIs(r.widened, True)
        self.assertIs(r.changed, True)
        self.assertTrue(r)
        self.assertEqual(r.roles[0].gained[0]["example"]["environment"], "preview")
        self.assertEqual(r.to_dict(), cli_json("diff", self.OLD, self.NEW))
        narrowed = trustlint.diff(pathlib.Path("fixtures/diff/narrowed/old.json"), pathlib.Path("fixtures/diff/narrowed/new.json"))
        self.assertEqual((narrowed.widened, narrowed.changed), (False, True))
        same = trustlint.diff(pathlib.Path(self.OLD), pathlib.Path(self.OLD))
        self.assertEqual((same.widened, same.changed), (False, False))

    def test_options_and_policy_forms(self):
        r = trustlint.diff(pathlib.Path(self.OLD), pathlib.Path(self.NEW), any_audience=True)
        self.assertEqual(r.to_dict(), cli_json("diff", self.OLD, self.NEW, "--any-audience"))
        text = trustlint.diff(pathlib.Path(self.OLD).read_text(), json.loads(pathlib.Path(self.NEW).read_text()))
        self.assertEqual((text.old, text.new, text.widened), ("<string>", "<dict>", True))
        old, new = "fixtures/diff/cloudformation-roles/old.yaml", "fixtures/diff/cloudformation-roles/new.yaml"
        one = trustlint.diff(pathlib.Path(old), pathlib.Path(new), resource="ProductionRole")
        self.assertEqual(one.to_dict(), cli_json("diff", old, new, "--resource", "ProductionRole"))

    def test_errors_raise(self):
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.diff(pathlib.Path("fixtures/bad/action-and-notaction.json"), pathlib.Path(self.NEW))
        self.assertIn("TL016", caught.exception.codes)
        with self.assertRaises(trustlint.PolicyError) as caught:
            trustlint.diff(pathlib.Path(self.OLD), pathlib.Path(self.NEW), limits={"states": 1})
        self.assertIn("TL095", caught.exception.codes)


class TestVerbTest(unittest.TestCase):
    def test_counts_and_expectations_are_the_cli_document(self):
        r = trustlint.test("fixtures/specs/failing.trustspec.yaml")
        self.assertEqual((r.passed > 0, r.failed > 0, r.errors, r.exit_code, r.ok), (True, True, 0, 1, False))
        failed = [e for e in r.expectations if not e["passed"]]
        self.assertEqual(failed[0]["counterexample"]["team"], "acme-evil")
        code, out, _ = cli("test", "fixtures/specs/failing.trustspec.yaml", "--format", "json")
        self.assertEqual((code, r.to_dict()), (1, document_in_face_terms(json.loads(out), "python")))
        ok = trustlint.test([pathlib.Path("fixtures/specs/passing.trustspec.yaml")])
        self.assertTrue(ok.ok and ok and ok.failed == 0)

    def test_what_the_cli_exits_2_for_raises(self):
        for specs in ("fixtures/specs/no-such.trustspec.yaml", "fixtures/specs/invalid", "fixtures/diff"):
            with self.assertRaises(trustlint.PolicyError) as caught:
                trustlint.test(specs)
            code, _, err = cli("test", specs)
            self.assertEqual(code, 2)
            for d in caught.exception.diagnostics:
                self.assertIn(d.message, in_python_terms(err))
        with self.assertRaises(TypeError):
            trustlint.test([42])


class SchemaTest(unittest.TestCase):
    """to_dict() validates against schemas/ (when python3-jsonschema is installed)."""

    def test_documents_match_their_schemas(self):
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema not installed")
        schema = lambda name: json.loads(pathlib.Path(ROOT, "schemas", name).read_text())
        p = pathlib.Path(RISKY)
        jsonschema.validate(trustlint.can(p, team="acme", project="web", environment="x").to_dict(), schema("can.schema.json"))
        for d in trustlint.can_many(p, [{"team": "acme", "project": "web", "environment": "production"}]):
            jsonschema.validate(d.to_dict(), schema("can.schema.json"))
        jsonschema.validate(trustlint.who(p).to_dict(), schema("who.schema.json"))
        jsonschema.validate(trustlint.lint(p).to_dict(), schema("lint.schema.json"))
        jsonschema.validate(trustlint.diff(p, pathlib.Path(DOCS), any_audience=True).to_dict(), schema("diff.schema.json"))
        jsonschema.validate(trustlint.test("fixtures/specs/failing.trustspec.yaml").to_dict(), schema("test.schema.json"))


def wildcard_policy(statements):
    """A policy whose `who` takes a while (wildcards in every segment, a Deny in seven)."""
    body = []
    for i in range(statements):
        subs = [f"owner:team{i % 5}*:project:p{i}*x?:environment:*{i % 3}", f"owner:*{i}:project:*a{i}:environment:pre*"]
        body.append({"Effect": "Deny" if i % 7 == 3 else "Allow",
                     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},
                     "Action": "sts:AssumeRoleWithWebIdentity",
                     "Condition": {"StringLike": {"oidc.vercel.com:sub": subs}}})
    return {"Version": "2012-10-17", "Statement": body}


class GilTest(unittest.TestCase):
    def test_other_threads_run_while_the_engine_works(self):
        # `who` of this policy runs for a few hundred milliseconds in the engine and returns a
        # small document. Were the GIL held, this thread would stall for all of it.
        # The engine gets faster; grow the policy until one answer takes long enough to tell.
        # Timed on a second call: the process shares glob automata between calls, so the one
        # measured below is a repeat.
        limits = {"quota": 100_000}
        statements = 80
        while True:
            policy = wildcard_policy(statements)
            trustlint.who(policy, limits=limits)
            took = time.perf_counter()
            trustlint.who(policy, limits=limits)
            if time.perf_counter() - took >= 0.2 or statements >= 2560:
                break
            statements *= 2
        done = []
        worker = threading.Thread(target=lambda: done.append(trustlint.who(policy, limits=limits)))
        started = time.perf_counter()
        worker.start()
        last, longest, ticks = started, 0.0, 0
        while worker.is_alive():
            time.sleep(0.001)
            now = time.perf_counter()
            longest, last, ticks = max(longest, now - last), now, ticks + 1
        worker.join()
        duration = time.perf_counter() - started
        self.assertTrue(done and not done[0].nobody)
        self.assertGreater(duration, 0.1, "the analysis was too quick to tell")
        self.assertLess(longest, duration / 2, f"this thread stalled {longest:.3f} s of {duration:.3f} s")
        self.assertGreater(ticks, 10)


if __name__ == "__main__":
    unittest.main()
