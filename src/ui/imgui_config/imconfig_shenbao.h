// Dear ImGui's compile-time configuration for shenbao (IMGUI_USER_CONFIG). Included by
// imgui.h; keep it to what ImGui itself must see.
#pragma once

// Called by ImFont::FindGlyph (see scripts/patches/imgui-missing-glyph.patch) for a
// character the atlas has no glyph for: the font manager fetches the chunk that has it.
void shenbao_missing_glyph(unsigned int codepoint);
#define IMGUI_ON_MISSING_GLYPH(c) shenbao_missing_glyph(c)
