// The web call of the chat page (docs/chat-api.md, "Calls"): the Call button opens the company's
// /api/v1/voice WebSocket with the widget key, sends the microphone as 16 kHz 16-bit PCM (an
// AudioWorklet, call-worklet.js), plays the AI's audio as it comes, shows the transcript live,
// and sends keypad digits and the hang-up. Nothing from the server is ever markup (textContent).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const ui = {
    call: $('call-button'), panel: $('call'), state: $('call-state'), transcript: $('call-transcript'),
    keys: $('call-keys'), sendKeys: $('call-send-keys'), hangup: $('hangup'), start: $('start'),
    widgetKey: $('widget-key'), userId: $('user-id'), error: $('error'),
  };
  const ROLES = { customer: 'You', ai_rep: 'AI Rep', ai_manager: 'AI Manager', human_agent: 'A person' };
  const STATES = { ai: 'Talking with our AI assistant', queued: 'Waiting for a person',
    agent: 'Talking with a person', hold: 'On hold', message: 'Leave your message', ended: 'Call ended' };

  let ws = null, audio = null, mic = null, playAt = 0, playing = [], live = null, state = '';

  function showError(text) {
    ui.error.textContent = text || '';
    ui.error.hidden = !text;
  }

  function line(role, text, final) {
    if (!final && role === 'customer') {
      if (!live) {
        live = document.createElement('li');
        live.className = 'call__line call__line--live';
        ui.transcript.appendChild(live);
      }
      live.textContent = ROLES.customer + ': ' + text;
      return;
    }
    const li = live && role === 'customer' ? live : document.createElement('li');
    live = null;
    li.className = 'call__line';
    li.textContent = (ROLES[role] || 'Support') + ': ' + text;
    if (!li.parentNode)
      ui.transcript.appendChild(li);
    ui.transcript.scrollTop = ui.transcript.scrollHeight;
  }

  // The AI's speech, scheduled piece after piece; dropped when the caller speaks (barge-in).
  function play(buffer) {
    const pcm = new Int16Array(buffer);
    const samples = new Float32Array(pcm.length);
    for (let i = 0; i < pcm.length; ++i)
      samples[i] = pcm[i] / 32768;
    const b = audio.createBuffer(1, samples.length, 16000);
    b.copyToChannel(samples, 0);
    const source = audio.createBufferSource();
    source.buffer = b;
    source.connect(audio.destination);
    playAt = Math.max(playAt, audio.currentTime);
    source.start(playAt);
    playAt += b.duration;
    playing.push(source);
    source.onended = () => { playing = playing.filter((s) => s !== source); };
  }

  function silence() {
    playing.forEach((s) => { try { s.stop(); } catch (e) { /* already over */ } });
    playing = [];
    playAt = 0;
  }

  function onControl(m) {
    if (m.type === 'transcript') {
      if (m.role === 'customer' && !m.final && state !== 'agent')
        silence(); // the caller is speaking: the AI stops (a person is not cut off)
      line(m.role, m.text, m.final);
    } else if (m.type === 'state') {
      state = m.state;
      ui.state.textContent = (STATES[m.state] || m.state)
        + (m.state === 'queued' && m.position ? ' (number ' + m.position + ' in line)' : '');
    } else if (m.type === 'ended') {
      ui.state.textContent = STATES.ended + (m.reason ? ' (' + m.reason + ')' : '');
      stop();
    } else if (m.type === 'error') {
      showError(m.message);
    }
  }

  async function start() {
    const key = ui.widgetKey.value.trim();
    if (!key) {
      showError('Enter the widget key first.');
      return;
    }
    showError('');
    try {
      audio = new AudioContext({ sampleRate: 16000 });
      await audio.audioWorklet.addModule('/chat/call-worklet.js');
      mic = await navigator.mediaDevices.getUserMedia(
        { audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
    } catch (e) {
      showError('The microphone cannot be used: ' + e.message);
      stop();
      return;
    }
    const capture = new AudioWorkletNode(audio, 'pcm16-capture');
    audio.createMediaStreamSource(mic).connect(capture);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(scheme + '//' + location.host + '/api/v1/voice?key=' + encodeURIComponent(key));
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      const name = ui.userId.value.trim();
      ws.send(JSON.stringify({ type: 'start', sampleRate: 16000, visitor: name ? { name } : undefined }));
    };
    ws.onmessage = (e) => (typeof e.data === 'string' ? onControl(JSON.parse(e.data)) : play(e.data));
    ws.onclose = () => stop();
    ws.onerror = () => showError('The call could not be connected.');
    capture.port.onmessage = (e) => { if (ws && ws.readyState === WebSocket.OPEN) ws.send(e.data); };
    ui.start.hidden = true;
    ui.panel.hidden = false;
    ui.state.textContent = 'Calling…';
  }

  function stop() {
    silence();
    if (mic)
      mic.getTracks().forEach((t) => t.stop());
    if (audio)
      audio.close();
    mic = null;
    audio = null;
    if (ws && ws.readyState === WebSocket.OPEN)
      ws.close();
    ws = null;
    ui.hangup.disabled = true;
  }

  ui.call.addEventListener('click', start);
  ui.hangup.addEventListener('click', () => {
    if (ws && ws.readyState === WebSocket.OPEN)
      ws.send(JSON.stringify({ type: 'hangup' }));
  });
  ui.sendKeys.addEventListener('click', () => {
    const digits = ui.keys.value.replace(/[^0-9*#]/g, '');
    if (digits && ws && ws.readyState === WebSocket.OPEN)
      ws.send(JSON.stringify({ type: 'dtmf', digits: digits.endsWith('#') ? digits : digits + '#' }));
    ui.keys.value = '';
  });
}());
