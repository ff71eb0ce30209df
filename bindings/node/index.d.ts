// Types of the trustlint package: the objects are exactly the CLI's JSON documents
// (schemas/can.schema.json, who.schema.json, lint.schema.json, diff.schema.json,
// test.schema.json); fields are only ever added.

/** JSON/YAML text, a path (a string without a line break that does not start with '{'), a file URL, a Buffer, or a policy object. */
export type Policy = string | URL | Buffer | Record<string, unknown>;

export interface Limits {
  bytes?: number; depth?: number; nodes?: number; stringLength?: number; statements?: number;
  values?: number; states?: number; errors?: number; quota?: number;
}

export interface CommonOptions {
  /** The role of a CloudFormation template, Terraform plan or source, or account details. */
  resource?: string;
  /** The CLI's --max-… limits (and --quota). */
  limits?: Limits;
}

/** lint's options: every role of an input is linted (as by the CLI), so there is no resource. */
export interface LintOptions {
  /** The expected teams (the CLI's --team). */
  teams?: Iterable<string>;
  /** A .trustlint.yaml (the CLI's --config). */
  config?: string;
  /** The CLI's --max-… limits (and --quota). */
  limits?: Limits;
}

export type ClaimValue = string | number | boolean | Array<string | number | boolean>;

/** One deployment, as a `can --requests` line. */
export interface DeploymentRequest {
  project: string;
  environment: string;
  team?: string;
  issuer?: 'global' | 'team';
  aud?: string;
  claims?: Record<string, ClaimValue>;
}

export interface Location {
  file: string; line: number; column: number; end_line?: number; end_column?: number;
  offset?: number; end_offset?: number;
}

export interface Deployment {
  issuer: 'global' | 'team'; team: string; project: string; environment: string; audience?: string;
}

export interface StatementRef { index: number; label: string; location: Location; }

/** What the engine met on the way to an answer and the CLI prints on stderr (warnings, errors that
 * leave the meaning intact, the gate's "answering anyway" note); non-enumerable, not in the JSON. */
export interface Met { readonly diagnostics?: Diagnostic[]; }

export interface Decision extends Met {
  schema: 'trustlint/can/v1';
  allowed: boolean;
  decision: 'allow' | 'implicit_deny' | 'explicit_deny';
  deployment: Deployment;
  assumptions: string[];
  request: { provider: string; action: string; context: Record<string, string | string[]> };
  deciding_statement: StatementRef | null;
  /** The trace (not in canMany results). */
  statements?: Array<Record<string, unknown>>;
  notes: string[];
}

/** A canMany request that could not be read, as `can --requests` writes it in the line's place. */
export interface RequestError { line: number; error: string; }

export interface Dimension { match: string[]; except: string[]; }

export interface AllowedPart {
  issuer: 'global' | 'team'; team: Dimension; project: Dimension; environment: Dimension; audience?: Dimension;
  extra_conditions: string[]; example: Deployment; nearest_denied: Deployment[];
}

export interface AllowedSet extends Met {
  schema: 'trustlint/who/v1'; policy: string; audience: string;
  allowed: AllowedPart[]; nobody: boolean; nobody_reasons: string[]; notes: string[];
  other_principals: string[];
}

export interface Finding {
  rule: string; name: string | null; severity: 'error' | 'warning' | 'note'; message: string;
  location: Location; pointer: string;
  witness: { deployment: Deployment | null; request: Record<string, unknown> | null; allowed: boolean; description: string } | null;
  fix: string | null; notes: string[]; suppressed: boolean; suppression_reason: string | null; help: string | null;
}

export interface LintedFile {
  file: string; resource: string | null; form: string | null; assumptions: string[];
  input_failed: boolean; notes: string[]; findings: Finding[];
}

export interface LintReport extends Met {
  schema: 'trustlint/lint/v1';
  files: LintedFile[];
  summary: Record<string, number>;
  fail_on: string;
  exit_code: number;
  /** Every finding of every file (a convenience, not part of the JSON document). */
  readonly findings: Finding[];
}

export interface DiffPart {
  issuer: 'global' | 'team'; team: Dimension; project: Dimension; environment: Dimension; audience?: Dimension;
  extra_conditions: string[]; other_side_conditions: string[]; conditions_only: boolean;
  example: Deployment; old_allows: boolean | null; new_allows: boolean | null;
}

export interface RoleDiff {
  resource: string | null; status: 'compared' | 'added' | 'removed'; same: boolean;
  gained: DiffPart[]; lost: DiffPart[]; notes: string[];
}

export interface DiffReport extends Met {
  schema: 'trustlint/diff/v1'; old: string; new: string; audience: string;
  roles: RoleDiff[];
  /** NEW lets in a deployment OLD kept out (the CLI's exit 1). */
  new_access: boolean;
  /** new_access (a convenience, not part of the JSON document). */
  readonly widened: boolean;
  /** Anything gained or lost, or a role added or removed (not part of the JSON document). */
  readonly changed: boolean;
}

export interface ExpectationResult {
  kind: 'allow' | 'deny' | 'only'; text: string; location: Location; passed: boolean;
  counterexample: Deployment | null; allowed: boolean | null; only_when: string[];
  decided_by: string | null; decided_at: Location | null; assumptions: string[];
}

export interface SpecResult { file: string; policy: string; error: string | null; expectations: ExpectationResult[]; }

export interface TestReport extends Met {
  schema: 'trustlint/test/v1';
  specs: SpecResult[];
  passed: number; failed: number; errors: number;
  /** 0 every expectation holds, 1 one fails (2 is thrown). */
  exit_code: number;
  /** exit_code === 0 (not part of the JSON document). */
  readonly ok: boolean;
  /** Every expectation of every spec (not part of the JSON document). */
  readonly expectations: ExpectationResult[];
}

/** A located diagnostic. `message` and `notes` (like every document's prose: notes, assumptions,
 * errors, fixes) name this package's options where the CLI names its flags: "choose one with
 * resource:" for the CLI's "--resource", "limits: {bytes: N}" for "--max-bytes". */
export interface Diagnostic {
  code: string; severity: 'error' | 'warning' | 'note'; message: string; location: Location; notes: string[];
}

/** What every function throws for input it refuses: an Error with the located diagnostics. */
export interface TrustlintError extends Error { code: string; diagnostics: Diagnostic[]; }

export function can(policy: Policy, request: DeploymentRequest & CommonOptions): Decision;
export function canMany(policy: Policy, requests: Iterable<DeploymentRequest | string>, options?: CommonOptions): Array<Decision | RequestError>;
export function who(policy: Policy, options?: CommonOptions & { anyAudience?: boolean }): AllowedSet;
/** `policy` may also be an array of paths (files and directories) or a directory's path: `trustlint lint PATH... --format json`. */
export function lint(policy: Policy | Array<string | URL>, options?: LintOptions): LintReport;
/** What NEW lets in that OLD kept out, and what it takes away (`trustlint diff OLD NEW --format json`). */
export function diff(oldPolicy: Policy, newPolicy: Policy, options?: CommonOptions & { anyAudience?: boolean }): DiffReport;
/** Proves *.trustspec.yaml files (paths of specs or directories; `trustlint test ... --format json`). */
export function test(specs: string | URL | Iterable<string | URL>, options?: { limits?: Limits }): TestReport;
export function version(): string;
