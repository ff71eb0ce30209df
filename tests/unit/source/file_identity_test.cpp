// file_identity(): the one test of file identity (Terraform module siblings, lint's files read
// through a role): relative, absolute, dotted and symbolically linked spellings of one file agree.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "trustlint/sources.h"

namespace fs = std::filesystem;

TEST_CASE("source::file_identity gives every spelling of one file one key") {
  const fs::path dir = fs::temp_directory_path() / "trustlint-file-identity-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "main.tf") << "# x\n";
  std::ofstream(dir / "other.tf") << "# y\n";
  std::error_code ec;
  fs::create_symlink(dir / "main.tf", dir / "link.tf", ec);
  const std::string key = trustlint::file_identity((dir / "main.tf").string());
  CHECK(trustlint::file_identity((dir / "." / "main.tf").string()) == key);
  CHECK(trustlint::file_identity((dir / "sub" / ".." / "main.tf").string()) == key);
  if (!ec) CHECK(trustlint::file_identity((dir / "link.tf").string()) == key);
  CHECK(trustlint::file_identity((dir / "other.tf").string()) != key);
  const fs::path cwd = fs::current_path();
  fs::current_path(dir);
  CHECK(trustlint::file_identity("main.tf") == key);
  CHECK(trustlint::file_identity("./sub/../main.tf") == key);
  fs::current_path(cwd);
  // A file that does not exist still has one key per spelling; stdin is its own.
  CHECK(trustlint::file_identity((dir / "gone" / ".." / "none.tf").string()) ==
        trustlint::file_identity((dir / "none.tf").string()));
  CHECK(trustlint::file_identity("-") == "-");
  fs::remove_all(dir);
}
