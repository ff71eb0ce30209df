// Parses a provider profile (rules/providers/*.yaml) into a ProviderProfile. This file and its
// .cpp are the adapter where yaml-cpp's exceptions stop. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "trustlint/provider.h"
#include "trustlint/result.h"

namespace trustlint::internal {

Result<ProviderProfile> parse_provider_profile(std::string_view yaml_text, const std::string& name);

}  // namespace trustlint::internal
