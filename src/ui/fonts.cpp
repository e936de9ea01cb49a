#include "fonts.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>

#include "platform.h"
#include "posix_fs.h"
#include "text.h"
#include "ui_glyphs.inc"

namespace {
ui::FontManager* g_fonts = nullptr;  // the app's one font manager, once initialised
}  // namespace

// Whatever text ImGui draws, wherever: a character without a glyph asks for its chunk.
void shenbao_missing_glyph(unsigned int codepoint) {
    if (g_fonts) g_fonts->need(static_cast<char32_t>(codepoint));
}

namespace ui {

namespace {

constexpr int kIndexTag = 0;  // chunk tags are their ids, 1..255
constexpr char32_t kIndexLimit = 0x30000;

// Through the one file helper (not <fstream>, whose locale machinery is some 60 KB of wasm).
bool read_file(const std::string& path, std::vector<unsigned char>& out) {
    std::string bytes;
    if (!platform::PosixFileSystem().read(path, bytes) || bytes.empty()) return false;
    out.assign(bytes.begin(), bytes.end());
    return true;
}

std::string chunk_name(int id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "c%02d.ttf", id);
    return buf;
}

// ImGui glyph ranges: inclusive pairs, zero-terminated.
ImVector<ImWchar> ranges_of(const std::vector<char32_t>& sorted) {
    ImVector<ImWchar> r;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        r.push_back(static_cast<ImWchar>(sorted[i]));
        r.push_back(static_cast<ImWchar>(sorted[j]));
        i = j + 1;
    }
    r.push_back(0);
    return r;
}

}  // namespace

bool FontManager::init(float css_pixel_size, float ui_scale, float device_pixel_ratio) {
    css_size_ = css_pixel_size;
    ui_scale_ = ui_scale;
    dpr_ = device_pixel_ratio;
    if (!read_file("/fonts/base.ttf", base_)) return false;
    g_fonts = this;
    base_cps_.insert(std::begin(kBaseFontCodepoints), std::end(kBaseFontCodepoints));
    for (char32_t cp = 0x20; cp < 0x7F; ++cp) wanted_.insert(cp);
    wanted_.insert(std::begin(kUiCodepoints), std::end(kUiCodepoints));
    // Not U+FFFD: the face has no glyph for it (ImGui falls back to '?'), and wanting one
    // made every start fetch the chunks' index to find that out.
    for (char32_t cp : {0x2026u, 0x00B7u, 0x3001u, 0x3002u, 0xFF0Cu, 0xFF1Au, 0xFF08u, 0xFF09u}) wanted_.insert(cp);
    rebuild();
    return true;
}

void FontManager::need_text(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = shenbao::next_code_point(utf8, i);
        if (cp >= 0x80) need(cp);
    }
}

void FontManager::need(char32_t cp) {
    if (cp < 0x20 || in_atlas_.count(cp) || unavailable_.count(cp)) return;
    if (wanted_.insert(cp).second) platform::request_frames(2);
}

void FontManager::set_scale(float ui_scale, float device_pixel_ratio) {
    if (ui_scale == ui_scale_ && device_pixel_ratio == dpr_) return;
    ui_scale_ = ui_scale;
    dpr_ = device_pixel_ratio;
    scale_changed_ = true;
}

bool FontManager::base_has(char32_t cp) const { return base_cps_.count(cp) > 0; }

int FontManager::chunk_of(char32_t cp) const {
    if (index_state_ != Load::Loaded || cp >= kIndexLimit || cp >= index_.size()) return 0;
    return index_[cp];
}

void FontManager::fetch_index() {
    if (index_state_ != Load::None) return;
    index_state_ = Load::Loading;
    platform::fetch_font_file("fonts/index.bin", "/fonts/index.bin", kIndexTag);
}

void FontManager::fetch_chunk(int id) {
    Chunk& c = chunks_[id];
    if (c.state != Load::None) return;
    c.state = Load::Loading;
    platform::fetch_font_file("fonts/" + chunk_name(id), "/fonts/" + chunk_name(id), id);
}

