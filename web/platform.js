// The JavaScript half of shenbao's platform layer (the C++ half is
// src/platform/platform_web.cpp). It owns what only the page can do:
//   - start-up: the base font and the IndexedDB mount are ready before main() runs,
//     so nothing is shown or written before the first sync has finished; they load
//     while the wasm compiles;
//   - input: keyboard, IME composition, clipboard, mouse, touch and wheel, fed to the
//     app through its exported functions (Emscripten's GLFW has no IME, empty clipboard
//     stubs and swallows Backspace/Tab, hence this layer);
//   - frames: drawn only when something asks for them (input, timers, loads), so an idle
//     tab draws nothing;
//   - storage sync: one write at a time (of what changed), a second request waits for the first;
//   - where the app cannot run: the plain page without WebGL, and a truthful word where
//     storage is refused; a journal in localStorage so that a closing tab loses nothing;
//   - the read-only test hook window.shenbao (see the end of this file).
'use strict';

(function () {
  if (!window.shenbaoModernBrowser) return;  // index.html has told the person what to do
  const canvas = document.getElementById('canvas');
  const ime = document.getElementById('ime');
  const statusBox = document.getElementById('status');

  const state = {
    ready: false,
    pasting: false,      // the edit menu's 粘贴 is reading the clipboard
    writer: true,        // holds the one-writer lock
    releaseLock: null,
    frames: 0,
    framesWanted: 0,
    rafPending: false,
    composing: false,
    pendingCopy: null,
    syncing: false,
    syncQueued: false,
    importing: false,    // files are being read and taken in: no frames meanwhile
    storageError: '',
    lastSyncOk: null,
    syncedUpTo: 0,       // Date.now() when the last sync that succeeded began: older files are stored
    journalAt: 0,        // Date.now() when the journal in localStorage was written, 0: none
    dpr: 0,
    // Timings for the benchmark (read through window.shenbao.metrics()).
    firstFrameAt: 0,
    inputAt: 0,             // when typed text arrived, until the frame that takes it
    latencies: [],          // typed text to the end of the frame that drew it, ms
    lastInputAt: 0,
    saves: [],              // {afterInput: ms from the last input to the end of the sync, sync: ms of the sync,
                            //  requested: ms from the input to the app's request}
    syncRequestedAt: 0,
    lastImportMs: 0,
  };

  function showStatus(text, detail) {
    statusBox.firstElementChild.textContent = text;
    statusBox.lastElementChild.textContent = detail || '';
    statusBox.classList.remove('hidden');
  }

  // ---- frames --------------------------------------------------------------------------
  // An event asks for two frames: one that takes it in, one that shows its effect. The
  // app asks for more as long as a frame draws something different from the last one.
  function requestFrames(n) {
    state.framesWanted = Math.max(state.framesWanted, n);
    if (!state.rafPending && state.ready && !state.importing) {
      state.rafPending = true;
      requestAnimationFrame(onAnimationFrame);
    }
  }

  function drawFrame() {
    const more = Module._shenbao_frame();
    state.frames++;
    const now = performance.now();
    if (!state.firstFrameAt) { state.firstFrameAt = now; performance.mark('shenbao:first-frame'); }
    if (state.inputAt) { state.latencies.push(now - state.inputAt); state.inputAt = 0; }
    if (more > state.framesWanted) state.framesWanted = more;
    syncImeFocus();
  }

  function onAnimationFrame() {
    state.rafPending = false;
    if (state.framesWanted <= 0) return;
    state.framesWanted--;
    drawFrame();
    if (state.framesWanted > 0) {
      state.rafPending = true;
      requestAnimationFrame(onAnimationFrame);
    }
  }

  // ---- canvas size and pixel ratio -----------------------------------------------------
  // The height is what can be seen: an on-screen keyboard shrinks the visual viewport
  // without resizing the window on some browsers (iOS Safari); the app lays itself out in
  // what is left, and keeps the field being edited in view.
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    const vv = window.visualViewport;
    const w = window.innerWidth;
    const pinched = vv && Math.abs(vv.scale - 1) > 0.01;  // a pinch zoom shrinks it too: not that
    const h = vv && !pinched ? Math.min(window.innerHeight, Math.round(vv.height)) : window.innerHeight;
    canvas.style.height = h + 'px';
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    Module._shenbao_resize(w, h, dpr);
    if (dpr !== state.dpr) {
      state.dpr = dpr;
      // A change of zoom or of screen changes the ratio: listen for the next change.
      matchMedia('(resolution: ' + dpr + 'dppx)').addEventListener('change', resize, { once: true });
    }
    requestFrames(2);
  }

  // ---- keyboard and IME ----------------------------------------------------------------
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  function mods(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }
  function sendKey(e, down) {
    Module.ccall('shenbao_key', null, ['string', 'number', 'number'], [e.code || e.key, down ? 1 : 0, mods(e)]);
  }
  function sendText(text) {
    if (!text) return;
    state.inputAt = state.lastInputAt = performance.now();
    Module.ccall('shenbao_text', null, ['string'], [text]);
    requestFrames(2);
    drawNow();
  }
  // Typing is answered at once: the frame that takes a key or text in is drawn in its
  // event rather than at the next animation frame (up to 16 ms later); the frames after
  // it keep to animation frames.
  function drawNow() {
    if (!state.ready || state.importing || state.framesWanted <= 0) return;
    state.framesWanted--;
    drawFrame();
  }
  // Whatever the textarea holds is typed text: take it and empty the textarea, so each
  // character is delivered once whichever of input/compositionend comes first.
  function flushTextarea() {
    const text = ime.value;
    ime.value = '';
    sendText(text);
  }

  ime.addEventListener('keydown', onKeyDown);
  // Keys that reach the page before the keyboard sink has focus (just after loading, or
  // after the window regained focus) are not lost: the sink takes focus and them.
  const inViewer = (e) => e.target && e.target.closest && e.target.closest('#viewer');
  window.addEventListener('keydown', (e) => {
    if (e.target === ime || !state.ready || inViewer(e)) return;
    ime.focus({ preventScroll: true });
    onKeyDown(e);
  });
  window.addEventListener('keyup', (e) => {
    if (e.target === ime || !state.ready || inViewer(e)) return;
    sendKey(e, false);
    requestFrames(2);
  });
  // The keys the app acts on; every other key stays the browser's, untouched: find (Ctrl+F,
  // Ctrl+G, F3), zoom (Ctrl with +, -, 0: the app lays itself out again on the resize that
  // follows), reload (F5, Ctrl+R), full screen (F11), the address bar (Ctrl+L), tabs
  // (Ctrl+T, Ctrl+W, Ctrl+Tab), back and forward (Alt+Left/Right), and the rest.
  const APP_SHORTCUT_LETTERS = new Set(['a', 'c', 'x', 'v', 'z', 'y', 's', 'p']);
  const APP_FUNCTION_KEYS = new Set(['F1', 'F6']);
  function isBrowserKey(e, shortcut, k) {
    if (/^F\d+$/.test(e.key)) return !APP_FUNCTION_KEYS.has(e.key);
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return true;
    if (e.ctrlKey && e.key === 'Tab') return true;
    if ((e.ctrlKey || e.metaKey) && !shortcut) return true;  // ⌘ on others, Ctrl on a Mac
    if (shortcut && e.key.length === 1) return !APP_SHORTCUT_LETTERS.has(k);
    return false;
  }
  function onKeyDown(e) {
    if (e.isComposing || e.keyCode === 229 || state.composing) return;  // the IME's keys, not ours
    const shortcut = isMac ? e.metaKey : e.ctrlKey;
    const k = e.key.length === 1 ? e.key.toLowerCase() : '';
    if (isBrowserKey(e, shortcut, k)) return;
    if (shortcut && k === 'v') return;  // the paste event brings the text
    const printable = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    // A plain character arrives as text (input event); ImGui needs only the keys that
    // act: named keys, shortcuts, and Space (it activates buttons and checkboxes).
    if (printable && e.key !== ' ') { requestFrames(2); return; }
    sendKey(e, true);
    if (shortcut && (k === 'c' || k === 'x')) {
      // Run the frame now: ImGui copies the selection, and the copy event that follows
      // this keydown puts it on the system clipboard.
      drawFrame();
      requestFrames(2);
      return;
    }
    if (!printable) e.preventDefault();  // Tab, Backspace, arrows, Enter, shortcuts stay in the app
    requestFrames(2);
    if (!MODIFIER_KEYS.has(e.key)) drawNow();  // a modifier alone changes nothing to be seen
  }
  const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta']);
  ime.addEventListener('keyup', (e) => {
    if (e.isComposing || e.keyCode === 229) return;
    sendKey(e, false);
    requestFrames(2);
  });
  ime.addEventListener('input', (e) => {
    if (e.isComposing || state.composing) { sizeImeBox(); return; }
    flushTextarea();
  });
  ime.addEventListener('compositionstart', () => {
    state.composing = true;
    ime.classList.add('composing');
  });
  ime.addEventListener('compositionupdate', () => sizeImeBox());
  ime.addEventListener('compositionend', () => {
    state.composing = false;
    ime.classList.remove('composing');
    flushTextarea();
    ime.style.width = '';
  });
  function sizeImeBox() {
    ime.style.width = Math.max(2, ime.value.length + 1) + 'em';
  }

  ime.addEventListener('copy', clipboardOut);
  ime.addEventListener('cut', clipboardOut);  // the app has removed the text already
  function clipboardOut(e) {
    if (state.pendingCopy === null) return;
    e.clipboardData.setData('text/plain', state.pendingCopy);
    e.preventDefault();
    state.pendingCopy = null;
  }
  ime.addEventListener('paste', (e) => {
    e.preventDefault();
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (text) {
      Module.ccall('shenbao_paste', null, ['string'], [text]);
      requestFrames(2);
    }
  });

  // Keeps the keyboard sink focused while the app wants text, and on desktops always
  // (shortcuts need it); on touch screens it lets go so the on-screen keyboard closes.
  const touchOnly = matchMedia('(pointer: coarse)').matches;
  function syncImeFocus() {
    if (document.getElementById('viewer')) return;  // a document is shown over the app: it has the keyboard
    const wantsText = Module._shenbao_wants_text() === 1;
    if ((wantsText || !touchOnly) && document.activeElement !== ime && document.hasFocus()) {
      ime.focus({ preventScroll: true });
    } else if (!wantsText && touchOnly && document.activeElement === ime) {
      ime.blur();
    }
  }

  // ---- mouse, touch, wheel -------------------------------------------------------------
  // A finger is a tap or a scroll, and which is known only when it moves or lifts: the
  // app gets the press only on lifting without having moved (a drag that starts on a
  // field or a button must not open or press it).
  // A finger held still for half a second is a long press: the app gets a right click
  // there (a text field's edit menu opens), and the lift that follows is not a tap.
  let touchScroll = null;  // {id, x, y, scrolling, held, timer}
  const LONG_PRESS_MS = 500;
  function longPress() {
    if (!touchScroll || touchScroll.scrolling) return;
    touchScroll.held = true;
    Module._shenbao_mouse_pos(touchScroll.x, touchScroll.y, 1);
    Module._shenbao_mouse_button(1, 1);
    drawFrame();
    Module._shenbao_mouse_button(1, 0);
    drawFrame();
    requestFrames(2);
  }
  canvas.addEventListener('pointermove', (e) => {
    if (touchScroll && e.pointerId === touchScroll.id) {
      const dy = e.clientY - touchScroll.y, dx = e.clientX - touchScroll.x;
      if (!touchScroll.scrolling && !touchScroll.held && Math.hypot(dx, dy) > 8) {
        touchScroll.scrolling = true;
        clearTimeout(touchScroll.timer);
      }
      if (touchScroll.scrolling) {
        Module._shenbao_touch_scroll(dx, dy);
        touchScroll.x = e.clientX;
        touchScroll.y = e.clientY;
        requestFrames(2);
      }
      return;
    }
    Module._shenbao_mouse_pos(e.clientX, e.clientY, e.pointerType === 'touch' ? 1 : 0);
    requestFrames(2);
  });
  canvas.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    // A finger's keyboard opens on lifting, if the tap reached a text field (below).
    if (e.pointerType !== 'touch') ime.focus({ preventScroll: true });
    // Some engines refuse to capture a pointer they did not make themselves (synthetic or
    // assistive input in Chromium 86): the press must still reach the app.
    try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* the press goes on without capture */ }
    if (e.pointerType === 'touch') {
      touchScroll = { id: e.pointerId, x: e.clientX, y: e.clientY, scrolling: false, held: false,
                      timer: setTimeout(longPress, LONG_PRESS_MS) };
      Module._shenbao_mouse_pos(e.clientX, e.clientY, 1);  // a scroll goes to the panel under the finger
      requestFrames(2);
      return;
    }
    Module._shenbao_mouse_pos(e.clientX, e.clientY, 0);
    Module._shenbao_mouse_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 1);
    requestFrames(2);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (e.pointerType === 'touch') {
      const tap = touchScroll && !touchScroll.scrolling && !touchScroll.held;
      if (touchScroll) clearTimeout(touchScroll.timer);
      touchScroll = null;
      if (tap) {
        Module._shenbao_mouse_pos(e.clientX, e.clientY, 1);
        Module._shenbao_mouse_button(0, 1);
        Module._shenbao_mouse_button(0, 0);
        // The press and the release, drawn now: a tapped text field is active before this
        // handler returns, and focusing the keyboard sink here (inside the touch's own
        // handler) is what makes iOS Safari open the on-screen keyboard.
        drawFrame();
        drawFrame();
      }
      Module._shenbao_mouse_pos(-1e6, -1e6, 1);  // no hover after a tap
    } else {
      Module._shenbao_mouse_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 0);
    }
    requestFrames(2);
  });
  canvas.addEventListener('pointercancel', () => {
    if (touchScroll) clearTimeout(touchScroll.timer);
    touchScroll = null;
    Module._shenbao_mouse_button(0, 0);
    requestFrames(2);
  });
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') { Module._shenbao_mouse_pos(-1e6, -1e6, 0); requestFrames(2); }
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('wheel', (e) => {
    if (e.ctrlKey) return;  // Ctrl+wheel (and a trackpad's pinch) zooms the page, as everywhere
    e.preventDefault();
    const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    Module._shenbao_wheel(-e.deltaX * scale, -e.deltaY * scale);
    requestFrames(2);
  }, { passive: false });

  window.addEventListener('focus', () => { Module._shenbao_focus(1); requestFrames(2); });
  // Back online: font chunks that could not be fetched are asked for again.
  window.addEventListener('online', () => { if (state.ready) Module._shenbao_online(); });
  window.addEventListener('blur', () => { Module._shenbao_focus(0); requestFrames(2); });

  // Edits are written within a second by the app; when the page is hidden or left they
  // are written now.
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushNow(); });
  window.addEventListener('pagehide', flushNow);

  // ---- storage sync --------------------------------------------------------------------
  // IDBFS's own sync (FS.syncfs) first reads every stored key with a cursor to learn what
  // changed, a round trip per key, each waiting behind any frame being drawn: 9 frames
  // after a keystroke made a 2 ms sync take 170 ms. What the database holds is known here
  // instead (storedTimes: what was read at start and written since), so a save compares
  // the files in memory with it and writes the difference in one transaction, which
  // starts at once and is stored when it completes. Until that is known (or where a
  // write went wrong in a way that leaves it unknown), FS.syncfs does it the long way.
  let storedTimes = null;  // path -> modification time (ms) of each entry the database holds
  function localTimes() {
    const times = new Map();
    for (const e of entriesUnder(DRAFTS, [])) times.set(e.path, e.mtime);
    return times;
  }
  function persist() {
    if (state.storageError) { Module._shenbao_sync_done(0); return; }
    if (state.syncing) { state.syncQueued = true; return; }
    state.syncRequestedAt = performance.now();
    state.syncing = true;
    const started = performance.now();
    const startedAt = Date.now();
    const finish = (err) => {
      state.syncing = false;
      if (!err) {
        state.syncedUpTo = startedAt;
        // Everything the journal holds was written before this sync began: it is stored now.
        if (state.journalAt && startedAt > state.journalAt) dropJournal();
      } else {
        console.warn('storage:', err);
      }
      const done = performance.now();
      state.saves.push({ afterInput: state.lastInputAt ? done - state.lastInputAt : -1, sync: done - started,
                         requested: state.syncRequestedAt - state.lastInputAt });
      state.lastSyncOk = !err;
      Module._shenbao_sync_done(err ? 0 : 1);
      requestFrames(2);
      if (state.syncQueued) { state.syncQueued = false; persist(); }
    };
    if (storedTimes) writeChanges(finish);
    else syncAll(finish);
  }
  // FS.syncfs(false), after which what the database holds is what is in memory.
  function syncAll(callback) {
    FS.syncfs(false, (err) => {
      if (!err) storedTimes = localTimes();
      callback(err);
    });
  }
  // Writes the entries that differ from what the database holds, and deletes those gone,
  // in one transaction (the way IDBFS stores an entry, so that its next read finds them).
  // A transaction is all or nothing: when it fails, the database holds what it held.
  function writeChanges(callback) {
    const local = localTimes();
    const put = [...local.keys()].filter((p) => storedTimes.get(p) !== local.get(p)).sort();
    const gone = [...storedTimes.keys()].filter((p) => !local.has(p));
    if (!put.length && !gone.length) { callback(null); return; }
    let answered = false;
    const answer = (err) => { if (!answered) { answered = true; callback(err); } };
    IDBFS.getDB(DRAFTS, (err, db) => {
      if (err) { answer(err); return; }
      let tx;
      try {
        tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
        tx.oncomplete = () => { storedTimes = local; answer(null); };
        tx.onabort = () => answer(tx.error || new Error('IndexedDB 写入被中止'));
        const store = tx.objectStore(IDBFS.DB_STORE_NAME);
        for (const path of put) {
          IDBFS.loadLocalEntry(path, (e, entry) => { if (e) throw e; store.put(entry, path); });
        }
        for (const path of gone) store.delete(path);
      } catch (e) {
        try { if (tx) tx.abort(); } catch (e2) { /* already finished */ }
        answer(e);
      }
    });
  }
  // Whatever the app has not written yet is written and synced now (the page is going).
  function flushNow() {
    if (!state.ready) return;
    // Text typed a moment ago is still in ImGui's input queue: frames take it in first.
    for (let i = 0; i < 32 && Module._shenbao_input_pending() === 1; i++) drawFrame();
    Module._shenbao_flush();
    writeJournal();
  }

  // ---- the journal: nothing typed is lost when the page goes ----------------------------
  // A sync to IndexedDB takes tens of milliseconds and a page being closed may not live
  // that long. So when it goes, every file written since the last sync that succeeded is
  // also copied, synchronously, into localStorage; the next start puts back whatever of
  // it IndexedDB did not get, and syncs. Where localStorage is refused or full, the sync
  // alone is what there is.
  const JOURNAL = 'shenbao-journal';
  function storage() { try { return window.localStorage || null; } catch (e) { return null; } }
  // Every folder and file under dir: {path, mtime (ms), isDir}.
  function entriesUnder(dir, out) {
    for (const name of FS.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      const p = dir + '/' + name;
      const st = FS.stat(p);
      const isDir = FS.isDir(st.mode);
      out.push({ path: p, mtime: st.mtime.getTime(), isDir });
      if (isDir) entriesUnder(p, out);
    }
    return out;
  }
  function writeJournal() {
    const ls = storage();
    if (!ls || state.storageError) return;
    try {
      const files = {};
      let count = 0;
      for (const f of entriesUnder(DRAFTS, [])) {
        if (f.isDir || f.mtime < state.syncedUpTo) continue;
        files[f.path] = FS.readFile(f.path, { encoding: 'utf8' });
        count++;
      }
      if (count) {
        state.journalAt = Date.now();
        ls.setItem(JOURNAL, JSON.stringify({ at: state.journalAt, files }));
      } else {
        dropJournal();
      }
    } catch (e) { console.warn('journal:', e); }
  }
  // At start, after the stored files are read: puts back the journal's files that are
  // newer than what IndexedDB holds. Returns whether any was put back (then they must be
  // synced before the journal is dropped).
  function replayJournal() {
    const ls = storage();
    let journal = null;
    try { journal = ls && JSON.parse(ls.getItem(JOURNAL) || 'null'); } catch (e) { journal = null; }
    if (!journal || !journal.files) return false;
    let replayed = 0;
    for (const [file, text] of Object.entries(journal.files)) {
      if (typeof text !== 'string' || !file.startsWith(DRAFTS + '/') || file.includes('/../')) continue;
      let stored = null;
      try { stored = FS.stat(file); } catch (e) { /* not there: the journal has it only */ }
      if (stored && stored.mtime.getTime() > journal.at) continue;  // written later, by a later visit
      if (stored && FS.readFile(file, { encoding: 'utf8' }) === text) continue;
      const parts = file.split('/').slice(1, -1);
      for (let i = 1; i <= parts.length; i++) {
        const dir = '/' + parts.slice(0, i).join('/');
        try { FS.mkdir(dir); } catch (e) { /* exists */ }
      }
      FS.writeFile(file, text);
      replayed++;
    }
    if (!replayed) { try { ls.removeItem(JOURNAL); } catch (e) { /* refused */ } }
    return replayed > 0;
  }
  function dropJournal() {
    state.journalAt = 0;
    const ls = storage();
    try { if (ls) ls.removeItem(JOURNAL); } catch (e) { /* refused */ }
  }

  // ---- one writer across tabs -----------------------------------------------------------
  const LOCK = 'shenbao-writer';
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('shenbao') : null;
  // The writer's lock was taken from it (a tab that took over without an answer).
  function lostLock() {
    if (!state.writer || !state.ready) return;
    state.writer = false;
    Module._shenbao_set_writer(0, 1);
    requestFrames(2);
  }
  if (channel) channel.onmessage = (e) => {
    if (e.data === 'please-release' && state.writer && state.ready) Module._shenbao_release_requested();
  };
  // Called by the app once its last edits are written and synced.
  function releaseWriter() {
    state.writer = false;
    if (state.releaseLock) { state.releaseLock(); state.releaseLock = null; }
    Module._shenbao_set_writer(0, 1);
    requestFrames(2);
  }
  // This tab becomes the writer: the other one is asked to save and let go; if it does
  // not answer within 5 s (a frozen tab), the lock is taken from it.
  function takeOver() {
    if (state.writer) return;
    if (channel) channel.postMessage('please-release');
    const become = (lock) => new Promise((resolve) => {
      FS.syncfs(true, (err) => {  // read what the other tab wrote last
        storedTimes = err ? null : localTimes();
        state.writer = true;
        Module._shenbao_set_writer(1, 0);
        requestFrames(2);
      });
      state.releaseLock = resolve;
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    navigator.locks.request(LOCK, { signal: controller.signal }, (lock) => { clearTimeout(timer); return become(lock); })
      .catch((err) => {
        if (err && err.name === 'AbortError' && !state.writer) navigator.locks.request(LOCK, { steal: true }, become).catch(lostLock);
        else lostLock();
      });
  }

  // ---- new builds ------------------------------------------------------------------------
  let waitingWorker = null;
  function watchForUpdates() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register('sw.js').then((reg) => {
      const offer = (worker) => { waitingWorker = worker; Module._shenbao_update_available(); requestFrames(2); };
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
      setInterval(() => reg.update().catch(() => {}), 30 * 60 * 1000);  // a tab open for days
      // Once the app is idle, the common font chunks are fetched ahead for offline typing.
      setTimeout(() => navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage('warm')), 10000);
    }).catch((err) => console.warn('service worker:', err));
  }
  // Switches to the waiting build; called by the app after its edits are saved.
  function applyUpdate() {
    if (!waitingWorker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    waitingWorker.postMessage('skip-waiting');
  }

  // ---- storage health --------------------------------------------------------------------
  async function refreshStorageInfo(askPersist) {
    let persisted = -1, usage = -1, quota = -1;
    try {
      if (navigator.storage) {
        persisted = (await (askPersist && navigator.storage.persist ? navigator.storage.persist() : navigator.storage.persisted())) ? 1 : 0;
        const e = await navigator.storage.estimate();
        usage = e.usage; quota = e.quota;
      }
    } catch (e) { /* unknown stays -1 */ }
    Module._shenbao_storage_info(persisted, usage, quota);
    requestFrames(2);
  }

  // ---- downloads and files -------------------------------------------------------------
  function download(name, mime, bytes) {
    window.shenbao.lastDownload = name;  // for checks, like lastMailto
    const blob = new Blob([bytes], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- print, import, mail -------------------------------------------------------------
  // Printing happens in a frame sandboxed without scripts: even a hostile document
  // cannot run anything; the page only asks the frame to print.
  function printDocument(html) {
    const old = document.getElementById('print-frame');
    if (old) old.remove();
    const frame = document.createElement('iframe');
    frame.id = 'print-frame';
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = html;
    frame.onload = () => { try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { console.warn(e); } };
    document.body.appendChild(frame);
  }

  // A document over the app: a dialog with the document in a frame sandboxed without
  // scripts, a print button and a close button (Escape closes it too). The keyboard goes
  // back to the app when it closes.
  function showDocument(title, html) {
    closeDocument();
    const box = document.createElement('div');
    box.id = 'viewer';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', title || '申报书');
    box.style.cssText = 'position:fixed;left:0;top:0;right:0;bottom:0;z-index:4;background:rgba(31,41,55,.55);' +
                        'display:flex;flex-direction:column;padding:12px;box-sizing:border-box';
    const bar = document.createElement('div');
    bar.style.cssText = 'display:flex;gap:8px;align-items:center;padding:6px 0;color:#fff;font-size:16px';
    const name = document.createElement('span');
    name.textContent = title || '申报书';
    name.style.cssText = 'flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap';
    const print = document.createElement('button');
    print.textContent = '打印';
    const close = document.createElement('button');
    close.textContent = '关闭';
    for (const b of [print, close]) b.style.cssText = 'font-size:16px;padding:6px 16px;min-height:36px';
    const frame = document.createElement('iframe');
    frame.id = 'viewer-frame';
    frame.title = title || '申报书';
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.style.cssText = 'flex:1;border:0;background:#fff;width:100%';
    frame.srcdoc = html;
    print.onclick = () => { try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { console.warn(e); } };
    close.onclick = closeDocument;
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); closeDocument(); } });
    bar.append(name, print, close);
    box.append(bar, frame);
    document.body.appendChild(box);
    close.focus();
  }
  function closeDocument() {
    const box = document.getElementById('viewer');
    if (!box) return;
    box.remove();
    ime.focus({ preventScroll: true });
    requestFrames(2);
  }

  async function readAll(file) {
    try { return new Uint8Array(await file.slice(0, 300 * 1024 * 1024).arrayBuffer()); } catch (e) { return new Uint8Array(0); }
  }
  function withBytes(bytes, fn) {
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    try { fn(ptr, bytes.length); } finally { Module._free(ptr); }
  }
  function pickBackup() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.onchange = async () => {
      if (!input.files.length) return;
      const bytes = await readAll(input.files[0]);
      withBytes(bytes, (ptr, n) => Module._shenbao_restore_backup(ptr, n));
      requestFrames(2);
    };
    input.click();
  }
  // Files are read a batch at a time, as one blob made of their parts: each read of a blob
  // is a round trip to the browser's process (about 1 ms each), and so is a blob of many.
  // A file that cannot be read arrives empty (the app reports it as unreadable).
  const IMPORT_BATCH = 64;
  // The app refuses larger files by their size alone: read no more. The largest it takes
  // is a project's archive (64 MB unpacked, kMaxArchiveBytes; stored photos do not shrink).
  const IMPORT_CAP = 64 * 1024 * 1024 + 1;
  async function readBatch(batch) {
    const parts = batch.map((file) => file.slice(0, IMPORT_CAP));
    try {
      const all = new Uint8Array(await new Blob(parts).arrayBuffer());
      let at = 0;
      return parts.map((part) => all.subarray(at, (at += part.size)));
    } catch (e) {
      // One unreadable file (gone from the disk, say) fails the whole blob: one by one.
      return Promise.all(parts.map((part) => part.arrayBuffer().then((b) => new Uint8Array(b), () => new Uint8Array(0))));
    }
  }
  // No frame is drawn while files are read and taken in: each would hold up the reads
  // behind it. A second drop waits for the first (each is one import report).
  let importQueue = Promise.resolve();
  function importFiles(files) {
    importQueue = importQueue.then(() => importNow(files)).catch((err) => console.warn(err));
  }
  async function importNow(files) {
    const started = performance.now();
    state.importing = true;
    try {
      for (let at = 0; at < files.length; at += IMPORT_BATCH) {
        const batch = files.slice(at, at + IMPORT_BATCH);
        const contents = await readBatch(batch);
        batch.forEach((file, i) => withBytes(contents[i], (ptr, n) =>
          Module.ccall('shenbao_import_file', null, ['string', 'number', 'number'], [file.name, ptr, n])));
      }
      Module._shenbao_import_done();
      state.lastImportMs = performance.now() - started;
    } finally {
      state.importing = false;
      requestFrames(2);
    }
  }
  // `accept`: application files (JSON and the zip a project's report is handed in as), or
  // the photos and PDFs attached to a report.
  function pickFiles(attachments) {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = attachments ? 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf'
                               : '.json,application/json,.zip,application/zip';
    input.onchange = () => { if (input.files.length) importFiles(Array.from(input.files)); };
    input.click();
  }
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (state.ready && e.dataTransfer && e.dataTransfer.files.length) importFiles(Array.from(e.dataTransfer.files));
  });

  let mail = null;
  function beginMail(to, subject, body) { mail = { to, subject, body, files: [] }; }
  function addMailFile(name, mime, bytes) { mail.files.push(new File([bytes], name, { type: mime })); }
  function sendMail() {
    const m = mail;
    mail = null;
    if (navigator.canShare && navigator.canShare({ files: m.files })) {
      navigator.share({ files: m.files, title: m.subject, text: m.body }).catch(() => mailto(m));
      return;
    }
    for (const f of m.files) download(f.name, f.type, f);
    mailto(m);
  }
  function mailto(m) {
    const a = document.createElement('a');
    a.href = 'mailto:' + encodeURIComponent(m.to) + '?subject=' + encodeURIComponent(m.subject) + '&body=' + encodeURIComponent(m.body);
    window.shenbao.lastMailto = a.href;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // ---- fonts loaded on demand ----------------------------------------------------------
  // A photo made small for the app to draw: decoded by the browser (createImageBitmap, or an
  // <img> where there is none, as in Safari before 15), drawn onto a canvas of at most
  // `max` pixels a side, handed over as RGBA. Width 0: it did not decode.
  async function decodeThumbnail(key, bytes, max) {
    let w = 0, h = 0, rgba = new Uint8Array(0);
    const blob = new Blob([bytes]);
    try {
      let image;
      if (window.createImageBitmap) {
        image = await createImageBitmap(blob);
      } else {
        const url = URL.createObjectURL(blob);
        try {
          image = await new Promise((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img);
            img.onerror = reject;
            img.src = url;
          });
        } finally { URL.revokeObjectURL(url); }
      }
      const scale = Math.min(1, max / Math.max(image.width, image.height));
      w = Math.max(1, Math.round(image.width * scale));
      h = Math.max(1, Math.round(image.height * scale));
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0, w, h);
      rgba = new Uint8Array(ctx.getImageData(0, 0, w, h).data.buffer);
      if (image.close) image.close();
    } catch (e) {
      w = h = 0;
      rgba = new Uint8Array(0);
    }
    withBytes(rgba, (ptr) => Module.ccall('shenbao_thumbnail', null, ['string', 'number', 'number', 'number'], [key, w, h, ptr]));
    requestFrames(2);
  }

  function fetchFontFile(url, path, tag) {
    fetch(url).then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((buf) => {
      FS.writeFile(path, new Uint8Array(buf));
      Module._shenbao_font_loaded(tag, 1);
    }).catch(() => {
      Module._shenbao_font_loaded(tag, 0);
    }).finally(() => requestFrames(2));
  }

  // ---- start-up ------------------------------------------------------------------------
  // What start-up waits for is started now, while the app's code is still loading and
  // compiling: the font, the lock, the database and the GPU context. Nothing may be
  // written into the app's file system before its memory exists (Emscripten's file system
  // compares what is written with the wasm heap): the font and the stored files go in in
  // preRun, once the wasm is instantiated.

  // One writer across tabs and windows (Web Locks): the first holds the lock for its
  // life; another opens read-only until it takes over (see takeOver below). A tab closed a
  // moment ago may still hold it while it goes, so a start waits a little for it before
  // saying another window has the app open. Where the browser refuses locks (site data
  // blocked) there is nothing to share: this tab writes.
  const LOCK_WAIT_MS = 1500;
  const writerLock = new Promise((resolve) => {
    const alone = () => { state.writer = true; resolve(); };
    let locks = null;
    try { locks = navigator.locks || null; } catch (e) { /* refused */ }
    if (!locks) { alone(); return; }
    const hold = (lock) => {
      state.writer = true;
      resolve();
      return new Promise((release) => { state.releaseLock = release; });
    };
    try {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), LOCK_WAIT_MS);
      locks.request(LOCK, { signal: controller.signal }, (lock) => { clearTimeout(timer); return hold(lock); })
        .catch((err) => {
          if (err && err.name === 'AbortError') { state.writer = false; resolve(); }  // another window writes
          else alone();
        });
    } catch (e) { alone(); }
  });

  // The drafts' database, opened as Emscripten 3.1.6's IDBFS opens it (same version,
  // store and index); handed to IDBFS in preInit only if its constants still match.
  const DRAFTS = '/drafts';  // the mount point, which is also the database's name
  const DRAFTS_DB_VERSION = 21, DRAFTS_STORE = 'FILE_DATA';
  // The browser's IndexedDB, or null where it has none or refuses it (touching it can throw).
  function idb() { try { return typeof indexedDB === 'undefined' ? null : indexedDB; } catch (e) { return null; } }
  const earlyDb = !idb() ? null : new Promise((resolve) => {
    let req;
    try { req = idb().open(DRAFTS, DRAFTS_DB_VERSION); } catch (e) { resolve(null); return; }
    req.onupgradeneeded = () => {
      const tx = req.transaction;
      const store = req.result.objectStoreNames.contains(DRAFTS_STORE) ? tx.objectStore(DRAFTS_STORE)
                                                                       : req.result.createObjectStore(DRAFTS_STORE);
      if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = (e) => { e.preventDefault(); resolve(null); };  // IDBFS tries again and reports the error
    req.onblocked = () => resolve(null);
  });

  // The app's code compiles while it downloads (streaming compile), from here rather
  // than from shenbao.js, so that it overlaps loading shenbao.js, the font and the drafts;
  // Module.instantiateWasm below takes the compiled module. A browser without streaming,
  // or a server sending the wasm with another type, compiles the bytes once they are in.
  function compileApp() {
    const bytes = () => fetch('shenbao.wasm', { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((buf) => WebAssembly.compile(buf));
    if (typeof WebAssembly.compileStreaming !== 'function') return bytes();
    return WebAssembly.compileStreaming(fetch('shenbao.wasm', { credentials: 'same-origin' }))
      .catch((err) => (err instanceof WebAssembly.CompileError ? Promise.reject(err) : bytes()));
  }
  // Started before the GPU context is made (which takes a while): only a browser without
  // WebGL at all, which gets the plain page, is known not to need it.
  const appCompiled = typeof WebGLRenderingContext !== 'undefined' ? compileApp() : null;
  if (appCompiled) appCompiled.catch(() => {});  // reported when the app asks for it

  // The stored drafts into the app's file system (IDBFS over the drafts' database), and
  // whatever the journal holds that IndexedDB did not get; start-up waits for this.
  function readStoredFiles() {
    FS.mkdir(DRAFTS);
    try {
      if (!idb()) throw new Error('此浏览器不支持或禁止了 IndexedDB');
      FS.mount(IDBFS, {}, DRAFTS);
      FS.syncfs(true, (err) => {
        performance.mark('shenbao:storage');
        if (err) state.storageError = String(err && err.message || err);
        state.syncedUpTo = Date.now();  // what was read is what is stored
        if (!err) storedTimes = localTimes();
        if (err || !replayJournal()) { removeRunDependency('storage'); return; }
        // Edits that the last visit did not get into IndexedDB: stored now, then forgotten.
        syncAll((err2) => {
          if (!err2) { dropJournal(); state.syncedUpTo = Date.now(); }
          removeRunDependency('storage');
        });
      });
    } catch (err) {
      state.storageError = String(err && err.message || err);
      removeRunDependency('storage');
    }
  }

  const fontReady = fetch('fonts/base.ttf').then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  });

  // main() asks for this context again and gets this one: WebGL 2 where there is one,
  // else WebGL 1, with the attributes main() asks for (src/main_web.cpp). With neither,
  // the app cannot draw: the plain page (below) lists and exports the drafts instead.
  const GL_ATTRIBUTES = { alpha: false, depth: true, stencil: false, antialias: false, premultipliedAlpha: true,
                          preserveDrawingBuffer: true, failIfMajorPerformanceCaveat: false };
  let webglVersion = 0;
  for (const [kind, version] of [['webgl2', 2], ['webgl', 1], ['experimental-webgl', 1]]) {
    try { if (canvas.getContext(kind, GL_ATTRIBUTES)) { webglVersion = version; break; } } catch (e) { /* next */ }
  }

  window.Module = {
    canvas,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    preInit: [function () {
      performance.mark('shenbao:runtime');
      // IDBFS keeps the databases it opened: the read in preRun uses the one opened early.
      if (earlyDb && IDBFS.DB_VERSION === DRAFTS_DB_VERSION && IDBFS.DB_STORE_NAME === DRAFTS_STORE) {
        addRunDependency('storage-open');
        earlyDb.then((db) => { if (db && !IDBFS.dbs[DRAFTS]) IDBFS.dbs[DRAFTS] = db; })
          .finally(() => removeRunDependency('storage-open'));
      }
      addRunDependency('writer-lock');
      writerLock.then(() => removeRunDependency('writer-lock'));
    }],
    preRun: [function () {
      addRunDependency('base-font');
      fontReady.then((buf) => {
        FS.mkdir('/fonts');
        FS.writeFile('/fonts/base.ttf', new Uint8Array(buf));
        removeRunDependency('base-font');
      }).catch((err) => showStatus('字体加载失败，请检查网络后刷新页面', String(err)));
      addRunDependency('storage');
      readStoredFiles();
    }],
    instantiateWasm(imports, receiveInstance) {
      appCompiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
        .catch((err) => {
          if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError) Module.onAbort(String(err));
          else showStatus('申报助手未能加载', '请检查网络后刷新页面。已保存的草稿不受影响。（' + err + '）');
        });
      return {};  // the exports arrive through receiveInstance
    },
    onAbort(what) {
      // A binary this browser cannot compile will not compile on a refresh either.
      if (/CompileError|WebAssembly/i.test(String(what))) {
        showStatus('此浏览器版本过旧，无法运行申报助手',
                   '请换用新版 Chrome、Edge、Firefox；360、QQ 等浏览器请切换到“极速模式”。已保存的草稿不受影响。（' + what + '）');
      } else {
        showStatus('申报助手遇到内部错误，已停止', '已保存的草稿不受影响。请刷新页面；如仍出现，请导出备份并联系市科协。' +
                   (what ? '（' + what + '）' : ''));
      }
    },
  };

  // Called by the app (src/platform/platform_web.cpp).
  window.shenbaoPlatform = {
    requestFrames,
    wakeAfter(ms) { setTimeout(() => requestFrames(2), ms); },
    setClipboard(text) {
      state.pendingCopy = text;
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
    // The edit menu's 粘贴: the text arrives as a paste would. Browsers that do not let a
    // page read the clipboard (or a person who says no) get the keyboard's way instead.
    pasteFromClipboard() {
      const refused = () => { state.pasting = false; Module._shenbao_paste_refused(); requestFrames(2); };
      if (!navigator.clipboard || !navigator.clipboard.readText) { refused(); return; }
      state.pasting = true;  // busy until the text is in (the read is asynchronous)
      navigator.clipboard.readText().then((text) => {
        state.pasting = false;
        if (text) Module.ccall('shenbao_paste', null, ['string'], [text]);
        requestFrames(2);
      }, refused);
    },
    setImeRect(x, y, h) {
      ime.style.left = Math.round(x) + 'px';
      ime.style.top = Math.round(y) + 'px';
      ime.style.height = ime.style.lineHeight = Math.round(Math.max(h, 16)) + 'px';
    },
    persist,
    storageError() { return state.storageError; },
    download,
    fetchFontFile,
    decodeThumbnail,
    printDocument, showDocument, pickFiles, pickBackup, beginMail, addMailFile, sendMail,
    takeOver, releaseWriter, applyUpdate, refreshStorageInfo,
    isWriter() { return state.writer ? 1 : 0; },
    fail(message) { showStatus('申报助手无法启动', message); },
    noWebGL() { showPlainPage(); },
    started() {
      performance.mark('shenbao:started');
      statusBox.classList.add('hidden');
      state.ready = true;
      resize();
      // Not needed for the first frame: after it.
      setTimeout(() => { watchForUpdates(); refreshStorageInfo(false); }, 0);
      window.addEventListener('resize', resize);
      if (window.visualViewport) window.visualViewport.addEventListener('resize', resize);
      ime.focus({ preventScroll: true });
    },
  };

  // Read-only hook for automated checks and benchmarks.
  window.shenbao = {
    lastMailto: '',  // the last mailto: address opened, for checks
    lastDownload: '',  // the name of the last file offered for download, for checks
    get ready() { return state.ready && state.frames > 0; },
    get frames() { return state.frames; },
    draft() { return Module.ccall('shenbao_current_draft_json', 'string', [], []); },
    drafts() { return JSON.parse(Module.ccall('shenbao_drafts_json', 'string', [], [])); },
    review() { return JSON.parse(Module.ccall('shenbao_review_json', 'string', [], [])); },
    expert() { return JSON.parse(Module.ccall('shenbao_expert_json', 'string', [], [])); },
    metrics() {
      return { webgl: webglVersion, firstFrameMs: state.firstFrameAt, latencies: state.latencies.slice(), saves: state.saves.slice(),
               lastImportMs: state.lastImportMs, wasmMemoryBytes: Module.HEAP8 ? Module.HEAP8.length : 0,
               jsHeapBytes: performance.memory ? performance.memory.usedJSHeapSize : 0 };
    },
    status() { return JSON.parse(Module.ccall('shenbao_status_json', 'string', [], [])); },
    findings() { return JSON.parse(Module.ccall('shenbao_current_findings_json', 'string', [], [])); },
    writer() { return state.writer; },
    focused() { return Module.ccall('shenbao_focused_field', 'string', [], []); },
    // The items the last frame drew that a person can act on: [{name, label, role, x, y, w, h}], CSS pixels.
    layout() { return JSON.parse(Module.ccall('shenbao_layout_json', 'string', [], [])); },
    // Whether the font atlas can draw this character now.
    hasGlyph(ch) { return Module._shenbao_has_glyph(ch.codePointAt(0)) === 1; },
    // True while input is still being worked through or frames are still to be drawn.
    busy() { return state.composing || state.importing || state.pasting || state.framesWanted > 0 || state.rafPending || Module._shenbao_input_pending() === 1; },
  };

  // ---- without WebGL: the plain page ---------------------------------------------------
  // Where the browser cannot draw the app at all (no WebGL: hardware acceleration off, a
  // remote or virtual desktop, an old or blocklisted graphics driver), the drafts stored
  // in this browser are still listed, each can be exported, and all of them backed up
  // (a file the app on another computer restores). Read straight from the drafts'
  // database as Emscripten's IDBFS stores it: one record per file, keyed by its path.
  function readStoredDrafts() {
    return new Promise((resolve) => {
      const db = idb();
      if (!db) { resolve({ drafts: [], error: '浏览器禁止或不支持本地存储' }); return; }
      let req;
      try { req = db.open(DRAFTS); } catch (e) { resolve({ drafts: [], error: String(e && e.message || e) }); return; }
      let empty = false;
      req.onerror = (e) => { e.preventDefault(); resolve({ drafts: [], error: empty ? '' : '无法打开浏览器存储' }); };
      req.onupgradeneeded = () => { empty = true; req.transaction.abort(); };  // nothing stored here yet: create nothing
      req.onsuccess = () => {
        const conn = req.result;
        if (!conn.objectStoreNames.contains(DRAFTS_STORE)) { conn.close(); resolve({ drafts: [] }); return; }
        const drafts = [];
        const cursor = conn.transaction(DRAFTS_STORE, 'readonly').objectStore(DRAFTS_STORE).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) { conn.close(); resolve({ drafts }); return; }
          // The drafts themselves: /drafts/<id>.json (not the trash, history or settings).
          if (/^\/drafts\/[^/]+\.json$/.test(String(c.key)) && c.value && c.value.contents) {
            try {
              const text = new TextDecoder().decode(c.value.contents);
              drafts.push({ path: String(c.key), text, doc: JSON.parse(text) });
            } catch (e) { /* an unreadable file: the app sets it aside when it can run */ }
          }
          c.continue();
        };
        cursor.onerror = () => { conn.close(); resolve({ drafts, error: '读取草稿时出错' }); };
      };
    });
  }

  function plainFileName(doc, extension) {
    const a = (doc && doc.application) || {}, c = a.cover || {};
    const parts = [c.applicant_unit, c.project_name].map((x) => String(x || '').trim()).filter(Boolean);
    const base = (parts.join('-') || '申报书').replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 80);
    return base + '.' + extension;
  }

  async function showPlainPage() {
    statusBox.classList.add('hidden');
    canvas.style.display = 'none';
    ime.style.display = 'none';
    document.documentElement.style.overflow = document.body.style.overflow = 'auto';
    const page = document.createElement('main');
    page.id = 'plain';
    page.style.cssText = 'max-width:46em;margin:0 auto;padding:24px 16px;font-size:16px;line-height:1.7;color:#1f2937';
    const h = (tag, text, css) => { const e = document.createElement(tag); e.textContent = text; if (css) e.style.cssText = css; return e; };
    page.append(h('h1', '科协重点项目申报助手', 'font-size:22px;margin:0 0 12px'),
      h('p', '这台电脑的浏览器无法显示申报助手的编辑界面：它需要浏览器的 WebGL 图形功能，而这里不可用。常见原因和办法：'));
    const advice = document.createElement('ul');
    for (const line of ['浏览器关闭了“硬件加速”：在浏览器设置的“系统”中开启“使用硬件加速模式”，重启浏览器后再打开本页；',
      '在远程桌面或云桌面中使用：请在本机（非远程）打开本页；',
      '浏览器或显卡驱动较旧：请换用新版 Chrome、Edge、Firefox，或国产浏览器的“极速模式”。']) advice.append(h('li', line));
    page.append(advice, h('h2', '本浏览器中保存的草稿', 'font-size:18px;margin:20px 0 8px'));
    const { drafts, error } = await readStoredDrafts();
    if (error) page.append(h('p', '无法读取草稿：' + error, 'color:#b91c1c'));
    if (!drafts.length && !error) page.append(h('p', '这里还没有草稿。', 'color:#6b7280'));
    const list = document.createElement('ul');
    list.id = 'plain-drafts';
    list.style.cssText = 'list-style:none;padding:0';
    for (const d of drafts) {
      const c = (d.doc.application && d.doc.application.cover) || {};
      const item = document.createElement('li');
      item.style.cssText = 'display:flex;gap:12px;align-items:center;border-top:1px solid #e5e7eb;padding:8px 0';
      const name = h('span', (String(c.project_name || '').trim() || '未命名申报书') + (c.applicant_unit ? ' · ' + c.applicant_unit : ''), 'flex:1');
      const button = h('button', '导出电子稿', 'font-size:16px;padding:6px 14px;min-height:44px');
      button.onclick = () => download(plainFileName(d.doc, 'json'), 'application/json', d.text);
      item.append(name, button);
      list.append(item);
    }
    page.append(list);
    if (drafts.length) {
      const all = h('button', '备份全部草稿', 'font-size:16px;padding:6px 14px;min-height:44px');
      all.onclick = () => {
        const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        const backup = { schema: 'shenbao.backup', schema_version: 1, created_at: now,
                         drafts: drafts.map((d) => ({ document: d.doc, history: [] })) };
        download('申报助手备份-' + now.slice(0, 10) + '.json', 'application/json', JSON.stringify(backup, null, 1));
      };
      page.append(all, h('p', '电子稿和备份可以在能运行申报助手的电脑上导入或恢复，内容不会丢失。', 'color:#6b7280'));
    }
    document.body.append(page);
    window.shenbao.plain = { drafts: drafts.length, error: error || '' };
  }

  // ---- loading the app -------------------------------------------------------------------
  if (webglVersion > 0) {
    const app = document.createElement('script');
    app.src = 'shenbao.js';
    app.async = true;
    app.onerror = () => showStatus('申报助手未能加载', '请检查网络后刷新页面。已保存的草稿不受影响。');
    document.body.appendChild(app);
  } else {
    showPlainPage();
  }
})();
