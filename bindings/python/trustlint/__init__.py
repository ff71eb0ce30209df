"""trustlint: exact answers about AWS IAM role trust policies federated to Vercel OIDC.

The engine itself (a compiled module, not the CLI in a subprocess)::

    import trustlint
    policy = pathlib.Path("trust-policy.json")
    d = trustlint.can(policy, team="acme", project="web", environment="preview")
    d.allowed, d.decision            # True/False, "allow" | "implicit_deny" | "explicit_deny"
    for part in trustlint.who(policy).allowed: print(part.example.to_dict())
    for f in trustlint.lint(policy, teams=["acme"]).findings: print(f.rule, f.location.line, f.message)
    trustlint.diff(pathlib.Path("old.json"), policy).widened   # True: NEW lets in someone OLD kept out
    trustlint.test(pathlib.Path("specs")).failed              # expectations of *.trustspec.yaml that fail

``policy`` is a ``str`` of JSON or YAML text, an ``os.PathLike`` (a file in any input form:
trust policy, CloudFormation template, Terraform plan or source, account authorization details;
``resource=`` picks a role), ``bytes`` of text, or a ``dict`` (serialised as JSON). Results have
attributes and ``to_dict()``, which returns exactly the document ``trustlint VERB --format json``
prints (schemas/*.schema.json). Errors raise :class:`PolicyError` with located diagnostics. The
GIL is released while the engine works, so threads run analyses in parallel.

Messages name this module's keywords where the CLI's name its flags: "choose one with
resource=" for the CLI's "--resource", ``limits={"bytes": N}`` for "--max-bytes" (diagnostics,
``str(e)``, and the prose of every document: messages, notes, assumptions, errors, fixes).
"""

from __future__ import annotations

import itertools
import json
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _trustlint
from ._results import (AllowedSet, Decision, Deployment, Diagnostic, DiffReport, Finding, LintedFile, LintReport,
                       Location, Node, RequestError, TestReport, Witness)

__all__ = [
    "can", "can_many", "who", "lint", "diff", "test", "version", "PolicyError", "Diagnostic",
    "Decision", "RequestError", "AllowedSet", "LintReport", "LintedFile", "Finding", "Location",
    "DiffReport", "TestReport",
    "Deployment", "Witness", "Node",
]

Policy = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any]]

#: Limits a caller may raise, as the CLI's ``--max-…`` flags (``bytes`` is ``--max-bytes``).
LIMIT_NAMES = ("bytes", "depth", "nodes", "string_length", "statements", "values", "states", "errors", "quota")


class PolicyError(ValueError):
    """The policy or the request could not be read or answered about. ``diagnostics`` lists the
    located diagnostics (the lines ``trustlint`` prints on stderr before exiting 2, options named
    as this module's keywords: ``resource=`` where the CLI says ``--resource``); ``str(e)`` is
    their text."""

    def __init__(self, diagnostics: Sequence[Dict[str, Any]], text: str) -> None:
        super().__init__(text.rstrip("\n") or "trustlint: the input was refused")
        self.diagnostics: List[Diagnostic] = [Diagnostic(d) for d in diagnostics]

    @property
    def codes(self) -> List[str]:
        """The diagnostics' codes, in order (``["TL007"]``)."""
        return [d.code for d in self.diagnostics]


def version() -> str:
    """The engine's version (``trustlint --version``)."""
    return _trustlint.version()


def _policy(policy: Policy) -> Tuple[str, str, bool]:
    if isinstance(policy, os.PathLike):
        path = os.fspath(policy)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return path, path, True
    if isinstance(policy, str):
        return policy, "<string>", False
    if isinstance(policy, (bytes, bytearray, memoryview)):
        return bytes(policy), "<bytes>", False  # type: ignore[return-value]
    if isinstance(policy, Mapping):
        return json.dumps(policy, indent=2, ensure_ascii=False), "<dict>", False
    raise TypeError(f"policy must be str (JSON or YAML text), bytes, os.PathLike or dict, not {type(policy).__name__}")


def _limits(limits: Optional[Mapping[str, int]]) -> Dict[str, int]:
    out = dict(limits or {})
    for key in out:
        if key not in LIMIT_NAMES:
            raise ValueError(f"unknown limit {key!r}; known: {', '.join(LIMIT_NAMES)}")
    return out


