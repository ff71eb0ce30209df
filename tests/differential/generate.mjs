// Random trust policies and requests for the differential test (tests/differential/README.md).
// Deterministic for a seed. Policies stay inside what trustlint evaluates (grammar errors that
// leave the meaning intact included: NotPrincipal, "*" principals, Null...IfExists, keys that
// differ in case); a few invalid ones are kept on purpose and counted as refused. Requests are
// raw IAM requests: provider name, action, context keys (single- or multi-valued, or absent).

export function rng(seed) {
  // mulberry32
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted: (pairs) => {
      const total = pairs.reduce((s, [w]) => s + w, 0);
      let x = next() * total;
      for (const [w, v] of pairs) {
        if ((x -= w) < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
  };
  return r;
}

export const ACCOUNT = '123456789012';
const arn = (provider) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${provider}`;
export const PROVIDERS = {
  team: 'oidc.vercel.com/acme',
  global: 'oidc.vercel.com',
  other: 'oidc.vercel.com/other',
  github: 'token.actions.githubusercontent.com',
  google: 'accounts.google.com', // a built-in domain-named provider (Federated by domain)
};
// The principal string iam-simulate compares a Federated value with.
export function simPrincipal(provider) {
  return provider === PROVIDERS.google ? provider : arn(provider);
}

const TEAMS = ['acme', 'acme-evil', 'other', 'acme2'];
const PROJECTS = ['web', 'api', 'web1', 'web.site'];
const ENVS = ['production', 'preview', 'development', 'prod-eu'];

function sub(team, project, env) {
  return `owner:${team}:project:${project}:environment:${env}`;
}

// Keys by family: [key as IAM names it, multi-valued?]
const STRING_KEYS = [
  ['oidc.vercel.com/acme:sub', false],
  ['oidc.vercel.com/acme:aud', false],
  ['oidc.vercel.com:sub', false],
  ['oidc.vercel.com:aud', false],
  ['oidc.vercel.com/acme:amr', true],
  ['aws:TagKeys', true],
  ['sts:RoleSessionName', false],
  ['token.actions.githubusercontent.com:sub', false],
];
const VARIABLE_KEYS = ['aws:username', 'oidc.vercel.com/acme:aud', 'sts:RoleSessionName', 'oidc.vercel.com/acme:amr', 'aws:userid'];

function randomCase(r, key) {
  if (!r.chance(0.2)) return key;
  return [...key].map((c) => (r.chance(0.4) ? c.toUpperCase() : c)).join('');
}

// ---- string values -------------------------------------------------------------------------

function stringBase(r, key) {
  const k = key.toLowerCase();
  if (k.endsWith(':aud')) return `https://vercel.com/${r.pick(TEAMS)}`;
  if (k.endsWith(':amr')) return r.pick(['mfa', 'pwd', 'otp', 'MFA']);
  if (k === 'aws:tagkeys') return r.pick(['team', 'env', 'Team', 'cost-center']);
  if (k.includes('githubusercontent')) return `repo:acme/${r.pick(PROJECTS)}:ref:refs/heads/main`;
  if (k === 'sts:rolesessionname') return r.pick(['deploy', 'acme', 'web', 'Deploy']);
  return sub(r.pick(TEAMS), r.pick(PROJECTS), r.pick(ENVS));
}

// Turns a concrete string into a pattern: wildcards, variables, escapes, odd characters.
function patternFrom(r, base, like) {
  let v = base;
  const edits = r.int(3);
  for (let i = 0; i < edits; i++) {
    // Edit outside the variables already written (a cut-up ${...} is TL075, which trustlint
    // refuses; a few still come from the 3% that end up malformed by design below).
    const taken = [...v.matchAll(/\$\{[^}]*\}/g)].map((m) => [m.index, m.index + m[0].length]);
    let pos = r.int(v.length + 1);
    const inside = taken.find(([a, b]) => pos > a && pos < b);
    if (inside) pos = inside[1];
    const next = taken.find(([a]) => a >= pos);
    const end = Math.min(next ? next[0] : v.length, pos + r.int(6));
    const piece = r.weighted([
      [like ? 5 : 1, '*'],
      [like ? 3 : 1, '?'],
      [2, '${aws:username}'],
      [1, '${oidc.vercel.com/acme:aud}'],
      [1, '${sts:RoleSessionName}'],
      [1, "${aws:username, 'acme'}"],
      [1, "${aws:userid, 'web'}"],
      [1, '${oidc.vercel.com/acme:amr}'],
      [1, '${*}'],
      [1, '${?}'],
      [1, '${$}'],
      [1, 'É'],
      [1, 'é'],
      [1, '.+(['],
      [0.5, '${AWS:UserName}'],
    ]);
    v = v.slice(0, pos) + piece + v.slice(end);
  }
  if (r.chance(0.05)) v = v.toUpperCase();
  if (r.chance(0.03)) v = '';
  if (r.chance(0.01)) v += '${aws:username';
  return v;
}

