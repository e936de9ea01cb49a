// Word wrap while editing: soft breaks in the shown text, never in the kept text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>

#include "soft_wrap.h"
#include "text.h"

using namespace shenbao;

namespace {

// Rows of `columns` characters (any character one column), as a monospaced font would.
RowFit columns(size_t n) {
    return [n](std::string_view line) {
        size_t i = 0, count = 0;
        while (i < line.size() && count < n) {
            next_code_point(line, i);
            ++count;
        }
        return i;
    };
}

// Types `text` at `cursor` of what is shown, as the editor would, then lets soft_edit
// re-wrap: returns what is shown after and moves the cursor.
std::string type_at(std::string shown, size_t& cursor, std::string_view text, const RowFit& fit) {
    std::string after = shown;
    after.insert(cursor, text);
    SoftEdit e = soft_edit(shown, after, cursor + text.size(), false, fit);
    cursor = e.cursor;
    return e.shown;
}

}  // namespace

TEST_CASE("a long line is shown in rows; the kept text has no soft breaks") {
    const std::string text = "盐城市科协提升学会服务科技创新能力";  // 17 characters
    const std::string shown = soft_wrap(text, columns(5));
    CHECK(shown == "盐城市科协\r\n提升学会服\r\n务科技创新\r\n能力");
    CHECK(soft_unwrap(shown) == text);
    // Hard breaks stay; an empty line stays; a row that fills exactly gets no break.
    CHECK(soft_wrap("一二三四五\n\n六七", columns(5)) == "一二三四五\n\n六七");
    CHECK(soft_wrap("", columns(5)).empty());
    CHECK(soft_unwrap(soft_wrap("ab\ncdefgh\n", columns(3))) == "ab\ncdefgh\n");
    // A fit that claims nothing still moves on, by whole characters.
    CHECK(soft_wrap("甲乙", [](std::string_view) { return size_t{0}; }) == "甲\r\n乙");
    CHECK(soft_wrap("甲乙", [](std::string_view) { return size_t{1}; }) == "甲\r\n乙");
}

TEST_CASE("text from elsewhere has its carriage returns made line breaks first") {
    CHECK(normalise_breaks("a\r\nb\rc\n") == "a\nb\nc\n");
    CHECK(soft_unwrap("a\rb") == "ab");  // a stray half of a soft break is not text
}

TEST_CASE("positions map between the shown and the kept text") {
    const std::string shown = soft_wrap("abcdefg", columns(3));  // "abc\r\ndef\r\ng"
    CHECK(kept_position(shown, 3) == 3);                         // end of the first row
    CHECK(kept_position(shown, 4) == 3);                         // inside the soft break
    CHECK(kept_position(shown, 5) == 3);                         // start of the second row
    CHECK(kept_position(shown, 6) == 4);
    CHECK(kept_position(shown, shown.size()) == 7);
    CHECK(shown_position(shown, 3) == 5);  // at a soft break: the start of the next row
    CHECK(shown_position(shown, 4) == 6);
    CHECK(shown_position(shown, 7) == shown.size());
    CHECK(shown_position(shown, 0) == 0);
}

TEST_CASE("typing re-wraps and keeps the caret after what was typed") {
    const RowFit fit = columns(4);
    std::string shown;
    size_t cursor = 0;
    for (const char* ch : {"科", "技", "创", "新", "能", "力"}) shown = type_at(shown, cursor, ch, fit);
    CHECK(shown == "科技创新\r\n能力");
    CHECK(cursor == shown.size());
    // Typing in the first row pushes a character over to the second.
    cursor = 0;
    shown = type_at(shown, cursor, "甲", fit);
    CHECK(soft_unwrap(shown) == "甲科技创新能力");
    CHECK(shown == "甲科技创\r\n新能力");
    CHECK(cursor == std::string("甲").size());
    // A line break typed is a hard one and stays.
    cursor = shown.size();
    shown = type_at(shown, cursor, "\n", fit);
    shown = type_at(shown, cursor, "乙", fit);
    CHECK(soft_unwrap(shown) == "甲科技创新能力\n乙");
}

