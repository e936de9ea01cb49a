// The printable 申报书: one self-contained HTML file (inline CSS, no script, no external
// resource) laid out like the official form of 附件3, for A4 and double-sided printing:
// the cover, the 申报说明, then the body (from page 3, an odd page) as ruled tables,
// the unit's opinion with places to sign and stamp last. Every page's footer carries the
// page number and the 12-digit fingerprint that ties the paper to the electronic copy.
#pragma once
#include <string>
#include <string_view>

#include "application.h"
#include "programme.h"

namespace shenbao {

std::string print_html(const Programme& programme, const Application& app, const std::string& fingerprint);

// Text a person typed, as HTML: markup characters escaped, line breaks as <br>, and
// characters that would act invisibly (controls, NUL, direction overrides such as
// U+202E) shown as visible markers instead. Never drops a character.
std::string html_text(std::string_view text);
// The same for places that hold text only, not markup (<title>, attributes): markup
// characters escaped, line breaks as spaces, invisible characters written as their code
// (U+202E) in plain text.
std::string html_plain_text(std::string_view text);

// A file name from the unit, the project name and the date, safe on Windows, macOS and
// Linux: no reserved characters or names, no trailing dots or spaces, at most 80 characters
// before the extension.
std::string safe_file_name(const std::string& unit, const std::string& project, const std::string& date,
                           const std::string& extension);

}  // namespace shenbao
