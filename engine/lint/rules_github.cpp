// TL410–TL412, TL106 and TL107 for every provider described as data (rules/providers/github.yaml today): an Allow
// for the provider without a positive condition on its subject claim (or a claim that pins the
// owner instead), and wildcards in the subject's segments, checked on every value of an OR-list,
// in Allows and in the negated conditions of Denies. What each wildcard means and which rule it
// gets come from the profile; a subject written for a custom template whose first key names no
// owner (environment:prod) is TL106; an owner pinned only by the called workflow (job_workflow_ref)
// is TL107; a witness token of another tenant is replayed on the whole policy.
#include <algorithm>

#include "condition/text.h"
#include "eval/principal_match.h"
#include "lint/lint_context.h"
#include "lint/rules_plain.h"
#include "provider/federation_profiles.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

bool is_wild(char c) { return c == '*' || c == '?'; }

struct Piece {
  bool segment = false;
  std::string text;  // literal text, or the segment's name
  std::size_t index = 0;  // segment index
};

std::vector<Piece> pieces_of(const FederationProfile& p) {
  std::vector<Piece> out;
  const std::string& t = p.subject_template;
  std::size_t seg = 0;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '{') {
      const auto close = t.find('}', i);
      out.push_back(Piece{true, t.substr(i + 1, close - i - 1), seg++});
      i = close + 1;
    } else {
      const auto next = t.find('{', i);
      out.push_back(Piece{false, t.substr(i, next - i), 0});
      i = next == std::string::npos ? t.size() : next;
    }
  }
  return out;
}

// The template from piece `from` (its character `offset` on) with each segment's example.
std::string fill_from(const FederationProfile& p, const std::vector<Piece>& pieces, std::size_t from, std::size_t offset) {
  std::string out;
  for (std::size_t j = from; j < pieces.size(); ++j) {
    if (pieces[j].segment) out += p.segments[pieces[j].index].example;
    else out += pieces[j].text.substr(j == from ? offset : 0);
  }
  return out;
}

std::string instance_of(const std::string& glob) {
  std::string out;
  for (char c : glob) {
    if (c != '*') out += c == '?' ? 'x' : c;
  }
  return out;
}

struct WildcardAt {
  std::size_t segment = 0;  // index into profile.segments
  std::string witness;      // a subject of another tenant that the value matches (best effort)
};

// Where the value's first wildcard falls, read against the template, and a subject it admits.
// nullopt when the value has no wildcard or does not follow the template.
std::optional<WildcardAt> first_wildcard(const FederationProfile& p, const std::string& v) {
  const auto pieces = pieces_of(p);
  std::size_t i = 0;
  for (std::size_t j = 0; j < pieces.size(); ++j) {
    const Piece& piece = pieces[j];
    if (!piece.segment) {
      for (std::size_t k = 0; k < piece.text.size(); ++k, ++i) {
        if (i >= v.size()) return std::nullopt;
        if (is_wild(v[i])) {
          // The wildcard stands for the rest of this literal and the next segment on.
          const std::size_t seg = j + 1 < pieces.size() ? pieces[j + 1].index : p.segments.size() - 1;
          std::string w = v.substr(0, i);
          w += v[i] == '*' && i + 1 == v.size() ? fill_from(p, pieces, j, k) : instance_of(v.substr(i));
          return WildcardAt{seg, w};
        }
        if (v[i] != piece.text[k]) return std::nullopt;
      }
      continue;
    }
    const SubjectSegment& s = p.segments[piece.index];
    const std::size_t start = i;
    for (; i < v.size() && (s.ends_before.empty() || s.ends_before.find(v[i]) == std::string::npos); ++i) {
      if (!is_wild(v[i])) continue;
      std::string w = v.substr(0, i);
      const bool at_start = i == start;
      if (v[i] == '?') {
        w += 'x' + instance_of(v.substr(i + 1));
      } else {
        w += at_start ? s.example : "-evil";
        w += i + 1 == v.size() ? fill_from(p, pieces, j + 1, 0) : instance_of(v.substr(i + 1));
      }
      return WildcardAt{piece.index, w};
    }
    // An immutable identity suffix (OWNER@ID): skipped up to the next literal.
    if (i < v.size() && v[i] == '@' && j + 1 < pieces.size() && !pieces[j + 1].segment) {
      const auto next = v.find(pieces[j + 1].text.front(), i);
      i = next == std::string::npos ? v.size() : next;
    }
  }
  return std::nullopt;
}

// Positive conditions on pin claims whose values all give the first segment literally: `owner`
// when one pins the caller's owner (repository, repository_owner_id, ...), `callee` (the first)
// when one pins only the called workflow's owner (job_workflow_ref).
struct OwnerPins {
  bool owner = false;
  const Condition* callee = nullptr;
};