TEST_CASE("Backspace at the start of a row and Delete at the end delete a character, not the soft break") {
    const RowFit fit = columns(3);
    const std::string shown = soft_wrap("一二三四五", fit);  // "一二三\r\n四五"
    const size_t row2 = shown.find("四");
    // Backspace at the start of row 2 removes the '\n' of the soft break.
    std::string after = shown;
    after.erase(row2 - 1, 1);
    SoftEdit back = soft_edit(shown, after, row2 - 1, true, fit);
    CHECK(soft_unwrap(back.shown) == "一二四五");
    CHECK(back.shown == "一二四\r\n五");
    CHECK(kept_position(back.shown, back.cursor) == std::string("一二").size());
    // Delete at the end of row 1 removes the '\r'.
    const size_t end1 = shown.find('\r');
    after = shown;
    after.erase(end1, 1);
    SoftEdit del = soft_edit(shown, after, end1, false, fit);
    CHECK(soft_unwrap(del.shown) == "一二三五");
    CHECK(kept_position(del.shown, del.cursor) == std::string("一二三").size());
    // A selection over a row end deleted with its characters: only those characters go.
    after = shown;
    after.erase(shown.find("三"), shown.find("五") - shown.find("三"));
    SoftEdit sel = soft_edit(shown, after, shown.find("三"), true, fit);
    CHECK(soft_unwrap(sel.shown) == "一二五");
    // Backspace at the very start of the text, or Delete at its end, changes nothing.
    CHECK(soft_edit("", "", 0, true, fit).shown.empty());
}

TEST_CASE("re-wrapping for another width keeps the text and the caret's place in it") {
    const std::string text = "围绕盐城科技创新和新兴产业发展规划，组织专家开展学术交流。";
    const std::string narrow = soft_wrap(text, columns(6));
    const std::string wide = soft_wrap(soft_unwrap(narrow), columns(11));
    CHECK(soft_unwrap(wide) == text);
    const size_t caret = shown_position(narrow, std::string("围绕盐城科技创新").size());
    CHECK(kept_position(wide, shown_position(wide, kept_position(narrow, caret))) == kept_position(narrow, caret));
}

