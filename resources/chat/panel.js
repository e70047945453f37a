// The chat panel on a company's site (/chat/widget?key=...&origin=...), framed by the snippet's
// widget.js. Talks to Tierdesk's chat API like the chat page (chat.js): POST /api/v1/chat/session,
// then Socket.IO (join-chat, send-message, send-rating). With the page it speaks postMessage, to
// its own parent and that parent's origin only:
//   page -> panel: tierdesk:identify {identity}, tierdesk:logout, tierdesk:shown {open}
//   panel -> page: tierdesk:ready, tierdesk:unread {count}, tierdesk:close, tierdesk:identified {ok}
// The conversation is kept in localStorage (the session and its secret), so it survives reloads.
// docs/channels.md, "Web chat on the company's site".
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const ui = {
    title: $('chat-title'), tier: $('tier'), close: $('close'), earlier: $('earlier'), earlierList: $('earlier-list'),
    messages: $('messages'), typing: $('typing'), prechat: $('prechat'), prechatName: $('prechat-name'),
    prechatEmail: $('prechat-email'), composer: $('composer'), message: $('message'), send: $('send'),
    rating: $('rating'), ratingStars: $('rating-stars'), ratingComment: $('rating-comment'),
    ratingSend: $('rating-send'), ratingNew: $('rating-new'), ratingThanks: $('rating-thanks'), error: $('error'),
  };
  const TEXT = {
    en: {
      title: 'Chat with us', you: 'You', assistant: 'Assistant', person: '(a person)', typing: 'Typing…',
      resolved: 'This conversation is resolved. Tell us how it went.', thanks: 'Thank you for your rating: %1 of 5.',
      toPerson: 'You are being connected to a person. Stay here: their reply appears below.',
      away: 'Our team is away now. You can close this page: their reply will be here when you come back.',
      busy: 'Everyone on our team is busy: a person will answer here as soon as one is free. You can close this page meanwhile.',
      notSent: 'Not sent', unverified: 'We could not confirm who you are.', close: 'Close the chat',
      earlierNow: 'This conversation', back: 'Back to the current conversation', reading: 'An earlier conversation (read only).',
      placeholder: 'Write a message…', send: 'Send', stars: 'Choose 1 to 5 stars.',
    },
    de: {
      title: 'Chatten Sie mit uns', you: 'Sie', assistant: 'Assistent', person: '(ein Mensch)', typing: 'Schreibt…',
      resolved: 'Dieses Gespräch ist abgeschlossen. Sagen Sie uns, wie es war.',
      thanks: 'Danke für Ihre Bewertung: %1 von 5.',
      toPerson: 'Sie werden mit einem Menschen verbunden. Bleiben Sie hier: die Antwort erscheint unten.',
      away: 'Unser Team ist gerade nicht da. Sie können diese Seite schließen: die Antwort steht hier, wenn Sie wiederkommen.',
      busy: 'Unser Team ist gerade beschäftigt: ein Mensch antwortet hier, sobald jemand frei ist. Sie können diese Seite so lange schließen.',
      notSent: 'Nicht gesendet', unverified: 'Wir konnten nicht bestätigen, wer Sie sind.', close: 'Chat schließen',
      earlierNow: 'Dieses Gespräch', back: 'Zurück zum aktuellen Gespräch', reading: 'Ein früheres Gespräch (nur lesen).',
      placeholder: 'Nachricht schreiben…', send: 'Senden', stars: 'Wählen Sie 1 bis 5 Sterne.',
    },
  };
  const params = new URLSearchParams(location.search);
  const key = params.get('key') || '';
  const pageOrigin = params.get('origin') || '';
  const storageKey = 'tierdesk-widget:' + key;
  const store = (() => {
    try { localStorage.setItem('tierdesk-probe', '1'); localStorage.removeItem('tierdesk-probe'); return localStorage; } catch (e) { return sessionStorage; }
  })();
  let t = TEXT.en;
  let config = {};
  let chat = JSON.parse(store.getItem(storageKey) || 'null'); // {sessionId, visitorSecret, identityId}
  let identity = null; // what the page's Tierdesk("identify", ...) gave
  let socket = null;
  let joined = null; // resolves once chat-joined arrived
  let open = false;
  let unread = 0;
  let pending = 0;
  let reading = null; // an earlier conversation on screen
  const shown = new Set();

  function tell(type, data) {
    if (window.parent !== window && pageOrigin)
      window.parent.postMessage(Object.assign({ type: 'tierdesk:' + type }, data || {}), pageOrigin);
  }
  function showError(text) { ui.error.textContent = text; ui.error.hidden = !text; }
  function save() { if (chat) store.setItem(storageKey, JSON.stringify(chat)); else store.removeItem(storageKey); }
  function scrollToEnd() { ui.messages.scrollTop = ui.messages.scrollHeight; }

  function senderLabel(m) {
    if (m.sender === 'customer') return t.you;
    if (m.sender === 'human_agent') return (m.senderName || t.assistant) + ' ' + t.person;
    return config.title || t.assistant;
  }
  function addMessage(m) {
    if (m.id && shown.has(m.id)) return null;
    if (m.id) shown.add(m.id);
    const item = TierdeskTranscript.messageItem(m, senderLabel(m));
    ui.messages.append(item);
    scrollToEnd();
    if (m.sender && m.sender !== 'customer' && !open && !reading) {
      unread += 1;
      tell('unread', { count: unread });
    }
    return item;
  }
  function addNotice(text) {
    const item = document.createElement('li');
    item.className = 'msg notice';
    item.textContent = text;
    ui.messages.append(item);
    scrollToEnd();
  }
  function setPending(delta) {
    pending = Math.max(0, pending + delta);
    ui.typing.textContent = t.typing;
    ui.typing.hidden = pending === 0;
  }
  function greet() {
    ui.messages.replaceChildren();
    shown.clear();
    if (config.greeting) addMessage({ sender: 'ai_rep', role: 'assistant', content: config.greeting });
    unread = 0;
  }

  async function api(method, path, body, secret) {
    const headers = { 'Content-Type': 'application/json' };
    if (secret) headers['X-Visitor-Secret'] = secret;
    else headers['X-Widget-Key'] = key;
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || json.success === false) {
      const e = new Error(json.error || String(res.status));
      e.status = res.status;
      throw e;
    }
    return json.data !== undefined ? json.data : json;
  }

  async function startSession() {
    const body = {};
    if (identity) body.identity = identity;
    const name = ui.prechatName.value.trim();
    if (!identity && name) body.userId = name;
    const email = ui.prechatEmail.value.trim();
    if (!identity && email) body.metadata = { email };
    const data = await api('POST', '/api/v1/chat/session', body);
    chat = { sessionId: data.sessionId, visitorSecret: data.visitorSecret, identityId: identity ? identity.id : null };
    save();
    ui.prechat.hidden = true;
    return data;
  }

  function connect() {
    if (socket) return joined;
    if (typeof io !== 'function') { showError('The chat client did not load; reload the page.'); return Promise.reject(); }
    socket = io({ path: '/socket.io', auth: { visitorSecret: chat.visitorSecret } });
    joined = new Promise((resolve) => {
      socket.on('connect', () => socket.emit('join-chat', { sessionId: chat.sessionId, visitorSecret: chat.visitorSecret }, (ack) => {
        if (!ack || !ack.success) {
          showError((ack && ack.error) || 'The chat could not be joined.');
          if (ack && ack.error === 'Session not found') forget();
        }
      }));
      socket.on('chat-joined', (data) => {
        showError('');
        if (!reading) (data.messages || []).forEach(addMessage);
        ui.send.disabled = false;
        if (data.status === 'RESOLVED') askForRating(data.rating);
        resolve();
      });
    });
    socket.on('message-received', (m) => { if (chat && m.sessionId === chat.sessionId && !reading) { if (m.sender !== 'customer') setPending(-1); addMessage(m); } });
    socket.on('escalation-needed', (e) => { if (chat && e.sessionId === chat.sessionId && e.toTier === 'HUMAN_AGENT') toAPerson(); });
    socket.on('chat-resolved', (e) => { if (chat && e.sessionId === chat.sessionId) { addNotice(t.resolved); askForRating(null); } });
    socket.on('rating-received', (r) => { if (chat && r.sessionId === chat.sessionId) showThanks(r); });
    socket.on('disconnect', () => { ui.send.disabled = true; });
    return joined;
  }

  // A person is asked for: while the company's people are away (its business hours) or all busy,
  // the visitor need not wait on the page (the reply above says when they are back).
  async function toAPerson() {
    const now = await api('GET', '/api/v1/chat/widget?key=' + encodeURIComponent(key)).catch(() => config);
    if (now.hours && now.hours.open === false) addNotice(t.away);
    else if (now.peopleAvailable === false) addNotice(t.busy);
    else addNotice(t.toPerson);
  }

  function askForRating(rating) {
    ui.composer.hidden = true;
    if (rating) { showThanks(rating); return; }
    ui.rating.hidden = false;
  }
  function showThanks(rating) {
    ui.rating.hidden = true;
    ui.ratingThanks.textContent = t.thanks.replace('%1', rating.rating);
    ui.ratingThanks.hidden = false;
  }

  function forget() {
    if (socket) socket.disconnect();
    socket = null;
    joined = null;
    chat = null;
    save();
    reading = null;
    ui.composer.hidden = false;
    ui.rating.hidden = true;
    ui.ratingThanks.hidden = true;
    ui.send.disabled = false;
    ui.earlier.hidden = true;
    ui.earlierList.replaceChildren();
    showPrechat();
    greet();
  }
  function showPrechat() {
    const ask = !identity && !chat && config.preChat && (config.preChat.askName || config.preChat.askEmail);
    ui.prechat.hidden = !ask;
    $('prechat-name-field').hidden = !(ask && config.preChat.askName);
    $('prechat-email-field').hidden = !(ask && config.preChat.askEmail);
  }

  // A signed-in customer's conversations, newest first; one of them read on demand.
  async function listEarlier() {
    if (!chat || !chat.identityId) { ui.earlier.hidden = true; return; }
    const data = await api('GET', '/api/v1/chat/conversations?sessionId=' + encodeURIComponent(chat.sessionId), undefined, chat.visitorSecret);
    const earlier = (data.conversations || []).filter((c) => c.current || c.lastMessage);
    ui.earlierList.replaceChildren(...earlier.map((c) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.current ? t.earlierNow
        : new Date(c.updatedAt).toLocaleDateString() + ': ' + (c.lastMessage.content || '').slice(0, 60);
      b.setAttribute('aria-current', String(c.current));
      b.addEventListener('click', () => (c.current ? backToCurrent() : readEarlier(c.sessionId)));
      li.append(b);
      return li;
    }));
    ui.earlier.hidden = !earlier.some((c) => !c.current);
  }
  async function readEarlier(sessionId) {
    const data = await api('GET', '/api/v1/chat/history/' + encodeURIComponent(sessionId) + '?session=' + encodeURIComponent(chat.sessionId), undefined, chat.visitorSecret);
    reading = sessionId;
    ui.messages.replaceChildren();
    shown.clear();
    addNotice(t.reading);
    (data.messages || []).forEach(addMessage);
    ui.composer.hidden = true;
  }
  function backToCurrent() {
    reading = null;
    ui.composer.hidden = false;
    greet();
    if (socket) { socket.disconnect(); socket = null; joined = null; }
    connect().then(() => ui.message.focus());
  }

  async function identify(given) {
    identity = given && given.id || (given && given.token) ? given : null;
    if (chat && identity && chat.identityId === identity.id) { await connect(); listEarlier().catch(() => {}); return; }
    if (chat) forget();
    try {
      await startSession();
      await connect();
      await listEarlier();
      tell('identified', { ok: true });
    } catch (e) {
      identity = null;
      chat = null;
      save();
      showError(t.unverified);
      tell('identified', { ok: false });
    }
  }

  ui.composer.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = ui.message.value.trim();
    if (!text || ui.send.disabled) return;
    ui.send.disabled = true;
    try {
      if (!chat) await startSession();
      await connect();
    } catch (e) {
      ui.send.disabled = false;
      showError(e.message || 'The chat could not be started.');
      return;
    }
    ui.message.value = '';
    const mine = addMessage({ role: 'user', sender: 'customer', content: text });
    setPending(+1);
    socket.timeout(30000).emit('send-message', { sessionId: chat.sessionId, message: text }, (err, ack) => {
      ui.send.disabled = false;
      if (!err && ack && ack.success) {
        shown.add(ack.data.messageId);
        if (!ack.data.reply || shown.has(ack.data.reply.id)) setPending(-1);
        return;
      }
      setPending(-1);
      mine.classList.add('msg--failed');
      const failed = document.createElement('span');
      failed.className = 'msg__failed';
      failed.textContent = t.notSent + ': ' + ((ack && ack.error) || 'no answer') + '.';
      mine.append(failed);
    });
    ui.message.focus();
  });
  TierdeskTranscript.sendOnEnter(ui.message, ui.composer);
  TierdeskTranscript.lightStars(ui.rating, ui.ratingStars);
  ui.rating.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = ui.rating.querySelector('input[name=stars]:checked');
    if (!chosen || !socket) { showError(t.stars); return; }
    const payload = { sessionId: chat.sessionId, rating: Number(chosen.value) };
    if (ui.ratingComment.value.trim()) payload.comment = ui.ratingComment.value.trim();
    socket.timeout(30000).emit('send-rating', payload, (err, ack) => { if (!err && ack && ack.success) showThanks(ack.data); });
  });
  ui.ratingNew.addEventListener('click', () => { forget(); ui.message.focus(); });
  // Escape anywhere in the panel, or the close button: the page closes it and puts the focus back
  // on its launcher.
  ui.close.addEventListener('click', () => tell('close'));
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); tell('close'); } });

  window.addEventListener('message', (ev) => {
    if (ev.source !== window.parent || ev.origin !== pageOrigin || !ev.data || typeof ev.data.type !== 'string') return;
    const m = ev.data;
    if (m.type === 'tierdesk:identify') identify(m.identity);
    else if (m.type === 'tierdesk:logout') { identity = null; forget(); }
    else if (m.type === 'tierdesk:shown') {
      open = !!m.open;
      if (open) { unread = 0; tell('unread', { count: 0 }); ui.message.focus(); }
    }
  });

  async function boot() {
    try {
      config = await api('GET', '/api/v1/chat/widget?key=' + encodeURIComponent(key));
    } catch (e) {
      showError(e.message);
      return;
    }
    const lang = config.language === 'auto' ? (navigator.language || 'en').slice(0, 2) : config.language;
    t = TEXT[lang] || TEXT.en;
    document.documentElement.lang = TEXT[lang] ? lang : 'en';
    ui.title.textContent = config.title || t.title;
    ui.close.setAttribute('aria-label', t.close);
    ui.message.placeholder = t.placeholder;
    ui.send.textContent = t.send;
    if (/^#[0-9a-fA-F]{6}$/.test(config.color || '')) document.documentElement.style.setProperty('--accent', config.color);
    greet();
    showPrechat();
    if (chat && chat.sessionId) connect();
    tell('ready', { title: ui.title.textContent });
  }
  boot();
})();
