# Type stubs of the trustlint package (PEP 561; py.typed marks the package as typed).
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Union

Policy = Union[str, bytes, os.PathLike[str], Mapping[str, Any]]
RequestLike = Union[Mapping[str, Any], str]
LIMIT_NAMES: tuple[str, ...]

class Node:
    def __init__(self, data: Dict[str, Any], diagnostics: Optional[List[Dict[str, Any]]] = ...) -> None: ...
    @property
    def diagnostics(self) -> List[Diagnostic]: ...
    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: str) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Location(Node):
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int

class Deployment(Node):
    issuer: Literal["global", "team"]
    team: str
    project: str
    environment: str

class Witness(Node):
    deployment: Optional[Deployment]
    request: Optional[Node]
    allowed: bool
    description: str

class Finding(Node):
    rule: str
    name: Optional[str]
    severity: Literal["error", "warning", "note"]
    message: str
    location: Location
    pointer: str
    witness: Optional[Witness]
    fix: Optional[str]
    notes: List[str]
    suppressed: bool
    suppression_reason: Optional[str]
    help: Optional[str]

class LintedFile(Node):
    file: str
    resource: Optional[str]
    form: Optional[str]
    assumptions: List[str]
    input_failed: bool
    notes: List[str]
    findings: List[Finding]

class Decision(Node):
    schema: str
    allowed: bool
    decision: Literal["allow", "implicit_deny", "explicit_deny"]
    deployment: Deployment
    assumptions: List[str]
    request: Node
    deciding_statement: Optional[Node]
    statements: List[Node]
    notes: List[str]
    def __bool__(self) -> bool: ...

class RequestError(Node):
    line: int
    error: str
    @property
    def allowed(self) -> Literal[False]: ...
    def __bool__(self) -> bool: ...

class AllowedSet(Node):
    schema: str
    policy: str
    audience: str
    allowed: List[Node]
    nobody: bool
    nobody_reasons: List[str]
    notes: List[str]
    other_principals: List[str]
    def __iter__(self) -> Iterator[Node]: ...
    def __len__(self) -> int: ...

class LintReport(Node):
    schema: str
    files: List[LintedFile]
    summary: Node
    fail_on: str
    exit_code: int
    @property
    def findings(self) -> List[Finding]: ...

class DiffReport(Node):
    schema: str
    old: str
    new: str
    audience: str
    roles: List[Node]
    new_access: bool
    @property
    def widened(self) -> bool: ...
    @property
    def changed(self) -> bool: ...
    def __bool__(self) -> bool: ...

class TestReport(Node):
    schema: str
    specs: List[Node]
    passed: int
    failed: int
    errors: int
    exit_code: int
    @property
    def ok(self) -> bool: ...
    @property
    def expectations(self) -> List[Node]: ...
    def __bool__(self) -> bool: ...

# Messages and notes (here, in PolicyError and in every document's prose) name this module's
# keywords where the CLI names its flags ("resource=" for "--resource").
class Diagnostic(Node):
    code: str
    severity: Literal["error", "warning", "note"]
    message: str
    location: Location
    notes: List[str]

class PolicyError(ValueError):
    diagnostics: List[Diagnostic]
    def __init__(self, diagnostics: Sequence[Dict[str, Any]], text: str) -> None: ...
    @property
    def codes(self) -> List[str]: ...

def version() -> str: ...
def can(policy: Policy, *, project: str, environment: str, team: Optional[str] = ...,
        issuer: Optional[Literal["global", "team"]] = ..., aud: Optional[str] = ...,
        claims: Optional[Mapping[str, Union[str, int, bool, Sequence[Union[str, int, bool]]]]] = ...,
        resource: Optional[str] = ..., limits: Optional[Mapping[str, int]] = ...) -> Decision: ...
def can_many(policy: Policy, requests: Iterable[RequestLike], *, resource: Optional[str] = ...,
             limits: Optional[Mapping[str, int]] = ..., chunk_size: int = ...) -> List[Union[Decision, RequestError]]: ...
def who(policy: Policy, *, any_audience: bool = ..., resource: Optional[str] = ...,
        limits: Optional[Mapping[str, int]] = ...) -> AllowedSet: ...
def lint(policy: Union[Policy, Iterable[Union[str, os.PathLike[str]]]], *, teams: Optional[Iterable[str]] = ..., config: Optional[Union[str, os.PathLike[str]]] = ...,
         limits: Optional[Mapping[str, int]] = ...) -> LintReport: ...
def diff(old: Policy, new: Policy, *, any_audience: bool = ..., resource: Optional[str] = ...,
         limits: Optional[Mapping[str, int]] = ...) -> DiffReport: ...
def test(specs: Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]]], *,
         limits: Optional[Mapping[str, int]] = ...) -> TestReport: ...