TEST_CASE("any edit of any text keeps the invariants: kept text without soft breaks, caret inside") {
    // A fixed pseudo-random sequence: the same cases every run.
    uint32_t seed = 12345;
    auto next = [&seed](uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    const char* pieces[] = {"科", "技", "a", " ", "\n", "，", "𠀾", "bc"};
    for (int round = 0; round < 400; ++round) {
        const RowFit fit = columns(1 + next(7));
        std::string text;
        for (uint32_t i = 0, n = next(30); i < n; ++i) text += pieces[next(8)];
        std::string shown = soft_wrap(text, fit);
        REQUIRE(soft_unwrap(shown) == text);
        // Cut a random byte range of what is shown (possibly inside a character or a soft
        // break) and put a random piece there, as a broken editor might.
        const size_t from = shown.empty() ? 0 : next(static_cast<uint32_t>(shown.size()));
        const size_t length = shown.size() > from ? next(static_cast<uint32_t>(shown.size() - from) + 1) : 0;
        std::string after = shown;
        after.replace(from, length, next(2) ? pieces[next(8)] : "");
        const SoftEdit e = soft_edit(shown, after, std::min(after.size(), from + 1), next(2) == 0, fit);
        CHECK(e.cursor <= e.shown.size());
        const std::string kept = soft_unwrap(e.shown);
        CHECK(kept.find('\r') == std::string::npos);
        CHECK(soft_wrap(kept, fit) == e.shown);  // shown is exactly the kept text wrapped
        for (size_t i = 0; i < e.shown.size(); ++i)
            if (e.shown[i] == '\r') CHECK((i + 1 < e.shown.size() && e.shown[i + 1] == '\n'));
    }
}

TEST_CASE("Chinese line breaking: no row starts with closing punctuation or ends with opening punctuation") {
    const std::string line = "形成系列成果。围绕（盐城）发展";
    auto at = [&](std::string_view prefix) { return prefix.size(); };
    // A break before 。 moves before 果: 果。 start the next row together.
    CHECK(kinsoku_break(line, at("形成系列成果")) == at("形成系列成"));
    // Two closing marks in a row go down with the character before them, and the opening
    // mark before that with it: “好。” starts the next row.
    const std::string quoted = "他说“好。”然后";
    CHECK(kinsoku_break(quoted, at("他说“好。")) == at("他说"));
    // A break after （ moves before it.
    CHECK(kinsoku_break(line, at("形成系列成果。围绕（")) == at("形成系列成果。围绕"));
    // Elsewhere, and at the ends, the break stays.
    CHECK(kinsoku_break(line, at("形成系")) == at("形成系"));
    CHECK(kinsoku_break(line, 0) == 0);
    CHECK(kinsoku_break(line, line.size()) == line.size());
    CHECK(kinsoku_break("。。", at("。")) == at("。"));  // nothing better: unchanged
    // Through soft_wrap: no row of the shown text starts with 。 or ，.
    const RowFit fit = [](std::string_view l) {
        return kinsoku_break(l, std::min(l.size(), std::string_view("一二三四五").size()));
    };
    const std::string shown = soft_wrap("一二三四五，六七八九十。甲乙丙丁戊。", fit);
    for (size_t at_row = shown.find("\r\n"); at_row != std::string::npos; at_row = shown.find("\r\n", at_row + 2)) {
        const std::string_view next = std::string_view(shown).substr(at_row + 2);
        CHECK(next.substr(0, 3) != "，");
        CHECK(next.substr(0, 3) != "。");
    }
    CHECK(soft_unwrap(shown) == "一二三四五，六七八九十。甲乙丙丁戊。");
}

TEST_CASE("the caret never rests inside a soft break") {
    const std::string shown = soft_wrap("abcdef", columns(3));  // "abc\r\ndef"
    CHECK(caret_outside_soft_break(shown, 4, true) == 5);       // moving right: the next row
    CHECK(caret_outside_soft_break(shown, 4, false) == 3);      // moving left: the end of the row
    for (size_t pos : {0, 3, 5, 8}) CHECK(caret_outside_soft_break(shown, pos, true) == pos);
}

TEST_CASE("edges of line breaking: a break at either end stays, an opening mark leaves the row, nothing fits") {
    CHECK(kinsoku_break("ab", 0) == 0);
    CHECK(kinsoku_break("ab", 2) == 2);
    CHECK(kinsoku_break("a（b", 4) == 1);  // （ may not end a row: it goes down with b
    CHECK(kinsoku_break("a（", 4) == 4);   // a break at the end is no break at all
    CHECK(soft_wrap("a中", [](std::string_view) { return size_t{0}; }) == "a\r\n中");
    // A row nothing fits in still takes one whole character.
    CHECK(soft_wrap("中文", [](std::string_view) { return size_t{0}; }) == "中\r\n文");
    // The caret is never left between the two characters of a soft break.
    const std::string shown = "ab\r\ncd";
    CHECK(caret_outside_soft_break(shown, 3, true) == 4);
    CHECK(caret_outside_soft_break(shown, 3, false) == 2);
    CHECK(caret_outside_soft_break(shown, 1, true) == 1);
    CHECK(caret_outside_soft_break(shown, 0, false) == 0);
    CHECK(caret_outside_soft_break(shown, 2, true) == 2);
    CHECK(caret_outside_soft_break("a\rb", 2, true) == 2);  // a \r alone, or a \n alone, is no soft break
    CHECK(caret_outside_soft_break("a\nb", 1, true) == 1);
    CHECK(caret_outside_soft_break(shown, shown.size(), true) == shown.size());
}
