// The accessibility mirror. The app draws everything into one canvas, of which the browser
// knows nothing; after each frame that changed what it shows, the app sends a node per
// named item (src/ui/mirror.h) and this keeps a real element for each in step: a button,
// a text field with its value, a check box, a combo box, with the item's label as its name
// and its states (required, invalid with the finding as its description, disabled,
// checked, expanded). Each element lies, invisible, over its item, so that a screen reader
// exploring by touch finds it under the finger. Mouse and touch go on to the canvas (the
// elements take no pointer events) and the keyboard stays with the app's own text sink; a
// screen reader's activation (a click on an element) is passed to the app as a click on
// the item, and its focus on a text field gives that field the caret.
(function () {
  'use strict';
  const root = document.createElement('div');
  root.id = 'mirror';
  const descriptions = document.createElement('div');
  descriptions.hidden = true;
  const live = document.createElement('div');
  live.id = 'mirror-status';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  // The text find in page searches: every text typed into the open draft, each field's in
  // an element hidden until found (the whole form, not only what is scrolled into view).
  // When the browser's find (or a link to a text fragment) matches one, the browser fires
  // beforematch on it and the app shows the field. Screen readers read the fields
  // themselves, so this layer is hidden from them.
  const findLayer = document.createElement('div');
  findLayer.id = 'mirror-find';
  findLayer.setAttribute('aria-hidden', 'true');
  // Without hidden="until-found" (older engines) the text stays findable in the invisible
  // layer, and the field is shown once the find bar closes with the match selected.
  const untilFound = 'onbeforematch' in document.documentElement;
  const findByKey = new Map();
  const byKey = new Map();  // item name -> element
  const lastNodes = new Map();  // item name -> the node last applied
  let serial = 0;

  function attach() {
    if (root.isConnected) return;
    // The find text first: a match there (which takes the app to the field) is the first
    // the browser finds, before the same words in a field's element over the field.
    document.body.appendChild(findLayer);
    document.body.appendChild(root);
    document.body.appendChild(descriptions);
    document.body.appendChild(live);
  }

  function hideUntilFound(el) {
    if (untilFound && el.getAttribute('hidden') !== 'until-found') el.setAttribute('hidden', 'until-found');
  }

  function findElement(key) {
    const el = document.createElement('div');
    el.dataset.key = key;
    const label = el.appendChild(document.createElement('span'));
    el.appendChild(document.createTextNode(' '));
    const text = el.appendChild(document.createElement('span'));
    el.parts = { label, text };
    hideUntilFound(el);
    el.addEventListener('beforematch', () => {
      send('shenbao_find_reveal', key);
      // Hidden again once the browser has shown it, so that the next find (or Enter in the
      // find bar coming round again) finds it again.
      setTimeout(() => hideUntilFound(el), 0);
    });
    return el;
  }

  // [{k: field path, n: its label, t: the text}] (MirrorFindText), in the form's order.
  function updateFindText(json) {
    attach();
    const texts = JSON.parse(json);
    const keep = new Set(texts.map((t) => t.k));
    for (const [key, el] of findByKey) if (!keep.has(key)) { el.remove(); findByKey.delete(key); }
    let previous = null;
    for (const t of texts) {
      let el = findByKey.get(t.k);
      if (!el) { el = findElement(t.k); findByKey.set(t.k, el); }
      if (el.parts.label.textContent !== t.n) el.parts.label.textContent = t.n;
      if (el.parts.text.textContent !== t.t) el.parts.text.textContent = t.t;
      const next = previous ? previous.nextSibling : findLayer.firstChild;
      if (next !== el) findLayer.insertBefore(el, next);
      previous = el;
    }
  }

  if (!untilFound) {
    document.addEventListener('selectionchange', () => {
      const node = document.getSelection().focusNode;
      const el = node && findLayer.contains(node) ? (node.nodeType === 1 ? node : node.parentElement).closest('[data-key]') : null;
      if (el) send('shenbao_find_reveal', el.dataset.key);
    });
  }

  function create(node) {
    let el;
    if (node.r === 'heading') {
      el = document.createElement('h2');
    } else if (node.r === 'note') {
      el = document.createElement('p');  // text to be read, not a control
    } else if (node.r === 'textbox') {
      el = document.createElement('input');
      el.type = 'text';
      el.autocomplete = 'off';
      el.addEventListener('focus', () => send('shenbao_mirror_focus', node.k));
    } else if (node.r === 'checkbox') {
      el = document.createElement('input');
      el.type = 'checkbox';
      el.addEventListener('click', (e) => { e.preventDefault(); send('shenbao_mirror_activate', el.dataset.key); });
    } else {
      el = document.createElement('button');
      el.type = 'button';
      if (node.r === 'combobox') {
        el.setAttribute('role', 'combobox');
        el.setAttribute('aria-haspopup', 'listbox');
      } else if (node.r === 'radio') {
        el.setAttribute('role', 'radio');
      } else if (node.r === 'link') {
        el.setAttribute('role', 'link');
      } else if (node.r === 'slider') {
        el.setAttribute('role', 'slider');
        el.setAttribute('aria-valuemin', '90');
        el.setAttribute('aria-valuemax', '200');
      }
      el.addEventListener('click', () => send('shenbao_mirror_activate', el.dataset.key));
    }
    if (node.r !== 'heading' && node.r !== 'note') el.tabIndex = -1;  // Tab is the app's (it moves through the items in its own order)
    el.id = 'mirror-' + (++serial);
    el.className = 'mirror-item';
    el.dataset.role = node.r;
    return el;
  }

  function setAttr(el, name, on, value = 'true') {
    if (on) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); } else if (el.hasAttribute(name)) el.removeAttribute(name);
  }

  function apply(el, node) {
    el.dataset.key = node.k;
    if (node.r === 'heading' || node.r === 'note') {
      if (el.textContent !== node.n) el.textContent = node.n;
    } else {
      // A button in a table's row says which row it acts on: 删除（第 2 行）.
      const name = node.tb && node.r === 'button' ? `${node.n}（第 ${node.tr} 行）` : node.n;
      setAttr(el, 'aria-label', true, name);
    }
    if (el.tagName === 'INPUT' && el.type === 'text' && document.activeElement !== el && el.value !== (node.v || '')) el.value = node.v || '';
    if (el.type === 'checkbox') el.checked = node.chk === 1;
    setAttr(el, 'aria-required', node.req === 1);
    setAttr(el, 'aria-invalid', node.inv === 1);
    setAttr(el, 'aria-disabled', node.dis === 1);
    if (node.r === 'combobox') setAttr(el, 'aria-expanded', true, node.exp === 1 ? 'true' : 'false');
    if (node.r === 'slider') setAttr(el, 'aria-valuenow', true, node.v || '100');
    if (node.r === 'radio') setAttr(el, 'aria-checked', true, node.v === '1' ? 'true' : 'false');
    setAttr(el, 'data-focused', node.foc === 1);
    let d = el.describedBy;
    if (node.d) {
      if (!d) {
        d = el.describedBy = document.createElement('span');
        d.id = 'mirror-d-' + (++serial);
        descriptions.appendChild(d);
      }
      if (d.textContent !== node.d) d.textContent = node.d;
      setAttr(el, 'aria-describedby', true, d.id);
    } else if (d) {
      d.remove();
      el.describedBy = null;
      setAttr(el, 'aria-describedby', false);
    }
    const s = el.style;
    s.left = node.x + 'px';
    s.top = node.y + 'px';
    s.width = node.w + 'px';
    s.height = node.h + 'px';
  }

  // What each update cost, the app's making of the nodes and this keeping of the elements
  // in step (read by scripts/bench as mirror_ms).
  const costs = [];
  const buildCosts = [];
  function update(json, buildMs = 0) {
    const started = performance.now();
    keepInStep(json);
    costs.push(buildMs + performance.now() - started);
    buildCosts.push(buildMs);
    if (costs.length > 1000) { costs.shift(); buildCosts.shift(); }
  }

  // The lists (the drafts, the checks' findings, the submissions received): an element
  // with role list per name, each entry in a listitem. They take no room: the entries
  // keep their places over the items.
  const lists = new Map();
  function listNamed(name) {
    let list = lists.get(name);
    if (!list) {
      list = document.createElement('div');
      list.setAttribute('role', name.startsWith('dialog:') ? 'dialog' : 'list');
      list.setAttribute('aria-label', name.replace(/^dialog:/, ''));
      if (name.startsWith('dialog:')) list.setAttribute('aria-modal', 'true');
      lists.set(name, list);
    }
    return list;
  }
  // A dialog (快捷键) holds its items as a list holds its entries, without the wrappers.
  const containerOf = (node) => (node.g ? node.g : node.dg ? 'dialog:' + node.dg : null);
  // The form's tables: an element with role table per table, a row per row of it, each
  // cell (and each row's buttons) in a cell.
  const tables = new Map();  // table label -> {el, rows: Map(row number -> element)}
  function tableNamed(name) {
    let table = tables.get(name);
    if (!table) {
      const el = document.createElement('div');
      el.setAttribute('role', 'table');
      el.setAttribute('aria-label', name);
      table = { el, rows: new Map() };
      tables.set(name, table);
    }
    return table;
  }
  function rowOf(table, n) {
    let row = table.rows.get(n);
    if (!row) {
      row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.setAttribute('aria-label', `第 ${n} 行`);
      table.rows.set(n, row);
    }
    return row;
  }
  // What is placed in its parent for the element: the element, or its wrapper (a
  // listitem, or a cell).
  function slotOf(el, wrapperRole) {
    if (!wrapperRole) {
      if (el.wrapper) { el.wrapper.remove(); el.wrapper = null; }
      return el;
    }
    if (!el.wrapper || el.wrapper.getAttribute('role') !== wrapperRole) {
      if (el.wrapper) el.wrapper.remove();
      el.wrapper = document.createElement('div');
      el.wrapper.setAttribute('role', wrapperRole);
    }
    if (el.parentNode !== el.wrapper) el.wrapper.appendChild(el);
    return el.wrapper;
  }
  const wrapperRoleOf = (node) => (node.g ? 'listitem' : node.tb ? 'cell' : null);
  function placeAfter(parent, previous, child) {
    const next = previous ? previous.nextSibling : parent.firstChild;
    if (next !== child) parent.insertBefore(child, next);
  }

  function remove(key) {
    const el = byKey.get(key);
    if (!el) return;
    if (el.wrapper) el.wrapper.remove();
    el.remove();
    if (el.describedBy) el.describedBy.remove();
    byKey.delete(key);
    lastNodes.delete(key);
  }

  // A delta from the app: the nodes that are new or changed, and every key in order when
  // the set or the order changed (src/ui/mirror.h, MirrorDelta).
  function keepInStep(json) {
    attach();
    const delta = JSON.parse(json);
    for (const node of delta.nodes) {
      let el = byKey.get(node.k);
      if (el && el.dataset.role !== node.r) { remove(node.k); el = null; }
      if (!el) {
        el = create(node);
        byKey.set(node.k, el);
        root.appendChild(slotOf(el, wrapperRoleOf(node)));
      }
      apply(el, node);
      lastNodes.set(node.k, node);
    }
    if (delta.keys) {
      const keep = new Set(delta.keys);
      for (const key of [...byKey.keys()]) if (!keep.has(key)) remove(key);
      // The elements in the order the app draws its items (the reading order); a list
      // where its first entry is.
      let previous = null;
      const lastInList = new Map();
      const lastRowIn = new Map();  // table label -> the last row placed
      const lastInRow = new Map();  // row element -> the last cell placed
      for (const key of delta.keys) {
        const el = byKey.get(key);
        if (!el) continue;
        const node = lastNodes.get(key);
        const slot = slotOf(el, wrapperRoleOf(node));
        const container = containerOf(node);
        if (container) {
          const list = listNamed(container);
          if (!lastInList.has(container)) {
            placeAfter(root, previous, list);
            previous = list;
            lastInList.set(container, null);
          }
          placeAfter(list, lastInList.get(container), slot);
          lastInList.set(container, slot);
        } else if (node.tb) {
          const table = tableNamed(node.tb);
          if (!lastRowIn.has(node.tb)) {
            placeAfter(root, previous, table.el);
            previous = table.el;
            lastRowIn.set(node.tb, null);
          }
          const row = rowOf(table, node.tr);
          if (!lastInRow.has(row)) {
            placeAfter(table.el, lastRowIn.get(node.tb), row);
            lastRowIn.set(node.tb, row);
            lastInRow.set(row, null);
          }
          placeAfter(row, lastInRow.get(row), slot);
          lastInRow.set(row, slot);
        } else {
          placeAfter(root, previous, slot);
          previous = slot;
        }
      }
      for (const [name, list] of lists) if (!lastInList.has(name)) { list.remove(); lists.delete(name); }
      for (const [name, table] of tables) {
        if (!lastRowIn.has(name)) { table.el.remove(); tables.delete(name); continue; }
        for (const [n, row] of table.rows) if (!lastInRow.has(row)) { row.remove(); table.rows.delete(n); }
      }
    }
    // The keyboard stays in the app's text sink; the item that has it is its active
    // descendant, so that a screen reader says where the keyboard is.
    const sink = document.getElementById('ime');
    let focused = null;
    for (const [key, node] of lastNodes) if (node.foc === 1) focused = byKey.get(key);
    if (sink) setAttr(sink, 'aria-activedescendant', Boolean(focused), focused ? focused.id : '');
  }

  function announce(text) {
    attach();
    if (live.textContent !== text) live.textContent = text;
  }

  function send(fn, key) {
    if (!window.Module || !Module.ccall) return;
    Module.ccall(fn, null, ['string'], [key]);
    if (window.shenbaoPlatform) shenbaoPlatform.requestFrames(2);
  }

  // The node last sent for an item, for the app's side of activation.
  window.shenbaoMirror = { update, announce, updateFindText, node: (key) => lastNodes.get(key), costs, buildCosts };
})();
