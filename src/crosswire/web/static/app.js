// crosswire workbench: a little vanilla JavaScript, served from the package (no CDN, works offline).
// Everything that puts article text into the page uses textContent, never innerHTML.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  // Highlight-on-anchor: bring the linked sentence into view and flash it.
  function showTarget() {
    const target = document.getElementById("hl");
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.classList.remove("flash");
    void target.offsetWidth; // restart the animation
    target.classList.add("flash");
  }

  // Deterministic force layout (Fruchterman-Reingold from a circle), so a story always looks the same.
  function layout(nodes, edges, width, height) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => ({
      x: width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / Math.max(n, 1)),
      y: height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / Math.max(n, 1)),
    }));
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.45;
    let temperature = width / 8;
    for (let step = 0; step < 250; step++) {
      const shift = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x || 0.01, dy = pos[i].y - pos[j].y || 0.01;
          const d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d;
          shift[i].x += (dx / d) * f; shift[i].y += (dy / d) * f;
          shift[j].x -= (dx / d) * f; shift[j].y -= (dy / d) * f;
        }
      }
      for (const edge of edges) {
        const a = index.get(edge.source), b = index.get(edge.target);
        if (a === undefined || b === undefined) continue;
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01), f = (d * d) / k;
        shift[a].x -= (dx / d) * f; shift[a].y -= (dy / d) * f;
        shift[b].x += (dx / d) * f; shift[b].y += (dy / d) * f;
      }
      for (let i = 0; i < n; i++) {
        // Gravity toward the centre keeps actors without events from drifting to the edges.
        shift[i].x += (width / 2 - pos[i].x) * 0.9;
        shift[i].y += (height / 2 - pos[i].y) * 0.9;
        const d = Math.max(Math.hypot(shift[i].x, shift[i].y), 0.01), move = Math.min(d, temperature);
        pos[i].x = Math.min(width - 40, Math.max(40, pos[i].x + (shift[i].x / d) * move));
        pos[i].y = Math.min(height - 30, Math.max(30, pos[i].y + (shift[i].y / d) * move));
      }
      temperature *= 0.97;
    }
    return pos;
  }

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    if (parent) parent.appendChild(node);
    return node;
  }

  function drawGraph(svg, data) {
    const nodes = data.nodes || [], edges = data.edges || [];
    // A few actors need less room; the drawing takes the box's own size, so it fills the box
    // instead of sitting small in its middle.
    if (nodes.length <= 4) svg.style.height = "300px";
    // One drawing unit is one pixel: labels keep their 11 px on a wide screen and on a phone.
    const box = svg.getBoundingClientRect();
    const height = Math.max(240, Math.round(box.height) || 500);
    const width = Math.max(320, Math.round(box.width) || 800);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    if (!nodes.length) {
      const t = el("text", { x: 20, y: 30 }, svg);
      t.textContent = "No actors to draw.";
      return;
    }
    const pos = layout(nodes, edges, width, height);
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const maxWeight = Math.max(...nodes.map((node) => node.weight || 1));
    const edgeLayer = el("g", { class: "edges" }, svg);
    const nodeLayer = el("g", { class: "nodes" }, svg);
    const edgeEls = [];
    for (const edge of edges) {
      const a = pos[index.get(edge.source)], b = pos[index.get(edge.target)];
      if (!a || !b) continue;
      const line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + Math.min(edge.count, 5) }, edgeLayer);
      const title = el("title", {}, line);
      title.textContent = edge.source + " → " + edge.target + ": " + edge.label + " (" + edge.count + ")";
      edgeEls.push({ line, edge });
    }
    nodes.forEach((node, i) => {
      const group = el("g", { class: "node", tabindex: 0, transform: "translate(" + pos[i].x + "," + pos[i].y + ")" }, nodeLayer);
      const r = 6 + 12 * Math.sqrt((node.weight || 1) / maxWeight);
      el("circle", { r: r }, group);
      const label = el("text", { x: 0, y: -(r + 5), "text-anchor": "middle" }, group);  // clear of its circle
      label.textContent = node.label || node.id;
      const title = el("title", {}, group);
      title.textContent = (node.label || node.id) + " (" + node.weight + " events)";
      const focus = (on) => {
        group.classList.toggle("active", on);
        for (const { line, edge } of edgeEls) {
          line.classList.toggle("active", on && (edge.source === node.id || edge.target === node.id));
        }
        svg.classList.toggle("focused", on);
      };
      group.addEventListener("mouseenter", () => focus(true));
      group.addEventListener("mouseleave", () => focus(false));
      group.addEventListener("focus", () => focus(true));
      group.addEventListener("blur", () => focus(false));
      const open = () => { window.location.href = "/actors/" + encodeURIComponent(node.label || node.id); };
      group.addEventListener("click", open);
      group.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
    });
    // Zoom with the wheel, pan by dragging: both only move the viewBox.
    let view = { x: 0, y: 0, w: width, h: height };
    const apply = () => svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
      const box = svg.getBoundingClientRect();
      const cx = view.x + ((event.clientX - box.left) / box.width) * view.w;
      const cy = view.y + ((event.clientY - box.top) / box.height) * view.h;
      view = { x: cx - (cx - view.x) * factor, y: cy - (cy - view.y) * factor, w: view.w * factor, h: view.h * factor };
      apply();
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, view }; });
    window.addEventListener("pointerup", () => { drag = null; });
    svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      view = { ...drag.view, x: drag.view.x - ((event.clientX - drag.x) / box.width) * view.w,
               y: drag.view.y - ((event.clientY - drag.y) / box.height) * view.h };
      apply();
    });
  }

  // Ingest progress: poll the job's status endpoint until it finishes.
  function pollJob(section) {
    const id = section.dataset.job;
    const bar = document.getElementById("job-progress");
    const state = document.getElementById("job-state");
    const counts = document.getElementById("job-counts");
    const problems = document.getElementById("job-problems");
    async function tick() {
      let job;
      try {
        const response = await fetch("/api/v1/ingest/" + encodeURIComponent(id), { credentials: "same-origin" });
        if (!response.ok) { state.textContent = "status unavailable (" + response.status + ")"; return; }
        job = await response.json();
      } catch (err) {
        state.textContent = "status unavailable";
        return;
      }
      state.textContent = job.state + (job.task ? " (" + job.task + " " + job.done + (job.total ? "/" + job.total : "") + ")" : "");
      if (job.total) { bar.max = job.total; bar.value = job.done; }
      // The counts in words ("added: 1 · warnings: 1"), the ones that are not zero; not a JSON object.
      const shown = Object.entries(job.counts || {}).filter(([, n]) => n);
      counts.textContent = shown.map(([name, n]) => name.replace(/_/g, " ") + ": " + n).join(" \u00b7 ") || "nothing counted yet";
      problems.replaceChildren(...job.problems.map((p) => {
        const li = document.createElement("li");
        li.textContent = p.path + ": " + p.message;
        return li;
      }));
      if (job.finished) {
        bar.max = 1; bar.value = 1;
        section.classList.add(job.state === "done" ? "done" : "failed");
        if (job.error) state.textContent = "failed: " + job.error;
        return;
      }
      setTimeout(tick, 400);
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", () => {
    // After "load": the browser's own jump to #hl (top-aligned) happens first, then we centre it.
    window.addEventListener("load", showTarget);
    window.addEventListener("hashchange", showTarget);
    const svg = document.getElementById("actor-graph");
    const data = document.getElementById("graph-data");
    if (svg && data) drawGraph(svg, JSON.parse(data.textContent));
    const job = document.getElementById("job");
    if (job) pollJob(job);
  });
})();