void FontManager::on_file_loaded(int tag, bool ok) {
    Load& state = tag == kIndexTag ? index_state_ : chunks_[tag].state;
    if (tag == kIndexTag)
        state = ok && read_file("/fonts/index.bin", index_) ? Load::Loaded : Load::Failed;
    else
        state = ok && read_file("/fonts/" + chunk_name(tag), chunks_[tag].bytes) ? Load::Loaded : Load::Failed;
    if (tag != kIndexTag) std::remove(("/fonts/" + chunk_name(tag)).c_str());  // the bytes now live in memory
    if (state == Load::Failed)
        failed_to_load();
    else
        retry_ms_ = 5000;
}

void FontManager::failed_to_load() {
    if (retry_at_ms_ > 0) return;  // a try is already planned
    retry_at_ms_ = platform::now_ms() + retry_ms_;
    platform::wake_after_ms(retry_ms_ + 1);
    retry_ms_ = std::min(retry_ms_ * 2, 60000);
}

void FontManager::retry_failed() {
    retry_at_ms_ = 0;
    bool any = index_state_ == Load::Failed;
    if (any) index_state_ = Load::None;
    for (auto& [id, c] : chunks_)
        if (c.state == Load::Failed) {
            c.state = Load::None;
            any = true;
        }
    if (!any) return;
    // What was given up on may be in a chunk now reachable; what is truly not in the face
    // is found out again from the index.
    unavailable_.clear();
    platform::request_frames(2);
}

bool FontManager::loading() const {
    if (index_state_ == Load::Loading) return true;
    for (const auto& [id, c] : chunks_)
        if (c.state == Load::Loading) return true;
    return false;
}

bool FontManager::update() {
    if (retry_at_ms_ > 0 && platform::now_ms() >= retry_at_ms_) retry_failed();
    bool grew = false;
    for (char32_t cp : wanted_) {
        if (in_atlas_.count(cp) || unavailable_.count(cp)) continue;
        if (base_has(cp)) {
            grew = true;
            continue;
        }
        if (cp >= kIndexLimit) {
            unavailable_.insert(cp);
            continue;
        }
        if (index_state_ == Load::None) fetch_index();
        if (index_state_ == Load::Failed) {
            unavailable_.insert(cp);
            continue;
        }
        if (index_state_ != Load::Loaded) continue;
        int id = chunk_of(cp);
        if (id == 0) {
            unavailable_.insert(cp);
            continue;
        }
        Chunk& c = chunks_[id];
        if (c.state == Load::None)
            fetch_chunk(id);
        else if (c.state == Load::Loaded)
            grew = true;
        else if (c.state == Load::Failed)
            unavailable_.insert(cp);
    }
    if (!grew && !scale_changed_) return false;
    rebuild();
    return true;
}

void FontManager::rebuild() {
    // Which source provides each wanted glyph: the base font first, then the chunks.
    std::vector<char32_t> from_base;
    std::map<int, std::vector<char32_t>> from_chunk;
    in_atlas_.clear();
    for (char32_t cp : wanted_) {
        if (base_has(cp)) {
            from_base.push_back(cp);
            in_atlas_.insert(cp);
            continue;
        }
        int id = chunk_of(cp);
        auto it = chunks_.find(id);
        if (id > 0 && it != chunks_.end() && it->second.state == Load::Loaded) {
            from_chunk[id].push_back(cp);
            in_atlas_.insert(cp);
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float pixels = std::max(8.0f, css_size_ * ui_scale_ * dpr_);
    // The atlas keeps pointers to the ranges until it is built; they must outlive Build().
    static std::vector<ImVector<ImWchar>> ranges;
    ranges.clear();
    ranges.reserve(1 + from_chunk.size());
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ranges.push_back(ranges_of(from_base));
    io.Fonts->AddFontFromMemoryTTF(base_.data(), static_cast<int>(base_.size()), pixels, &cfg, ranges.back().Data);
    cfg.MergeMode = true;
    for (auto& [id, cps] : from_chunk) {
        Chunk& c = chunks_[id];
        ranges.push_back(ranges_of(cps));
        io.Fonts->AddFontFromMemoryTTF(c.bytes.data(), static_cast<int>(c.bytes.size()), pixels, &cfg,
                                       ranges.back().Data);
    }
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr_;
    // Characters still on their way draw as blanks, not '?'.
    ImFont* font = io.Fonts->Fonts[0];
    if (const ImFontGlyph* space = font->FindGlyphNoFallback(' ')) {
        font->FallbackGlyph = space;
        font->FallbackChar = ' ';
        font->FallbackAdvanceX = space->AdvanceX;
    }
    scale_changed_ = false;
}

}  // namespace ui
