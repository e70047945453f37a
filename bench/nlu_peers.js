// NLP.js intents and VADER / AFINN sentiment for bench/nlu.sh. Prints one JSON object
// per tool with the fields of `tierdesk nlu eval --json` / `sentiment eval --json`.
//   node nlu_peers.js nlpjs TRAIN_CSV TEST_CSV
//   node nlu_peers.js vader TEST_CSV
//   node nlu_peers.js afinn TEST_CSV
'use strict';
const fs = require('fs');

// RFC 4180 rows (quoted fields, "" escapes); the first row is the header.
function readCsv(path) {
  const text = fs.readFileSync(path, 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const header = rows.shift();
  const ti = header.indexOf('text'), li = header.indexOf('label');
  return rows.filter(r => r.length > Math.max(ti, li)).map(r => ({ text: r[ti], label: r[li] }));
}

function quantileUs(ns, q) {
  const s = [...ns].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] / 100) / 10;
}

function report(gold, predicted, trainMs, latency, extra) {
  const labels = new Set([...gold, ...predicted]);
  let correct = 0, f1sum = 0;
  gold.forEach((g, i) => { if (g === predicted[i]) ++correct; });
  for (const l of labels) {
    let tp = 0, p = 0, s = 0;
    gold.forEach((g, i) => { if (predicted[i] === l) ++p; if (g === l) { ++s; if (predicted[i] === l) ++tp; } });
    const prec = p ? tp / p : 0, rec = s ? tp / s : 0;
    f1sum += prec + rec ? 2 * prec * rec / (prec + rec) : 0;
  }
  const round4 = v => Math.round(v * 10000) / 10000;
  console.log(JSON.stringify(Object.assign({
    accuracy: round4(correct / gold.length), macro_f1: round4(f1sum / labels.size), n: gold.length,
    train_ms: trainMs, p50_us: quantileUs(latency, 0.5), p99_us: quantileUs(latency, 0.99),
    peak_rss_kb: Math.round(process.resourceUsage().maxRSS),
  }, extra)));
}

async function nlpjs(trainPath, testPath) {
  const { NlpManager } = require('node-nlp');
  const manager = new NlpManager({ languages: ['en'], nlu: { log: false }, autoSave: false, autoLoad: false });
  for (const r of readCsv(trainPath)) manager.addDocument('en', r.text, r.label);
  const t0 = Date.now();
  await manager.train();
  const trainMs = Date.now() - t0;
  const test = readCsv(testPath), predicted = [], latency = [];
  for (const r of test) {
    const s = process.hrtime.bigint();
    const result = await manager.process('en', r.text);
    latency.push(Number(process.hrtime.bigint() - s));
    predicted.push(result.intent === 'None' ? 'out_of_scope' : result.intent);
  }
  report(test.map(r => r.label), predicted, trainMs, latency, {});
}

// Gold labels -1/0/1 (or -4..4) as polarity names, as `tierdesk sentiment eval` maps them.
const polarity = v => (v > 0 ? 'positive' : v < 0 ? 'negative' : 'neutral');

function sentiment(tool, testPath) {
  let score;
  if (tool === 'vader') {
    const vader = require('vader-sentiment');
    // VADER's own thresholds: compound >= 0.05 positive, <= -0.05 negative.
    score = t => { const c = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound; return Math.abs(c) < 0.05 ? 0 : c; };
  } else {
    const Sentiment = require('sentiment');
    const afinn = new Sentiment();
    score = t => afinn.analyze(t).comparative;
  }
  const test = readCsv(testPath), predicted = [], latency = [];
  let polar = 0, signCorrect = 0;
  for (const r of test) {
    const s = process.hrtime.bigint();
    const v = score(r.text);
    latency.push(Number(process.hrtime.bigint() - s));
    predicted.push(polarity(v));
    const g = Math.sign(Number(r.label));
    if (g !== 0) { ++polar; if (Math.sign(v) === g) ++signCorrect; }
  }
  report(test.map(r => polarity(Number(r.label))), predicted, 0, latency,
    { sign_accuracy: Math.round(10000 * signCorrect / Math.max(1, polar)) / 10000 });
}

const [tool, a, b] = process.argv.slice(2);
if (tool === 'nlpjs') nlpjs(a, b).catch(e => { console.error(e); process.exit(1); });
else sentiment(tool, a);
