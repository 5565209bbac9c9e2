// The lab's PCA scatter: every face is one dot on a single canvas (no element per point), coloured by
// person (colours chosen by the page); hovering shows the face crop and name, clicking opens the person. Redraws on resize.

const states = new WeakMap();

export function draw(canvas, tooltip, data) {
  let state = states.get(canvas);
  if (!state) {
    state = { data, hover: -1 };
    states.set(canvas, state);
    canvas.addEventListener('mousemove', e => onMove(canvas, tooltip, e));
    canvas.addEventListener('mouseleave', () => { states.get(canvas).hover = -1; tooltip.hidden = true; });
    canvas.addEventListener('click', () => {
      const s = states.get(canvas);
      if (s.hover >= 0) {
        window.location.assign(`people/${s.data.personIds[s.data.people[s.hover]]}`);
      }
    });
    state.resize = new ResizeObserver(() => render(canvas));
    state.resize.observe(canvas);
  }

  state.data = data;
  const started = performance.now();
  render(canvas);
  const ms = performance.now() - started;
  canvas.dataset.points = String(data.xs.length);
  canvas.dataset.renderMs = ms.toFixed(1);
  return ms;
}

export function dispose(canvas) {
  states.get(canvas)?.resize.disconnect();
  states.delete(canvas);
}

const pad = 12;

function layout(canvas, data) {
  const width = canvas.clientWidth, height = canvas.clientHeight;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < data.xs.length; i++) {
    x0 = Math.min(x0, data.xs[i]); x1 = Math.max(x1, data.xs[i]);
    y0 = Math.min(y0, data.ys[i]); y1 = Math.max(y1, data.ys[i]);
  }
  const sx = (width - 2 * pad) / ((x1 - x0) || 1), sy = (height - 2 * pad) / ((y1 - y0) || 1);
  return { width, height, px: x => pad + (x - x0) * sx, py: y => height - pad - (y - y0) * sy };
}

function render(canvas) {
  const state = states.get(canvas);
  if (!state) return;
  const { data } = state;
  const ratio = window.devicePixelRatio || 1;
  const box = layout(canvas, data);
  canvas.width = Math.max(1, Math.round(box.width * ratio));
  canvas.height = Math.max(1, Math.round(box.height * ratio));
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, box.width, box.height);
  ctx.strokeStyle = '#e0e0e0';
  ctx.strokeRect(0.5, 0.5, box.width - 1, box.height - 1);
  state.box = box;
  const radius = data.xs.length > 3000 ? 2 : 3.5;
  // One path per person: far fewer fill calls than one per dot.
  const byPerson = new Map();
  for (let i = 0; i < data.xs.length; i++) {
    const p = data.people[i];
    if (!byPerson.has(p)) byPerson.set(p, []);
    byPerson.get(p).push(i);
  }
  ctx.globalAlpha = 0.85;
  for (const [person, rows] of byPerson) {
    ctx.fillStyle = data.colours[person];
    ctx.beginPath();
    for (const i of rows) {
      const x = box.px(data.xs[i]), y = box.py(data.ys[i]);
      ctx.moveTo(x + radius, y);
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  if (state.hover >= 0) {
    const x = box.px(data.xs[state.hover]), y = box.py(data.ys[state.hover]);
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, radius + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }
  canvas.dataset.drawn = 'true';
}

function onMove(canvas, tooltip, e) {
  const state = states.get(canvas);
  if (!state?.box) return;
  const rect = canvas.getBoundingClientRect();
  const mx = e.clientX - rect.left, my = e.clientY - rect.top;
  const { data, box } = state;
  let best = -1, bestDistance = 100; // within 10 px
  for (let i = 0; i < data.xs.length; i++) {
    const dx = box.px(data.xs[i]) - mx, dy = box.py(data.ys[i]) - my;
    const d = dx * dx + dy * dy;
    if (d < bestDistance) { best = i; bestDistance = d; }
  }
  if (best !== state.hover) {
    state.hover = best;
    render(canvas);
  }
  canvas.style.cursor = best >= 0 ? 'pointer' : 'default';
  if (best < 0) { tooltip.hidden = true; return; }
  const img = tooltip.querySelector('img');
  const src = `api/v1/faces/${data.faces[best]}/crop`;
  if (img.getAttribute('src') !== src) img.setAttribute('src', src);
  tooltip.querySelector('.lab-tooltip-name').textContent = data.names[data.people[best]];
  tooltip.hidden = false;
  const left = Math.min(mx + 14, rect.width - 132);
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${Math.max(0, my - 60)}px`;
}

// Where face `i` is drawn, in CSS pixels from the canvas' top-left corner (for tests and tools).
export function pointOf(canvas, i) {
  const state = states.get(canvas);
  return state?.box ? { x: state.box.px(state.data.xs[i]), y: state.box.py(state.data.ys[i]) } : null;
}
