# Toolchain file for the browser build: Debian's Emscripten 3.1.6.
# Every Emscripten-specific flag of the project lives in this one file.
#
# Facts it encodes (see ../shared/docs/toolchain.md):
# - emcc's JS optimiser needs the node module `acorn`, which Debian ships under
#   /usr/share/nodejs; the machine's node does not look there unless NODE_PATH says so.
# - nlohmann::json throws on bad input; without wasm exceptions a throw aborts the app.
#   -fwasm-exceptions goes on every compile and on the link.
set(ENV{NODE_PATH} "/usr/share/nodejs")
set(EMSCRIPTEN_ROOT_PATH "/usr/share/emscripten" CACHE PATH "Debian's Emscripten")
include("${EMSCRIPTEN_ROOT_PATH}/cmake/Modules/Platform/Emscripten.cmake")

set(SHENBAO_WASM ON CACHE BOOL "building the browser app" FORCE)

set(CMAKE_C_FLAGS_INIT "-fwasm-exceptions")
set(CMAKE_CXX_FLAGS_INIT "-fwasm-exceptions")

# Link flags of the app, applied in CMakeLists.txt with target_link_options.
set(SHENBAO_WASM_LINK_FLAGS
  -fwasm-exceptions
  -sENVIRONMENT=web
  -sMAX_WEBGL_VERSION=2
  -sMIN_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sTOTAL_STACK=1048576
  -sEXIT_RUNTIME=0
  -sEXPORTED_RUNTIME_METHODS=FS,ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,stringToNewUTF8,addRunDependency,removeRunDependency
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -lidbfs.js
  -lhtml5.js
  -lGL
)
