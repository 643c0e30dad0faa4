// The script of the emulator's page (ui-page.ts), sent inline under the page's CSP nonce. It reads its
// texts from the JSON block #boot, talks only to the control API (/__emulator/*: fetch for reads and
// controls, an EventSource on /__emulator/events for the live log) and builds every element with
// createElement + textContent: no innerHTML, no inline handlers, so a logged value such as a state of
// `<img src=x onerror=alert(1)>` is shown as text. Written without template literals (the whole script
// is one String.raw template) and for current browsers only.
import { UNSAFE_CHARS } from '../core/unsafe-chars.js';

export const UI_SCRIPT = String.raw`
(function () {
  'use strict';
  var boot = JSON.parse(document.getElementById('boot').textContent);
  var LANG_KEY = 'wxauth-emulator-lang';
  var MAX_ROWS = 500;
  var S = {
    lang: initialLang(),
    seed: null,
    user: '',
    clock: null,
    faults: [],
    faultWarnings: [],
    switches: {},
    values: {},
    qr: [],
    rows: [],
    maxSeq: 0,
    filterAppid: '',
    filterErrcode: '',
    switchesBuilt: false,
    renderedUser: null,
    renderedQr: null,
    renderedFaults: null
  };

  function initialLang() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
    try {
      var saved = localStorage.getItem(LANG_KEY);
      if (saved === 'zh' || saved === 'en') return saved;
    } catch (e) { /* storage may be off */ }
    return boot.lang === 'zh' ? 'zh' : 'en';
  }

  function T(key, params) {
    var text = boot.texts[S.lang][key];
    if (text === undefined) text = boot.texts.en[key];
    if (text === undefined) return key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }

  function byId(id) { return document.getElementById(id); }

  // The only way this script makes elements: properties and attributes are set one by one, text goes
  // through text nodes, and an attribute named on* is refused outright.
  var PROPS = { value: 1, checked: 1, disabled: 1, hidden: 1, selected: 1, open: 1 };
  function h(tag, props, children) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null || value === false) return;
        if (/^on/i.test(key)) throw new Error('no inline handlers');
        if (key === 'class') el.className = value;
        else if (key === 'text') el.textContent = String(value);
        else if (PROPS[key]) el[key] = value;
        else el.setAttribute(key, value === true ? '' : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
    return el;
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  // ---------------------------------------------------------------------------------------------
  // the control API

  // Changes leave one at a time, in the order they were made, each once the one before was answered:
  // sent as they came, two quick picks of "you" (or two switch clicks) went out on two connections and
  // the emulator could apply the second before the first, leaving the older choice. Reads go at once.
  var changes = Promise.resolve();
  function api(method, path, body) {
    if (method === 'GET') return send(method, path, body);
    var sent = changes.then(function () { return send(method, path, body); });
    changes = sent.then(function () { return undefined; }, function () { return undefined; });
    return sent;
  }

  function send(method, path, body) {
    var init = { method: method, headers: {} };
    if (method !== 'GET') {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }
    return fetch('/__emulator' + path, init).then(function (res) {
      return res.json().then(function (doc) { return doc; }, function () { return { ok: false, error: 'HTTP ' + res.status }; });
    }, function () {
      throw new Error(T('status.offline'));
    }).then(function (doc) {
      if (!doc || doc.ok !== true) {
        // A refusal the page has a sentence for (a fault it could not arm) is said in the page's language.
        var problem = doc && doc.problem;
        if (problem && typeof problem.text === 'string' && boot.texts.en[problem.text] !== undefined) throw new Error(T(problem.text, problem.params));
        throw new Error((doc && doc.error) || 'failed');
      }
      return doc;
    });
  }

  // The status line: what the last action did. It is kept as a function of the page's language, so a
  // language switch while it shows says it again in the new language.
  var statusTimer;
  var statusText = null;
  function say(text, isError) {
    var el = byId('status');
    statusText = typeof text === 'function' ? text : function () { return text; };
    el.textContent = statusText();
    el.className = isError ? 'status error' : 'status';
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { el.textContent = ''; el.className = 'status'; statusText = null; }, isError ? 12000 : 5000);
  }
  /** A text said later, in the language of that moment: say(L('key')) rather than say(T('key')). */
  function L(key, params) {
    return function () { return T(key, params); };
  }

  /** Run a control call; on success say what happened and read the state back. */
  function act(promise, okText) {
    return promise.then(function (doc) {
      if (okText) say(typeof okText === 'function' ? function () { return okText(doc); } : okText);
      return refresh().then(function () { return doc; });
    }).catch(function (error) {
      say(L('status.error', { detail: error.message }), true);
      return undefined;
    });
  }

  var refreshing = null;
  var refreshAgain = false;
  function refresh() {
    if (refreshing) { refreshAgain = true; return refreshing; }
    refreshing = Promise.all([api('GET', '/user'), api('GET', '/clock'), api('GET', '/faults'), api('GET', '/switches'), api('GET', '/qr'), api('GET', '/seed'), api('GET', '/tickets')])
      .then(function (r) {
        // An app's IP whitelist set elsewhere (another tab, a script, a reset): the apps are drawn again.
        var lists = function (seed) { return JSON.stringify(seed ? seed.apps.map(function (a) { return a.ipWhitelist; }) : null); };
        if (S.seed && lists(S.seed) !== lists(r[5])) { S.seed = r[5]; renderSeed(); }
        S.user = r[0].user;
        S.clock = { now: r[1].now, offset: r[1].offset, at: Date.now() };
        S.faults = r[2].faults;
        S.faultWarnings = r[2].warnings || [];
        S.switches = r[3].switches;
        S.values = r[3].values;
        S.qr = r[4].sessions;
        S.tickets = r[6].tickets;
        renderState();
      })
      .catch(function (error) { say(L('status.error', { detail: error.message }), true); })
      .then(function () {
        refreshing = null;
        if (refreshAgain) { refreshAgain = false; return refresh(); }
        return undefined;
      });
    return refreshing;
  }

  // At most one read-back per 250 ms however fast requests arrive (a debounce would never fire under
  // steady traffic).
  var refreshTimer = null;
  function refreshSoon() {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refresh();
    }, 250);
  }

  // ---------------------------------------------------------------------------------------------
  // small pieces

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = h('textarea', { class: 'offscreen', readonly: true });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy'));
    });
  }

  function copyButton(value, what) {
    var button = h('button', { type: 'button', class: 'copy', 'data-copy': what, 'aria-label': T('copy') + ' ' + what, text: T('copy') });
    button.addEventListener('click', function () {
      copyText(value).then(function () { flash(button, T('copied')); }, function () { flash(button, T('copyFailed')); });
    });
    return button;
  }

  function flash(button, text) {
    button.textContent = text;
    setTimeout(function () { button.textContent = T('copy'); }, 1500);
  }

  function maskSecret(secret) {
    return secret.length > 4 ? '\u2022\u2022\u2022\u2022' + secret.slice(-4) : '\u2022\u2022\u2022\u2022';
  }

  function kv(label, valueNode, extra) {
    return h('div', { class: 'kv' }, [h('span', { class: 'k', text: label }), valueNode, extra]);
  }

  function duration(seconds) {
    var s = Math.abs(Math.round(seconds));
    var parts = [];
    var d = Math.floor(s / 86400); s -= d * 86400;
    var hh = Math.floor(s / 3600); s -= hh * 3600;
    var m = Math.floor(s / 60); s -= m * 60;
    if (d) parts.push(T('unit.d', { n: d }));
    if (hh) parts.push(T('unit.h', { n: hh }));
    if (m) parts.push(T('unit.min', { n: m }));
    if (s || parts.length === 0) parts.push(T('unit.s', { n: s }));
    return (seconds < 0 ? '-' : '') + parts.join(' ');
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function localTime(ms) {
    var d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function appName(appid) {
    var apps = S.seed ? S.seed.apps : [];
    for (var i = 0; i < apps.length; i++) if (apps[i].appid === appid) return shown(apps[i].name);
    return shown(appid);
  }

  // Any text of a seed (a nickname, an app's name, domain or 开放平台 account) or a value a request sent
  // (a decoded query's state), as shown: control characters, bidi overrides and invisible characters
  // escaped as the CLI shows them (core/unsafe-chars.ts); /seed, the log and every Copy keep it exact.
  function shown(text) {
    return String(text).replace(new RegExp('${UNSAFE_CHARS.source}', 'g'), function (ch) {
      var named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }[ch];
      if (named) return named;
      var cp = ch.charCodeAt(0);
      return cp < 0x80 ? '\\x' + ('0' + cp.toString(16)).slice(-2) : '\\u' + ('000' + cp.toString(16)).slice(-4);
    });
  }

  function userName(id) {
    var users = S.seed ? S.seed.users : [];
    for (var i = 0; i < users.length; i++) if (users[i].id === id) return shown(users[i].nickname) + ' (' + shown(id) + ')';
    return id;
  }

  function faultSpec(f) {
    var kind = f.kind === 'http500' ? '500' : f.kind === 'http502' ? '502' : f.kind;
    return kind + (f.kind === 'delay' ? '=' + f.ms : f.kind === 'errcode' ? '=' + f.errcode : '') + (f.path ? '@' + f.path : '') + (f.count !== undefined ? ':' + f.count : '');
  }

  // ---------------------------------------------------------------------------------------------
  // rendering the state

  function renderSeed() {
    var apps = byId('app-list');
    clear(apps);
    S.seed.apps.forEach(function (app) {
      var maskedEnv = app.env.split(app.secret).join(maskSecret(app.secret));
      apps.appendChild(h('li', { class: 'item', 'data-appid': app.appid }, [
        h('div', { class: 'app-head' }, [h('strong', { text: shown(app.name) }), h('span', { class: 'badge', text: T('type.' + app.type) })]),
        kv('appid', h('code', { class: 'v', text: app.appid }), copyButton(app.appid, 'appid')),
        kv('secret', h('code', { class: 'v', text: maskSecret(app.secret) }), copyButton(app.secret, 'secret')),
        kv(T(app.type === 'website' ? 'apps.domain' : app.scopes.length === 0 ? 'apps.domain.noWebAuth' : app.type === 'test' ? 'apps.domain.test' : 'apps.domain.oa'), h('code', { class: 'v', text: app.domain.length ? shown(app.domain.join(', ')) : T('apps.noDomain') })),
        app.type === 'website' ? null : whitelistRow(app),
        app.type === 'website' ? null : ticketRow(app),
        h('div', { class: 'small', text: T('apps.export') }),
        h('div', { class: 'export' }, [h('code', { text: shown(maskedEnv) }), copyButton(app.env, 'export')])
      ]));
    });

    var filter = byId('filter-appid');
    var chosen = S.filterAppid;
    clear(filter);
    filter.appendChild(new Option(T('log.filter.all'), ''));
    S.seed.apps.forEach(function (app) { filter.appendChild(new Option(shown(app.name) + ' \u00b7 ' + app.appid, app.appid)); });
    filter.value = chosen;

    var you = byId('you');
    clear(you);
    S.seed.users.forEach(function (u) { you.appendChild(new Option(shown(u.nickname) + ' (' + shown(u.id) + ')', u.id)); });
    renderUsers();
    renderTickets();
  }

  function renderUsers() {
    var list = byId('user-list');
    clear(list);
    S.seed.users.forEach(function (u) {
      var follows = u.follows.length ? T('users.follows', { list: u.follows.map(appName).join(', ') }) : T('users.followsNone');
      var ids = h('details', null, [h('summary', { class: 'small', text: T('users.openids') })]);
      Object.keys(u.openids).forEach(function (appid) {
        ids.appendChild(kv(appName(appid), h('code', { class: 'v', text: u.openids[appid] }), copyButton(u.openids[appid], 'openid')));
      });
      Object.keys(u.unionids).forEach(function (account) {
        ids.appendChild(kv('unionid \u00b7 ' + shown(account), h('code', { class: 'v', text: u.unionids[account] }), copyButton(u.unionids[account], 'unionid')));
      });
      list.appendChild(h('li', { class: 'item', 'data-user': u.id }, [
        h('div', { class: 'user-head' }, [
          h('strong', { text: shown(u.nickname) }),
          h('code', { text: u.id }),
          copyButton(u.id, 'user id'),
          u.id === S.user ? h('span', { class: 'badge green', text: T('users.you') }) : null
        ]),
        h('div', { class: 'small', text: follows }),
        ids
      ]));
    });
  }

  function renderState() {
    byId('you').value = S.user;
    // The users list only marks who "you" are; rebuilding it would close an open openid list.
    if (S.seed && S.renderedUser !== S.user) {
      S.renderedUser = S.user;
      renderUsers();
    }
    renderClock();
    renderQr();
    renderFaults();
    renderSwitches();
  }

  /** The emulator clock now: as last read, plus the time since. */
  function emulatorNow() {
    return S.clock ? S.clock.now + (Date.now() - S.clock.at) : Date.now();
  }

  function renderClock() {
    if (!S.clock) return;
    var now = emulatorNow();
    byId('clock-now').textContent = localTime(now);
    byId('clock-iso').textContent = new Date(now).toISOString();
    byId('clock-ahead').textContent = S.clock.offset ? T('clock.ahead', { d: duration(S.clock.offset) }) : T('clock.real');
    renderQrAges();
    renderTickets();
  }

  /**
   * Each app's jsapi_ticket row: filled in place (with the clock, every second), its button kept, so a
   * click is never lost to a redraw. A ticket past its time shows as expired before the page reads the
   * state back.
   */
  function renderTickets() {
    var now = emulatorNow();
    Array.prototype.forEach.call(byId('app-list').querySelectorAll('[data-ticket]'), function (el) {
      var appid = el.getAttribute('data-ticket');
      var t = (S.tickets || []).filter(function (x) { return x.appid === appid && x.type === 'jsapi'; })[0];
      var live = !!t && now < t.expiresAt;
      el.textContent = !t
        ? T('apps.ticket.none')
        : live
          ? T('apps.ticket.live', { ticket: maskSecret(t.ticket), time: localTime(t.expiresAt), d: duration((t.expiresAt - now) / 1000) })
          : T('apps.ticket.expired', { ticket: maskSecret(t.ticket), time: localTime(t.expiresAt) });
      var button = el.parentNode.parentNode.querySelector('.ticket-expire');
      if (button) button.disabled = !live;
    });
  }

  // With the clock, every second: a QR page's polls that report no change are not logged, so they no
  // longer make this page read the state back.
  function renderQrAges() {
    var now = emulatorNow();
    Array.prototype.forEach.call(byId('qr-list').querySelectorAll('[data-created]'), function (el) {
      el.textContent = T('qr.age', { d: duration((now - Date.parse(el.getAttribute('data-created'))) / 1000) });
    });
  }

  // The QR and fault lists are rebuilt only when what they show changed: every logged request reads the
  // state back, and a rebuild under a pointer detached the button being clicked (a QR page polling
  // once a second made "Confirm as …" unclickable). A QR login's age is updated in place.
  function renderQr() {
    var list = byId('qr-list');
    var now = emulatorNow();
    var key = JSON.stringify([S.lang, userName(S.user), S.qr.map(function (s) { return [s.uuid, s.status, s.name, s.appid, s.state, s.redirectUri]; })]);
    if (key === S.renderedQr) {
      renderQrAges();
      return;
    }
    S.renderedQr = key;
    clear(list);
    byId('qr-none').hidden = S.qr.length > 0;
    S.qr.forEach(function (s) {
      var confirm = h('button', { type: 'button', class: 'primary', 'data-action': 'confirm', text: T('qr.confirm', { user: userName(S.user) }) });
      var cancel = h('button', { type: 'button', 'data-action': 'cancel', text: T('qr.cancel') });
      confirm.addEventListener('click', function () {
        act(api('POST', '/scan', { uuid: s.uuid, action: 'confirm', user: S.user }), L('qr.confirmed'));
      });
      cancel.addEventListener('click', function () {
        act(api('POST', '/scan', { uuid: s.uuid, action: 'cancel' }), L('qr.cancelled'));
      });
      list.appendChild(h('li', { class: 'item', 'data-uuid': s.uuid }, [
        h('div', { class: 'app-head' }, [
          h('strong', { text: shown(s.name) }),
          h('span', { class: 'badge ' + (s.status === 404 ? 'orange' : ''), text: s.status === 404 ? T('qr.scanned') : T('qr.waiting') }),
          h('span', { class: 'small', 'data-created': s.createdAt, text: T('qr.age', { d: duration((now - Date.parse(s.createdAt)) / 1000) }) })
        ]),
        kv('appid', h('code', { class: 'v', text: s.appid })),
        kv('state', h('code', { class: 'v', text: shown(s.state) })),
        kv('redirect_uri', h('code', { class: 'v', text: shown(s.redirectUri) })),
        h('div', { class: 'btns' }, [confirm, cancel])
      ]));
    });
  }

  function renderFaults() {
    var list = byId('fault-list');
    var key = JSON.stringify([S.lang, S.faults, S.faultWarnings]);
    if (key === S.renderedFaults) return;
    S.renderedFaults = key;
    clear(list);
    byId('faults-none').hidden = S.faults.length > 0;
    byId('faults-clear').hidden = S.faults.length === 0;
    S.faults.forEach(function (f) {
      var remove = h('button', { type: 'button', class: 'danger', text: T('faults.remove') });
      remove.addEventListener('click', function () {
        // This one, by its spec: sending back the list without it would undo what another tab or a
        // script armed or removed since the list was drawn. Gone already (fired): the list is redrawn.
        act(api('POST', '/faults', { remove: faultSpec(f) }), L('faults.removed', { spec: faultSpec(f) })).then(function (doc) {
          if (!doc) refresh();
        });
      });
      var scope = (f.path ? f.path : T('faults.every')) + ' \u00b7 ' + (f.count !== undefined ? T('faults.left', { n: f.count }) : T('faults.until'));
      // A path the emulator serves nothing at: armed, but it never fires (the control API says which).
      var never = S.faultWarnings.filter(function (w) { return w.spec === faultSpec(f); })[0];
      list.appendChild(h('li', { class: 'item kv', 'data-fault': faultSpec(f) }, [
        h('code', { class: 'v', text: faultSpec(f) }),
        h('span', { class: 'small', text: scope }),
        never ? h('span', { class: 'badge orange', 'data-never': '', text: T(never.suggestion ? 'faults.never.suggest' : 'faults.never', never) }) : null,
        remove
      ]));
    });
  }

  function switchRow(name) {
    var row = h('div', { class: 'switch', 'data-switch': name }, [
      h('div', { class: 'name', text: name }),
      h('div', { class: 'small', 'data-switch-text': name, text: (boot.switches[name] || {})[S.lang] || '' })
    ]);
    var seg = h('div', { class: 'seg', role: 'group', 'aria-label': name });
    S.values[name].forEach(function (value) {
      var button = h('button', { type: 'button', 'data-value': String(value), 'aria-pressed': 'false', text: String(value) });
      button.addEventListener('click', function () {
        var change = {};
        change[name] = value;
        act(api('POST', '/switches', change), L('switches.changed', { name: name, value: String(value) }));
      });
      seg.appendChild(button);
    });
    row.appendChild(seg);
    return row;
  }

  /** An app's IP whitelist (40164 for /cgi-bin/ callers not on it), shown and set here. */
  function whitelistRow(app) {
    var current = app.ipWhitelist ? app.ipWhitelist.join(', ') : '';
    var input = h('input', { type: 'text', class: 'whitelist-input', autocomplete: 'off', spellcheck: 'false', 'aria-label': T('apps.whitelist') + ' ' + app.appid, placeholder: T('apps.whitelist.placeholder'), value: current });
    var set = h('button', { type: 'submit', class: 'whitelist-set', text: T('switches.set') });
    var unset = h('button', { type: 'button', class: 'whitelist-clear', text: T('switches.clear') });
    var put = function (ips) {
      act(api('POST', '/whitelist', { appid: app.appid, ips: ips }).then(function (doc) {
        app.ipWhitelist = doc.ipWhitelist;
        renderSeed();
        return doc;
      }), ips && ips.length ? L('apps.whitelist.changed', { appid: app.appid, value: ips.join(', ') }) : L('apps.whitelist.removed', { appid: app.appid }));
    };
    // A form, as the fault field's: Enter in the field does what Set does.
    var form = h('form', { class: 'btns', novalidate: true }, [input, set, unset]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var ips = input.value.split(/[\s,，]+/).filter(function (ip) { return ip !== ''; });
      put(ips.length ? ips : null);
    });
    unset.addEventListener('click', function () { put(null); });
    return h('div', { class: 'whitelist' }, [
      kv(T('apps.whitelist'), h('code', { class: 'v', 'data-whitelist': app.appid, text: current || T('apps.whitelist.none') })),
      form
    ]);
  }

  /**
   * An app's jsapi_ticket (what its server signs wx.config with), ended on demand: a server that keeps
   * a ticket past its time then signs with a dead one, as after WeChat's 7200 s. Links the wx.config
   * check page.
   */
  function ticketRow(app) {
    var expire = h('button', { type: 'button', class: 'ticket-expire', disabled: true, text: T('apps.ticket.expire') });
    expire.addEventListener('click', function () {
      act(api('POST', '/tickets', { appid: app.appid, expire: true }), L('apps.ticket.ended', { appid: app.appid }));
    });
    var check = h('a', { class: 'ticket-check', href: '/__emulator/jssdk?lang=' + S.lang + '&appId=' + encodeURIComponent(app.appid), target: '_blank', rel: 'noopener', text: T('apps.ticket.check') });
    return h('div', { class: 'ticket' }, [
      kv('jsapi_ticket', h('code', { class: 'v', 'data-ticket': app.appid })),
      h('div', { class: 'btns' }, [expire, check])
    ]);
  }

  function callerIpRow() {
    var input = h('input', { type: 'text', id: 'caller-ip', autocomplete: 'off', spellcheck: 'false', 'aria-label': 'callerIp', placeholder: T('switches.callerIp.placeholder') });
    var set = h('button', { type: 'submit', id: 'caller-ip-set', text: T('switches.set') });
    var unset = h('button', { type: 'button', id: 'caller-ip-clear', text: T('switches.clear') });
    // A form, as the fault field's: Enter in the field does what Set does.
    var form = h('form', { class: 'btns', novalidate: true }, [input, set, unset]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var ip = input.value.trim();
      act(api('POST', '/switches', { callerIp: ip === '' ? null : ip }), ip === '' ? L('switches.callerIp.cleared') : L('switches.changed', { name: 'callerIp', value: ip }));
    });
    unset.addEventListener('click', function () {
      input.value = '';
      act(api('POST', '/switches', { callerIp: null }), L('switches.callerIp.cleared'));
    });
    return h('div', { class: 'switch', 'data-switch': 'callerIp' }, [
      h('div', { class: 'name', text: 'callerIp' }),
      h('div', { class: 'small', 'data-switch-text': 'callerIp', text: boot.switches.callerIp[S.lang] }),
      form
    ]);
  }

  function renderSwitches() {
    var list = byId('switch-list');
    if (!S.switchesBuilt) {
      clear(list);
      Object.keys(S.values).forEach(function (name) { list.appendChild(switchRow(name)); });
      list.appendChild(callerIpRow());
      S.switchesBuilt = true;
    }
    Object.keys(S.values).forEach(function (name) {
      var row = list.querySelector('[data-switch="' + name + '"]');
      if (!row) return;
      Array.prototype.forEach.call(row.querySelectorAll('button[data-value]'), function (button) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-value') === String(S.switches[name])));
      });
    });
    var ip = byId('caller-ip');
    if (ip && document.activeElement !== ip) ip.value = S.switches.callerIp || '';
    // Collapsed, the card still says how many switches differ from their default (the first value).
    var changed = Object.keys(S.values).filter(function (name) { return String(S.switches[name]) !== String(S.values[name][0]); }).length +
      (S.switches.callerIp ? 1 : 0);
    var badge = byId('switches-changed');
    badge.hidden = changed === 0;
    badge.textContent = T('switches.changedCount', { n: changed });
  }

  // ---------------------------------------------------------------------------------------------
  // the request log

  // The errcode filter's 0 keeps every success: errcode 0 and a WeChat answer with no errcode read alike
  // (both read ok), and nothing else without an errcode (a page, an authorize 302, a garbage fault's 200):
  // the rows it keeps are the ones labelled ok, as its hover says.
  function rowMatches(ev) {
    if (S.filterAppid !== '' && ev.appid !== S.filterAppid) return false;
    if (S.filterErrcode !== '' && String(succeeded(ev) ? 0 : ev.errcode) !== S.filterErrcode) return false;
    return true;
  }

  // WeChat's API said yes: errcode 0, or an HTTP 200 with no errcode at all, which is how its token and
  // userinfo calls succeed (API-FACTS §0.1; getticket, /sns/auth and the quota tools answer errcode 0).
  // WeChat's refusals are HTTP 200 too, so "HTTP 200" says nothing of the outcome; and a garbage
  // fault's 200 is no answer of WeChat's. A page (authorize, the QR page) still says its status.
  function succeeded(ev) {
    if (ev.errcode !== undefined || ev.page !== undefined) return ev.errcode === 0 && ev.page === undefined;
    return ev.status === 200 && ev.fault !== 'garbage' && /^\/(sns|cgi-bin)\//.test(ev.path);
  }

  // What a row says: a success in the same words on every path (the title says what came on the wire),
  // else WeChat's errcode and its meaning when the answer had one, else the HTTP status (0 = the connection
  // was reset by a fault); an injected fault is a separate mark, and a fault that broke the answer (500,
  // 502, busy, reset, garbage) makes the row red as WeChat's own refusals are.
  function describe(ev) {
    var fault = ev.fault ? T('log.fault', { kind: ev.fault }) : '';
    if (succeeded(ev)) return { code: T('log.ok'), cls: 'ok', text: '', fault: fault, title: ev.errcode === 0 ? 'errcode 0' : T('log.http', { status: ev.status }) };
    // An error page (authorize, qrconnect): its code when WeChat shows one, and its own words.
    if (ev.page !== undefined) return { code: ev.errcode !== undefined ? String(ev.errcode) : T('log.page'), cls: 'bad', text: ev.page, fault: fault };
    if (ev.errcode !== undefined) {
      var meaning = ev.meaning ? ev.meaning[S.lang] || ev.meaning.en : '';
      return { code: String(ev.errcode), cls: 'bad', text: meaning, fault: fault };
    }
    if (ev.status === 0) return { code: 'RST', cls: 'bad', text: '', fault: fault };
    // A garbage fault's 200 carries an HTML page where a client expects WeChat's JSON: it fails the
    // client as a 500 fault's answer does, so it is red like that one, not green for its status.
    if (ev.fault === 'garbage') return { code: T('log.http', { status: ev.status }), cls: 'bad', text: T('log.garbage'), fault: fault, title: T('log.garbage.title', { status: ev.status }) };
    return { code: T('log.http', { status: ev.status }), cls: ev.status >= 400 ? 'bad' : 'ok', text: '', fault: fault };
  }

  function buildRow(ev) {
    var d = describe(ev);
    // Emulator time, in the browser's time zone like the clock card (the full ISO time is the tooltip).
    var ms = Date.parse(ev.time);
    var time = isNaN(ms) ? ev.time : localTime(ms).slice(11);
    // A note quotes the state's odd characters (core/state.ts showChar escapes controls only, for the CLI's
    // sanitised output): a bidi override among them is escaped here.
    var note = ev.note ? shown(ev.note[S.lang] || ev.note.en) : '';
    var details = h('details', { class: 'req' + (d.cls === 'bad' ? ' err' : d.fault || note ? ' warn' : ''), 'data-seq': ev.seq, 'data-errcode': ev.errcode === undefined ? '' : ev.errcode });
    var summary = h('summary', null, [
      h('span', { class: 't', title: ev.time, text: time }),
      h('span', { class: 'm', text: ev.method }),
      h('span', { class: 'p', text: ev.path }),
      h('span', { class: 'line2' }, [
        h('span', { class: 'c ' + d.cls, text: d.code, title: d.title }),
        d.text ? h('span', { class: 'mean', title: d.text, text: d.text }) : null,
        d.fault ? h('span', { class: 'badge orange', text: d.fault }) : null,
        note ? h('span', { class: 'badge orange', 'data-note': '', title: note, text: T('log.note') }) : null,
        ev.appid ? h('span', { class: 'a', text: shown(ev.appid) }) : null
      ])
    ]);
    details.appendChild(summary);
    var body = h('div', { class: 'detail' });
    details.appendChild(body);
    var loaded = false;
    details.addEventListener('toggle', function () {
      if (!details.open || loaded) return;
      loaded = true;
      body.appendChild(h('p', { class: 'small', text: T('log.loading') }));
      api('GET', '/requests/' + ev.seq).then(function (doc) { renderDetail(body, doc); }, function (error) {
        loaded = false;
        clear(body);
        body.appendChild(h('p', { class: 'small', text: T('status.error', { detail: error.message }) }));
      });
    });
    details.hidden = !rowMatches(ev);
    return details;
  }

  function pre(text) { return h('pre', { text: text }); }

  function headerText(pairs) { return pairs.map(function (p) { return shown(p[0]) + ': ' + shown(p[1]); }).join('\n'); }

  // A body as sent, its lines and tabs kept (a form, a multipart body, JSON pretty-printed) and every
  // other such character escaped: JSON.stringify writes a U+202E as it is, whatever escape it came as.
  function shownLines(text) {
    return text.split(/(\r?\n|\t)/).map(function (part, i) { return i % 2 ? part : shown(part); }).join('');
  }

  function bodyText(part) {
    if (part.body === '') return T('log.noBody');
    var text = part.body;
    try {
      if (/^\s*[\[{]/.test(text)) text = JSON.stringify(JSON.parse(text), null, 2);
    } catch (e) { /* not JSON: shown as sent */ }
    text = shownLines(text);
    return part.truncated ? text + '\n' + T('log.truncated', { n: part.truncated }) : text;
  }

  function renderDetail(body, doc) {
    clear(body);
    var r = doc.request;
    var d = describe(r);
    if (r.errcode !== undefined && r.errcode !== 0) body.appendChild(h('p', null, [h('strong', { text: String(r.errcode) + ' ' }), d.text]));
    if (r.note) body.appendChild(h('p', { class: 'desc', 'data-note': '', text: shown(r.note[S.lang] || r.note.en) }));
    if (!doc.detail) {
      // The log's query is decoded (a state sent as %1B or %E2%80%AE is an ESC or a U+202E here): shown as a nickname is.
      var query = Object.keys(r.query).map(function (k) { return shown(k) + '=' + shown(r.query[k]); }).join('&');
      body.appendChild(h('h3', { text: T('log.request') }));
      body.appendChild(pre(r.method + ' ' + r.path + (query ? '?' + query : '')));
      body.appendChild(h('h3', { text: T('log.answer') }));
      body.appendChild(pre('HTTP ' + r.status + (r.rid ? '\nrid: ' + r.rid : '')));
      body.appendChild(h('p', { class: 'small', text: T('log.noDetail') }));
      return;
    }
    var req = doc.detail.request;
    var ans = doc.detail.answer;
    body.appendChild(h('h3', { text: T('log.request') }));
    body.appendChild(pre(req.method + ' ' + shown(req.url)));
    body.appendChild(h('div', { class: 'small', text: T('log.headers') }));
    body.appendChild(pre(headerText(req.headers)));
    if (req.body !== '') {
      body.appendChild(h('div', { class: 'small', text: T('log.body') }));
      body.appendChild(pre(bodyText(req)));
    }
    body.appendChild(h('h3', { text: T('log.answer') }));
    if (ans.reset) {
      body.appendChild(h('p', { class: 'small', text: T('log.connectionReset') }));
      return;
    }
    body.appendChild(pre('HTTP ' + ans.status + (r.rid ? '   rid: ' + r.rid : '')));
    body.appendChild(h('div', { class: 'small', text: T('log.answerHeaders') }));
    body.appendChild(pre(headerText(ans.headers)));
    body.appendChild(h('div', { class: 'small', text: T('log.body') }));
    body.appendChild(pre(bodyText(ans)));
  }

  function addRow(ev) {
    // Numbers restart after a reset: a lower one means the log was emptied meanwhile.
    if (ev.seq <= S.maxSeq) clearLog();
    S.maxSeq = ev.seq;
    var row = buildRow(ev);
    S.rows.push({ ev: ev, row: row });
    var list = byId('log-list');
    list.insertBefore(row, list.firstChild);
    while (S.rows.length > MAX_ROWS) {
      var old = S.rows.shift();
      if (old.row.parentNode) old.row.parentNode.removeChild(old.row);
    }
    logCounts();
  }

  function clearLog() {
    S.rows = [];
    S.maxSeq = 0;
    clear(byId('log-list'));
    logCounts();
  }

  function rebuildLog() {
    var list = byId('log-list');
    clear(list);
    S.rows.forEach(function (r) {
      r.row = buildRow(r.ev);
      list.insertBefore(r.row, list.firstChild);
    });
    logCounts();
  }

  function applyFilter() {
    S.rows.forEach(function (r) { r.row.hidden = !rowMatches(r.ev); });
    logCounts();
  }

  function logCounts() {
    var hidden = 0;
    S.rows.forEach(function (r) { if (r.row.hidden) hidden += 1; });
    var hiddenEl = byId('log-hidden');
    hiddenEl.hidden = hidden === 0;
    hiddenEl.textContent = hidden ? T('log.hidden', { n: hidden }) : '';
    var empty = byId('log-empty');
    empty.hidden = S.rows.length > 0;
    empty.textContent = T('log.empty', { url: boot.url });
  }

  function setLive(on) {
    var el = byId('live');
    el.className = on ? 'live on' : 'live';
    el.textContent = on ? T('log.live') : T('log.offline');
    el.setAttribute('data-live', on ? 'on' : 'off');
  }

  // The run of the emulator this page shows (the one that served it; ui-events.ts names each in its
  // stream's first event, hello).
  var instance = boot.instance;
  var source = null;

  function follow() {
    var mine = new EventSource('/__emulator/events');
    source = mine;
    var connected = false;
    // Events of a stream this page has left (a restarted emulator's old one) are not drawn.
    function on(name, handler) {
      mine.addEventListener(name, function (e) { if (source === mine) handler(e); });
    }
    on('open', function () { setLive(true); });
    on('error', function () { setLive(false); });
    on('hello', function (e) {
      var run = JSON.parse(e.data).instance;
      if (run !== instance) {
        restarted(mine, run);
        return;
      }
      // A reconnect to the same emulator: the log resumes where it stopped (Last-Event-ID), but a
      // control change made meanwhile was announced to nobody here.
      if (connected) refreshSoon();
      connected = true;
    });
    on('request', function (e) {
      addRow(JSON.parse(e.data));
      refreshSoon();
    });
    on('state', refreshSoon);
    on('reset', function () {
      clearLog();
      refreshSoon();
    });
  }

  /**
   * The emulator at this address was stopped and started again: another seed perhaps, and none of the
   * faults, switches, clock or log this page shows. All of it is read again, the log followed from the
   * new one's start (a stream resumed with the old Last-Event-ID would skip its first requests).
   */
  function restarted(old, run) {
    old.close();
    source = null;
    instance = run;
    clearLog();
    say(L('status.restarted'), true);
    api('GET', '/seed').then(function (doc) {
      S.seed = doc;
      S.renderedUser = null;
      renderSeed();
      return refresh();
    }).catch(function (error) { say(L('status.error', { detail: error.message }), true); }).then(follow);
  }

  // ---------------------------------------------------------------------------------------------
  // language

  function applyLang() {
    document.documentElement.lang = S.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = T('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (el) { el.textContent = T(el.getAttribute('data-t')); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-t-placeholder]'), function (el) { el.placeholder = T(el.getAttribute('data-t-placeholder')); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-t-aria]'), function (el) { el.setAttribute('aria-label', T(el.getAttribute('data-t-aria'))); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-t-title]'), function (el) { el.title = T(el.getAttribute('data-t-title')); });
    Array.prototype.forEach.call(document.querySelectorAll('button[data-lang]'), function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === S.lang)); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-switch-text]'), function (el) {
      var name = el.getAttribute('data-switch-text');
      el.textContent = (boot.switches[name] || {})[S.lang] || '';
    });
    var ip = byId('caller-ip');
    if (ip) {
      ip.placeholder = T('switches.callerIp.placeholder');
      byId('caller-ip-set').textContent = T('switches.set');
      byId('caller-ip-clear').textContent = T('switches.clear');
    }
    if (S.seed) renderSeed();
    if (S.clock) {
      S.renderedUser = null;
      renderState();
    }
    rebuildLog();
    setLive(byId('live').getAttribute('data-live') === 'on');
    resetArmed = false;
    if (statusText) byId('status').textContent = statusText();
  }

  // ---------------------------------------------------------------------------------------------
  // wiring

  var resetArmed = false;
  var resetTimer;

  function wire() {
    Array.prototype.forEach.call(document.querySelectorAll('button[data-lang]'), function (b) {
      b.addEventListener('click', function () {
        S.lang = b.getAttribute('data-lang') === 'zh' ? 'zh' : 'en';
        try { localStorage.setItem(LANG_KEY, S.lang); } catch (e) { /* not kept */ }
        applyLang();
      });
    });
    byId('reset-all').addEventListener('click', function () {
      var button = byId('reset-all');
      if (!resetArmed) {
        resetArmed = true;
        button.textContent = T('resetAll.confirm');
        clearTimeout(resetTimer);
        resetTimer = setTimeout(function () { resetArmed = false; button.textContent = T('resetAll'); }, 4000);
        return;
      }
      resetArmed = false;
      clearTimeout(resetTimer);
      button.textContent = T('resetAll');
      act(api('POST', '/reset', {}), L('resetAll.done')).then(clearLog);
    });
    byId('you').addEventListener('change', function (e) {
      var id = e.target.value;
      act(api('POST', '/user', { user: id }), L('you.changed', { user: userName(id) }));
    });
    // Each action says its own outcome: a status left from an earlier one would read as this one's.
    Array.prototype.forEach.call(document.querySelectorAll('button[data-advance]'), function (b) {
      b.addEventListener('click', function () {
        var by = Number(b.getAttribute('data-advance'));
        act(api('POST', '/clock', { advance: by }), function (doc) { return T('clock.moved', { by: duration(by), d: duration(doc.offset) }); });
      });
    });
    byId('clock-reset').addEventListener('click', function () { act(api('POST', '/clock', { reset: true }), L('clock.resetDone')); });
    byId('fault-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var input = byId('fault-spec');
      var spec = input.value.trim();
      if (spec === '') {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        say(L('faults.empty'), true);
        return;
      }
      api('POST', '/faults', { spec: spec }).then(function (doc) {
        input.value = '';
        input.removeAttribute('aria-invalid');
        var never = doc.warnings && doc.warnings[0];
        if (never) say(L(never.suggestion ? 'faults.neverFires.suggest' : 'faults.neverFires', never), true);
        else say(L('faults.armed', { spec: spec }));
        return refresh();
      }).catch(function (error) {
        input.setAttribute('aria-invalid', 'true');
        say(L('status.error', { detail: error.message }), true);
      });
    });
    byId('faults-clear').addEventListener('click', function () { act(api('DELETE', '/faults', {}), L('faults.cleared')); });
    byId('filter-appid').addEventListener('change', function (e) { S.filterAppid = e.target.value; applyFilter(); });
    byId('filter-errcode').addEventListener('input', function (e) {
      var value = e.target.value.trim();
      var valid = value === '' || /^-?\d+$/.test(value);
      e.target.setAttribute('aria-invalid', String(!valid));
      if (!valid) return;
      S.filterErrcode = value === '' ? '' : String(Number(value));
      applyFilter();
    });
    setInterval(renderClock, 1000);
    // Open on a wide screen; on a phone the thirty-odd switches would push the log far down.
    if (window.matchMedia('(min-width: 960px)').matches) byId('switches-card').open = true;
  }

  wire();
  applyLang();
  setLive(false);
  api('GET', '/seed').then(function (doc) {
    S.seed = doc;
    renderSeed();
    return refresh();
  }).catch(function (error) { say(L('status.error', { detail: error.message }), true); }).then(follow);
})();
`;
