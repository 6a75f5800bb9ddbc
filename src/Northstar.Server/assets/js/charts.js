// Draws every <canvas data-chart='{...}'> with the bundled chart.js (no CDN).
// Kinds: spark (a small line), line (labels + series), bars (grouped bars), band (actual,
// target and a forecast interval).
(function () {
  'use strict';
  const palette = ['#2f5fd0', '#e07a1f', '#15803d', '#b91c1c', '#7c3aed', '#0891b2', '#a16207', '#db2777', '#4b5563'];

  function dataset(s, i, extra) {
    const color = s.color || palette[i % palette.length];
    return Object.assign({ label: s.label, data: s.values, borderColor: color, backgroundColor: color, spanGaps: true, pointRadius: 2 }, extra || {});
  }

  function config(spec) {
    switch (spec.type) {
      case 'spark':
        return {
          type: 'line',
          data: { labels: spec.labels, datasets: [dataset({ label: '', values: spec.values }, 0, { pointRadius: 0, borderWidth: 1.5, fill: false })] },
          options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false }, tooltip: { enabled: true } }, scales: { x: { display: false }, y: { display: false } } },
        };
      case 'bars':
        return {
          type: 'bar',
          data: { labels: spec.labels, datasets: spec.series.map((s, i) => dataset(s, i)) },
          options: { animation: false, responsive: true, maintainAspectRatio: false, scales: spec.log ? { y: { type: 'logarithmic' } } : {} },
        };
      case 'band': {
        const sets = spec.series.map((s, i) => dataset(s, i, s.fill ? { fill: s.fill, backgroundColor: 'rgba(47,95,208,0.15)', borderColor: 'rgba(47,95,208,0.3)', pointRadius: 0 } : { fill: false }));
        return { type: 'line', data: { labels: spec.labels, datasets: sets }, options: { animation: false, responsive: true, maintainAspectRatio: false } };
      }
      default:
        return {
          type: 'line',
          data: { labels: spec.labels, datasets: spec.series.map((s, i) => dataset(s, i, { fill: false })) },
          options: { animation: false, responsive: true, maintainAspectRatio: false },
        };
    }
  }

  function draw() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      try {
        new Chart(canvas, config(JSON.parse(canvas.getAttribute('data-chart'))));
        canvas.setAttribute('data-drawn', 'true');
      } catch (e) {
        canvas.setAttribute('data-error', String(e));
      }
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
}());
