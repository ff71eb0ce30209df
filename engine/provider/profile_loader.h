// Parses a provider profile (rules/providers/*.yaml) into a ProviderProfile, from its YAML text
// or from the tree generated from it at build time (what vercel_profile() reads). This file and
// its .cpp are the adapter where yaml-cpp's exceptions stop. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "source/node.h"
#include "trustlint/provider.h"
#include "trustlint/result.h"

namespace trustlint::internal {

Result<ProviderProfile> parse_provider_profile(std::string_view yaml_text, const std::string& name);
Result<ProviderProfile> provider_profile_from_tree(const Node& root, const std::string& name);

}  // namespace trustlint::internal
