/*
 * cncfdemo's chart module: an SVG line chart from a JSON model, the same for the live page and
 * (embedded) the report. CncfCharts.line(model) returns the <svg>; CncfCharts.legend(model) its
 * legend as HTML. model = {title, unit, series: [{name, points: [[x, y], ...]}],
 * markers: [{x, kind, label}]}; x in seconds. Series differ by dash pattern as well as colour.
 */
var CncfCharts = (function () {
  var W = 640, H = 240, L = 56, R = 16, T = 14, B = 32;
  var DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2'];

  function nice(max) {
    if (!(max > 0)) return 1;
    var power = Math.pow(10, Math.floor(Math.log10(max)));
    var m = max / power;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power;
  }

  function number(v) {
    if (Math.abs(v) >= 10000) return Math.round(v / 1000) + 'k';
    if (Math.abs(v) >= 1000) return (v / 1000).toFixed(1).replace(/\.0$/, '') + 'k';
    return String(Math.round(v * 100) / 100);
  }

  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  function line(model) {
    var xMax = 0, yMax = 0;
    model.series.forEach(function (s) {
      s.points.forEach(function (p) { xMax = Math.max(xMax, p[0]); yMax = Math.max(yMax, p[1]); });
    });
    (model.markers || []).forEach(function (m) { xMax = Math.max(xMax, m.x); });
    xMax = xMax > 0 ? xMax : 1;
    yMax = nice(yMax * 1.05);
    var x = function (v) { return L + (v / xMax) * (W - L - R); };
    var y = function (v) { return H - B - (v / yMax) * (H - T - B); };
    var out = ['<svg class="line-chart" viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="'
      + esc(model.title) + '">'];
    for (var i = 0; i <= 4; i++) {
      var yv = (yMax * i) / 4, xv = (xMax * i) / 4;
      out.push('<line class="grid" x1="' + L + '" x2="' + (W - R) + '" y1="' + y(yv) + '" y2="' + y(yv) + '"/>');
      out.push('<text class="tick" x="' + (L - 6) + '" y="' + (y(yv) + 4) + '" text-anchor="end">' + number(yv) + '</text>');
      out.push('<text class="tick" x="' + x(xv) + '" y="' + (H - B + 16) + '" text-anchor="middle">' + number(xv) + ' s</text>');
    }
    out.push('<text class="unit" x="' + L + '" y="' + (T - 3) + '">' + esc(model.unit || '') + '</text>');
    (model.markers || []).forEach(function (m) {
      out.push('<line class="marker ' + esc(m.kind) + '" x1="' + x(m.x) + '" x2="' + x(m.x) + '" y1="' + T
        + '" y2="' + (H - B) + '"><title>' + esc(m.label) + '</title></line>');
      out.push('<text class="marker-label" x="' + (x(m.x) + 3) + '" y="' + (T + 10) + '">' + esc(m.kind === 'gap' ? '⋯' : '⚡') + '</text>');
    });
    model.series.forEach(function (s, i) {
      var points = s.points.map(function (p) { return x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1); }).join(' ');
      out.push('<polyline class="series s' + (i % 5) + '" data-series="' + esc(s.name) + '" data-count="'
        + s.points.length + '" stroke-dasharray="' + DASHES[i % 5] + '" points="' + points + '"/>');
    });
    out.push('</svg>');
    return out.join('');
  }

  function legend(model) {
    return model.series.map(function (s, i) {
      var last = s.points.length ? s.points[s.points.length - 1][1] : null;
      return '<span class="key"><svg viewBox="0 0 24 8" aria-hidden="true"><line class="series s' + (i % 5)
        + '" x1="0" x2="24" y1="4" y2="4" stroke-dasharray="' + DASHES[i % 5] + '"/></svg>' + esc(s.name)
        + (last === null ? '' : ' <b>' + number(last) + '</b>') + '</span>';
    }).join('');
  }

  return {line: line, legend: legend, number: number};
})();
