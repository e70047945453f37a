// The web chat page (/chat): seed 003's test chat interface over Tierdesk's chat API.
// POST /api/v1/chat/session with the widget key starts a session; the page then talks over
// Socket.IO (join-chat, send-message -> chat-joined, message-received, escalation-needed; once the
// conversation is resolved, chat-resolved and send-rating -> rating-received),
// with the official socket.io client served beside it (/chat/vendor/socket.io.min.js).
// docs/chat-api.md, "The web chat page".
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const ui = {
    start: $('start'), widgetKey: $('widget-key'), widgetKeyField: $('widget-key-field'), userId: $('user-id'),
    startButton: $('start-button'), conversation: $('conversation'), messages: $('messages'), typing: $('typing'),
    composer: $('composer'), message: $('message'), send: $('send'), newChat: $('new-chat'), tier: $('tier'),
    error: $('error'), rating: $('rating'), ratingStars: $('rating-stars'), ratingComment: $('rating-comment'),
    ratingSend: $('rating-send'), ratingThanks: $('rating-thanks'),
  };
  const TIER_NAMES = { AI_REP: 'AI Rep', AI_MANAGER: 'AI Manager', HUMAN_AGENT: 'a person' };
  // Why, in the visitor's words, for the reasons that say something to them (seed 001's enum).
  const REASONS = {
    CUSTOMER_REQUEST: 'you asked for a person', COMPLEX_ISSUE: 'your question needs more help',
    REFUND_REQUEST: 'a refund needs approval', REFUND_OVER_THRESHOLD: 'a refund needs approval',
    TECHNICAL_LIMITATION: 'this needs more help than we can give here',
  };
  const storageKey = (key) => 'tierdesk-chat:' + key;

  let socket = null;
  let chat = null; // {key, sessionId, visitorSecret, tier}
  let pending = 0;
  let asksRating = true; // the company's ratings.chat, from the widget's look: off, no stars
  const shown = new Set(); // ids of messages on screen
  const awaited = new Set(); // ids of replies acknowledged but not yet received

  function showError(text) {
    ui.error.textContent = text || '';
    ui.error.hidden = !text;
  }

  function senderLabel(m) {
    switch (m.sender) {
      case 'customer': return 'You';
      case 'ai_rep': return 'AI Rep';
      case 'ai_manager': return 'AI Manager';
      case 'human_agent': return (m.senderName || 'Support agent') + ' (a person)';
      default: return 'Support';
    }
  }

  function scrollToEnd() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // One message of the log; text only (textContent), never markup from the server.
  function addMessage(m) {
    if (awaited.delete(m.id))
      setPending(-1);
    if (m.id && shown.has(m.id))
      return null;
    if (m.id)
      shown.add(m.id);
    const item = TierdeskTranscript.messageItem(m, senderLabel(m));
    ui.messages.append(item);
    scrollToEnd();
    if (m.sender === 'human_agent')
      setTier('HUMAN_AGENT', m.senderName);
    return item;
  }

  function addNotice(text) {
    const item = document.createElement('li');
    item.className = 'msg notice';
    item.textContent = text;
    ui.messages.append(item);
    scrollToEnd();
  }

  function setTier(tier, personName) {
    if (!chat)
      return;
    chat.tier = tier;
    const name = tier === 'HUMAN_AGENT' && personName ? personName + ' (a person)' : TIER_NAMES[tier] || tier;
    ui.tier.textContent = 'Answering: ' + name;
  }

  function setPending(delta) {
    pending = Math.max(0, pending + delta);
    const tier = chat && chat.tier;
    ui.typing.textContent = tier === 'HUMAN_AGENT' ? 'Sending to a person…'
      : (TIER_NAMES[tier] || 'The assistant') + ' is typing…';
    ui.typing.hidden = pending === 0;
  }

  async function startSession(key, userId) {
    const res = await fetch('/api/v1/chat/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Widget-Key': key },
      body: JSON.stringify(userId ? { userId } : {}),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok || !body.success)
      throw new Error(body.error || 'The chat could not be started (' + res.status + ')');
    return body.data;
  }

  // Never fails: without an answer the stars stay (rating is the visitor's choice anyway).
  async function readRatingSwitch(key) {
    try {
      const res = await fetch('/api/v1/chat/widget?key=' + encodeURIComponent(key));
      const body = await res.json();
      if (res.ok && body.success && body.data.rating === false)
        asksRating = false;
    } catch (e) {
      asksRating = true;
    }
  }

  function connect() {
    if (typeof io !== 'function') {
      showError('The chat client did not load; reload the page.');
      return;
    }
    socket = io({ path: '/socket.io', auth: { visitorSecret: chat.visitorSecret } });
    socket.on('connect', () => {
      ui.tier.textContent = 'Connecting…';
      socket.emit('join-chat', { sessionId: chat.sessionId, visitorSecret: chat.visitorSecret }, (ack) => {
        if (!ack || !ack.success) {
          showError((ack && ack.error) || 'The chat could not be joined.');
          if (ack && ack.error === 'Session not found')
            forgetChat();
        }
      });
    });
    socket.on('chat-joined', (data) => {
      showError('');
      (data.messages || []).forEach(addMessage);
      setTier(data.tier);
      ui.send.disabled = false;
      if (data.status === 'RESOLVED')
        askForRating(data.rating);
    });
    socket.on('chat-resolved', (e) => {
      if (e.sessionId !== chat.sessionId)
        return;
      addNotice(asksRating ? 'This conversation is resolved. Tell us how it went.' : 'This conversation is resolved.');
      askForRating(null);
    });
    socket.on('rating-received', (r) => {
      if (r.sessionId === chat.sessionId)
        showThanks(r);
    });
    socket.on('message-received', (m) => {
      if (m.sessionId === chat.sessionId)
        addMessage(m);
    });
    socket.on('escalation-needed', (e) => {
      if (e.sessionId !== chat.sessionId)
        return;
      const why = REASONS[e.reason] ? ' (' + REASONS[e.reason] + ')' : '';
      addNotice(e.toTier === 'HUMAN_AGENT'
        ? 'You are being connected to a person' + why + '. Stay here: their reply appears below.'
        : 'Your conversation has been passed to the ' + (TIER_NAMES[e.toTier] || e.toTier) + why + '.');
      setTier(e.toTier);
    });
    socket.on('error', (e) => showError((e && e.message) || 'Something went wrong.'));
    socket.on('disconnect', () => {
      ui.tier.textContent = 'Reconnecting…';
      ui.send.disabled = true;
    });
  }

  // After the conversation is resolved: 1 to 5 stars and a comment, sent once (send-rating).
  function askForRating(rating) {
    ui.send.disabled = true;
    ui.composer.hidden = true;
    if (rating) {
      showThanks(rating);
      return;
    }
    if (!asksRating)
      return;
    ui.rating.hidden = false;
    ui.ratingThanks.hidden = true;
  }

  function showThanks(rating) {
    ui.rating.hidden = true;
    ui.ratingThanks.textContent = 'Thank you for your rating: ' + rating.rating + ' of 5.';
    ui.ratingThanks.hidden = false;
  }

  TierdeskTranscript.lightStars(ui.rating, ui.ratingStars);

  ui.rating.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = ui.rating.querySelector('input[name=stars]:checked');
    if (!chosen || !socket) {
      showError('Choose 1 to 5 stars.');
      return;
    }
    const payload = { sessionId: chat.sessionId, rating: Number(chosen.value) };
    const comment = ui.ratingComment.value.trim();
    if (comment)
      payload.comment = comment;
    ui.ratingSend.disabled = true;
    socket.timeout(30000).emit('send-rating', payload, (err, ack) => {
      ui.ratingSend.disabled = false;
      if (!err && ack && ack.success) {
        showError('');
        showThanks(ack.data);
      } else {
        showError('The rating was not sent: ' + ((ack && ack.error) || 'no answer from the server') + '.');
      }
    });
  });

  function forgetChat() {
    if (chat)
      sessionStorage.removeItem(storageKey(chat.key));
    if (socket)
      socket.disconnect();
    socket = null;
    chat = null;
    pending = 0;
    shown.clear();
    awaited.clear();
    ui.messages.replaceChildren();
    ui.typing.hidden = true;
    ui.rating.reset();
    ui.ratingStars.querySelectorAll('label').forEach((label) => label.classList.remove('is-lit'));
    ui.rating.hidden = true;
    ui.ratingThanks.hidden = true;
    ui.composer.hidden = false;
    ui.conversation.hidden = true;
    ui.start.hidden = false;
    ui.tier.textContent = 'Not connected';
    (ui.widgetKeyField.hidden ? ui.userId : ui.widgetKey).focus();
  }

  function openChat(state) {
    chat = state;
    sessionStorage.setItem(storageKey(state.key), JSON.stringify(state));
    ui.start.hidden = true;
    ui.conversation.hidden = false;
    ui.send.disabled = true;
    readRatingSwitch(state.key).then(connect);
    ui.message.focus();
  }

  ui.start.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const key = ui.widgetKey.value.trim();
    if (!key) {
      showError('Enter the widget key.');
      ui.widgetKey.focus();
      return;
    }
    ui.startButton.disabled = true;
    try {
      const data = await startSession(key, ui.userId.value.trim());
      showError('');
      openChat({ key, sessionId: data.sessionId, visitorSecret: data.visitorSecret, tier: data.tier });
    } catch (e) {
      showError(e.message);
    } finally {
      ui.startButton.disabled = false;
    }
  });

  ui.composer.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = ui.message.value.trim();
    if (!text || !socket || ui.send.disabled)
      return;
    ui.message.value = '';
    const mine = addMessage({ role: 'user', sender: 'customer', content: text });
    setPending(+1);
    socket.timeout(30000).emit('send-message', { sessionId: chat.sessionId, message: text }, (err, ack) => {
      if (!err && ack && ack.success) {
        shown.add(ack.data.messageId);
        // The reply itself comes as message-received (after escalation-needed, in the server's
        // order); the indicator stays until it is on screen.
        const reply = ack.data.reply;
        if (reply && !shown.has(reply.id))
          awaited.add(reply.id);
        else
          setPending(-1);
        return;
      }
      setPending(-1);
      mine.classList.add('msg--failed');
      const failed = document.createElement('span');
      failed.className = 'msg__failed';
      failed.textContent = 'Not sent: ' + ((ack && ack.error) || 'no answer from the server') + '.';
      mine.append(failed);
    });
    ui.message.focus();
  });

  TierdeskTranscript.sendOnEnter(ui.message, ui.composer);

  ui.newChat.addEventListener('click', forgetChat);

  // The widget key from the address (/chat?key=tdw_...), else typed into the form. A chat of
  // this tab goes on after a reload (its secret is kept in sessionStorage, for this tab only).
  const key = new URLSearchParams(location.search).get('key');
  if (key) {
    ui.widgetKey.value = key;
    ui.widgetKeyField.hidden = true;
    const kept = JSON.parse(sessionStorage.getItem(storageKey(key)) || 'null');
    if (kept && kept.sessionId && kept.visitorSecret) {
      openChat(kept);
      return;
    }
  }
  (key ? ui.userId : ui.widgetKey).focus();
})();
