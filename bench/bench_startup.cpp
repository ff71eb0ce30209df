// Start-up: whole `trustlint` processes (spawn, load, lint one small file, exit) per iteration,
// beside /bin/true for the cost of a process on this machine. What a pre-commit hook pays per run.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace {

const std::string kTrustlint = std::string(TRUSTLINT_BINARY_DIR) + "/cli/trustlint";
const std::string kFixture = std::string(TRUSTLINT_SOURCE_DIR) + "/fixtures/good/vercel-docs-preview-production.json";

// Runs argv with stdout and stderr to /dev/null; the exit code, or -1.
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

void bm_process(benchmark::State& state, std::vector<std::string> args) {
  for (auto _ : state) {
    const int code = run(args);
    if (code < 0 || code >= 2) {
      state.SkipWithError(("exit code " + std::to_string(code)).c_str());
      return;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::RegisterBenchmark("startup/bin_true", bm_process, std::vector<std::string>{"/bin/true"})
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("startup/trustlint_version", bm_process,
                               std::vector<std::string>{kTrustlint, "--version"})
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("startup/trustlint_lint_one_file", bm_process,
                               std::vector<std::string>{kTrustlint, "lint", kFixture})
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
