// The drawing pad: strokes from mouse, touch and pen (pointer events), undo and clear, or a picture
// the person chose; and the MNIST-like 28 x 28 image made from the strokes.

// Stroke width on screen, as a fraction of the pad's side.
const SCREEN_INK = 0.07;

// How MNIST digits were made: the digit scaled to fit a 20 x 20 box, then placed in 28 x 28 with
// its centre of mass in the middle. Strokes are kept as points, so the model's image is drawn afresh
// at MNIST's stroke width however large the person drew. At 2.5 px, digits traced from MNIST test
// images carry 1.10 times the ink of the originals (2 px: 0.90 times; measured over 60 digits).
const FRAME = 28;
const BOX = 20;
const MODEL_INK = 2.5;
const SUPERSAMPLE = 8;
// A dot or a tiny scribble is not blown up to fill the box.
const MIN_EXTENT = 0.12;

export class DrawingPad extends EventTarget {
  #canvas;
  #ctx;
  #strokes = [];
  #active = null;
  #picture = null;
  #drawing = true;

  constructor(canvas) {
    super();
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d');
    canvas.addEventListener('pointerdown', (e) => this.#down(e));
    canvas.addEventListener('pointermove', (e) => this.#move(e));
    canvas.addEventListener('pointerup', (e) => this.#up(e));
    canvas.addEventListener('pointercancel', (e) => this.#up(e));
    new ResizeObserver(() => this.#fitBackingStore()).observe(canvas);
    this.#fitBackingStore();
  }

  /** The finished strokes, each a list of {x, y} in [0, 1] of the pad's side. */
  get strokes() {
    return this.#strokes;
  }

  get hasStrokes() {
    return this.#strokes.length > 0;
  }

  get picture() {
    return this.#picture;
  }

  get isEmpty() {
    return !this.hasStrokes && !this.#picture;
  }

  get isDrawing() {
    return this.#active !== null;
  }

  /** Whether the pad takes strokes (false for photo models: it only shows the chosen picture). */
  get drawingEnabled() {
    return this.#drawing;
  }

  set drawingEnabled(enabled) {
    this.#drawing = enabled;
    if (!enabled && this.#strokes.length > 0) {
      // strokes mean nothing to a photo model; a chosen picture stays for either kind
      this.#strokes = [];
      this.#active = null;
      this.#changed();
    }
  }

  undo() {
    if (this.#strokes.length > 0) {
      this.#strokes.pop();
    } else {
      this.#picture = null;
    }
    this.#active = null;
    this.#changed();
  }

  clear() {
    this.#strokes = [];
    this.#active = null;
    this.#picture = null;
    this.#changed();
  }

  /** Shows a picture instead of the strokes; bitmap is null when the browser cannot decode it. */
  showPicture(file, bitmap) {
    this.#strokes = [];
    this.#active = null;
    this.#picture = { file, bitmap };
    this.#changed();
  }

  #point(e) {
    const rect = this.#canvas.getBoundingClientRect();
    const clamp = (v) => Math.min(1, Math.max(0, v));
    return {
      x: clamp((e.clientX - rect.left) / rect.width),
      y: clamp((e.clientY - rect.top) / rect.height),
    };
  }

  #down(e) {
    if (!this.#drawing || (e.pointerType === 'mouse' && e.button !== 0)) {
      return;
    }
    e.preventDefault();
    this.#canvas.setPointerCapture(e.pointerId);
    // drawing over a picture starts a new drawing: strokes and a photo do not mix into one digit
    this.#picture = null;
    this.#active = { id: e.pointerId, points: [this.#point(e)] };
    this.#strokes.push(this.#active.points);
    this.#changed();
  }

  #move(e) {
    if (!this.#active || e.pointerId !== this.#active.id) {
      return;
    }
    const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
    for (const each of events.length > 0 ? events : [e]) {
      this.#active.points.push(this.#point(each));
    }
    this.#changed();
  }

  #up(e) {
    if (!this.#active || e.pointerId !== this.#active.id) {
      return;
    }
    this.#active = null;
    this.#changed();
  }

  #changed() {
    // for anyone watching the page, browser tests included: what the pad holds now
    this.#canvas.dataset.strokes = String(this.#strokes.length);
    this.#canvas.dataset.drawing = String(this.#active !== null);
    this.#redraw();
    this.dispatchEvent(new Event('change'));
  }

