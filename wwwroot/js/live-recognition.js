// Live recognition: camera frames go to the server over the live SignalR hub (MessagePack,
// binary JPEG), results come back per frame and are drawn over the video. At most
// `maxInFlight` frames are unanswered at any time, so a slow server lowers the frame rate
// instead of building a queue. Statistics go to the Blazor page twice a second.

import { openCamera, closeCamera, grabJpeg } from './camera.js';
import { withRequestToken } from './api-request.js';

// A named track is solid green; every kind of Unknown is dashed, red (or amber while a name is being
// confirmed), so the difference does not rest on colour alone.
const KNOWN = '#00e676';
const UNKNOWN = '#ff5252';
const CONFIRMING = '#ffb300';
// Labels stay at least this many CSS pixels tall however small the video is drawn (a phone).
const MIN_LABEL_CSS_PX = 15;
const STATS_INTERVAL_MS = 500;
// The JPEGs of the last results shown in the side panel, so "Not this person" sends the very frame its box is in.
const KEPT_FRAMES = 6;

let session = null;
// The frame an admin is marking, held while the confirmation is open (the panel moves on meanwhile).
let held = null;
// Starts and stops run one after another: two overlapping starts (a gallery changed while the camera opened)
// would otherwise both connect, and the one not kept would go on sending frames and drawing over the other.
let queue = Promise.resolve();

function inTurn(operation) {
  const turn = queue.then(operation);
  queue = turn.catch(() => {});
  return turn;
}

export function start(video, overlay, options, dotnet) {
  return inTurn(() => startNow(video, overlay, options, dotnet));
}

export function stop() {
  return inTurn(stopNow);
}

