// What the app needs from the place it runs in. One header; the browser implementation
// is platform_web.cpp (with its JavaScript half in web/platform.js), chosen by CMake.
// All functions are called from the app's single thread.
#pragma once
#include <string>
#include <vector>

namespace platform {

// Drawing happens only on request: input and loads ask for a few frames; a view that
// animates asks again each frame. An idle app asks for nothing.
void request_frames(int count);
void wake_after_ms(int ms);  // one frame request after a delay (for timers)
double now_ms();             // monotonic milliseconds
std::string now_iso_utc();   // e.g. 2018-05-20T08:30:00Z
void today(int& year, int& month, int& day);
// Minutes to add to UTC for local time at that instant (+480 in China).
int utc_offset_minutes(long long utc_seconds);

// Storage: the drafts folder is a real folder of the platform's file system.
const char* drafts_root();
// Starts making what was written to drafts_root() durable. Completion arrives through
// the storage callback (shenbao_sync_done in main_web.cpp); only one runs at a time, a second request
// waits for the first.
void persist();
// The call the person last chose for new applications (a programme id; empty when none),
// kept in the browser beside the drafts. Never fails: storage refused is no choice made.
std::string remembered_call();
void remember_call(const std::string& id);
// Empty when storage works; otherwise what went wrong (IndexedDB missing or blocked).
std::string storage_error();

void set_clipboard_text(const std::string& text);
// Reads the system clipboard (the browser may ask the person first) and pastes it into the
// active text field through the paste callback; when the browser refuses, the refusal
// callback says so.
void paste_from_clipboard();
void set_ime_rect(float x, float y, float height);  // CSS pixels of the caret

// The accessibility mirror (src/ui/mirror.h): the page's elements follow the nodes that
// changed (MirrorDelta); a polite live region says `text`. `build_ms`: what making the nodes took (for the benchmark).
void update_mirror(const std::string& nodes_json, double build_ms);
void announce(const std::string& text);
// The text find in page searches (MirrorFindText): replaces what was sent before.
void update_find_text(const std::string& json);

// Writes bytes to a file the user saves (a download in the browser).
void offer_download(const std::string& file_name, const std::string& mime, const std::string& bytes);

// Opens the browser's print dialog for a self-contained HTML document (in a sandboxed
// frame where no script can run).
void print_document(const std::string& html);
// Shows a self-contained HTML document over the app (sandboxed, no script), with a way
// to print it and to close it (a button and Escape).
void show_document(const std::string& title, const std::string& html);
// Opens the file picker for application files; each chosen file arrives through the
// import callback, then the import-finished callback.
void pick_files();
// The same for the photos and PDFs of a project's report (JPEG, PNG, PDF offered).
void pick_attachment_files();

// One writer across tabs: false when another tab of the app holds the lock.
bool is_writer();
// The screen is worked with a finger (pointer: coarse): controls are made big enough to tap.
bool coarse_pointer();
void take_over();       // become the writer (the other tab saves and lets go)
void release_writer();  // let another tab write (after this one's edits are synced)
void apply_update();    // switch to the new build waiting in the service worker
// Asks for the storage figures (and, with ask_persist, for persistent storage); they
// arrive through the storage-info callback.
void refresh_storage_info(bool ask_persist);
void pick_backup();  // the chosen backup file arrives through the restore callback

struct Attachment {
    std::string name, mime, bytes;
};
// Sends files by email: where the browser can share files (Web Share), the files go
// along directly; otherwise they are downloaded and the mail program opens (mailto:)
// with the address, subject and body filled in, to attach them by hand.
void send_by_email(const std::string& to, const std::string& subject, const std::string& body,
                   const std::vector<Attachment>& attachments);

// Decodes a photo (JPEG, PNG) into RGBA pixels of at most `max_px` on its longer side;
// the pixels arrive with `key` through the thumbnail callback (none when it does not decode).
void decode_thumbnail(const std::string& key, const std::string& bytes, int max_px);

// Fetches a font file of the site into the local file system at `path`; completion is
// reported with `tag` through the font callback.
void fetch_font_file(const std::string& url, const std::string& path, int tag);

}  // namespace platform
