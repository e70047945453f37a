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
    messages: $('messages'), typing: $('typing'), attach: $('attach'), attachFile: $('attach-file'), prechat: $('prechat'), prechatName: $('prechat-name'),
    prechatEmail: $('prechat-email'), composer: $('composer'), message: $('message'), send: $('send'),
    contact: $('contact'), contactLabel: $('contact-label'), contactEmail: $('contact-email'),
    contactSend: $('contact-send'), rating: $('rating'), ratingStars: $('rating-stars'), ratingComment: $('rating-comment'),
    ratingSend: $('rating-send'), ratingNew: $('rating-new'), ratingThanks: $('rating-thanks'), error: $('error'),
  };
  const TEXT = {
    en: {
      title: 'Chat with us', you: 'You', assistant: 'Assistant', person: '(a person)', typing: 'Typing…',
      resolved: 'This conversation is resolved. Tell us how it went.', resolvedOnly: 'This conversation is resolved.', thanks: 'Thank you for your rating: %1 of 5.',
      toPerson: 'You are being connected to a person. Stay here: their reply appears below.',
      away: 'Our team is away now. You can close this page: their reply will be here when you come back.',
      busy: 'Everyone on our team is busy: a person will answer here as soon as one is free. You can close this page meanwhile.',
      notSent: 'Not sent', unverified: 'We could not confirm who you are.', close: 'Close the chat',
      earlierNow: 'This conversation', back: 'Back to the current conversation', reading: 'An earlier conversation (read only).',
      placeholder: 'Write a message…', send: 'Send', stars: 'Choose 1 to 5 stars.',
      attach: 'Attach a file', tooLarge: 'The file is larger than %1 MB.', fileOpen: 'Open %1',
      contactAsk: "Leave your e-mail address: a person's reply reaches you there too.",
      willWrite: 'Thank you: we will also write to %1.', badEmail: 'Please enter an e-mail address.',
    },
    de: {
      title: 'Chatten Sie mit uns', you: 'Sie', assistant: 'Assistent', person: '(ein Mensch)', typing: 'Schreibt…',
      resolved: 'Dieses Gespräch ist abgeschlossen. Sagen Sie uns, wie es war.', resolvedOnly: 'Dieses Gespräch ist abgeschlossen.',
      thanks: 'Danke für Ihre Bewertung: %1 von 5.',
      toPerson: 'Sie werden mit einem Menschen verbunden. Bleiben Sie hier: die Antwort erscheint unten.',
      away: 'Unser Team ist gerade nicht da. Sie können diese Seite schließen: die Antwort steht hier, wenn Sie wiederkommen.',
      busy: 'Unser Team ist gerade beschäftigt: ein Mensch antwortet hier, sobald jemand frei ist. Sie können diese Seite so lange schließen.',
      notSent: 'Nicht gesendet', unverified: 'Wir konnten nicht bestätigen, wer Sie sind.', close: 'Chat schließen',
      earlierNow: 'Dieses Gespräch', back: 'Zurück zum aktuellen Gespräch', reading: 'Ein früheres Gespräch (nur lesen).',
      placeholder: 'Nachricht schreiben…', send: 'Senden', stars: 'Wählen Sie 1 bis 5 Sterne.',
      attach: 'Datei anhängen', tooLarge: 'Die Datei ist größer als %1 MB.', fileOpen: '%1 öffnen',
      contactAsk: 'Hinterlassen Sie Ihre E-Mail-Adresse: die Antwort erreicht Sie auch dort.',
      willWrite: 'Danke: wir schreiben Ihnen auch an %1.', badEmail: 'Bitte geben Sie eine E-Mail-Adresse ein.',
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
    const item = TierdeskTranscript.messageItem(m, senderLabel(m), fileItem);
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

  // A file of the conversation, read with the visitor's secret: an image shown, a PDF as a link.
  // Both open the file itself in a new tab.
  function fileItem(a) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'msg__file';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = a.name + ' (' + Math.max(1, Math.round(a.bytes / 1024)) + ' KB)';
    link.setAttribute('aria-label', t.fileOpen.replace('%1', a.name));
    li.append(link);
    const session = reading || (chat && chat.sessionId);
    if (!chat || !session) return li;
    const path = '/api/v1/chat/attachments/' + encodeURIComponent(a.id) + '?sessionId=' + encodeURIComponent(session)
      + (reading ? '&session=' + encodeURIComponent(chat.sessionId) : '');
    fetch(path, { headers: { 'X-Visitor-Secret': chat.visitorSecret } })
      .then((res) => (res.ok ? res.blob() : Promise.reject(new Error(String(res.status)))))
      .then((blob) => {
        link.href = URL.createObjectURL(blob);
        if (!a.contentType.startsWith('image/')) { link.download = a.name; return; }
        const img = document.createElement('img');
        img.className = 'msg__image';
        img.src = link.href;
        img.alt = a.name;
        link.prepend(img);
        img.addEventListener('load', scrollToEnd);
      })
      .catch(() => link.classList.add('msg__file--missing'));
    return li;
  }

  async function sendFile(file) {
    const limit = (config.attachments && config.attachments.maxMB) || 10;
    if (file.size > limit * 1024 * 1024) { showError(t.tooLarge.replace('%1', limit)); return; }
    ui.attach.disabled = true;
    try {
      if (!chat) await startSession();
      await connect();
      const form = new FormData();
      form.append('sessionId', chat.sessionId);
      form.append('file', file, file.name);
      const res = await fetch('/api/v1/chat/attachments', { method: 'POST', headers: { 'X-Visitor-Secret': chat.visitorSecret }, body: form });
      const json = await res.json().catch(() => ({}));
      if (!res.ok || !json.success) throw new Error(json.error || String(res.status));
      showError('');
      addMessage({ id: json.data.messageId, sender: 'customer', role: 'user', content: file.name,
        timestamp: json.data.timestamp, attachments: [json.data.attachment] });
    } catch (e) {
      showError(t.notSent + ': ' + (e.message || 'no answer') + '.');
    } finally {
      ui.attach.disabled = false;
      ui.attachFile.value = '';
      ui.attach.focus();
    }
  }

  async function startSession() {
    const body = {};
    if (identity) body.identity = identity;
    const name = ui.prechatName.value.trim();
    if (!identity && name) body.userId = name;
    const email = ui.prechatEmail.value.trim();
    if (!identity && email) body.metadata = { email };
    const data = await api('POST', '/api/v1/chat/session', body);
    chat = { sessionId: data.sessionId, visitorSecret: data.visitorSecret, identityId: identity ? identity.id : null,
      email: identity ? null : (email || null) };
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
    socket.on('chat-resolved', (e) => {
      if (chat && e.sessionId === chat.sessionId) { addNotice(asksRating() ? t.resolved : t.resolvedOnly); askForRating(null); }
    });
    socket.on('rating-received', (r) => { if (chat && r.sessionId === chat.sessionId) showThanks(r); });
    socket.on('disconnect', () => { ui.send.disabled = true; });
    return joined;
  }

  // A person is asked for: while the company's people are away (its business hours) or all busy,
  // the visitor need not wait on the page (the reply above says when they are back).
  async function toAPerson() {
    const now = await api('GET', '/api/v1/chat/widget?key=' + encodeURIComponent(key)).catch(() => config);
    const away = now.hours && now.hours.open === false;
    if (away) addNotice(t.away);
    else if (now.peopleAvailable === false) addNotice(t.busy);
    else { addNotice(t.toPerson); return; }
    // Nobody can answer now: an anonymous visitor without an address is asked for one.
    if (config.offline && config.offline.collectEmail && chat && !chat.identityId && !chat.email) {
      ui.contact.hidden = false;
      ui.contactEmail.focus();
    }
  }
  async function leaveContact() {
    const email = ui.contactEmail.value.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) { showError(t.badEmail); return; }
    try {
      await api('POST', '/api/v1/chat/contact', { sessionId: chat.sessionId, email }, chat.visitorSecret);
      chat.email = email;
      save();
      showError('');
      ui.contact.hidden = true;
      addNotice(t.willWrite.replace('%1', email));
      ui.message.focus();
    } catch (e) {
      showError(e.message);
    }
  }

  // The company's ratings.chat (the look's `rating`): off, a resolved conversation asks for no stars.
  function asksRating() { return !config || config.rating !== false; }
  function askForRating(rating) {
    ui.composer.hidden = true;
    if (rating) { showThanks(rating); return; }
    if (!asksRating()) return;
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
    ui.contact.hidden = true;
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
  ui.attach.addEventListener('click', () => ui.attachFile.click());
  ui.contact.addEventListener('submit', (ev) => { ev.preventDefault(); leaveContact(); });
  ui.attachFile.addEventListener('change', () => { if (ui.attachFile.files[0]) sendFile(ui.attachFile.files[0]); });
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
    ui.attach.textContent = t.attach;
    ui.contactLabel.textContent = t.contactAsk;
    ui.contactSend.textContent = t.send;
    ui.attach.hidden = !(config.attachments && config.attachments.enabled);
    if (/^#[0-9a-fA-F]{6}$/.test(config.color || '')) document.documentElement.style.setProperty('--accent', config.color);
    greet();
    showPrechat();
    if (chat && chat.sessionId) connect();
    tell('ready', { title: ui.title.textContent });
  }
  boot();
})();