async function startNow(video, overlay, options, dotnet) {
  await stopNow();
  await loadSignalR();
  const camera = await openCamera(video, { deviceId: options.deviceId, width: options.cameraWidth, height: options.cameraHeight });
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(options.hubUrl, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
    .withAutomaticReconnect()
    .build();

  const s = {
    video, overlay, dotnet, connection, stream: camera.stream, running: true,
    frameWidth: options.frameWidth, quality: options.jpegQuality, maxInFlight: options.maxInFlight || 2,
    liveness: !!options.liveness,
    // The server refuses frames over its limit (LiveOptions.MaxFramesPerSecond); never send faster than it.
    minIntervalMs: options.maxFramesPerSecond > 0 ? 1000 / options.maxFramesPerSecond : 0, lastSentAt: -Infinity,
    blobs: new Map(), kept: new Map(),
    canvas: document.createElement('canvas'), seq: 0, inFlight: new Map(),
    answered: [], roundTrips: [], serverTimes: [], dropped: 0, refused: 0, lastProblem: null, latest: null,
  };
  connection.on('FrameResult', result => onResult(s, result));
  connection.onreconnecting(() => s.inFlight.clear());
  connection.onclose(error => {
    if (s.running) report(s, error ? `The connection to the server closed: ${error.message}` : 'The connection to the server closed.');
  });
  try {
    await connection.start();
  } catch (e) {
    closeCamera(video, camera.stream);
    throw e;
  }

  session = s;
  sendLoop(s);
  s.statsTimer = setInterval(() => report(s, null), STATS_INTERVAL_MS);
  return { width: camera.width, height: camera.height, cameras: camera.cameras };
}

async function stopNow() {
  const s = session;
  if (!s) return;
  session = null;
  s.running = false;
  clearInterval(s.statsTimer);
  closeCamera(s.video, s.stream);
  clear(s.overlay);
  await s.connection.stop();
}

export function setFrameWidth(width) {
  if (session) session.frameWidth = width;
}

// The server computes the (experimental) liveness badge only for frames that ask for it.
export function setLiveness(on) {
  if (session) session.liveness = !!on;
}

async function sendLoop(s) {
  while (s.running) {
    expireLostFrames(s);
    if (s.inFlight.size >= s.maxInFlight || s.video.readyState < 2 || s.connection.state !== 'Connected'
        || performance.now() - s.lastSentAt < s.minIntervalMs) {
      await nextFrame();
      continue;
    }

    try {
      const blob = await grabJpeg(s.video, s.quality, Math.min(s.frameWidth, s.video.videoWidth), s.canvas);
      const image = new Uint8Array(await blob.arrayBuffer());
      const seq = ++s.seq;
      const capturedAt = performance.now();
      s.lastSentAt = capturedAt;
      s.inFlight.set(seq, capturedAt);
      s.blobs.set(seq, blob);
      s.connection.send('SendFrame', { seq, capturedAt, image, liveness: s.liveness }).catch(() => { s.inFlight.delete(seq); s.blobs.delete(seq); });
    } catch (e) {
      s.lastProblem = e.message;
      await sleep(200);
    }
  }
}

function onResult(s, result) {
  // A stopped session's last answers must not draw over the next one's.
  if (!s.running) return;
  const now = performance.now();
  s.inFlight.delete(result.seq);
  const blob = s.blobs.get(result.seq);
  s.blobs.delete(result.seq);
  if (result.status === 'ok') {
    s.latestBlob = blob;
    s.answered.push(now);
    push(s.roundTrips, now - result.capturedAt);
    push(s.serverTimes, result.timing.total);
    s.latest = result;
    draw(s.overlay, result);
    // The side panel follows the first answer at once instead of up to half a second after the box is drawn.
    if (!s.reportedAnswer) {
      s.reportedAnswer = true;
      report(s, null);
    }
  } else if (result.status === 'dropped') {
    s.dropped++;
  } else {
    s.refused++;
    s.lastProblem = result.message;
  }
}

// A frame lost on the way (a reconnect) must not hold a sending slot for ever.
function expireLostFrames(s) {
  const now = performance.now();
  for (const [seq, sentAt] of s.inFlight) {
    if (now - sentAt > 5000) {
      s.inFlight.delete(seq);
      s.blobs.delete(seq);
    }
  }
}

function report(s, problem) {
  const now = performance.now();
  s.answered = s.answered.filter(t => now - t < 2000);
  const faces = s.latest && now - s.latest.capturedAt < 2000 ? s.latest.faces : [];
  if (faces.length && s.latestBlob) keep(s, s.latest.seq, s.latestBlob);
  s.dotnet.invokeMethodAsync('OnStats', {
    seq: faces.length ? s.latest.seq : 0,
    fps: s.answered.length / 2,
    roundTripMs: median(s.roundTrips),
    serverMs: median(s.serverTimes),
    frameWidth: s.latest?.width ?? 0,
    frameHeight: s.latest?.height ?? 0,
    dropped: s.dropped,
    refused: s.refused,
    problem: problem ?? s.lastProblem,
    faces: faces.map(f => ({
      x: f.x, y: f.y, w: f.w, h: f.h,
      trackId: f.trackId ?? 0, verdict: f.verdict ?? null, label: f.label ?? null, reason: f.reason ?? null, operatingPoint: f.operatingPoint ?? null,
      name: f.name ?? null, personId: f.personId ?? null, similarity: f.similarity, probability: f.probability ?? null,
      liveness: f.liveness?.score ?? null, live: f.liveness ? f.liveness.live : null, livenessRefusal: f.liveness?.refusal ?? null,
    })),
  }).catch(() => { /* the page is gone */ });
  s.lastProblem = null;
}

function keep(s, seq, blob) {
  s.kept.set(seq, blob);
  while (s.kept.size > KEPT_FRAMES) s.kept.delete(s.kept.keys().next().value);
}

// Holds the frame of a result the panel showed while the admin confirms; false when it is no longer kept.
export function holdFrame(seq) {
  const blob = session?.kept.get(seq);
  held = blob ? { seq, blob } : null;
  return !!blob;
}

// Sends the held frame to the feedback API: the face in `box` (frame pixels) is not `personId`.
export async function markNotThisPerson(seq, personId, box) {
  if (!held || held.seq !== seq) return { ok: false, message: 'That frame is no longer kept; mark the face again.' };
  const { blob } = held;
  held = null;
  const form = new FormData();
  form.append('image', blob, `live-${seq}.jpg`);
  const query = `personId=${encodeURIComponent(personId)}&box=${box.map(v => v.toFixed(1)).join(',')}`;
  try {
    const response = await fetch(`api/v1/feedback?${query}`, { method: 'POST', body: form, headers: withRequestToken(), credentials: 'same-origin' });
    if (response.ok) return { ok: true, message: null };
    let message = `The server answered ${response.status}.`;
    try {
      const problem = await response.json();
      message = problem.detail ?? problem.title ?? message;
    } catch { /* not a problem document */ }
    return { ok: false, message };
  } catch (e) {
    return { ok: false, message: `The server could not be reached: ${e.message}` };
  }
}

function draw(canvas, result) {
  if (canvas.width !== result.width || canvas.height !== result.height) {
    canvas.width = result.width;
    canvas.height = result.height;
  }

  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  // The canvas is scaled to the video's displayed size; size the text in CSS pixels, not frame pixels.
  const shown = canvas.getBoundingClientRect().width || result.width;
  const scale = result.width / shown;
  const line = Math.max(2, result.width / 240, 2 * scale);
  const fontSize = Math.max(12, Math.round(result.width / 40), Math.ceil(MIN_LABEL_CSS_PX * scale));
  ctx.font = `600 ${fontSize}px Roboto, Arial, sans-serif`;
  ctx.textBaseline = 'bottom';
  const labels = [];
  const badges = [];
  for (const f of result.faces) {
    // The track's verdict, not this frame's: a name appears once K of the last N frames agree.
    const named = f.verdict === 'named';
    const colour = named ? KNOWN : f.verdict === 'confirming' ? CONFIRMING : UNKNOWN;
    const text = f.label ?? f.name ?? 'Unknown';
    const label = `${text} ${f.similarity.toFixed(2)}`;
    labels.push(text);
    ctx.lineWidth = line;
    ctx.strokeStyle = colour;
    ctx.setLineDash(named ? [] : [line * 3, line * 2]);
    ctx.strokeRect(f.x, f.y, f.w, f.h);
    ctx.setLineDash([]);
    const textWidth = ctx.measureText(label).width + 8;
    const top = Math.max(fontSize + 6, f.y);
    // Kept inside the frame: a large label on a phone would otherwise run off the right edge.
    const left = Math.max(0, Math.min(f.x - line / 2, canvas.width - textWidth));
    ctx.fillStyle = colour;
    ctx.fillRect(left, top - fontSize - 6, textWidth, fontSize + 6);
    ctx.fillStyle = '#000';
    ctx.fillText(label, left + 4, top - 2);
    if (f.liveness) badges.push(drawLiveness(ctx, f, line, fontSize));
  }

  canvas.dataset.liveness = badges.join('|');

  // What is drawn, readable by tests and assistive tools (seq last: an observer of it sees the rest set).
  canvas.dataset.labels = labels.join('|');
  canvas.dataset.tracks = result.faces.map(f => f.trackId ?? 0).join('|');
  canvas.dataset.verdicts = result.faces.map(f => f.verdict ?? '').join('|');
  canvas.dataset.frameVerdicts = result.faces.map(f => f.frameVerdict ?? '').join('|');
  canvas.dataset.similarities = result.faces.map(f => f.similarity.toFixed(3)).join('|');
  canvas.dataset.seq = String(result.seq);
  canvas.setAttribute('aria-label', labels.length ? `Faces in view: ${labels.join(', ')}` : 'No face in view');
}

// Under the box: "live 0.93 (experimental)" or "spoof? 0.12 (experimental)"; amber, never the green of a name.
function drawLiveness(ctx, f, line, fontSize) {
  const text = f.liveness.score == null
    ? 'liveness: face too small'
    : `${f.liveness.live ? 'live' : 'spoof?'} ${f.liveness.score.toFixed(2)}${f.liveness.experimental ? ' (experimental)' : ''}`;
  const small = Math.max(11, Math.round(fontSize * 0.8));
  ctx.save();
  ctx.font = `500 ${small}px Roboto, Arial, sans-serif`;
  ctx.textBaseline = 'top';
  const width = ctx.measureText(text).width + 8;
  ctx.fillStyle = f.liveness.live ? '#ffb300' : '#ff6d00';
  ctx.fillRect(f.x - line / 2, f.y + f.h + line, width, small + 6);
  ctx.fillStyle = '#000';
  ctx.fillText(text, f.x + 4 - line / 2, f.y + f.h + line + 3);
  ctx.restore();
  return text;
}

function clear(canvas) {
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
  for (const key of ['labels', 'liveness', 'tracks', 'verdicts', 'frameVerdicts', 'similarities']) canvas.dataset[key] = '';
}

function push(values, value) {
  values.push(value);
  if (values.length > 60) values.shift();
}

function median(values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let signalRLoading = null;
function loadSignalR() {
  signalRLoading ??= (async () => {
    await loadScript('lib/signalr/signalr.min.js');
    await loadScript('lib/signalr/signalr-protocol-msgpack.min.js');
  })();
  return signalRLoading;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`Could not load ${src}.`));
    document.head.appendChild(script);
  });
}

function nextFrame() {
  return new Promise(resolve => requestAnimationFrame(() => resolve()));
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}
