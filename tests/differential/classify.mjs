// Names a disagreement between trustlint and iam-simulate by where they part ways: the first
// statement whose applying differs, and in it the principal, the action, or the first condition
// whose truth value differs, described by its operator shape, the state of its key in the
// request and the features of its values that the two evaluators are known to treat differently.

const MATCHING = new Set(['Match', 'SessionRoleMatch', 'SessionUserMatch']);

function statementsOf(policy) {
  const s = policy.Statement;
  return Array.isArray(s) ? s : [s];
}

function contextEntry(context, key) {
  const k = key.toLowerCase();
  for (const [name, value] of Object.entries(context || {})) if (name.toLowerCase() === k) return { name, value };
  return null;
}

function principalForm(st) {
  const describe = (p) => {
    if (p === '*') return '"*"';
    return Object.entries(p)
      .map(([type, v]) => {
        const list = Array.isArray(v) ? v : [v];
        return `${type}:${list.map((x) => (x === '*' ? '*' : /^\d{12}$|:root$/.test(x) ? 'account' : type === 'Federated' ? (x.startsWith('arn:') ? 'oidc-arn' : 'domain') : 'value')).join('+')}`;
      })
      .join(',');
  };
  return st.NotPrincipal !== undefined ? `NotPrincipal ${describe(st.NotPrincipal)}` : `Principal ${describe(st.Principal)}`;
}

function variablesIn(values, context) {
  const out = new Set();
  for (const v of values) {
    for (const m of v.matchAll(/\$\{([^}]*)\}/g)) {
      const body = m[1];
      if (body === '*' || body === '?' || body === '$') {
        out.add('escape');
        continue;
      }
      const [name, fallback] = body.split(',');
      const e = contextEntry(context, name.trim());
      if (!e) out.add(fallback !== undefined ? 'variable-default' : 'variable-unresolved');
      else if (Array.isArray(e.value)) out.add(fallback !== undefined ? 'variable-multi-default' : 'variable-multi');
      else if (e.value === '') out.add('variable-empty');
      else if (/[*?]/.test(e.value)) out.add('variable-wildcard-value');
      else out.add('variable');
    }
  }
  return [...out];
}

function valueFeatures(base, values, requestValues) {
  const f = new Set();
  const all = [...values, ...requestValues];
  if (all.some((v) => /[^\x00-\x7f]/.test(v))) f.add('non-ascii');
  if (requestValues.some((v) => v.includes('\n'))) f.add('newline');
  if (requestValues.some((v) => v === '')) f.add('empty-request-value');
  if (values.some((v) => v === '')) f.add('empty-policy-value');
  const b = base.toLowerCase();
  if (b.startsWith('numeric')) {
    if (requestValues.some((v) => !/^-?\d+(\.\d+)?$/.test(v))) f.add('request-not-plain-number');
  }
  if (b.startsWith('date')) {
    const kind = (v) => (/^\d+$/.test(v) ? 'epoch' : /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(v) ? 'no-zone' : /^\d{4}-\d\d-\d\d$/.test(v) ? 'date-only' : /^\d{4}-/.test(v) ? 'iso' : 'other');
    const kinds = new Set([...values, ...requestValues].map(kind));
    f.add(`dates:${[...kinds].sort().join('+')}`);
  }
  if (b.includes('ipaddress')) {
    const fam = (v) => (v.includes(':') ? 'v6' : /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(v) ? 'v4' : 'invalid');
    f.add(`ip:${[...new Set(values.map(fam))].sort().join('+')}/${[...new Set(requestValues.map(fam))].sort().join('+')}`);
    if (requestValues.some((v) => /(^|\.)0\d/.test(v))) f.add('leading-zero');
    if (requestValues.some((v) => v.includes('/'))) f.add('request-cidr');
  }
  if (b.startsWith('arn')) {
    if (requestValues.some((v) => !v.startsWith('arn:'))) f.add('request-not-arn');
    if (values.some((v) => v.split(':').length < 6)) f.add('policy-short-arn');
  }
  if (b === 'bool' && requestValues.some((v) => !/^(true|false)$/i.test(v))) f.add('request-not-boolean');
  return [...f];
}