OwnerPins owner_pins(const FederationProfile& p, const Statement& st, const std::string& provider) {
  OwnerPins out;
  for (const auto& c : st.conditions) {
    const auto k = key_parts(c.key);
    if (!k || !same_provider(k->provider, provider) || !positive_string(c) || c.values.empty()) continue;
    for (const auto& pin : p.pins) {
      if (k->claim != fold_key(pin.claim)) continue;
      const bool literal = std::all_of(c.values.begin(), c.values.end(), [&](const ConditionValue& v) {
        const std::string head = pin.first_segment_end.empty() ? v.text : v.text.substr(0, v.text.find(pin.first_segment_end));
        return !head.empty() && head.find_first_of("*?") == std::string::npos &&
               (pin.first_segment_end.empty() || v.text.find(pin.first_segment_end) != std::string::npos);
      });
      if (!literal) continue;
      if (!pin.callee) out.owner = true;
      else if (out.callee == nullptr) out.callee = &c;
    }
  }
  return out;
}

struct SubjectCondition {
  const Statement* statement;
  const Condition* condition;
};

// Conditions that restrict the subject for `provider`: positive ones in the Allow, negated ones
// in a Deny that applies to the provider's tokens.
std::vector<SubjectCondition> subject_conditions(const Document& doc, const Statement& allow, const FederationProfile& p,
                                                 const std::string& provider) {
  std::vector<SubjectCondition> out;
  const auto is_subject = [&](const Condition& c) {
    const auto k = key_parts(c.key);
    return k && same_provider(k->provider, provider) && k->claim == fold_key(p.subject_claim);
  };
  for (const auto& c : allow.conditions) {
    if (is_subject(c) && positive_string(c)) out.push_back({&allow, &c});
  }
  for (const auto& st : doc.statements) {
    if (st.effect != Effect::deny || !match_principal(st.principal, provider).matched) continue;
    for (const auto& c : st.conditions) {
      if (is_subject(c) && c.op.is_string_family() && c.op.negated && !c.op.if_exists) out.push_back({&st, &c});
    }
  }
  return out;
}

std::string token_of(const FederationProfile& p, const std::string& sub) {
  return "a " + p.display_name + " token with " + p.subject_claim + " " + sub;
}

// The first field of a subject value written for a custom template that names no owner
// ("environment" of environment:prod), or nullopt: anchored (repo:, repository_owner:, ...), a
// wildcard in the first field (TL411's), or a first field no template key renders.
std::optional<std::string> unanchored_template_key(const FederationProfile& p, const Condition& c, const std::string& v) {
  const CustomTemplate& t = p.custom_template;
  const auto colon = v.find(':');
  if (t.rule.empty() || colon == std::string::npos || colon == 0) return std::nullopt;
  std::string key = v.substr(0, colon);
  if (c.op.kind == MatchKind::string_equals_ignore_case) key = ascii_lowercase(key);  // IAM folds ASCII
  if (key.find_first_not_of(t.key_characters) != std::string::npos) return std::nullopt;
  if (std::find(t.anchored_by.begin(), t.anchored_by.end(), key) != t.anchored_by.end()) return std::nullopt;
  return key;
}

// A subject another tenant's token carries when its template renders `v`: wildcards filled in.
std::string template_instance(const std::string& v) {
  std::string out;
  for (char c : v) out += is_wild(c) ? 'x' : c;
  return out;
}

// TL106: a subject value of a custom template that any tenant can choose.
void check_custom_template(PlainContext& ctx, const FederationProfile& p, const Statement& st, const FederatedEntry& e,
                           const SubjectCondition& sc, const std::string& scope) {
  const Condition& c = *sc.condition;
  for (std::size_t i = 0; i < c.values.size(); ++i) {
    const auto key = unanchored_template_key(p, c, c.values[i].text);
    if (!key) continue;
    std::string means = p.custom_template.means;
    if (const auto at = means.find("{key}"); at != std::string::npos) means.replace(at, 5, *key);
    Finding f = ctx.make(p.custom_template.rule,
                         p.subject_claim + " " + c.values[i].text + " is written for a custom subject template whose first key, " +
                             *key + ", names no owner: " + means + scope,
                         c.values[i].span, value_pointer(ctx.document, *sc.statement, c, i));
    std::string anchors;
    for (const auto& a : p.custom_template.anchored_by) anchors += (anchors.empty() ? "" : ", ") + a + ":";
    f.notes.push_back("a repository or organisation chooses the keys of its own subject template (OIDC customization of " +
                      p.display_name + ") and the issuer only fills in the values, so only a subject that begins with " +
                      anchors + " is tied to one owner");
    if (sc.statement->effect == Effect::deny) {
      f.notes.push_back("in Deny " + sc.statement->label() + ", " + c.op_text +
                        " refuses only the subjects it does not match, so this value decides who gets in");
    }
    const std::string sub = template_instance(c.values[i].text);
    Request r = request_for(st, e);
    r.set(e.provider + ":" + p.subject_claim, sub);
    attach_request_witness(ctx, f, r, true, token_of(p, sub) + " (another owner's template)");
    ctx.add(std::move(f));
  }
}

