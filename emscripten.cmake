# Toolchain file for the browser build: Debian's Emscripten 3.1.6.
# Every Emscripten-specific flag of the project lives in this one file.
#
# Facts it encodes (see ../shared/docs/toolchain.md):
# - emcc's JS optimiser needs the node module `acorn`, which Debian ships under
#   /usr/share/nodejs; the machine's node does not look there unless NODE_PATH says so.
# - nlohmann::json throws on bad input, and a throw that is not caught aborts the app.
#   Exceptions are caught with Emscripten's JavaScript-based exception handling
#   (-fexceptions, on the link and on the files that catch), not WebAssembly's own
#   (-fwasm-exceptions): a binary with the wasm exception section does not even compile
#   in Chromium 94 and older ("unexpected section <Exception>"), the core of 360 and QQ
#   browsers in many offices. scripts/bench reports the size this costs.
# - WebGL 1 where WebGL 2 is blocked (remote desktops, old or blocklisted GPUs): ImGui's
#   renderer is built for OpenGL ES 2 / GLSL 1.00, which runs in both.
set(ENV{NODE_PATH} "/usr/share/nodejs")
set(EMSCRIPTEN_ROOT_PATH "/usr/share/emscripten" CACHE PATH "Debian's Emscripten")
include("${EMSCRIPTEN_ROOT_PATH}/cmake/Modules/Platform/Emscripten.cmake")

set(SHENBAO_WASM ON CACHE BOOL "building the browser app" FORCE)

# Compile flags of every wasm object (CMakeLists.txt adds them; a change here reaches an
# existing build tree, which CMAKE_CXX_FLAGS_INIT would not).
set(SHENBAO_EXCEPTIONS "js" CACHE STRING
    "js: Emscripten's exceptions, for every browser; wasm: WebAssembly's (Chromium 95+), built by scripts/bench only to compare sizes")
if(SHENBAO_EXCEPTIONS STREQUAL "wasm")
  set(SHENBAO_EXCEPTIONS_FLAG -fwasm-exceptions)
else()
  set(SHENBAO_EXCEPTIONS_FLAG -fexceptions)
endif()
# Optimised for size, across the whole program (-flto: the link inlines and drops across
# files): the wasm is most of what a first visit downloads and compiles, and -O3's
# inlining made it much larger (717 KB gzipped against 408 KB). The price is bulk work:
# importing 1000 files takes about 690 ms against 490 (scripts/bench).
set(SHENBAO_WASM_OPTIMISE "-Oz;-flto" CACHE STRING "optimisation of the wasm, compile and link")
# The exceptions flag goes only on the files that catch (CMakeLists.txt, shenbao_wasm_exceptions).
set(SHENBAO_WASM_COMPILE_FLAGS ${SHENBAO_WASM_OPTIMISE})

# Link flags of the app, applied in CMakeLists.txt with target_link_options.
set(SHENBAO_WASM_LINK_FLAGS
  ${SHENBAO_EXCEPTIONS_FLAG}
  ${SHENBAO_WASM_OPTIMISE}
  -sENVIRONMENT=web
  -sMAX_WEBGL_VERSION=2
  -sMIN_WEBGL_VERSION=1
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sTOTAL_STACK=1048576
  -sEXIT_RUNTIME=0
  -sEXPORTED_RUNTIME_METHODS=FS,ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,addRunDependency,removeRunDependency
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -lidbfs.js
  -lhtml5.js
  -lGL
)