// Named classes, first match wins; each has a verdict in known-classes.json. A disagreement that
// no rule names keeps its generic signature and fails the run until someone looks at it.
const RULES = [
  ['version-variables', (c) => c.version !== '2012-10-17' && c.values.some((v) => v.includes('${'))],
  ['null-qualifier', (c) => c.base === 'Null' && c.qualifier !== ''],
  ['null-if-exists', (c) => c.base === 'Null' && c.ifExists],
  ['null-empty-set', (c) => c.base === 'Null' && c.keyState === 'empty set'],
  ['for-any-value-if-exists-absent', (c) => c.qualifier === 'ForAnyValue:' && c.ifExists && (c.keyState === 'absent' || c.keyState === 'empty set')],
  ['unresolved-variable-negated', (c) => c.negated && c.features.some((f) => f === 'variable-unresolved' || f === 'variable-multi')],
  ['escape-without-wildcards', (c) => c.features.includes('escape') && !/Like$/.test(c.base)],
  ['star-newline', (c) => c.features.includes('newline') && /Like$/.test(c.base)],
  ['ignore-case-non-ascii', (c) => c.features.includes('non-ascii') && /IgnoreCase$/.test(c.base)],
  ['date-epoch-vs-iso', (c) => c.family === 'Date' && c.features.some((f) => /^dates:.*epoch/.test(f) && f !== 'dates:epoch')],
  ['date-formats', (c) => c.family === 'Date'],
  ['ip-request-not-address', (c) => c.family === 'Ip' && c.features.some((f) => /\/.*invalid/.test(f) || f === 'leading-zero' || f === 'request-cidr' || f === 'empty-request-value')],
  ['ip-family-mismatch', (c) => c.family === 'Ip' && c.features.some((f) => /^ip:/.test(f))],
  ['arn-request-not-arn', (c) => c.family === 'Arn' && c.features.includes('request-not-arn')],
  ['numeric-request-not-number', (c) => c.family === 'Numeric' && c.features.includes('request-not-plain-number')],
  ['bool-request-not-boolean', (c) => c.family === 'Bool' && c.features.includes('request-not-boolean')],
];

function family(base) {
  for (const f of ['String', 'Numeric', 'Date', 'Arn', 'Bool', 'Binary', 'Null']) if (base.startsWith(f)) return f;
  if (/IpAddress$/.test(base)) return 'Ip';
  return 'other';
}

export function classify(policy, request, ours, theirs) {
  if (theirs.outcome === 'error') return { name: `iam-simulate fails: ${theirs.raw}`, detail: {} };
  const statements = statementsOf(policy);
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i];
    const t = ours.trace.find((s) => s.index === i);
    const s = theirs.statements.find((x) => x.index === i);
    if (!t || !s) continue;
    // An account principal (AWS: ACCOUNT or :root) matches iam-simulate's request principal, the
    // OIDC provider's ARN in that account, at "account level": Deny applies, Allow needs an
    // identity policy (there is none).
    const simPrincipal = MATCHING.has(s.principal) || (s.principal === 'AccountLevelMatch' && st.Effect === 'Deny');
    const simConditions = s.conditions.every((c) => c.result);
    const simApplied = simPrincipal && s.action && s.resource && simConditions;
    if (t.applied === simApplied) continue;
    if (!s.resource && t.principal && t.action && t.conditions_held)
      return { name: 'resource-element', detail: { statement: i } };
    if (t.principal !== simPrincipal) {
      if (s.principal === 'AccountLevelMatch') return { name: 'principal-account', detail: { statement: i } };
      return { name: `principal: ${principalForm(st)} (iam-simulate ${s.principal})`, detail: { statement: i } };
    }
    if (t.action !== s.action) {
      const a = st.Action !== undefined ? `Action ${JSON.stringify(st.Action)}` : `NotAction ${JSON.stringify(st.NotAction)}`;
      return { name: `action: ${a} vs ${request.action}`, detail: { statement: i } };
    }
    if (t.conditions.length !== s.conditions.length) {
      const dropped = Object.keys(st.Condition || {}).filter((op) => !t.conditions.some((c) => c.op === op));
      return { name: `conditions-dropped: ${dropped.join(', ')}`, detail: { statement: i } };
    }
    for (let j = 0; j < t.conditions.length; j++) {
      const tc = t.conditions[j];
      const sc = s.conditions[j];
      if (tc.result === sc.result) continue;
      const raw = st.Condition[tc.op][tc.key];
      const values = (Array.isArray(raw) ? raw : [raw]).map(String);
      const m = /^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$/.exec(tc.op);
      const base = m[2];
      const entry = contextEntry(request.context, tc.key);
      const requestValues = entry ? (Array.isArray(entry.value) ? entry.value : [entry.value]) : [];
      const keyState = !entry ? 'absent' : Array.isArray(entry.value) ? (entry.value.length ? 'multi-valued' : 'empty set') : 'single';
      const features = [...variablesIn(values, request.context), ...valueFeatures(base, values, requestValues)].sort();
      const c = {
        qualifier: m[1] || '', base, ifExists: !!m[3], family: family(base), negated: /Not/.test(base),
        keyState, features, values, version: policy.Version || 'absent',
      };
      const detail = { statement: i, condition: j, op: tc.op, key: tc.key, trustlint: tc.result, iam_simulate: sc.result };
      const rule = RULES.find(([, test]) => test(c));
      if (rule) return { name: rule[0], detail };
      const name = `condition: ${tc.op} | key ${keyState}` + (features.length ? ` | ${features.join(', ')}` : '') +
        (c.version === '2012-10-17' ? '' : ` | Version ${c.version}`) + ` | trustlint ${tc.result} / iam-simulate ${sc.result}`;
      return { name, detail };
    }
    return { name: 'statement differs, no single condition explains it', detail: { statement: i } };
  }
  return { name: 'outcome differs, no statement explains it', detail: {} };
}
