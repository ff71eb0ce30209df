"""Result objects: the CLI's JSON documents (schemas/*.schema.json) with attribute access.

Every object wraps the document the engine rendered, unchanged: ``to_dict()`` returns it (the
same shape as ``trustlint VERB --format json``), attributes read its keys (``decision.allowed``,
``finding.location.line``), nested objects are wrapped the same way. Nothing is recomputed here.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, Iterator, List, Optional


class Node:
    """A read-only view of one JSON object of a trustlint document."""

    __slots__ = ("_data", "_met")

    def __init__(self, data: Dict[str, Any], diagnostics: Optional[List[Dict[str, Any]]] = None) -> None:
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_met", diagnostics or [])

    @property
    def diagnostics(self) -> List["Diagnostic"]:
        """What the engine met on the way to this answer and the CLI prints on stderr (warnings,
        errors that do not change the policy's meaning, the gate's "answering anyway" note);
        not part of ``to_dict()``. Empty on nested objects."""
        return [Diagnostic(d) for d in self._met]

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None
        return wrap(value, _CLASSES.get(name))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __getitem__(self, key: str) -> Any:
        return wrap(self._data[key], _CLASSES.get(key))

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def __dir__(self) -> List[str]:
        return sorted(set(self._data) | set(super().__dir__()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Node):
            return self._data == other._data
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def to_dict(self) -> Dict[str, Any]:
        """The JSON document (a deep copy), as ``trustlint VERB --format json`` prints it."""
        return copy.deepcopy(self._data)


class Diagnostic(Node):
    """A located diagnostic: ``code`` (``"TL007"``), ``severity``, ``message``, ``location``
    (``file``, ``line``, ``column``, ``end_line``, ``end_column``, ``offset``, ``end_offset``), ``notes``."""

    @property
    def diagnostics(self) -> List["Diagnostic"]:
        return []

    def __str__(self) -> str:
        loc = self._data["location"]
        where = loc["file"] if not loc["line"] else f"{loc['file']}:{loc['line']}:{loc['column']}"
        return f"{where or 'trustlint'}: {self._data['severity']}: {self._data['message']} [{self._data['code']}]"


class Location(Node):
    """``file``, ``line``, ``column``, ``end_line``, ``end_column`` (1-based), ``offset``, ``end_offset``."""


class Deployment(Node):
    """``issuer`` (``"global"``/``"team"``), ``team``, ``project``, ``environment`` (``audience`` when requested)."""


class Witness(Node):
    """The example of a finding: ``deployment``, ``request``, ``allowed``, ``description``."""


class Finding(Node):
    """One lint finding: ``rule``, ``name``, ``severity``, ``message``, ``location``, ``pointer``,
    ``witness`` (the example deployment), ``fix``, ``notes``, ``suppressed``, ``suppression_reason``, ``help``."""


class LintedFile(Node):
    """One role of one file: ``file``, ``resource``, ``form``, ``assumptions``, ``input_failed``, ``notes``, ``findings``."""


class Decision(Node):
    """The answer of ``can`` (schema ``trustlint/can/v1``): ``allowed`` (bool), ``decision``
    (``"allow"``, ``"implicit_deny"``, ``"explicit_deny"``), ``deployment``, ``assumptions``,
    ``request``, ``deciding_statement``, ``statements`` (the trace; not in ``can_many``), ``notes``."""

    def __bool__(self) -> bool:
        return bool(self._data.get("allowed", False))


class RequestError(Node):
    """A ``can_many`` request that could not be read: ``line`` (1-based position) and ``error``
    (as ``can --requests`` writes it in the line's place). ``allowed`` is False."""

    @property
    def allowed(self) -> bool:
        return False

    def __bool__(self) -> bool:
        return False


class AllowedSet(Node):
    """The answer of ``who`` (schema ``trustlint/who/v1``): ``allowed`` (parts), ``nobody``,
    ``nobody_reasons``, ``notes``, ``other_principals``, ``audience``, ``policy``."""

    def __iter__(self) -> Iterator[Node]:
        return iter(self.allowed)

    def __len__(self) -> int:
        return len(self._data.get("allowed", []))


class LintReport(Node):
    """The answer of ``lint`` (schema ``trustlint/lint/v1``): ``files`` (one entry per role, each
    with its ``findings``), ``summary``, ``fail_on``, ``exit_code``."""

    @property
    def findings(self) -> List[Finding]:
        """Every finding of every file, in order."""
        return [f for entry in self.files for f in entry.findings]


class DiffReport(Node):
    """The answer of ``diff`` (schema ``trustlint/diff/v1``): ``old``, ``new``, ``audience``,
    ``roles`` (each ``resource``, ``status`` ``"compared"``/``"added"``/``"removed"``, ``same``,
    ``gained`` and ``lost`` parts, ``notes``), ``new_access``."""

    @property
    def widened(self) -> bool:
        """Does NEW let in a deployment OLD kept out (in any role)? ``new_access``: the CLI's exit 1."""
        return bool(self._data["new_access"])

    @property
    def changed(self) -> bool:
        """Does anything differ: a deployment gained or lost, or a role added or removed?"""
        return any(r["status"] != "compared" or not r["same"] for r in self._data["roles"])

    def __bool__(self) -> bool:
        return self.widened


class TestReport(Node):
    """The answer of ``test`` (schema ``trustlint/test/v1``): ``specs`` (each ``file``,
    ``policy``, ``error``, ``expectations`` with ``kind``, ``text``, ``location``, ``passed``,
    ``counterexample``, ``decided_by``, ...), the counts ``passed``, ``failed``, ``errors``, and
    ``exit_code`` (0 every expectation holds, 1 one fails)."""

    __test__ = False  # not a unittest/pytest class

    @property
    def ok(self) -> bool:
        """Does every expectation hold (``exit_code == 0``)?"""
        return self._data["exit_code"] == 0

    @property
    def expectations(self) -> List[Node]:
        """Every expectation of every spec, in order."""
        return [e for spec in self.specs for e in spec.expectations]

    def __bool__(self) -> bool:
        return self.ok


_CLASSES = {
    "location": Location,
    "deployment": Deployment,
    "example": Deployment,
    "witness": Witness,
    "findings": Finding,
    "files": LintedFile,
}


def wrap(value: Any, cls: Any = None) -> Any:
    """Wraps a JSON value: objects become Nodes (of `cls` when known), lists element by element."""
    if isinstance(value, dict):
        return (cls or Node)(value)
    if isinstance(value, list):
        return [wrap(v, cls) for v in value]
    return value
