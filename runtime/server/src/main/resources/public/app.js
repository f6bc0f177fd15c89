// Wires the page together: model picker, drawing pad, file input and drop, and the prediction that
// follows the drawing while it is made.

import { ApiError, classify, listModels, modelCard } from './api.js';
import { DRAW, inputModeOf, WORDING } from './mode.js';
import { DrawingPad, renderDigit } from './pad.js';
import { PredictionView, showCard, showCardMessage } from './views.js';

const TOP_K = 5;
// at most one request per this many ms while drawing, and one more when the drawing stops changing
const DEBOUNCE_MS = 150;
const POLL_MS = 1000;
const DEFAULT_MODEL = 'reslt-mnist-lt';

const $ = (id) => document.getElementById(id);
const picker = $('model');
const pad = new DrawingPad($('pad'));
const preview = $('preview');
const prediction = new PredictionView();

let model = null;
let card = null;
let timer = 0;
let inFlight = false;
let again = false;

function messageOf(error) {
  return error instanceof ApiError
    ? error.message
    : `Something went wrong in the page: ${error.message}`;
}

// ---- models ----

async function loadModels() {
  let models;
  try {
    models = await listModels();
  } catch (e) {
    picker.replaceChildren(new Option('unavailable'));
    showCardMessage(`Cannot list the models: ${messageOf(e)} Retrying…`);
    setTimeout(loadModels, POLL_MS * 3);
    return;
  }
  if (models.length === 0) {
    picker.replaceChildren(new Option('none'));
    showCardMessage(
      'The server found no models. Put an .onnx file in its model folder (reslt.models.dir) and restart it.',
    );
    prediction.empty('No model to ask yet.');
    return;
  }
  const wanted = new URLSearchParams(location.search).get('model');
  picker.replaceChildren(
    ...models.map((m) => {
      const option = new Option(m.state === 'ready' ? m.name : `${m.name} (${m.state})`, m.name);
      option.disabled = m.state !== 'ready';
      option.title = m.reason || '';
      return option;
    }),
  );
  const ready = models.filter((m) => m.state === 'ready');
  const current = models.find((m) => m.name === (model || wanted));
  const choice =
    current && current.state === 'ready'
      ? current
      : ready.find((m) => m.name === DEFAULT_MODEL) || ready[0];
  picker.disabled = ready.length === 0;
  showNotice(wanted, current, choice, models);
  if (!choice) {
    const loading = models.some((m) => m.state === 'loading');
    if (loading) {
      showCardMessage('The models are still loading…');
      setTimeout(loadModels, POLL_MS);
    } else {
      showCardMessage(
        `No model could be loaded: ${models.map((m) => `${m.name}: ${m.reason}`).join('; ')}`,
      );
    }
    return;
  }
  picker.value = choice.name;
  await selectModel(choice.name);
  if (models.some((m) => m.state === 'loading')) {
    setTimeout(loadModels, POLL_MS);
  }
}

/** Says why the page shows another model than the one asked for in the address or picked. */
function showNotice(wanted, current, choice, models) {
  let why = '';
  if (wanted && !models.some((m) => m.name === wanted)) {
    why = `The server has no model named “${wanted}”`;
  } else if (current && current.state === 'failed') {
    why = `${current.name} failed to load: ${current.reason}`;
  } else if (current && current.state === 'loading') {
    why = `${current.name} is still loading`;
  }
  const notice = $('notice');
  notice.hidden = !why;
  notice.textContent =
    choice && choice !== current ? `${why}; showing ${choice.name} instead.` : `${why}.`;
}

async function selectModel(name) {
  if (name === model && card) {
    return;
  }
  model = name;
  card = null;
  const url = new URL(location.href);
  url.searchParams.set('model', name);
  history.replaceState(null, '', url);
  try {
    const loaded = await modelCard(name);
    if (model !== name) {
      return;
    }
    card = loaded;
    showCard(card);
    applyInputMode(inputModeOf(card.input));
  } catch (e) {
    showCardMessage(`Cannot read the card of ${name}: ${messageOf(e)}`);
  }
  inputChanged();
}

picker.addEventListener('change', () => selectModel(picker.value));

// ---- the image to classify ----

