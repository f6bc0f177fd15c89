// The server's HTTP API as the page uses it. Every failure becomes an ApiError whose message can be
// shown to a person as it is: the server's own {"error": "..."} when there is one.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function errorOf(response) {
  let detail = '';
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') {
      detail = body.error;
    }
  } catch {
    // not JSON (a proxy's page, say): the status line is all there is
  }
  const status = `${response.status} ${response.statusText}`.trim();
  return new ApiError(
    detail ? `${detail} (${status})` : `The server answered ${status}.`,
    response.status,
  );
}

async function send(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', ...options });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError('Cannot reach the server. Is it still running?', 0);
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  try {
    return await response.json();
  } catch {
    throw new ApiError(`The server's answer to ${url} is not JSON.`, response.status);
  }
}

const modelPath = (name) => `/v1/models/${encodeURIComponent(name)}`;

/** [{name, state: loading | ready | failed | unloaded, reason?}] */
export const listModels = () => send('/v1/models');

/** The model card: labels, class_counts, groups, input, method, alpha, branch_style, metrics. */
export const modelCard = (name) => send(modelPath(name));

/**
 * Classifies one encoded image. Resolves to the server's {model, predictions, timing_ms} plus
 * roundTripMs, the request's latency as the page sees it.
 */
export async function classify(name, image, contentType, topK) {
  const started = performance.now();
  const answer = await send(`${modelPath(name)}/classify?top_k=${topK}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: image,
  });
  return { ...answer, roundTripMs: performance.now() - started };
}
