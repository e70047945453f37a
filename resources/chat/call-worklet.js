// The web call's microphone (docs/chat-api.md, "Calls"): the page's AudioContext runs at 16 kHz,
// so each input block is already at the call's rate; it leaves as 16-bit little-endian PCM in
// pieces of 100 ms, each posted to the page, which sends it over the call's WebSocket.
'use strict';

class Pcm16Capture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.piece = new Int16Array(1600); // 100 ms at 16 kHz
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel)
      return true;
    for (let i = 0; i < channel.length; ++i) {
      const s = Math.max(-1, Math.min(1, channel[i]));
      this.piece[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
      if (this.filled === this.piece.length) {
        this.port.postMessage(this.piece.buffer.slice(0));
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm16-capture', Pcm16Capture);
