// The browser implementation of platform.h: thin calls into web/platform.js.
#include <emscripten.h>

#include <ctime>

#include "platform.h"

namespace platform {

void request_frames(int count) {
    EM_ASM({ shenbaoPlatform.requestFrames($0); }, count);
}
void wake_after_ms(int ms) {
    EM_ASM({ shenbaoPlatform.wakeAfter($0); }, ms);
}
double now_ms() { return emscripten_get_now(); }

std::string now_iso_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void today(int& year, int& month, int& day) {
    // The user's calendar day, in the browser's time zone.
    year = EM_ASM_INT({ return new Date().getFullYear(); });
    month = EM_ASM_INT({ return new Date().getMonth() + 1; });
    day = EM_ASM_INT({ return new Date().getDate(); });
}

int utc_offset_minutes(long long utc_seconds) {
    return EM_ASM_INT({ return -new Date($0 * 1000).getTimezoneOffset(); }, static_cast<double>(utc_seconds));
}

const char* drafts_root() { return "/drafts"; }
void persist() {
    EM_ASM({ shenbaoPlatform.persist(); });
}

std::string remembered_call() {
    char buf[128] = {};
    EM_ASM(
        {
            let id = '';
            try {
                id = String(localStorage.getItem('shenbao-call') || '');
            } catch (e) { /* storage refused */
            }
            if (lengthBytesUTF8(id) < $1) stringToUTF8(id, $0, $1);
        },
        buf, static_cast<int>(sizeof buf));
    return buf;
}

void remember_call(const std::string& id) {
    EM_ASM(
        {
            try {
                localStorage.setItem('shenbao-call', UTF8ToString($0));
            } catch (e) { /* storage refused */
            }
        },
        id.c_str());
}

std::string storage_error() {
    // Measured, then copied into a buffer of ours (Emscripten 3.1.6's glue has no
    // stringToNewUTF8 in scope, whatever EXPORTED_RUNTIME_METHODS says).
    const int bytes = EM_ASM_INT({ return lengthBytesUTF8(shenbaoPlatform.storageError()); });
    std::string out(static_cast<size_t>(bytes) + 1, '\0');
    EM_ASM({ stringToUTF8(shenbaoPlatform.storageError(), $0, $1); }, out.data(), bytes + 1);
    out.resize(static_cast<size_t>(bytes));
    return out;
}

void update_mirror(const std::string& nodes_json, double build_ms) {
    EM_ASM({ shenbaoMirror.update(UTF8ToString($0), $1); }, nodes_json.c_str(), build_ms);
}

void announce(const std::string& text) {
    EM_ASM({ shenbaoMirror.announce(UTF8ToString($0)); }, text.c_str());
}

void update_find_text(const std::string& json) {
    EM_ASM({ shenbaoMirror.updateFindText(UTF8ToString($0)); }, json.c_str());
}

void paste_from_clipboard() {
    EM_ASM({ shenbaoPlatform.pasteFromClipboard(); });
}

void set_clipboard_text(const std::string& text) {
    EM_ASM({ shenbaoPlatform.setClipboard(UTF8ToString($0)); }, text.c_str());
}

void set_ime_rect(float x, float y, float height) {
    EM_ASM({ shenbaoPlatform.setImeRect($0, $1, $2); }, x, y, height);
}

void offer_download(const std::string& file_name, const std::string& mime, const std::string& bytes) {
    EM_ASM({ shenbaoPlatform.download(UTF8ToString($0), UTF8ToString($1), HEAPU8.slice($2, $2 + $3)); },
           file_name.c_str(), mime.c_str(), bytes.data(), bytes.size());
}

void print_document(const std::string& html) {
    EM_ASM({ shenbaoPlatform.printDocument(UTF8ToString($0)); }, html.c_str());
}

void show_document(const std::string& title, const std::string& html) {
    EM_ASM({ shenbaoPlatform.showDocument(UTF8ToString($0), UTF8ToString($1)); }, title.c_str(), html.c_str());
}

void pick_files() {
    EM_ASM({ shenbaoPlatform.pickFiles(false); });
}

void pick_attachment_files() {
    EM_ASM({ shenbaoPlatform.pickFiles(true); });
}

void send_by_email(const std::string& to, const std::string& subject, const std::string& body,
                   const std::vector<Attachment>& attachments) {
    EM_ASM({ shenbaoPlatform.beginMail(UTF8ToString($0), UTF8ToString($1), UTF8ToString($2)); }, to.c_str(),
           subject.c_str(), body.c_str());
    for (const Attachment& a : attachments)
        EM_ASM({ shenbaoPlatform.addMailFile(UTF8ToString($0), UTF8ToString($1), HEAPU8.slice($2, $2 + $3)); },
               a.name.c_str(), a.mime.c_str(), a.bytes.data(), a.bytes.size());
    EM_ASM({ shenbaoPlatform.sendMail(); });
}

bool coarse_pointer() {
    return EM_ASM_INT({ return (window.matchMedia && matchMedia('(pointer: coarse)').matches) ? 1 : 0; }) != 0;
}

bool is_writer() {
    return EM_ASM_INT({ return shenbaoPlatform.isWriter(); }) != 0;
}
void take_over() {
    EM_ASM({ shenbaoPlatform.takeOver(); });
}
void release_writer() {
    EM_ASM({ shenbaoPlatform.releaseWriter(); });
}
void apply_update() {
    EM_ASM({ shenbaoPlatform.applyUpdate(); });
}
void refresh_storage_info(bool ask_persist) {
    EM_ASM({ shenbaoPlatform.refreshStorageInfo($0 != 0); }, ask_persist ? 1 : 0);
}
void pick_backup() {
    EM_ASM({ shenbaoPlatform.pickBackup(); });
}

void decode_thumbnail(const std::string& key, const std::string& bytes, int max_px) {
    EM_ASM({ shenbaoPlatform.decodeThumbnail(UTF8ToString($0), HEAPU8.slice($1, $1 + $2), $3); }, key.c_str(),
           bytes.data(), bytes.size(), max_px);
}

void fetch_font_file(const std::string& url, const std::string& path, int tag) {
    EM_ASM({ shenbaoPlatform.fetchFontFile(UTF8ToString($0), UTF8ToString($1), $2); }, url.c_str(), path.c_str(), tag);
}

}  // namespace platform
