// Tierdesk's chat on a company's own site: the snippet
//   <script src="https://<tierdesk>/widget.js" data-key="tdw_..." async></script>
// puts a launcher button on the page and opens the chat panel (/chat/widget, an iframe of the
// Tierdesk server) beside it. A page script may call, before or after this file loads:
//   Tierdesk('open'), Tierdesk('close'), Tierdesk('identify', {id, email?, name?, userHash? | token?}),
//   Tierdesk('logout'), Tierdesk('on', 'unread', fn)
// (calls made before it loads wait in Tierdesk.q: docs/channels.md has the stub to paste).
// Nothing here touches the page's own elements or styles: the launcher and the panel live in a
// shadow root of one element of their own.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__tierdeskWidget)
    return;
  window.__tierdeskWidget = true;
  var key = script.getAttribute('data-key') || '';
  var base = new URL(script.src, location.href).origin;
  var queued = (window.Tierdesk && window.Tierdesk.q) || [];
  var listeners = { unread: [] };
  var state = { open: false, ready: false, unread: 0, pending: [], config: null };
  var host, root, launcher, badge, frame, box;

  function send(message) {
    if (state.ready)
      frame.contentWindow.postMessage(message, base);
    else
      state.pending.push(message);
  }

  function setUnread(count) {
    state.unread = count;
    badge.textContent = count > 9 ? '9+' : String(count);
    badge.hidden = count === 0;
    launcher.setAttribute('aria-label', state.config.title + (count ? ' (' + count + ' new)' : ''));
    listeners.unread.forEach(function (fn) { try { fn(count); } catch (e) { /* the page's own */ } });
  }

  function show(open) {
    if (!root || state.open === open)
      return;
    state.open = open;
    box.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    send({ type: 'tierdesk:shown', open: open });
    if (open) {
      frame.focus();
      setUnread(0);
    } else {
      launcher.focus(); // the focus goes back where the visitor opened the chat
    }
  }

  var commands = {
    open: function () { show(true); },
    close: function () { show(false); },
    identify: function (identity) { send({ type: 'tierdesk:identify', identity: identity || null }); },
    logout: function () { send({ type: 'tierdesk:logout' }); },
    on: function (event, fn) { if (listeners[event] && typeof fn === 'function') listeners[event].push(fn); },
  };
  function run(args) {
    var command = commands[args[0]];
    if (command)
      command.apply(null, Array.prototype.slice.call(args, 1));
  }

  var CSS = ':host{all:initial}'
    + '.launcher{position:fixed;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;'
    + 'background:var(--td-color);color:#fff;cursor:pointer;box-shadow:0 2px 10px rgba(0,0,0,.3);display:flex;'
    + 'align-items:center;justify-content:center;padding:0}'
    + '.launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}'
    + '.launcher svg{width:28px;height:28px;fill:currentColor}'
    + '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#c62828;'
    + 'color:#fff;font:bold 12px/20px system-ui,sans-serif;text-align:center;padding:0 4px}'
    + '.box{position:fixed;bottom:88px;z-index:2147483000;width:380px;height:min(600px,calc(100vh - 110px));'
    + 'border-radius:12px;overflow:hidden;box-shadow:0 6px 28px rgba(0,0,0,.3);background:#fff;'
    + 'transition:opacity .15s ease-out,transform .15s ease-out}'
    + '.box iframe{width:100%;height:100%;border:0;display:block}'
    + '.right{right:20px}.left{left:20px}'
    + '[hidden]{display:none!important}'
    + '@media (max-width:600px){.box{inset:0;width:auto;height:auto;border-radius:0;bottom:0}'
    + '.launcher[aria-expanded=true]{display:none}}'
    + '@media (prefers-reduced-motion:reduce){.box{transition:none}}';
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 '
    + '2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

  function build(config) {
    state.config = config;
    host = document.createElement('div');
    host.setAttribute('data-tierdesk', '');
    root = host.attachShadow({ mode: 'open' });
    var style = document.createElement('style');
    style.textContent = CSS;
    var side = config.position === 'left' ? 'left' : 'right';
    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher ' + side;
    launcher.innerHTML = ICON;
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.style.setProperty('--td-color', /^#[0-9a-fA-F]{6}$/.test(config.color) ? config.color : '#2563eb');
    badge = document.createElement('span');
    badge.className = 'badge';
    badge.hidden = true;
    badge.setAttribute('aria-hidden', 'true');
    launcher.append(badge);
    box = document.createElement('div');
    box.className = 'box ' + side;
    box.hidden = true;
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', config.title);
    frame = document.createElement('iframe');
    frame.title = config.title;
    frame.src = base + '/chat/widget?key=' + encodeURIComponent(key) + '&origin=' + encodeURIComponent(location.origin);
    frame.setAttribute('allow', 'clipboard-write');
    box.append(frame);
    root.append(style, box, launcher);
    launcher.addEventListener('click', function () { show(!state.open); });
    document.body.append(host);
    setUnread(0);
  }

  window.addEventListener('message', function (ev) {
    if (!frame || ev.source !== frame.contentWindow || ev.origin !== base || !ev.data)
      return;
    var m = ev.data;
    if (m.type === 'tierdesk:ready') {
      state.ready = true;
      state.pending.splice(0).forEach(function (p) { frame.contentWindow.postMessage(p, base); });
      send({ type: 'tierdesk:shown', open: state.open });
    } else if (m.type === 'tierdesk:unread') {
      if (!state.open)
        setUnread(m.count || 0);
    } else if (m.type === 'tierdesk:close') {
      show(false);
    }
  });

  window.Tierdesk = function () {
    if (root)
      run(arguments);
    else
      queued.push(arguments);
  };
  // The look is the company's; a page on an origin the web channel does not allow gets none (403)
  // and so no launcher.
  fetch(base + '/api/v1/chat/widget?key=' + encodeURIComponent(key))
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (body) {
      if (!body || !body.data)
        return;
      var c = body.data;
      var start = function () {
        build({ title: c.title || 'Chat', color: c.color, position: c.position });
        queued.forEach(run);
        queued = [];
      };
      if (document.body)
        start();
      else
        document.addEventListener('DOMContentLoaded', start);
    })
    .catch(function () { /* no chat: the page works as without it */ });
})();