def _unwrap(answer: Tuple[bool, Any, Any]) -> Tuple[Any, List[Dict[str, Any]]]:
    """(document, diagnostics met) of an answer; raises PolicyError for a refusal."""
    ok, value, extra = answer
    if not ok:
        raise PolicyError(value, extra or "")
    return value, extra


def _request(project: Any, environment: Any, team: Any, issuer: Any, aud: Any, claims: Any) -> Dict[str, Any]:
    request: Dict[str, Any] = {"project": project, "environment": environment}
    for key, value in (("team", team), ("issuer", issuer), ("aud", aud), ("claims", claims)):
        if value is not None:
            request[key] = dict(value) if key == "claims" else value
    return request


def can(policy: Policy, *, project: str, environment: str, team: Optional[str] = None,
        issuer: Optional[str] = None, aud: Optional[str] = None,
        claims: Optional[Mapping[str, Any]] = None, resource: Optional[str] = None,
        limits: Optional[Mapping[str, int]] = None) -> Decision:
    """Can this deployment assume the role? ``trustlint can POLICY --format json`` as a Decision.

    ``team`` may be left out when the policy names one team, ``issuer`` (``"team"`` or
    ``"global"``) defaults to the policy's provider; both assumptions are listed in
    ``Decision.assumptions``. ``aud`` replaces the default audience, ``claims`` adds context keys
    (a key without ``:`` is a claim of the provider; a list is a multi-valued key).
    Raises PolicyError for an unreadable policy or a request Vercel never issues (TL090, TL092).
    """
    line = json.dumps(_request(project, environment, team, issuer, aud, claims), ensure_ascii=False)
    text, name, is_path = _policy(policy)
    return Decision(*_unwrap(_trustlint.can(text, name, is_path, resource or "", _limits(limits), line)))


RequestLike = Union[Mapping[str, Any], str]


def can_many(policy: Policy, requests: Iterable[RequestLike], *, resource: Optional[str] = None,
             limits: Optional[Mapping[str, int]] = None, chunk_size: int = 4096) -> List[Union[Decision, RequestError]]:
    """Decides many deployments on one compiled policy: ``trustlint can POLICY --requests``.

    ``requests`` is a list or any iterator of dicts with the keys of :func:`can`
    (``project``, ``environment``, ``team``, ``issuer``, ``aud``, ``claims``) or of JSON lines
    in the ``--requests`` format. Returns one Decision (the compact ``--requests`` object, without
    the ``statements`` trace) per request, in order; a request that cannot be read gets a
    RequestError in its place (``line``, ``error``), as the CLI writes it. The policy is opened
    once (PolicyError when it cannot be); requests are decided in chunks with the GIL released.
    """
    text, name, is_path = _policy(policy)
    batch, met = _unwrap(_trustlint.open_batch(text, name, is_path, resource or "", _limits(limits)))
    out: List[Union[Decision, RequestError]] = []
    iterator = iter(requests)
    line = 1
    while True:
        lines = [r if isinstance(r, str) else json.dumps(dict(r), ensure_ascii=False)
                 for r in itertools.islice(iterator, chunk_size)]
        if not lines:
            return out
        for answer in batch.decide(lines, line):
            out.append(RequestError(answer, met) if "error" in answer and "allowed" not in answer else Decision(answer, met))
        line += len(lines)


def who(policy: Policy, *, any_audience: bool = False, resource: Optional[str] = None,
        limits: Optional[Mapping[str, int]] = None) -> AllowedSet:
    """Exactly which deployments can assume the role: ``trustlint who POLICY --format json``.

    ``any_audience`` also covers deployments that request another audience. Raises PolicyError
    for an unreadable policy or a proof over ``limits["states"]`` (TL095).
    """
    text, name, is_path = _policy(policy)
    return AllowedSet(*_unwrap(_trustlint.who(text, name, is_path, resource or "", _limits(limits), bool(any_audience))))


