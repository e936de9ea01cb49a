// SHA-256 (FIPS 180-4), for the fingerprint of an application's canonical form.
#pragma once
#include <string>
#include <string_view>

namespace shenbao {

std::string sha256_hex(std::string_view data);  // 64 lowercase hex digits

}  // namespace shenbao
