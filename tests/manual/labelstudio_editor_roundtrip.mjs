// The Label Studio round trip through Label Studio's real editor, by hand (not run by CI: it
// needs the npm registry and Chromium).
//
//   A. Concord → editor → Concord: projects of every kind (spans over emoji, a ZWJ sequence,
//      a flag, 𝒜, newline, CRLF and double spaces; multi-label with an empty answer; single;
//      ratings on 0..4 and 3..7) exported with `export --format labelstudio`, each task loaded
//      with its label_config.xml in the editor, the annotations read back from its store (and
//      the text each span highlights), written out in Label Studio's export shape and imported
//      into a new project, which must hold the same annotations.
//   B. Editor → Concord: spans made in the editor by selecting text (as a user's mouse does,
//      through the editor's own selection handling) imported with `import --format
//      labelstudio`; the characters stored must be the ones selected.
//
// usage: node tests/manual/labelstudio_editor_roundtrip.mjs CONCORD_CLI [WORK_DIR]
//   needs node, npm (installs @heartexlabs/label-studio@1.4.0, the newest release that ships
//   the editor bundle, into WORK_DIR/npm) and Debian's chromium (apt-get install chromium).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cliPath = process.argv[2];
if (!cliPath) {
    console.error('usage: node labelstudio_editor_roundtrip.mjs CONCORD_CLI [WORK_DIR]');
    process.exit(2);
}
const work = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-ls-'));
fs.mkdirSync(work, { recursive: true });
const cli = (...args) => execFileSync(path.resolve(cliPath), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const codePoints = (text, start, end) => [...text].slice(start, end).join('');
let failures = 0;
const check = (ok, what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    failures += ok ? 0 : 1;
};

// The editor bundle, once per work directory.
const npmDir = path.join(work, 'npm');
const bundle = path.join(npmDir, 'node_modules/@heartexlabs/label-studio/build/static');
if (!fs.existsSync(path.join(bundle, 'js/main.js'))) {
    fs.mkdirSync(npmDir, { recursive: true });
    execFileSync('npm', ['install', '--prefix', npmDir, '--no-audit', '--no-fund', '@heartexlabs/label-studio@1.4.0'],
                 { stdio: 'inherit' });
}

// What runs in the page: load a task in `new LabelStudio(...)`, then either read every
// annotation back ("load") or make one by selecting code point ranges ("make"), and leave the
// answer as JSON in <pre id="out">.
const pageScript = String.raw`
const out = document.getElementById('out');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
window.onerror = (message, source, line, column, error) => { out.textContent = 'error: ' + (error ? error.stack : message); };
// The DOM position of UTF-16 offset unit in the rendered text: the editor shows each line
// break as a <br>, which counts as one character.
function locate(root, unit) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (unit <= seen + node.length) return [node, unit - seen];
      seen += node.length;
    } else if (node.nodeName === 'BR') {
      if (unit === seen) return [node.parentNode, [...node.parentNode.childNodes].indexOf(node)];
      seen += 1;
    }
  }
  throw new Error('no position ' + unit);
}
async function select(annotation, text, span) {
  const control = annotation.names.get('label');
  control.children.find((label) => label.value === span.label).setSelected(true);
  const chars = [...text];
  const root = document.querySelector('.lsf-htx-richtext');
  const [startNode, startOffset] = locate(root, chars.slice(0, span.start).join('').length);
  const [endNode, endOffset] = locate(root, chars.slice(0, span.end).join('').length);
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  await sleep(300);
}
new LabelStudio('label-studio', {
  config: PAYLOAD.config,
  task: PAYLOAD.task,
  interfaces: ['panel', 'controls', 'annotations:add-new'],
  user: { pk: 1, firstName: 'Concord', lastName: 'Test' },
  async onLabelStudioLoad(ls) {
    try {
      await sleep(300);
      const answer = [];
      if (PAYLOAD.mode === 'make') {
        const annotation = ls.annotationStore.addAnnotation({ userGenerate: true });
        ls.annotationStore.selectAnnotation(annotation.id);
        await sleep(300);
        for (const span of PAYLOAD.spans) await select(annotation, PAYLOAD.task.data.text, span);
        answer.push({ result: annotation.serializeAnnotation() });
      } else {
        for (const annotation of ls.annotationStore.annotations) {
          ls.annotationStore.selectAnnotation(annotation.id);
          await sleep(300);
          const highlighted = annotation.regionStore.regions.map((region) => (region._spans || []).map((s) => s.textContent).join(''));
          answer.push({ id: Number(annotation.pk ?? annotation.id), result: annotation.serializeAnnotation(), highlighted });
        }
      }
      out.textContent = JSON.stringify(answer);
    } catch (error) {
      out.textContent = 'error: ' + error.stack;
    }
  },
});`;

let pages = 0;
function runEditor(payload) {
    const file = path.join(work, `page-${++pages}.html`);
    fs.writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${bundle}/css/main.css"></head>
<body><div id="label-studio"></div><pre id="out">pending</pre>
<script src="file://${bundle}/js/main.js"></script>
<script>const PAYLOAD = ${JSON.stringify(payload).replace(/</g, '\\u003c')};${pageScript}</script></body></html>`);
    const dom = execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                                          '--allow-file-access-from-files', '--virtual-time-budget=20000', '--dump-dom',
                                          `file://${file}`],
                             { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    const found = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom);
    const text = found ? found[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : 'no output';
    if (!text.startsWith('[')) throw new Error(`editor page ${file}: ${text}`);
    return JSON.parse(text);
}

// Every annotation of a project, from the plain export: "id / annotator" → value.
function annotationsOf(project) {
    const map = {};
    for (const line of cli('export', project, '-').split('\n').filter(Boolean)) {
        const sample = JSON.parse(line);
        for (const [annotator, value] of Object.entries(sample.annotations)) map[`${sample.id} / ${annotator}`] = value;
    }
    return map;
}
const sorted = (map) => JSON.stringify(Object.keys(map).sort().map((key) => [key, map[key]]));

const spanTexts = [
    '\u{1F642} hi Ann', '\u{1F642} \u{1F44D}\u{1F3FD} great', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} met Bob',
    'Vive la \u{1F1EB}\u{1F1F7} et Paris', 'Let \u{1D49C} be Ann', 'first line\nBob here', 'one\r\nLine two',
    'lead  double space',
];
const spanValues = [
    [[5, 8, 'PER']], [[2, 4, 'EMO'], [5, 10, 'GREETING']], [[0, 5, 'EMO'], [10, 13, 'PER']],
    [[8, 10, 'EMO'], [14, 19, 'LOC']], [[4, 5, 'PER'], [9, 12, 'PER']], [[6, 14, 'PER']], [[0, 9, 'LOC']],
    [[0, 12, 'LOC']],
].map((spans) => ({ spans: spans.map(([start, end, label]) => ({ start, end, label })) }));
const kinds = [
    { name: 'spans', init: ['--kind', 'spans', '--labels', 'PER,LOC,EMO,GREETING'], texts: spanTexts,
      alice: spanValues, bob: spanValues.map((v, i) => (i % 3 === 0 ? { spans: [] } : v)) },
    { name: 'multi', init: ['--kind', 'multi', '--labels', 'news,sport,tech'], texts: spanTexts.slice(0, 3),
      alice: [{ labels: [] }, { labels: ['news', 'tech'] }, { labels: ['sport'] }],
      bob: [{ labels: ['news'] }, { labels: [] }, { labels: ['news', 'sport', 'tech'] }] },
    { name: 'single', init: ['--kind', 'single', '--labels', 'pos,neg'], texts: spanTexts.slice(0, 2),
      alice: [{ labels: ['pos'] }, { labels: ['neg'] }], bob: [{ labels: ['neg'] }, { labels: ['neg'] }] },
    { name: 'rating-0-4', init: ['--kind', 'rating', '--rating-min', '0', '--rating-max', '4'], texts: spanTexts.slice(0, 3),
      alice: [{ rating: 0 }, { rating: 2 }, { rating: 4 }], bob: [{ rating: 4 }, { rating: 0 }, { rating: 1 }] },
    { name: 'rating-3-7', init: ['--kind', 'rating', '--rating-min', '3', '--rating-max', '7'], texts: spanTexts.slice(0, 3),
      alice: [{ rating: 3 }, { rating: 7 }, { rating: 5 }], bob: [{ rating: 4 }, { rating: 3 }, { rating: 7 }] },
];

console.log(`A. Concord → Label Studio's editor → Concord (work directory ${work})`);
for (const kind of kinds) {
    const project = path.join(work, `${kind.name}.concord`);
    cli('init', project, ...kind.init);
    const samples = path.join(work, `${kind.name}.jsonl`);
    fs.writeFileSync(samples, kind.texts.map((text, i) => JSON.stringify({ id: `s${i}`, text })).join('\n') + '\n');
    cli('import', project, samples);
    kind.texts.forEach((_, i) => {
        for (const who of ['alice', 'bob']) cli('label', project, `s${i}`, '--annotator', who, '--value', JSON.stringify(kind[who][i]));
    });
    const out = path.join(work, `${kind.name}-ls`);
    cli('export', project, '--format', 'labelstudio', '--source', 'raw', '--split', '1,0,0', '--out-dir', out);
    const config = fs.readFileSync(path.join(out, 'label_config.xml'), 'utf8');
    const tasks = JSON.parse(fs.readFileSync(path.join(out, 'train.json'), 'utf8'));
    let highlightsRight = true;
    const fromEditor = tasks.map((task) => {
        const annotations = task.annotations.map((annotation, i) => ({ ...annotation, id: i + 1 }));
        // The editor lists annotations in its own order: match them by id.
        const answer = runEditor({ mode: 'load', config, task: { id: task.id, data: task.data, annotations } })
            .sort((a, b) => a.id - b.id);
        answer.forEach((read, i) => {
            if (kind.name === 'spans') {
                // The editor shows each line break as a <br>, so its highlighted text has none.
                const expected = annotations[i].result.map((r) => codePoints(task.data.text, r.value.start, r.value.end).replace(/[\r\n]/g, ''));
                if (JSON.stringify(read.highlighted) !== JSON.stringify(expected)) {
                    highlightsRight = false;
                    console.log(`     ${task.data.id} highlights ${JSON.stringify(read.highlighted)}, expected ${JSON.stringify(expected)}`);
                }
            }
        });
        return { ...task, annotations: answer.map((read, i) => ({ completed_by: annotations[i].completed_by, ground_truth: false,
                                                                 was_cancelled: false, result: read.result })) };
    });
    if (kind.name === 'spans') {
        const texts = fromEditor.flatMap((task) => task.annotations[0].result.map((r) => `${r.value.start}..${r.value.end} ${JSON.stringify(r.value.text)}`));
        console.log(`     spans saved again by the editor (alice's): ${texts.join(', ')}`);
    }
    if (kind.name === 'spans') check(highlightsRight, 'spans: the editor highlights the characters Concord labelled, on every text');
    if (kind.name.startsWith('rating')) {
        const stars = fromEditor.flatMap((task) => task.annotations.map((a) => a.result[0].value.rating));
        console.log(`     ${kind.name}: the editor holds stars ${JSON.stringify(stars)}; config ${/maxRating="\d+"/.exec(config)[0]}`);
    }
    const editorFile = path.join(work, `${kind.name}-from-editor.json`);
    fs.writeFileSync(editorFile, JSON.stringify(fromEditor, null, 1));
    const back = path.join(work, `${kind.name}-back.concord`);
    cli('init', back, ...kind.init);
    const imported = cli('import', back, editorFile, '--format', 'labelstudio');
    const same = sorted(annotationsOf(back)) === sorted(annotationsOf(project));
    check(same, `${kind.name}: ${Object.keys(annotationsOf(project)).length} annotations back as they were (${imported.trim().split('\n')[0].replace(/ from .*/, '')})`);
    if (!same) console.log(`     before ${sorted(annotationsOf(project))}\n     after  ${sorted(annotationsOf(back))}`);
}

console.log('B. Spans made in the editor → Concord (one span per annotation, then put together)');
const spanConfig = fs.readFileSync(path.join(work, 'spans-ls', 'label_config.xml'), 'utf8');
const makeInEditor = (text, id, spans) =>
    runEditor({ mode: 'make', config: spanConfig, spans, task: { id: 1, data: { text, id }, annotations: [] } })[0].result;
const project = path.join(work, 'editor.concord');
cli('init', project, '--kind', 'spans', '--labels', 'PER,LOC,EMO,GREETING');
const tasks = spanTexts.map((text, i) => {
    const result = spanValues[i].spans.flatMap((span) => makeInEditor(text, `e${i}`, [span]));
    return { id: i + 1, data: { text, id: `e${i}` }, annotations: [{ completed_by: { email: 'editor' }, result }] };
});
for (const task of tasks) {
    for (const r of task.annotations[0].result) {
        console.log(`     ${task.data.id}: the editor stored ${r.value.start}..${r.value.end} with value.text ${JSON.stringify(r.value.text)}`);
    }
}
const editorFile = path.join(work, 'made-in-editor.json');
fs.writeFileSync(editorFile, JSON.stringify(tasks, null, 1));
console.log('     ' + cli('import', project, editorFile, '--format', 'labelstudio').trim().split('\n')[0]);
const stored = annotationsOf(project);
spanTexts.forEach((text, i) => {
    const got = stored[`e${i} / editor`].spans.map((s) => codePoints(text, s.start, s.end));
    const want = spanValues[i].spans.map((s) => codePoints(text, s.start, s.end));
    check(JSON.stringify(got) === JSON.stringify(want), `e${i}: Concord stored ${JSON.stringify(got)}`);
});

// Seen with the 1.4.0 editor: a second span made in the same annotation, after a highlight that
// holds or follows characters outside the BMP, gets offsets shifted by one per such character
// before it (the editor adds up the text nodes' UTF-16 lengths). Concord must refuse such a
// span with a message (its value.text shows the shift), never store other characters.
console.log('C. Two spans made in one annotation (the editor\'s own shift after an earlier highlight)');
for (const i of [1, 2]) {
    const text = `${spanTexts[i]} and more words`; // long enough that the shifted span falls inside it
    const result = makeInEditor(text, `c${i}`, spanValues[i].spans);
    const shown = result.map((r) => `${r.value.start}..${r.value.end} ${JSON.stringify(r.value.text)} covers ${JSON.stringify(codePoints(text, r.value.start, r.value.end))}`);
    console.log(`     c${i}: the editor stored ${shown.join(', ')}`);
    const file = path.join(work, `shifted-${i}.json`);
    fs.writeFileSync(file, JSON.stringify([{ id: 1, data: { text, id: `c${i}` }, annotations: [{ completed_by: 1, result }] }]));
    const shifted = path.join(work, `shifted-${i}.concord`);
    cli('init', shifted, '--kind', 'spans', '--labels', 'PER,LOC,EMO,GREETING');
    let message = 'imported';
    try {
        cli('import', shifted, file, '--format', 'labelstudio');
    } catch (error) {
        message = `refused (exit ${error.status}): ${String(error.stderr).trim()}`;
    }
    const shiftedSpans = result.some((r) => codePoints(text, r.value.start, r.value.end).replace(/\s/g, '') !== r.value.text.replace(/\\n|\s/g, ''));
    check(!shiftedSpans || message.startsWith('refused'), `c${i}: Concord ${message}`);
}
console.log(failures === 0 ? 'all ok' : `${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
