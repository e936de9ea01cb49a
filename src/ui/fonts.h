// Chinese text in the ImGui atlas, grown on demand.
//
// An atlas with all of a CJK face is too big and slow to build, and the first load must
// stay small, so: the app ships a base font (UI strings, ASCII, punctuation) and the
// rest of Noto Sans CJK SC in chunks (see scripts/make_fonts.py). Text known ahead (the
// drafts, what is typed) is passed to need_text(); and whatever ImGui draws without a
// glyph is reported by the font itself (IMGUI_ON_MISSING_GLYPH, imconfig_shenbao.h), so
// no text anywhere is left without its glyphs. update(), called between frames, fetches
// the chunks that hold new characters and rebuilds the atlas with exactly the glyphs in use.
// While a chunk is on its way its characters draw as blanks, never as '?' or tofu.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

class FontManager {
public:
    // Loads /fonts/base.ttf (put there before start-up). False if it is missing.
    bool init(float css_pixel_size, float ui_scale, float device_pixel_ratio);
    void need_text(std::string_view utf8);
    void need(char32_t cp);
    void set_scale(float ui_scale, float device_pixel_ratio);
    // Between frames: starts fetches for missing glyphs and rebuilds the atlas if the set
    // of available glyphs or the scale changed. Returns true when the atlas was rebuilt
    // (the renderer's font texture must then be re-created).
    bool update();
    void on_file_loaded(int tag, bool ok);
    // Chunks that could not be fetched (offline) are asked for again: when the network is
    // back (this), and by themselves after 5 s, 10 s, 20 s … (at most a minute apart), so
    // that a character typed offline is drawn as soon as its chunk can arrive.
    void retry_failed();
    bool loading() const;  // a chunk or the index is on its way
    size_t glyphs_in_atlas() const { return in_atlas_.size(); }

private:
    enum class Load { None, Loading, Loaded, Failed };
    struct Chunk {
        Load state = Load::None;
        std::vector<unsigned char> bytes;
    };
    void failed_to_load();  // schedules the next try
    bool base_has(char32_t cp) const;
    int chunk_of(char32_t cp) const;  // 0 when unknown or absent
    void fetch_index();
    void fetch_chunk(int id);
    void rebuild();

    float css_size_ = 17.0f, ui_scale_ = 1.0f, dpr_ = 1.0f;
    std::vector<unsigned char> base_;
    std::set<char32_t> base_cps_;
    std::set<char32_t> wanted_;       // every code point asked for
    std::set<char32_t> in_atlas_;     // those rasterised in the current atlas
    std::set<char32_t> unavailable_;  // not in the face at all
    std::vector<unsigned char> index_;
    Load index_state_ = Load::None;
    std::map<int, Chunk> chunks_;
    bool scale_changed_ = true;
    int retry_ms_ = 5000;     // until the next try after a failed fetch (doubles, at most 60 s)
    double retry_at_ms_ = 0;  // when failed fetches are tried again; 0: none waits
};

}  // namespace ui
