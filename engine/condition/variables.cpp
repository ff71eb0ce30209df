// Policy variables: parsing ${…} in condition values and resolving them against a request.
#include "condition/variables.h"

#include "source/diagnostic_sink.h"

namespace trustlint::internal {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void append_text(ValueTemplate& out, std::string_view text) {
  if (text.empty()) return;
  if (out.parts.empty() || out.parts.back().kind != TemplatePart::Kind::text) out.parts.push_back({});
  out.parts.back().text += text;
}

void append_glob_text(GlobPieces& pieces, std::string_view text, bool wildcards) {
  for (char c : text) {
    if (wildcards && (c == '*' || c == '?')) {
      pieces.push_back({c == '*' ? GlobPiece::Kind::star : GlobPiece::Kind::any_char, {}});
      continue;
    }
    if (pieces.empty() || pieces.back().kind != GlobPiece::Kind::literal) pieces.push_back({});
    pieces.back().text += c;
  }
}

}  // namespace

bool ValueTemplate::has_variables() const {
  for (const TemplatePart& p : parts) {
    if (p.kind == TemplatePart::Kind::variable) return true;
  }
  return false;
}

ValueTemplate ValueTemplate::plain(std::string_view text) {
  ValueTemplate t;
  append_text(t, text);
  return t;
}

bool parse_policy_variables(std::string_view text, ValueTemplate& out, std::string& error) {
  out.parts.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("${", i);
    if (open == std::string_view::npos) {
      append_text(out, text.substr(i));
      break;
    }
    append_text(out, text.substr(i, open - i));
    const std::size_t body = open + 2;
    const std::size_t close = text.find('}', body);
    const std::size_t comma = text.find(',', body);
    if (close == std::string_view::npos) {
      error = "policy variable " + internal::quote(text.substr(open)) + " is missing its closing brace";
      return false;
    }
    TemplatePart part;
    part.kind = TemplatePart::Kind::variable;
    std::size_t end = close;  // index of the closing brace
    if (comma != std::string_view::npos && comma < close) {
      // ${key, 'fallback'}: the fallback is single-quoted and may contain '}' or ','.
      std::size_t q = comma + 1;
      while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
      if (q >= text.size() || text[q] != '\'') {
        error = "the default value of policy variable " + internal::quote(text.substr(open, close + 1 - open)) +
                " must be in single quotes, e.g. ${key, 'value'}";
        return false;
      }
      const std::size_t q_end = text.find('\'', q + 1);
      if (q_end == std::string_view::npos) {
        error = "the default value of policy variable " + internal::quote(text.substr(open)) + " has no closing quote";
        return false;
      }
      std::size_t after = q_end + 1;
      while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
      if (after >= text.size() || text[after] != '}') {
        error = "policy variable " + internal::quote(text.substr(open)) +
                " must end with '}' right after its quoted default value";
        return false;
      }
      part.has_fallback = true;
      part.fallback = std::string(text.substr(q + 1, q_end - q - 1));
      part.text = std::string(trim(text.substr(body, comma - body)));
      end = after;
    } else {
      part.text = std::string(trim(text.substr(body, close - body)));
    }
    const std::string written(text.substr(open, end + 1 - open));
    if (part.text.empty()) {
      error = "policy variable " + internal::quote(written) + " is empty";
      return false;
    }
    if (part.text.find('{') != std::string::npos || part.text.find('$') != std::string::npos) {
      if (!(part.text == "$" && !part.has_fallback)) {
        error = "policy variable " + internal::quote(written) + " has a '$' or '{' in its key name";
        return false;
      }
    }
    if (!part.has_fallback && part.text.size() == 1 &&
        (part.text == "*" || part.text == "?" || part.text == "$")) {
      part.kind = TemplatePart::Kind::escape;
    }
    out.parts.push_back(std::move(part));
    i = end + 1;
  }
  return true;
}

bool resolve_template(const ValueTemplate& value, const Request& request, std::vector<ResolvedSegment>& out) {
  out.clear();
  for (const TemplatePart& p : value.parts) {
    switch (p.kind) {
      case TemplatePart::Kind::text: out.push_back({p.text, true, false}); break;
      case TemplatePart::Kind::escape: out.push_back({p.text, false, false}); break;
      case TemplatePart::Kind::variable: {
        const ContextEntry* e = request.find(p.text);
        if (e && !e->multi_valued && e->values.size() == 1) {
          out.push_back({e->values.front(), false, true});
        } else if (p.has_fallback) {
          out.push_back({p.fallback, false, true});
        } else {
          return false;
        }
        break;
      }
    }
  }
  return true;
}

std::string static_text(const ValueTemplate& value) {
  std::string out;
  for (const TemplatePart& p : value.parts) out += p.text;
  return out;
}

GlobPieces static_glob(const ValueTemplate& value) {
  GlobPieces pieces;
  for (const TemplatePart& p : value.parts) append_glob_text(pieces, p.text, p.kind == TemplatePart::Kind::text);
  return pieces;
}

std::string joined_text(const std::vector<ResolvedSegment>& segments) {
  std::string out;
  for (const ResolvedSegment& s : segments) out += s.text;
  return out;
}

GlobPieces joined_glob(const std::vector<ResolvedSegment>& segments, bool& substituted_wildcard) {
  GlobPieces pieces;
  for (const ResolvedSegment& s : segments) {
    if (s.substituted && s.text.find_first_of("*?") != std::string_view::npos) substituted_wildcard = true;
    append_glob_text(pieces, s.text, s.policy_text);
  }
  return pieces;
}

}  // namespace trustlint::internal
