#include "money.h"

#include <cmath>
#include <limits>
#include <vector>

namespace shenbao {

std::optional<Money> Money::parse(std::string_view text) {
    std::string digits;  // ASCII digits and at most one '.'
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c >= '0' && c <= '9') || c == '.') {
            digits.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        if (c == ',' || c == ' ') {
            ++i;
            continue;
        }
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(text[i + 2]);
            if (d >= 0x90 && d <= 0x99) {
                digits.push_back(static_cast<char>('0' + d - 0x90));
                i += 3;
                continue;
            }
            if (d == 0x8C) {
                i += 3;
                continue;
            }  // ，
            if (d == 0x8E) {
                digits.push_back('.');
                i += 3;
                continue;
            }  // ．
        }
        if (text.substr(i) == "元") break;
        return std::nullopt;
    }
    if (digits.empty()) return std::nullopt;
    size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
    if (frac.find('.') != std::string::npos || frac.size() > 2) return std::nullopt;
    if (whole.empty() && frac.empty()) return std::nullopt;
    if (whole.size() > 12) return std::nullopt;
    int64_t fen = 0;
    for (char c : whole) fen = fen * 10 + (c - '0');
    fen *= 100;
    if (frac.size() >= 1) fen += (frac[0] - '0') * 10;
    if (frac.size() == 2) fen += frac[1] - '0';
    if (fen > kMaxFen) return std::nullopt;
    return Money{fen};
}

std::optional<Money> Money::from_yuan(double yuan) {
    if (!std::isfinite(yuan) || yuan < 0 || yuan > static_cast<double>(kMaxFen) / 100.0) return std::nullopt;
    // A whole number of fen, give or take the float's own rounding (0.1 + 0.2 is 30 fen);
    // a tolerance relative to the amount in yuan would take 1000000.005 for a whole fen.
    const double exact = yuan * 100.0;
    const double fen = std::round(exact);
    if (std::fabs(fen - exact) > 8 * std::numeric_limits<double>::epsilon() * std::max(1.0, exact)) return std::nullopt;
    return Money{static_cast<int64_t>(fen)};
}

std::string Money::plain() const {
    std::string s = std::to_string(fen / 100);
    if (fen % 100 != 0) {
        int f = static_cast<int>(fen % 100);
        s += '.';
        s += static_cast<char>('0' + f / 10);
        s += static_cast<char>('0' + f % 10);
    }
    return s;
}

std::string Money::display() const {
    std::string whole = std::to_string(fen / 100);
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    int f = static_cast<int>(fen % 100);
    grouped += '.';
    grouped += static_cast<char>('0' + f / 10);
    grouped += static_cast<char>('0' + f % 10);
    return grouped;
}

std::string Money::capital() const {
    static const char* kDigit[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    static const char* kSmall[] = {"", "拾", "佰", "仟"};
    static const char* kBig[] = {"", "万", "亿"};  // per group of four digits
    int64_t whole = fen / 100;
    int jiao = static_cast<int>(fen / 10 % 10), fen_digit = static_cast<int>(fen % 10);
    std::string out;
    if (whole > 0) {
        // Groups of four digits from the lowest; zeros between non-zero digits read as one 零.
        std::vector<int> groups;
        for (int64_t w = whole; w > 0; w /= 10000) groups.push_back(static_cast<int>(w % 10000));
        bool pending_zero = false;
        for (int g = static_cast<int>(groups.size()) - 1; g >= 0; --g) {
            int value = groups[g];
            if (value == 0) {
                pending_zero = true;
                continue;
            }
            std::string part;
            bool started = false;
            for (int pos = 3; pos >= 0; --pos) {
                int d = value / static_cast<int>(std::pow(10, pos)) % 10;
                if (d == 0) {
                    if (started || !out.empty()) pending_zero = true;
                    continue;
                }
                if (pending_zero && (started || !out.empty())) part += "零";
                pending_zero = false;
                part += kDigit[d];
                part += kSmall[pos];
                started = true;
            }
            out += part;
            out += kBig[g];  // amounts stop at 10^11 元, so g <= 2
        }
        out += "元";
    }
    if (jiao == 0 && fen_digit == 0) return (out.empty() ? std::string("零元") : out) + "整";
    if (jiao > 0) {
        out += kDigit[jiao];
        out += "角";
    } else if (whole > 0)
        out += "零";
    if (fen_digit > 0) {
        out += kDigit[fen_digit];
        out += "分";
    }  // ending in 角 takes no 整
    return out;
}

}  // namespace shenbao
