// What the page shows: the prediction panel and the model card, rendered from the server's JSON.

const $ = (id) => document.getElementById(id);

const METHODS = {
  reslt: 'ResLT',
  'reslt-branch-sampling': 'ResLT with branch sampling',
  'reslt-la': 'ResLT with logit adjustment',
  ce: 'Cross-entropy',
  'ce-balanced': 'Class-balanced cross-entropy',
  'logit-adjusted': 'Logit-adjusted cross-entropy',
};

const BRANCH_STYLES = {
  paper: 'branches as in the paper',
  separate: 'separate branches',
  single: 'one classifier',
};

const POLARITIES = {
  light_on_dark: 'light on dark',
  dark_on_light: 'dark on light',
  any: 'either polarity',
};

const GROUP_NAMES = ['head', 'medium', 'tail'];

export function percent(p) {
  if (p < 0.0005) {
    return '<0.1%';
  }
  return `${(100 * p).toFixed(p >= 0.9995 ? 0 : 1)}%`;
}
const thousands = (n) => n.toLocaleString('en-US');

function milliseconds(ms) {
  if (ms >= 100) {
    return `${Math.round(ms)} ms`;
  }
  return `${ms.toFixed(ms >= 10 ? 0 : ms >= 1 ? 1 : 2)} ms`;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function chip(group) {
  const node = el('span', `chip ${group}`, group);
  node.title = `${group} class: ${groupMeaning(group)}`;
  return node;
}

function groupMeaning(group) {
  return {
    head: 'many training images',
    medium: 'a medium number of training images',
    tail: 'few training images',
  }[group];
}

/** The prediction panel. Its data-state (empty, pending, done, error) says when it settled. */
export class PredictionView {
  #panel = $('result');

  /** What the empty panel asks for: a drawing or a photo, by the model's input mode. */
  emptyMessage = 'Draw a digit to see the model’s answer.';

  #state(state) {
    this.#panel.dataset.state = state;
    this.#panel.setAttribute('aria-busy', String(state === 'pending'));
  }

  pending() {
    this.#state('pending');
  }

  empty(message = this.emptyMessage) {
    this.#state('empty');
    $('error').hidden = true;
    $('answer').hidden = true;
    $('empty-note').hidden = false;
    $('empty-note').textContent = message;
  }

  error(message, settled) {
    this.#state(settled ? 'error' : 'pending');
    $('answer').hidden = true;
    $('empty-note').hidden = true;
    $('error').hidden = false;
    $('error').textContent = message;
  }

  /** Shows an answer; settled is false while newer strokes are still on their way. */
  show(answer, settled) {
    const best = answer.predictions[0];
    if (!best) {
      this.error('The server answered without predictions.', settled);
      return;
    }
    $('error').hidden = true;
    $('empty-note').hidden = true;
    $('answer').hidden = false;
    $('top-label').textContent = best.label;
    $('top-probability').textContent = percent(best.probability);
    const topGroup = $('top-group');
    topGroup.hidden = !best.group;
    if (best.group) {
      topGroup.className = `chip ${best.group}`;
      topGroup.textContent = `${best.group} class`;
      topGroup.title = groupMeaning(best.group);
    }
    const bars = $('bars');
    bars.replaceChildren(
      ...answer.predictions.map((p, rank) => {
        const row = el('li', rank === 0 ? 'best' : '');
        row.dataset.label = p.label;
        row.dataset.index = String(p.index);
        row.dataset.probability = String(p.probability);
        if (p.group) {
          row.dataset.group = p.group;
        }
        row.append(el('span', 'bar-label', p.label));
        const track = el('span', 'track');
        const fill = el('span', `fill ${p.group || 'none'}`);
        fill.style.width = `${Math.max(0.5, 100 * p.probability)}%`;
        track.append(fill);
        row.append(track, el('span', 'bar-value', percent(p.probability)));
        row.append(p.group ? chip(p.group) : el('span'));
        return row;
      }),
    );
    $('latency').textContent =
      `Answered in ${milliseconds(answer.roundTripMs)} ` +
      `(${milliseconds(answer.timing_ms)} of it in the server) by ${answer.model}.`;
    this.#state(settled ? 'done' : 'pending');
    if (settled) {
      // one announcement per finished drawing, not one per update while the pen moves
      const group = best.group ? `, ${best.group} class` : '';
      $('announce').textContent =
        `The model reads ${best.label}, ${percent(best.probability)}${group}.`;
    }
  }
}

/** The model card panel. */
export function showCardMessage(message) {
  $('card').hidden = true;
  $('groups-note').hidden = true;
  $('card-message').hidden = false;
  $('card-message').textContent = message;
}