// TL107: the owner is pinned only by a claim that names the called workflow (job_workflow_ref).
// The witness is a token of another owner's repository that calls that workflow.
void check_callee_only(PlainContext& ctx, const FederationProfile& p, const Statement& st, const FederatedEntry& e,
                       const Condition& c, const std::string& scope) {
  const std::string& value = c.values.front().text;
  const std::string workflow_repo = value.substr(0, value.find('/', value.find('/') + 1));
  Finding f = ctx.make(p.callee_rule,
                       "the owner is pinned only by " + c.key + " " + value +
                           ", which names the called workflow, not the caller: if " + workflow_repo + " is public, " +
                           p.callee_means + scope,
                       c.values.front().span, value_pointer(ctx.document, st, c, 0));
  f.notes.push_back(c.key + " is OWNER/REPO/.github/workflows/FILE@REF of the reusable workflow the job runs; "
                    "IAM's write-time control accepts it in place of sub, but whether GitHub limits who can call a "
                    "public workflow is unverified, so trustlint takes the safe reading");
  const auto& owner = p.segments.front();
  const std::string sub = fill_from(p, pieces_of(p), 0, 0);
  Request r = request_for(st, e);
  r.set(e.provider + ":" + p.subject_claim, sub);
  attach_request_witness(ctx, f, r, true,
                         "a workflow of " + owner.example + "/" + (p.segments.size() > 1 ? p.segments[1].example : "") +
                             " that calls " + value);
  ctx.add(std::move(f));
}

void check_entry(PlainContext& ctx, const FederationProfile& p, const Statement& st, const FederatedEntry& e,
                 const std::string& mode, const std::string& tenant) {
  const auto subjects = subject_conditions(ctx.document, st, p, e.provider);
  const OwnerPins pins = owner_pins(p, st, e.provider);
  const bool pinned = pins.owner;  // a callee pin alone leaves the caller's owner open
  const std::string scope = mode == "enterprise" ? " of enterprise " + tenant : "";
  if (subjects.empty() && !pinned && pins.callee != nullptr) {
    check_callee_only(ctx, p, st, e, *pins.callee, scope);
    return;
  }
  if (subjects.empty() && !pinned) {
    std::string means = p.missing_means;
    if (const auto at = means.find("{scope}"); at != std::string::npos) means.replace(at, 7, scope);
    Finding f = ctx.make(p.missing_rule, "no condition on " + e.provider + ":" + p.subject_claim + ": " + means,
                         e.entry->value.span, principal_pointer(ctx.document, st, e.entry));
    f.notes.push_back("the " + p.display_name + " issuer " + e.provider + " is shared by " +
                      (mode == "enterprise" ? "every repository of the enterprise" : "every " + p.display_name + " user") +
                      "; only " + p.subject_claim + " (or a claim that pins the owner) tells them apart; aud is chosen by the workflow");
    if (!p.fix_value.empty()) f.fix = "Add StringEquals " + e.provider + ":" + p.subject_claim + " = " + p.fix_value + ".";
    const std::string sub = fill_from(p, pieces_of(p), 0, 0);
    Request r = request_for(st, e);
    r.set(e.provider + ":" + p.subject_claim, sub);
    attach_request_witness(ctx, f, r, true, token_of(p, sub));
    ctx.add(std::move(f));
    return;
  }
  for (const auto& sc : subjects) {
    const Condition& c = *sc.condition;
    if (!pinned) check_custom_template(ctx, p, st, e, sc, scope);
    if (c.op.kind != MatchKind::string_like) continue;  // StringEquals compares '*' literally (TL201)
    for (std::size_t i = 0; i < c.values.size(); ++i) {
      const auto at = first_wildcard(p, c.values[i].text);
      if (!at) continue;
      const SubjectSegment& seg = p.segments[at->segment];
      if (seg.wildcard_rule.empty() || (pinned && at->segment == 0)) continue;
      Finding f = ctx.make(seg.wildcard_rule,
                           "the " + seg.name + " segment of " + p.subject_claim + " " + c.values[i].text +
                               " is a wildcard: " + seg.wildcard_means + scope,
                           c.values[i].span, value_pointer(ctx.document, *sc.statement, c, i));
      if (sc.statement->effect == Effect::deny) {
        f.notes.push_back("in Deny " + sc.statement->label() + ", " + c.op_text +
                          " refuses only the subjects it does not match, so its wildcard decides who gets in");
      }
      if (c.values.size() > 1) {
        f.notes.push_back("an OR-list admits what its loosest value admits; IAM's write-time check and checkov read only the first value");
      }
      Request r = request_for(st, e);
      r.set(e.provider + ":" + p.subject_claim, at->witness);
      attach_request_witness(ctx, f, r, true, token_of(p, at->witness));
      ctx.add(std::move(f));
    }
  }
}

}  // namespace

void check_profiled_oidc(PlainContext& ctx) {
  for (const auto& p : federation_profiles()) {
    for (const auto& st : ctx.document.statements) {
      if (st.effect != Effect::allow || !match_action(st.action, "sts:AssumeRoleWithWebIdentity")) continue;
      for (const auto& e : federated_entries(st)) {
        std::string tenant;
        const auto mode = e.kind == FederatedKind::oidc ? p.mode_of(e.provider, &tenant) : std::nullopt;
        if (mode) check_entry(ctx, p, st, e, *mode, tenant);
      }
    }
  }
}

}  // namespace trustlint::internal
