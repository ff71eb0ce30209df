// The process-wide automata and decompositions (prove/shared_automata.h) change no answer: every
// fixture and some generated policies linted with the shared results emptied first (each file
// builds its own, as before) and then with them filled, in one thread and from several threads
// at once, give the same JSON report; with tight work limits too, where the replayed work decides
// whether TL095 stops the proof, and where.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "prove/claim_decomposition.h"
#include "prove/shared_automata.h"
#include "trustlint/query.h"
#include "trustlint/report.h"
#include "trustlint/trustlint.h"

namespace {

using namespace trustlint;
using internal::SharedAutomata;
using internal::SharedResults;

struct Case {
  std::string name, text;
  std::size_t max_states = 0;  // 0: the default limit
};

void empty_shared_results() {
  SharedAutomata::instance().clear();
  SharedResults<std::vector<internal::GlobProduct>>::instance().clear();
}

std::string lint_json(const Case& c) {
  LintOptions options;
  if (c.max_states != 0) options.limits.max_automaton_states = c.max_states;
  const auto reports = lint_input(Input::from_text(c.text, c.name), options);
  return render_lint_json(reports, "error", 0);
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const char* dir : {"good", "risky"}) {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(TRUSTLINT_SOURCE_DIR) / "fixtures" / dir)) {
      const std::string ext = e.path().extension().string();
      if (ext == ".json" || ext == ".yaml") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back({std::string(dir) + "/" + p.filename().string(), text.str()});
    }
  }
  // A policy whose proof is large enough that the limits below stop it at different points.
  const std::string wide = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.vercel.com/acme"},
     "Action": "sts:AssumeRoleWithWebIdentity",
     "Condition": {"StringEquals": {"oidc.vercel.com/acme:aud": "https://vercel.com/acme"},
                   "StringLike": {"oidc.vercel.com/acme:sub": ["owner:acme:project:*web*:environment:pr*", "owner:acme:project:a*p?i*:environment:*"]}}},
    {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity",
     "Condition": {"StringLike": {"oidc.vercel.com/acme:sub": "owner:acme:project:*-x*:environment:*view"}}}]})";
  for (std::size_t limit : {20, 60, 150, 400, 1000, 5000}) out.push_back({"wide.json", wide, limit});
  for (std::size_t limit : {30, 300}) {
    for (const auto& c : std::vector<Case>(out.begin(), out.begin() + 4)) out.push_back({c.name, c.text, limit});
  }
  return out;
}

}  // namespace

TEST_CASE("replay_work spends what the work cost, and refuses what would run the budget out") {
  internal::StateBudget b;
  b.max_states = 10;  // total 500 units
  b.charge(100);
  const std::size_t before = internal::work_steps(b);
  CHECK(internal::replay_work(b, 1000));
  CHECK(internal::work_steps(b) == before + 1000);
  CHECK_FALSE(b.exceeded);
  // 500 units in all: a cost that ends past them is not replayed, and nothing is spent.
  const std::size_t left = 500 * internal::StateBudget::kStepsPerUnit - internal::work_steps(b);
  CHECK_FALSE(internal::replay_work(b, left + internal::StateBudget::kStepsPerUnit));
  CHECK(internal::work_steps(b) == before + 1000);
  CHECK(internal::replay_work(b, left));  // ends exactly at the total: within it
  CHECK_FALSE(b.exceeded);
  b.exceeded = true;
  CHECK_FALSE(internal::replay_work(b, 0));  // a budget that ran out replays nothing
}

TEST_CASE("shared automata: the same reports without them, with them, and from several threads at once") {
  const auto all = cases();
  REQUIRE(all.size() > 20);
  // Reference: every file with the shared results emptied first, so it builds everything itself.
  std::vector<std::string> cold;
  for (const auto& c : all) {
    empty_shared_results();
    cold.push_back(lint_json(c));
  }
  bool any_tl095 = false, any_finding = false;
  for (const auto& r : cold) {
    any_tl095 = any_tl095 || r.find("TL095") != std::string::npos;
    any_finding = any_finding || r.find("\"TL2") != std::string::npos;
  }
  CHECK(any_tl095);    // the tight limits stop some proofs: the replay decides where
  CHECK(any_finding);  // and the others reach the security rules
  // One thread, everything filled in by the files before.
  empty_shared_results();
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(all[i].name);
    CAPTURE(all[i].max_states);
    CHECK(lint_json(all[i]) == cold[i]);
  }
  CHECK(SharedAutomata::instance().size() > 0);
  // Several threads at once, each through every case in its own order, twice, from empty.
  empty_shared_results();
  constexpr std::size_t kThreads = 4;
  constexpr std::size_t kRounds = 2;
  const std::size_t n = all.size();
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(kRounds * n));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t round = 0; round < kRounds; ++round) {
        for (std::size_t k = 0; k < n; ++k) {
          const std::size_t i = (k + t * 7 + round * 3) % n;  // each thread starts elsewhere
          got[t][round * n + i] = lint_json(all[i]);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < kThreads; ++t) {
    for (std::size_t j = 0; j < kRounds * n; ++j) {
      CAPTURE(t);
      CAPTURE(all[j % n].name);
      CAPTURE(all[j % n].max_states);
      CHECK(got[t][j] == cold[j % n]);
    }
  }
}