  #fitBackingStore() {
    const rect = this.#canvas.getBoundingClientRect();
    const side = Math.max(1, Math.round(rect.width * (window.devicePixelRatio || 1)));
    if (this.#canvas.width !== side || this.#canvas.height !== side) {
      this.#canvas.width = side;
      this.#canvas.height = side;
      this.#redraw();
    }
  }

  #redraw() {
    const ctx = this.#ctx;
    const side = this.#canvas.width;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, side, side);
    if (this.#picture) {
      drawPicture(ctx, this.#picture, side);
      return;
    }
    ctx.setTransform(side, 0, 0, side, 0, 0);
    drawStrokes(ctx, this.#strokes, SCREEN_INK);
  }
}

function drawPicture(ctx, picture, side) {
  const bitmap = picture.bitmap;
  if (!bitmap) {
    ctx.fillStyle = '#9ca3af';
    ctx.font = `${Math.round(side / 20)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillText('No preview for this file', side / 2, side / 2);
    return;
  }
  const scale = Math.min(side / bitmap.width, side / bitmap.height);
  const w = bitmap.width * scale;
  const h = bitmap.height * scale;
  // small images such as MNIST's 28 x 28 stay crisp squares instead of a blur
  ctx.imageSmoothingEnabled = scale < 2;
  ctx.drawImage(bitmap, (side - w) / 2, (side - h) / 2, w, h);
}

/** Draws white strokes in the current transform, lineWidth in the same units as the points. */
function drawStrokes(ctx, strokes, lineWidth) {
  ctx.strokeStyle = '#fff';
  ctx.fillStyle = '#fff';
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const points of strokes) {
    if (points.length === 1) {
      ctx.beginPath();
      ctx.arc(points[0].x, points[0].y, lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(points[0].x, points[0].y);
    for (let i = 1; i < points.length; i++) {
      ctx.lineTo(points[i].x, points[i].y);
    }
    ctx.stroke();
  }
}

/**
 * Draws the strokes as an MNIST digit into target, a 28 x 28 canvas: bounding box scaled into a
 * 20 x 20 box, centre of mass moved to the middle, rendered 8x larger and averaged down so edges
 * are grey as in MNIST. Returns false when there are no strokes.
 */
export function renderDigit(strokes, target) {
  const points = strokes.flat();
  if (points.length === 0) {
    return false;
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const extent = Math.max(maxX - minX, maxY - minY, MIN_EXTENT);
  const side = FRAME * SUPERSAMPLE;
  // the stroke skeleton plus the ink's width fills the box
  const scale = ((BOX - MODEL_INK) * SUPERSAMPLE) / extent;
  const work = document.createElement('canvas');
  work.width = side;
  work.height = side;
  const ctx = work.getContext('2d', { willReadFrequently: true });
  const render = (centreX, centreY) => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, side, side);
    ctx.setTransform(scale, 0, 0, scale, side / 2 - scale * centreX, side / 2 - scale * centreY);
    drawStrokes(ctx, strokes, (MODEL_INK * SUPERSAMPLE) / scale);
    return ctx.getImageData(0, 0, side, side).data;
  };
  let pixels = render((minX + maxX) / 2, (minY + maxY) / 2);
  const mass = centreOfMass(pixels, side);
  if (mass) {
    // where the centre of mass is in pad units, then draw again with it in the middle
    const cx = (minX + maxX) / 2 + (mass.x - side / 2) / scale;
    const cy = (minY + maxY) / 2 + (mass.y - side / 2) / scale;
    pixels = render(cx, cy);
  }
  const out = target.getContext('2d');
  const image = out.createImageData(FRAME, FRAME);
  const area = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < FRAME; y++) {
    for (let x = 0; x < FRAME; x++) {
      let sum = 0;
      for (let dy = 0; dy < SUPERSAMPLE; dy++) {
        const row = (y * SUPERSAMPLE + dy) * side;
        for (let dx = 0; dx < SUPERSAMPLE; dx++) {
          sum += pixels[(row + x * SUPERSAMPLE + dx) * 4];
        }
      }
      const v = Math.round(sum / area);
      const i = (y * FRAME + x) * 4;
      image.data[i] = v;
      image.data[i + 1] = v;
      image.data[i + 2] = v;
      image.data[i + 3] = 255;
    }
  }
  out.putImageData(image, 0, 0);
  return true;
}

function centreOfMass(pixels, side) {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = pixels[(y * side + x) * 4];
      total += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return total > 0 ? { x: sx / total, y: sy / total } : null;
}