def lint(policy: Union[Policy, Iterable[Union[str, "os.PathLike[str]"]]], *, teams: Optional[Iterable[str]] = None,
         config: Optional[Union[str, "os.PathLike[str]"]] = None,
         limits: Optional[Mapping[str, int]] = None) -> LintReport:
    """Is the policy valid and safe? ``trustlint lint POLICY --format json`` as a LintReport.

    ``policy`` may also be the path of a directory, or a list of paths (files and directories):
    then it is ``trustlint lint PATH... --format json``, with the CLI's directory walk and each
    file's nearest ``.trustlint.yaml`` (unless ``config``). ``teams`` are the expected teams
    (``--team``), ``config`` a ``.trustlint.yaml``. Findings are in ``report.findings`` (all
    files) or ``report.files[i].findings``. Raises PolicyError only when an input cannot be read
    at all (or, for paths, when the CLI would exit 2: a configuration unusable, nothing checked);
    grammar errors are findings. Every role of an input is linted, as by the CLI (which has no
    ``--resource`` for lint); there is no ``resource=`` keyword.
    """
    config_path = os.fspath(config) if config is not None else ""
    paths = _lint_paths(policy)
    if paths is not None:
        return LintReport(*_unwrap(_trustlint.lint_paths(paths, _limits(limits), list(teams or []), config_path)))
    text, name, is_path = _policy(policy)  # type: ignore[arg-type]
    return LintReport(*_unwrap(_trustlint.lint(text, name, is_path, "", _limits(limits),
                                              list(teams or []), config_path)))


def _lint_paths(policy: Any) -> Optional[List[str]]:
    """The paths lint walks: a directory's path, or a list (tuple) of paths; None for one policy."""
    if isinstance(policy, os.PathLike):
        path = os.fsdecode(os.fspath(policy))
        return [path] if os.path.isdir(path) else None
    if isinstance(policy, (list, tuple)):
        paths = []
        for p in policy:
            if not isinstance(p, (str, os.PathLike)):
                raise TypeError(f"lint paths must be str or os.PathLike, not {type(p).__name__}")
            paths.append(os.fsdecode(os.fspath(p)))
        return paths
    return None


def diff(old: Policy, new: Policy, *, any_audience: bool = False, resource: Optional[str] = None,
         limits: Optional[Mapping[str, int]] = None) -> DiffReport:
    """What NEW lets in that OLD kept out, and what it takes away: ``trustlint diff OLD NEW
    --format json`` as a DiffReport. Exact (set differences of the two allowed sets).

    Each side is a policy as for :func:`can` (any input form); two IaC inputs are compared role
    by role (``resource`` picks one; default: every role that trusts Vercel, a role on one side
    only being added or removed). ``report.widened`` is ``new_access`` (the CLI's exit 1;
    ``--fail-on never`` is simply not looking at it), ``report.changed`` whether anything differs.
    ``any_audience`` as ``--any-audience``; ``limits["states"]`` as ``--max-states``. Raises
    PolicyError when a side cannot be read or a role cannot be answered about (the CLI's exit 2).
    """
    old_text, old_name, old_is_path = _policy(old)
    new_text, new_name, new_is_path = _policy(new)
    return DiffReport(*_unwrap(_trustlint.diff(old_text, old_name, old_is_path, new_text, new_name, new_is_path,
                                               resource or "", _limits(limits), bool(any_audience))))


def test(specs: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]], *,
         limits: Optional[Mapping[str, int]] = None) -> TestReport:
    """Proves the expectations of ``*.trustspec.yaml`` files: ``trustlint test SPEC... --format json``
    as a TestReport (``passed``/``failed`` counts, ``specs[i].expectations[j].passed``, the
    counterexample of each failure; ``report.ok`` when every expectation holds).

    ``specs`` is the path of a spec file or of a directory searched for ``*.trustspec.yaml``
    (``.git`` skipped), or a list of them; a spec names its policy relative to itself.
    ``limits["states"]`` as ``--max-states``. Raises PolicyError, with every diagnostic of the run,
    when the CLI would exit 2: a spec or its policy cannot be used, a directory cannot be read,
    or no spec file is found.
    """
    if isinstance(specs, (str, os.PathLike)):
        specs = [specs]
    paths = []
    for s in specs:
        if not isinstance(s, (str, os.PathLike)):
            raise TypeError(f"specs must be paths (str or os.PathLike), not {type(s).__name__}")
        path = os.fspath(s)
        paths.append(os.fsdecode(path) if isinstance(path, bytes) else path)
    return TestReport(*_unwrap(_trustlint.test(paths, _limits(limits))))
