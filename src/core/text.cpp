#include "text.h"

#include <cstring>

namespace shenbao {

char32_t next_code_point(std::string_view s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    auto cont = [&](size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    if (c < 0x80) {
        ++i;
        return c;
    }
    if ((c >> 5) == 0x6 && cont(1)) {
        char32_t cp = ((c & 0x1F) << 6) | byte(1);
        if (cp >= 0x80) {
            i += 2;
            return cp;
        }
    } else if ((c >> 4) == 0xE && cont(1) && cont(2)) {
        char32_t cp = ((c & 0x0F) << 12) | (byte(1) << 6) | byte(2);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            i += 3;
            return cp;
        }
    } else if ((c >> 3) == 0x1E && cont(1) && cont(2) && cont(3)) {
        char32_t cp = ((c & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            i += 4;
            return cp;
        }
    }
    ++i;
    return 0xFFFD;
}

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < text.size();) out.push_back(next_code_point(text, i));
    return out;
}

size_t char_count(std::string_view text) {
    size_t n = 0;
    for (size_t i = 0; i < text.size(); ++n) next_code_point(text, i);
    return n;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        size_t before = i;
        char32_t cp = next_code_point(text, i);
        if (cp == 0xFFFD && !(i - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD")) return false;
    }
    return true;
}

std::string trim(std::string_view text) {
    auto is_space_at = [&](size_t pos, size_t& len) {
        unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            len = 1;
            return true;
        }
        if (text.substr(pos, 3) == "\xE3\x80\x80") {
            len = 3;
            return true;
        }
        return false;
    };
    size_t b = 0, len = 0;
    while (b < text.size() && is_space_at(b, len)) b += len;
    size_t e = text.size();
    while (e > b) {
        if (e - b >= 3 && text.substr(e - 3, 3) == "\xE3\x80\x80") {
            e -= 3;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(text[e - 1]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            --e;
            continue;
        }
        break;
    }
    return std::string(text.substr(b, e - b));
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::string elide_middle(std::string_view text, float max_width,
                         const std::function<float(std::string_view)>& measure) {
    if (measure(text) <= max_width) return std::string(text);
    static constexpr std::string_view kEllipsis = "…";
    // Character boundaries, so that the cut never splits one.
    std::vector<size_t> at;
    for (size_t i = 0; i < text.size(); next_code_point(text, i)) at.push_back(i);
    at.push_back(text.size());
    const size_t chars = at.size() - 1;
    // Keep as many characters as fit, about two fifths of them from the end.
    std::string best(kEllipsis);
    for (size_t keep = 1; keep < chars; ++keep) {
        const size_t tail = keep * 2 / 5, head = keep - tail;
        std::string candidate(text.substr(0, at[head]));
        candidate += kEllipsis;
        candidate += text.substr(at[chars - tail]);
        if (measure(candidate) > max_width) break;
        best = std::move(candidate);
    }
    return best;
}

std::string fold_width(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;  // full-width ASCII block
        else if (cp == 0x3000)
            cp = ' ';
        append_utf8(out, cp);
    }
    return out;
}

std::string size_text(unsigned long long bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " 字节";
    if (bytes < 1024 * 1024 - 512) return std::to_string((bytes + 512) / 1024) + " KB";
    const unsigned long long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        unsigned v = 0;
        for (size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (size_t k = 0; k < 4; ++k) out += k <= n ? kBase64[v >> (18 - 6 * k) & 63] : '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        unsigned v = 0;
        int pad = 0;
        for (size_t k = 0; k < 4; ++k) {
            const char c = text[i + k];
            if (c == '=' && i + 4 == text.size() && k >= 2 && (k == 3 || text[i + 3] == '=')) {
                ++pad;
                v <<= 6;
                continue;
            }
            const char* at = c ? std::strchr(kBase64, c) : nullptr;
            if (!at || pad) return std::nullopt;
            v = v << 6 | static_cast<unsigned>(at - kBase64);
        }
        for (int k = 0; k < 3 - pad; ++k) out += static_cast<char>(v >> (16 - 8 * k) & 0xFF);
    }
    return out;
}

}  // namespace shenbao