// A request value near a policy value: the value, its wildcards filled in, a mutation.
function requestStringNear(r, policyValue, key) {
  let v = policyValue
    .replace(/\$\{aws:username(, '[^']*')?\}/g, () => r.pick(['acme', 'web', 'x', '']))
    .replace(/\$\{oidc\.vercel\.com\/acme:aud\}/g, 'https://vercel.com/acme')
    .replace(/\$\{sts:RoleSessionName\}/g, () => r.pick(['deploy', 'acme']))
    .replace(/\$\{aws:userid(, '[^']*')?\}/g, () => r.pick(['web', 'AIDA1']))
    .replace(/\$\{oidc\.vercel\.com\/acme:amr\}/g, 'mfa')
    .replace(/\$\{\*\}/g, () => (r.chance(0.7) ? '*' : 'x'))
    .replace(/\$\{\?\}/g, () => (r.chance(0.7) ? '?' : 'x'))
    .replace(/\$\{\$\}/g, () => (r.chance(0.7) ? '$' : '${$}'))
    .replace(/\*/g, () => r.pick(['', 'a', 'acme', ':x:', 'web', '*', '\n', 'É']))
    .replace(/\?/g, () => r.pick(['a', '1', '?', ':', '', 'é']));
  if (r.chance(0.15)) v = mutate(r, v);
  if (r.chance(0.05)) v = r.chance(0.5) ? v.toUpperCase() : v.toLowerCase();
  if (r.chance(0.05)) v = stringBase(r, key);
  return v;
}

function mutate(r, v) {
  const pos = r.int(v.length + 1);
  return r.weighted([
    [1, v.slice(0, pos) + r.pick(['x', ':', '-', '*', '?', '$', 'É', '\n', '.', '+', '(', '[', '\\', '^', '|', '{}']) + v.slice(pos)],
    [1, v.slice(0, pos) + v.slice(pos + 1)],
    [1, v + r.pick(['x', ':x', ''])],
  ]);
}

// ---- other families ------------------------------------------------------------------------

const NUMBERS = ['0', '1', '3600', '-5', '1.5', '1.50', '0.1', '100', '007', '3600.0'];
const BAD_NUMBERS = ['12abc', '', ' 5', '0x10', '1e3', '+5', 'NaN', '.5', '5.', '1,5'];
const DATES = [
  '2026-01-01T00:00:00Z',
  '2026-01-01',
  '2026-01-01T01:00:00+01:00',
  '2026-06-30T12:00:00.500Z',
  '1767225600',
  '2025-12-31T23:59:59Z',
  '2026-01-01T00:00:00',
  '2026-01-01T00:00Z',
];
const BAD_DATES = ['yesterday', '2026-13-01', '', '1767225600000', '2026/01/01', 'Thu, 01 Jan 2026 00:00:00 GMT'];
const CIDRS = ['10.0.0.0/8', '192.168.1.0/24', '203.0.113.7', '203.0.113.7/32', '0.0.0.0/0', '10.1.2.3/8',
  '2001:db8::/32', '2001:db8::1', '::/0', '::ffff:10.0.0.0/104'];
const IPS = ['10.1.2.3', '192.168.1.77', '203.0.113.7', '8.8.8.8', '2001:db8::5', '2001:0db8:0000::1',
  '2001:db9::1', '::ffff:10.1.2.3', 'not-an-ip', '010.001.002.003', '10.1.2.3/32', ''];
const ARN_PATTERNS = [
  `arn:aws:iam::${ACCOUNT}:role/deploy-*`,
  'arn:aws:iam::*:role/deploy-*',
  `arn:aws:iam::${ACCOUNT}:role/*`,
  'arn:aws:iam::???????????2:role/web',
  `arn:aws:iam::${ACCOUNT}:role/\${aws:username}`,
  'arn:aws:*:*:*:*',
  `arn:aws:iam::${ACCOUNT}:role/Deploy-Web`,
  'arn:*:iam::*:*',
  `arn:aws:iam::${ACCOUNT}:role/a:b*`,
  `arn:aws:iam::${ACCOUNT}`,
];
const ARNS = [
  `arn:aws:iam::${ACCOUNT}:role/deploy-web`,
  `arn:aws:iam::${ACCOUNT}:role/Deploy-Web`,
  'arn:aws:iam::999999999992:role/web',
  `arn:aws:iam::${ACCOUNT}:role/ci/deploy`,
  `arn:aws:iam::111111111111:${ACCOUNT}:role/deploy-x`,
  `arn:aws:iam::${ACCOUNT}:role/a:b:c`,
  `arn:aws:s3:::bucket/key`,
  `ARN:aws:iam::${ACCOUNT}:role/deploy-web`,
  'not-an-arn',
  `arn:aws:iam::${ACCOUNT}:role/acme`,
  `arn:aws-cn:iam::${ACCOUNT}:role/deploy-web`,
];
const BOOLS = ['true', 'false', 'TRUE', 'False'];
const BAD_BOOLS = ['yes', '1', '', 'truee'];
const BINARIES = ['QUJD', 'QUJDRA==', 'YWJj', 'qujd'];

const FAMILIES = {
  string: {
    ops: [
      [5, 'StringEquals'],
      [3, 'StringNotEquals'],
      [2, 'StringEqualsIgnoreCase'],
      [2, 'StringNotEqualsIgnoreCase'],
      [6, 'StringLike'],
      [4, 'StringNotLike'],
    ],
    keys: STRING_KEYS,
    policyValue: (r, key, op) => patternFrom(r, stringBase(r, key), op.includes('Like')),
    requestValue: (r, key, policyValues) =>
      policyValues.length && r.chance(0.8) ? requestStringNear(r, r.pick(policyValues), key) : stringBase(r, key),
  },
  numeric: {
    ops: [[1, 'NumericEquals'], [1, 'NumericNotEquals'], [1, 'NumericLessThan'], [1, 'NumericLessThanEquals'],
      [1, 'NumericGreaterThan'], [1, 'NumericGreaterThanEquals']],
    keys: [['aws:MultiFactorAuthAge', false], ['sts:DurationSeconds', false]],
    policyValue: (r) => r.pick(NUMBERS),
    requestValue: (r, key, pv) => (r.chance(0.12) ? r.pick(BAD_NUMBERS) : r.chance(0.5) && pv.length ? r.pick(pv) : r.pick(NUMBERS)),
  },
  date: {
    ops: [[1, 'DateEquals'], [1, 'DateNotEquals'], [1, 'DateLessThan'], [1, 'DateLessThanEquals'],
      [1, 'DateGreaterThan'], [1, 'DateGreaterThanEquals']],
    keys: [['aws:CurrentTime', false], ['aws:EpochTime', false], ['aws:TokenIssueTime', false]],
    policyValue: (r) => r.pick(DATES),
    requestValue: (r, key, pv) => (r.chance(0.1) ? r.pick(BAD_DATES) : r.chance(0.4) && pv.length ? r.pick(pv) : r.pick(DATES)),
  },
  bool: {
    ops: [[1, 'Bool']],
    keys: [['aws:SecureTransport', false], ['sts:RoleAuthorizedByIdp', false]],
    policyValue: (r) => (r.chance(0.1) ? '${aws:username}' : r.pick(BOOLS)),
    requestValue: (r) => (r.chance(0.1) ? r.pick(BAD_BOOLS) : r.pick(BOOLS)),
  },
  binary: {
    ops: [[1, 'BinaryEquals']],
    keys: [['test:Binary', false]],
    policyValue: (r) => r.pick(BINARIES),
    requestValue: (r) => r.pick(BINARIES),
  },
  ip: {
    ops: [[1, 'IpAddress'], [1, 'NotIpAddress']],
    keys: [['aws:SourceIp', false], ['aws:VpcSourceIp', false]],
    policyValue: (r) => r.pick(CIDRS),
    requestValue: (r) => r.pick(IPS),
  },
  arn: {
    ops: [[2, 'ArnLike'], [1, 'ArnEquals'], [1, 'ArnNotLike'], [1, 'ArnNotEquals']],
    keys: [['aws:SourceArn', false], ['aws:PrincipalArn', false]],
    policyValue: (r) => r.pick(ARN_PATTERNS),
    requestValue: (r) => r.pick(ARNS),
  },
  null: {
    ops: [[1, 'Null']],
    keys: [...STRING_KEYS, ['aws:SourceIp', false]],
    policyValue: (r) => r.pick(['true', 'false', 'true', 'false', 'TRUE']),
    requestValue: (r, key) => stringBase(r, key),
  },
};
const FAMILY_WEIGHTS = [[12, 'string'], [2, 'numeric'], [2, 'date'], [1, 'bool'], [1, 'binary'], [2, 'ip'], [2, 'arn'], [2, 'null']];

function familyOfKey(key) {
  const k = key.toLowerCase();
  for (const [name, fam] of Object.entries(FAMILIES)) {
    if (name === 'null') continue;
    if (fam.keys.some(([fk]) => fk.toLowerCase() === k)) return name;
  }
  return 'string';
}

function randomCondition(r, condition, keysUsed) {
  const family = r.weighted(FAMILY_WEIGHTS);
  const fam = FAMILIES[family];
  let op = r.weighted(fam.ops);
  const qualifier = r.weighted([[7, ''], [2, 'ForAnyValue:'], [2, 'ForAllValues:']]);
  const ifExists = r.chance(family === 'null' ? 0.05 : 0.2);
  op = qualifier + op + (ifExists ? 'IfExists' : '');
  const [key] = r.pick(fam.keys);
  const writtenKey = randomCase(r, key);
  const n = r.weighted([[6, 1], [3, 2], [1, 3], [0.3, 0]]);
  const values = [];
  for (let i = 0; i < n; i++) values.push(fam.policyValue(r, key, op));
  const asArray = n !== 1 || r.chance(0.3);
  condition[op] = condition[op] || {};
  // Keep one spelling per key and operator (JSON objects cannot hold both anyway).
  // IAM compares the text of unquoted numbers and booleans (docs/semantics.md#document): write some that way.
  const typed = values.map((v) =>
    (family === 'numeric' && /^-?\d+(\.\d+)?$/.test(v) && r.chance(0.3)) ? Number(v)
      : ((family === 'bool' || family === 'null') && /^(true|false)$/.test(v) && r.chance(0.3)) ? v === 'true' : v);
  condition[op][writtenKey] = asArray ? typed : typed[0];
  keysUsed.push({ key, family, values });
}

const PRINCIPALS = [
  [10, () => ({ Principal: { Federated: arn(PROVIDERS.team) } })],
  [3, () => ({ Principal: { Federated: arn(PROVIDERS.global) } })],
  [3, () => ({ Principal: { Federated: [arn(PROVIDERS.team), arn(PROVIDERS.github)] } })],
  [1, () => ({ Principal: { Federated: PROVIDERS.google } })],
  [1, () => ({ Principal: '*' })],
  [1, () => ({ Principal: { AWS: '*' } })],
  [0.5, () => ({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })],
  [0.5, () => ({ Principal: { AWS: ACCOUNT } })],
  [0.5, () => ({ Principal: { Service: 'ec2.amazonaws.com' } })],
  [0.5, () => ({ Principal: { Federated: arn(PROVIDERS.team), AWS: '*' } })],
  [1, () => ({ NotPrincipal: { Federated: arn(PROVIDERS.github) } })],
];
const ACTIONS = [
  [10, { Action: 'sts:AssumeRoleWithWebIdentity' }],
  [2, { Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }],
  [1, { Action: 'sts:assumerolewithwebidentity' }],
  [1, { Action: 'STS:AssumeRoleWithWebIdentity' }],
  [1, { Action: 'sts:AssumeRole*' }],
  [1, { Action: 'sts:*' }],
  [1, { Action: '*' }],
  [1, { Action: 'sts:AssumeRoleWith?ebIdentity' }],
  [1, { Action: ['sts:AssumeRole', 'sts:TagSession'] }],
  [1, { NotAction: 'sts:AssumeRole' }],
  [1, { NotAction: 'sts:AssumeRoleWith*' }],
  [0.5, { Action: 'sts:*WebIdentity' }],
  [0.5, { Action: 'sts:AssumeRoleWith*Identity' }],
  [0.5, { Action: 'sTs:ASSUME*' }],
  [0.5, { Action: ['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentit?'] }],
  [0.5, { NotAction: ['sts:TagSession', 'sts:AssumeRoleWithSAML'] }],
  [0.3, { NotAction: '*' }],
];

export function randomPolicy(r) {
  const policy = {};
  const version = r.weighted([[17, '2012-10-17'], [1.5, '2008-10-17'], [1.5, null]]);
  if (version) policy.Version = version;
  const statements = [];
  const keysUsed = [];
  const count = r.weighted([[5, 1], [3, 2], [1, 3]]);
  for (let i = 0; i < count; i++) {
    const st = {};
    if (r.chance(0.3)) st.Sid = `S${i}`;
    st.Effect = r.chance(0.7) ? 'Allow' : 'Deny';
    Object.assign(st, r.weighted(PRINCIPALS)());
    Object.assign(st, structuredClone(r.weighted(ACTIONS)));
    const nconds = r.weighted([[1, 0], [5, 1], [3, 2], [1, 3]]);
    if (nconds > 0 || r.chance(0.1)) {
      const condition = {};
      for (let c = 0; c < nconds; c++) randomCondition(r, condition, keysUsed);
      st.Condition = condition;
    }
    statements.push(st);
  }
  policy.Statement = count === 1 && r.chance(0.3) ? statements[0] : statements;
  return { policy, keysUsed };
}

const KEY_MULTI = new Map([...STRING_KEYS].map(([k, m]) => [k.toLowerCase(), m]));

// A plain Vercel deployment: its provider, sub and aud and nothing else, with the facts, so that
// trustlint_decide can also ask `who` whether it belongs to the allowed set.
function deploymentRequest(r) {
  const facts = { team: r.pick(TEAMS), project: r.pick(PROJECTS), environment: r.pick(ENVS), issuer: r.chance(0.7) ? 'team' : 'global' };
  const provider = facts.issuer === 'team' ? `oidc.vercel.com/${facts.team}` : PROVIDERS.global;
  const context = { [`${provider}:sub`]: sub(facts.team, facts.project, facts.environment), [`${provider}:aud`]: `https://vercel.com/${facts.team}` };
  return { provider, action: 'sts:AssumeRoleWithWebIdentity', context, facts };
}

export function randomRequest(r, keysUsed) {
  if (r.chance(0.25)) return deploymentRequest(r);
  const provider = r.weighted([[10, PROVIDERS.team], [4, PROVIDERS.global], [3, PROVIDERS.github], [2, PROVIDERS.other], [1, PROVIDERS.google]]);
  const action = r.weighted([[12, 'sts:AssumeRoleWithWebIdentity'], [1, 'sts:assumerolewithwebidentity'], [1, 'sts:AssumeRole'], [1, 'sts:TagSession']]);
  const context = {};
  // The deployment's own keys, often.
  if (provider.startsWith('oidc.vercel.com') && r.chance(0.5)) {
    const team = provider === PROVIDERS.global ? r.pick(TEAMS) : provider.split('/')[1];
    context[`${provider}:sub`] = sub(team, r.pick(PROJECTS), r.pick(ENVS));
    context[`${provider}:aud`] = `https://vercel.com/${team}`;
  }
  const byKey = new Map();
  for (const u of keysUsed) {
    const k = u.key.toLowerCase();
    if (!byKey.has(k)) byKey.set(k, { key: u.key, family: u.family, values: [] });
    byKey.get(k).values.push(...u.values);
  }
  for (const v of VARIABLE_KEYS) if (!byKey.has(v.toLowerCase())) byKey.set(v.toLowerCase(), { key: v, family: 'string', values: [] });
  for (const { key, family, values } of byKey.values()) {
    const multi = KEY_MULTI.get(key.toLowerCase()) === true;
    const state = r.weighted([[3, 'absent'], [multi ? 1 : 6, 'single'], [multi ? 6 : 1, 'multi']]);
    const fam = family === 'null' ? FAMILIES.string : FAMILIES[family] || FAMILIES[familyOfKey(key)];
    const name = r.chance(0.1) ? randomCase(r, key) : key;
    for (const existing of Object.keys(context)) if (existing.toLowerCase() === key.toLowerCase()) delete context[existing];
    if (state === 'absent') continue;
    if (state === 'single') context[name] = fam.requestValue(r, key, values);
    else {
      const n = r.weighted([[1, 0], [3, 1], [4, 2], [2, 3]]);
      const list = [];
      for (let i = 0; i < n; i++) list.push(fam.requestValue(r, key, values));
      context[name] = list;
    }
  }
  return { provider, action, context };
}

export function randomInputs(seed, policies, requestsPerPolicy) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < policies; i++) {
    const { policy, keysUsed } = randomPolicy(r);
    const requests = [];
    for (let j = 0; j < requestsPerPolicy; j++) requests.push(randomRequest(r, keysUsed));
    out.push({ id: `random/${seed}/${i}`, origin: 'random', policy: JSON.stringify(policy, null, 1), policy_json: JSON.stringify(policy), requests });
  }
  return out;
}
