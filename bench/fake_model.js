// An OpenAI-compatible Chat Completions server for benchmarks: answers every
// POST /v1/chat/completions after DELAY_MS with a short, honest reply and usage
// figures, keeping connections alive. Usage: node fake_model.js PORT [DELAY_MS]
const http = require('http');

const port = Number(process.argv[2]);
const delayMs = Number(process.argv[3] || 0);
const reply = 'Thanks for writing. Here is what I can tell you about that.';

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    let model = 'bench';
    try { model = JSON.parse(body).model || model; } catch (e) { /* answered all the same */ }
    const answer = JSON.stringify({
      id: 'chatcmpl-bench', object: 'chat.completion', model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 400, completion_tokens: 14, total_tokens: 414 },
    });
    const send = () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer) });
      res.end(answer);
    };
    if (delayMs > 0) setTimeout(send, delayMs); else send();
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1');
