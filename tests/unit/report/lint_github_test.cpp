// GitHub Actions workflow commands: GitHub's escaping rules for message data and properties,
// one command per unsuppressed finding, the severity mapped to error/warning/notice.
#include <doctest/doctest.h>

#include "trustlint/report.h"

TEST_SUITE_BEGIN("report");

using namespace trustlint;

TEST_CASE("report::github_escape") {
  CHECK(github_escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d");
  CHECK(github_escape_property("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d");
  CHECK(github_escape_property("%3A") == "%253A");  // escaped once, never twice
  CHECK(github_escape_data("") == "");
}

TEST_CASE("report::render_lint_github") {
  LintReport r;
  r.file = "dir/a,b:c.json";
  Finding f;
  f.rule = "TL101";
  f.name = "other-team";
  f.severity = Severity::error;
  f.message = "team acme* admits 100% of\nacme-evil";
  f.span = {"", 12, 34, 12, 47, 100, 113};
  f.witness = Witness{std::nullopt, std::nullopt, true, "acme-evil/web/production (issuer global) can assume the role"};
  f.fix = "Pin the owner.";
  r.findings.push_back(f);
  Finding note = f;
  note.rule = "TL202";
  note.name = "";
  note.severity = Severity::note;
  note.message = "like";
  note.witness.reset();
  note.fix.clear();
  r.findings.push_back(note);
  Finding hidden = f;
  hidden.suppressed = true;
  r.findings.push_back(hidden);
  r.notes.push_back("security rules not run");
  // A line break inside the message is a value's (escaped visibly, as every format does); the
  // renderer's own breaks between message, example and fix are %0A.
  CHECK(render_lint_github({r}) ==
        "::error file=dir/a%2Cb%3Ac.json,line=12,col=34,endLine=12,endColumn=47,title=TL101 other-team::"
        "team acme* admits 100%25 of\\nacme-evil%0Aexample: acme-evil/web/production (issuer global) can assume the role"
        "%0Afix: Pin the owner.\n"
        "::notice file=dir/a%2Cb%3Ac.json,line=12,col=34,endLine=12,endColumn=47,title=TL202::like\n"
        "::notice file=dir/a%2Cb%3Ac.json,title=trustlint::security rules not run\n");
}

TEST_SUITE_END();