/** The drawing pad for grayscale drawing models, a photo drop for colour and photo models. */
function applyInputMode(mode) {
  const words = WORDING[mode];
  $('drop-zone').dataset.mode = mode;
  $('tagline').textContent = words.tagline;
  $('draw-title').textContent = words.title;
  $('pad-hint').textContent = words.hint;
  prediction.emptyMessage = words.empty;
  $('choose').textContent = words.choose;
  $('pad').setAttribute('aria-label', words.pad);
  $('undo').hidden = mode !== DRAW;
  pad.drawingEnabled = mode === DRAW;
  updateTools();
}

function updateTools() {
  $('photo-prompt').hidden = pad.drawingEnabled || !!pad.picture;
  $('undo').disabled = pad.isEmpty;
  $('clear').disabled = pad.isEmpty;
  $('model-input').hidden = !pad.hasStrokes;
  $('input-note').hidden = !pad.hasStrokes;
  const note = $('file-note');
  note.hidden = !pad.picture;
  if (pad.picture) {
    const { file, bitmap } = pad.picture;
    const name = file.name || 'the pasted image';
    note.textContent = bitmap
      ? `Sent as it is: ${name}, ${bitmap.width} × ${bitmap.height}. The server fits it to the model’s input.`
      : `Sent as it is: ${name}. This browser cannot show it; the server says whether it can read it.`;
  }
}

/** The request body for what the pad shows, or null when it is empty. */
async function currentImage() {
  if (pad.picture) {
    const file = pad.picture.file;
    // the server decodes PNG, JPEG, BMP and GIF; anything else it names in its answer
    const type = file.type.startsWith('image/') ? file.type : 'application/octet-stream';
    return { body: file, type };
  }
  if (!renderDigit(pad.strokes, preview)) {
    return null;
  }
  const blob = await new Promise((resolve) => preview.toBlob(resolve, 'image/png'));
  return { body: blob, type: 'image/png' };
}

function inputChanged() {
  updateTools();
  if (pad.isEmpty) {
    clearTimeout(timer);
    timer = 0;
    if (!inFlight) {
      prediction.empty();
    } else {
      again = true;
    }
    return;
  }
  prediction.pending();
  if (!timer) {
    timer = setTimeout(flush, DEBOUNCE_MS);
  }
}

async function flush() {
  timer = 0;
  if (inFlight) {
    again = true;
    return;
  }
  if (!model || !card) {
    prediction.empty(model ? 'The model is not available.' : 'Waiting for a model…');
    return;
  }
  inFlight = true;
  const asked = model;
  try {
    const image = await currentImage();
    if (!image) {
      prediction.empty();
      return;
    }
    const answer = await classify(asked, image.body, image.type, TOP_K);
    if (asked === model) {
      prediction.show(answer, !again && !timer && !pad.isDrawing);
    }
  } catch (e) {
    prediction.error(messageOf(e), !again && !timer);
  } finally {
    inFlight = false;
    if (again) {
      again = false;
      flush();
    }
  }
}

pad.addEventListener('change', () => {
  inputChanged();
});

$('undo').addEventListener('click', () => pad.undo());
$('clear').addEventListener('click', () => pad.clear());
$('choose').addEventListener('click', () => $('file').click());
$('photo-prompt').addEventListener('click', () => $('file').click());

async function useFile(file) {
  if (!file) {
    return;
  }
  let bitmap = null;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    // not something the browser can show: the server still gets it and says what it thinks
  }
  pad.showPicture(file, bitmap);
}

$('file').addEventListener('change', (e) => {
  useFile(e.target.files[0]);
  e.target.value = '';
});

// drop anywhere: a file dropped beside the pad must not make the browser navigate away to it
const zone = $('drop-zone');
let dragDepth = 0;
window.addEventListener('dragenter', (e) => {
  if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) {
    dragDepth++;
    zone.classList.add('dragging');
  }
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) {
    zone.classList.remove('dragging');
  }
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  zone.classList.remove('dragging');
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (file) {
    useFile(file);
  }
});
window.addEventListener('paste', (e) => {
  const file =
    e.clipboardData && Array.from(e.clipboardData.files).find((f) => f.type.startsWith('image/'));
  if (file) {
    useFile(file);
  }
});

window.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement;
  if (!typing && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (!pad.isEmpty) {
      pad.undo();
    }
  }
});

updateTools();
loadModels();
