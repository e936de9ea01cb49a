// UTF-8 helpers shared by the core and the UI. All functions accept any bytes: invalid
// sequences are treated as U+FFFD and never read past the end.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shenbao {

// Decodes the code point at text[i] and advances i past it.
char32_t next_code_point(std::string_view text, size_t& i);
std::vector<char32_t> code_points(std::string_view text);
size_t char_count(std::string_view text);  // code points, as a person counts characters
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view text);
std::string trim(std::string_view text);  // ASCII and ideographic (U+3000) spaces
bool contains(std::string_view haystack, std::string_view needle);
// The text shortened to fit `max_width` by cutting its middle: the start and the end
// stay, joined by "…", so that a name and its "（副本）" still look different. Cuts only
// between characters. `measure` gives the width of a piece of text in the caller's units.
std::string elide_middle(std::string_view text, float max_width, const std::function<float(std::string_view)>& measure);
// Full-width digits and punctuation (０-９ － （ ） ． ，) folded to ASCII; the rest unchanged.
std::string fold_width(std::string_view text);
// Bytes as base64 (RFC 4648, with padding), and back: nothing for anything that is not
// (a character outside the alphabet, a wrong length or padding); line breaks are not allowed.
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);
// A size in bytes for people: 512 字节, 12 KB, 3.4 MB (1024-based, one decimal from 1 MB).
std::string size_text(unsigned long long bytes);

}  // namespace shenbao
