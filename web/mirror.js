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
  const byKey = new Map();  // item name -> element
  const lastNodes = new Map();  // item name -> the node last applied
  let serial = 0;

  function attach() {
    if (root.isConnected) return;
    document.body.appendChild(root);
    document.body.appendChild(descriptions);
    document.body.appendChild(live);
  }

  function create(node) {
    let el;
    if (node.r === 'heading') {
      el = document.createElement('h2');
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
      } else if (node.r === 'link') {
        el.setAttribute('role', 'link');
      } else if (node.r === 'slider') {
        el.setAttribute('role', 'slider');
        el.setAttribute('aria-valuemin', '90');
        el.setAttribute('aria-valuemax', '200');
      }
      el.addEventListener('click', () => send('shenbao_mirror_activate', el.dataset.key));
    }
    if (node.r !== 'heading') el.tabIndex = -1;  // Tab is the app's (it moves through the items in its own order)
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
    if (node.r === 'heading') {
      if (el.textContent !== node.n) el.textContent = node.n;
    } else {
      setAttr(el, 'aria-label', true, node.n);
    }
    if (el.tagName === 'INPUT' && el.type === 'text' && document.activeElement !== el && el.value !== (node.v || '')) el.value = node.v || '';
    if (el.type === 'checkbox') el.checked = node.chk === 1;
    setAttr(el, 'aria-required', node.req === 1);
    setAttr(el, 'aria-invalid', node.inv === 1);
    setAttr(el, 'aria-disabled', node.dis === 1);
    if (node.r === 'combobox') setAttr(el, 'aria-expanded', true, node.exp === 1 ? 'true' : 'false');
    if (node.r === 'slider') setAttr(el, 'aria-valuenow', true, node.v || '100');
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

  function remove(key) {
    const el = byKey.get(key);
    if (!el) return;
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
        root.appendChild(el);
      }
      apply(el, node);
      lastNodes.set(node.k, node);
    }
    if (delta.keys) {
      const keep = new Set(delta.keys);
      for (const key of [...byKey.keys()]) if (!keep.has(key)) remove(key);
      // The elements in the order the app draws its items (the reading order).
      let previous = null;
      for (const key of delta.keys) {
        const el = byKey.get(key);
        if (!el) continue;
        const next = previous ? previous.nextSibling : root.firstChild;
        if (next !== el) root.insertBefore(el, next);
        previous = el;
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
  window.shenbaoMirror = { update, announce, node: (key) => lastNodes.get(key), costs, buildCosts };
})();
