// Webcam preview with a live face box, and capture of N samples for enrollment.
// Frames go to the server as JPEG over plain HTTP (same-origin, with the sign-in cookie and the
// antiforgery token) to the one API: /api/v1/detect/boxes for the preview box, /api/v1/people/{id}/photos?source=webcam for samples.

import { withRequestToken } from './api-request.js';
import { openCamera, closeCamera, grabJpeg } from './camera.js';

let state = null;

export async function start(video, overlay, options) {
  stop();
  const camera = await openCamera(video, { deviceId: options.deviceId });
  state = { video, overlay, stream: camera.stream, detectUrl: options.detectUrl, running: true, capturing: false, lastBoxes: [] };
  previewLoop(state, options.previewIntervalMs || 250);
  return { width: camera.width, height: camera.height, cameras: camera.cameras };
}

export function stop() {
  if (!state) return;
  state.running = false;
  closeCamera(state.video, state.stream);
  clear(state.overlay);
  state = null;
}

export async function capture(count, intervalMs, uploadUrl, dotnet) {
  const s = state;
  if (!s) throw new Error('The camera is not started.');
  s.capturing = true;
  try {
    for (let i = 0; i < count && s.running; i++) {
      const started = performance.now();
      const blob = await grabJpeg(s.video, 0.92);
      const name = `webcam-${new Date().toISOString().replace(/[:.]/g, '-')}-${i + 1}.jpg`;
      await dotnet.invokeMethodAsync('OnSampleTaken', i, name);
      const form = new FormData();
      form.append('files', blob, name);
      let text;
      try {
        const response = await fetch(uploadUrl, { method: 'POST', body: form, headers: withRequestToken(), credentials: 'same-origin' });
        text = await response.text();
        if (!response.ok) {
          text = JSON.stringify([{ fileName: name, status: 'Rejected', reason: 'None', message: problemText(text, response.status) }]);
        }
      } catch (e) {
        text = JSON.stringify([{ fileName: name, status: 'Rejected', reason: 'None', message: `The upload failed: ${e.message}` }]);
      }
      await dotnet.invokeMethodAsync('OnSampleEnrolled', i, text);
      const wait = intervalMs - (performance.now() - started);
      if (i + 1 < count && wait > 0) await sleep(wait);
    }
  } finally {
    s.capturing = false;
  }
}

async function previewLoop(s, intervalMs) {
  while (s.running) {
    const started = performance.now();
    try {
      if (s.video.readyState >= 2) {
        const blob = await grabJpeg(s.video, 0.7);
        const response = await fetch(s.detectUrl, { method: 'POST', body: blob, headers: withRequestToken({ 'Content-Type': 'image/jpeg' }), credentials: 'same-origin' });
        if (response.ok && s.running) {
          const result = await response.json();
          draw(s.overlay, result.width, result.height, result.faces.map(f => f.box), s.capturing);
        } else if (response.status === 422 && s.running) {
          // No face in this frame: the box goes.
          clear(s.overlay);
        }
      }
    } catch {
      // A dropped preview frame only delays the box; the next one redraws it.
    }
    const wait = intervalMs - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
}

function draw(canvas, width, height, faces, capturing) {
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, width, height);
  // The face enrollment will keep: the server's primary-face rule (Shared/Faces/PrimaryFace), area less
  // twice the squared distance of the box centre from the frame centre.
  const score = f => {
    const dx = f.x + f.width / 2 - width / 2;
    const dy = f.y + f.height / 2 - height / 2;
    return f.width * f.height - 2 * (dx * dx + dy * dy);
  };
  const primary = faces.reduce((best, f) => (!best || score(f) > score(best) ? f : best), null);
  for (const f of faces) {
    const chosen = f === primary;
    ctx.lineWidth = Math.max(2, width / 200);
    ctx.strokeStyle = chosen ? (capturing ? '#ff4081' : '#00e676') : '#ff9800';
    ctx.strokeRect(f.x, f.y, f.width, f.height);
  }
  canvas.dataset.faces = String(faces.length);
}

function clear(canvas) {
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
  canvas.dataset.faces = '0';
}

function problemText(text, status) {
  try {
    const problem = JSON.parse(text);
    return problem.detail || problem.title || `The server answered ${status}.`;
  } catch {
    return `The server answered ${status}.`;
  }
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}
