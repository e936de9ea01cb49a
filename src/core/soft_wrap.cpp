#include "soft_wrap.h"

#include <algorithm>

#include "text.h"

namespace shenbao {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The bytes of the character that starts at `at`.
size_t char_at(std::string_view text, size_t at) {
    size_t end = at;
    next_code_point(text, end);
    return end - at;
}

// Where the character that ends at `at` starts.
size_t char_before(std::string_view text, size_t at) {
    size_t start = at - 1;
    while (start > 0 && at - start < 4 && is_continuation(static_cast<unsigned char>(text[start]))) --start;
    return start;
}

// True when shown[i] is part of a soft break: its '\r', or the '\n' after one.
bool in_soft_break(std::string_view shown, size_t i) {
    return shown[i] == '\r' || (shown[i] == '\n' && i > 0 && shown[i - 1] == '\r');
}

// True when shown[from, from + length) holds only parts of soft breaks.
bool only_soft_breaks(std::string_view shown, size_t from, size_t length) {
    for (size_t i = from; i < from + length; ++i)
        if (!in_soft_break(shown, i)) return false;
    return true;
}

// The text with every '\r' (and the '\n' right after one) replaced by `with`.
std::string replace_carriage_returns(std::string_view text, std::string_view with) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
            continue;
        }
        out += with;
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}

bool no_row_start(char32_t c) {
    switch (c) {
        case U'。':
        case U'，':
        case U'、':
        case U'；':
        case U'：':
        case U'？':
        case U'！':
        case U'）':
        case U'」':
        case U'』':
        case U'】':
        case U'》':
        case U'〉':
        case U'”':
        case U'’':
        case U'…':
        case U'·':
        case U'％':
        case U'.':
        case U',':
        case U';':
        case U':':
        case U'?':
        case U'!':
        case U')':
        case U']':
        case U'%': return true;
        default: return false;
    }
}

bool no_row_end(char32_t c) {
    switch (c) {
        case U'（':
        case U'「':
        case U'『':
        case U'【':
        case U'《':
        case U'〈':
        case U'“':
        case U'‘':
        case U'(':
        case U'[': return true;
        default: return false;
    }
}

char32_t code_point_at(std::string_view text, size_t at) {
    size_t i = at;
    return next_code_point(text, i);
}

}  // namespace

size_t kinsoku_break(std::string_view line, size_t at) {
    if (at == 0 || at >= line.size()) return at;
    size_t brk = at;
    // Closing punctuation would start the next row: the character before it goes with it
    // (twice at most, for "。」").
    for (int i = 0; i < 2 && brk > 0 && brk < line.size() && no_row_start(code_point_at(line, brk)); ++i)
        brk = char_before(line, brk);
    // Opening punctuation would end this row: it goes to the next.
    while (brk > 0 && no_row_end(code_point_at(line, char_before(line, brk)))) brk = char_before(line, brk);
    return brk > 0 ? brk : at;
}

std::string normalise_breaks(std::string_view text) { return replace_carriage_returns(text, "\n"); }

std::string soft_wrap(std::string_view text, const RowFit& fit) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    size_t line_start = 0;
    for (;;) {
        const size_t line_end = std::min(text.find('\n', line_start), text.size());
        std::string_view rest = text.substr(line_start, line_end - line_start);
        while (!rest.empty()) {
            size_t n = std::min(fit(rest), rest.size());
            if (n == 0) n = char_at(rest, 0);
            while (n < rest.size() && is_continuation(static_cast<unsigned char>(rest[n]))) ++n;  // whole characters
            out += rest.substr(0, n);
            if (n >= rest.size()) break;
            out += "\r\n";
            rest.remove_prefix(n);
        }
        if (line_end >= text.size()) break;
        out += '\n';
        line_start = line_end + 1;
    }
    return out;
}

std::string soft_unwrap(std::string_view shown) { return replace_carriage_returns(shown, ""); }

size_t kept_position(std::string_view shown, size_t shown_pos) {
    size_t kept = 0;
    for (size_t i = 0; i < std::min(shown_pos, shown.size()); ++i) {
        if (!in_soft_break(shown, i)) ++kept;
    }
    return kept;
}

size_t shown_position(std::string_view shown, size_t kept_pos) {
    size_t i = 0, kept = 0;
    while (i < shown.size()) {
        if (shown[i] == '\r') {
            i += (i + 1 < shown.size() && shown[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (kept == kept_pos) return i;
        ++kept;
        ++i;
    }
    return i;
}

size_t caret_outside_soft_break(std::string_view shown, size_t pos, bool forward) {
    const bool inside = pos > 0 && pos < shown.size() && shown[pos - 1] == '\r' && shown[pos] == '\n';
    return inside ? (forward ? pos + 1 : pos - 1) : pos;
}

SoftEdit soft_edit(std::string_view before, std::string_view after, size_t cursor, bool backspace, const RowFit& fit) {
    size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    const size_t removed = before.size() - prefix - suffix;
    const size_t inserted = after.size() - prefix - suffix;

    std::string kept;
    size_t at;
    if (inserted == 0 && removed > 0 && only_soft_breaks(before, prefix, removed)) {
        kept = soft_unwrap(before);
        at = kept_position(before, prefix);
        if (backspace && at > 0) {
            const size_t start = char_before(kept, at);
            kept.erase(start, at - start);
            at = start;
        } else if (!backspace && at < kept.size()) {
            kept.erase(at, char_at(kept, at));
        }
    } else {
        kept = soft_unwrap(after);
        at = kept_position(after, cursor);
    }
    SoftEdit out;
    out.shown = soft_wrap(kept, fit);
    out.cursor = shown_position(out.shown, std::min(at, kept.size()));
    return out;
}

}  // namespace shenbao