export function showCard(card) {
  $('card-message').hidden = true;
  $('card').hidden = false;
  $('card-name').textContent = card.name;
  $('card-version').textContent = card.version ? `version ${card.version}` : '';
  $('card-method').textContent = describeMethod(card);
  const input = card.input;
  const channels =
    input.channels === 1
      ? 'grayscale'
      : input.channels === 3
        ? 'RGB'
        : `${input.channels} channels`;
  $('card-input').textContent =
    input.image_kind === 'photo'
      ? `${input.width} × ${input.height} ${channels} photos`
      : `${input.width} × ${input.height} ${channels}, ${POLARITIES[input.polarity] || input.polarity}`;
  showMetrics(card.metrics);
  showCounts(card);
  $('groups-note').hidden = !card.groups;
}

function describeMethod(card) {
  if (!card.method) {
    return 'not recorded in the model';
  }
  const parts = [METHODS[card.method] || card.method];
  if (card.alpha !== undefined && card.alpha !== null) {
    parts.push(`α = ${card.alpha}`);
  }
  if (card.branch_style && card.branch_style !== 'single') {
    parts.push(BRANCH_STYLES[card.branch_style] || card.branch_style);
  }
  return parts.join(', ');
}

function showMetrics(metrics) {
  $('card-metrics').hidden = !metrics;
  if (!metrics) {
    return;
  }
  $('card-metrics-on').textContent = `on ${metrics.dataset}, ${thousands(metrics.images)} images`;
  const rows = [
    ['overall', 'Top-1', metrics.top1],
    ['overall', 'Balanced', metrics.balanced],
    ['head', 'Head', metrics.head],
    ['medium', 'Medium', metrics.medium],
    ['tail', 'Tail', metrics.tail],
  ].filter(([, , value]) => value !== undefined && value !== null);
  $('metric-grid').replaceChildren(
    ...rows.map(([group, name, value]) => {
      const row = el('div', 'metric');
      row.dataset.metric = name.toLowerCase();
      row.append(el('span', 'metric-name', name));
      const track = el('span', 'track');
      const fill = el('span', `fill ${group}`);
      fill.style.width = `${100 * value}%`;
      track.append(fill);
      row.append(track, el('span', 'metric-value', percent(value)));
      return row;
    }),
  );
}

function groupOf(card, index) {
  if (!card.groups) {
    return null;
  }
  return GROUP_NAMES.find((g) => card.groups[g].includes(index)) || null;
}

function showCounts(card) {
  const counts = card.class_counts || [];
  $('card-groups').hidden = counts.length === 0;
  if (counts.length === 0) {
    return;
  }
  const largest = Math.max(...counts, 1);
  const described = [];
  $('counts').replaceChildren(
    ...counts.map((count, index) => {
      const label = card.labels[index] ?? String(index);
      const group = groupOf(card, index);
      described.push(`${label}: ${thousands(count)}${group ? ` (${group})` : ''}`);
      const column = el('div', 'count');
      column.dataset.label = label;
      if (group) {
        column.dataset.group = group;
      }
      column.title = `${label}: ${thousands(count)} training images${group ? `, ${group} class` : ''}`;
      column.append(el('span', 'count-value', compact(count)));
      const bar = el('span', `count-bar ${group || 'none'}`);
      bar.style.height = `${Math.max(2, (100 * count) / largest)}%`;
      const well = el('span', 'count-well');
      well.append(bar);
      column.append(well, el('span', 'count-label', label));
      return column;
    }),
  );
  $('counts').setAttribute('aria-label', `Training images per class: ${described.join(', ')}.`);
  const legend = $('legend');
  if (!card.groups) {
    legend.replaceChildren();
    return;
  }
  const { tail_max: tailMax, medium_max: mediumMax } = card.groups;
  const ranges = {
    head: `more than ${thousands(mediumMax)} images`,
    medium: `${thousands(tailMax + 1)} to ${thousands(mediumMax)}`,
    tail: `${thousands(tailMax)} or fewer`,
  };
  legend.replaceChildren(
    ...GROUP_NAMES.map((group) => {
      const item = el('li');
      item.dataset.group = group;
      const labels = card.groups[group].map((i) => card.labels[i] ?? String(i));
      item.append(chip(group), ` ${ranges[group]}: `, el('strong', '', labels.join(' ') || 'none'));
      return item;
    }),
  );
}

function compact(n) {
  return n >= 10000 ? `${Math.round(n / 1000)}k` : String(n);
}
