/*
 * Retention Kit admin console. Draws the reports from the admin JSON API with Chart.js, edits settings and
 * points adjustments through the same API, and polls running jobs. Every value from the server goes into the page
 * through textContent or attributes, never parsed as markup, so names and comments stay text.
 */
(function () {
  'use strict';

  var PAGE_SIZE = 25;

  // ---------- small DOM and fetch helpers ----------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { node.textContent = attrs[k]; }
        else if (k === 'className') { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) { headers[header.getAttribute('content')] = token.getAttribute('content'); }
    return headers;
  }

  function api(url, options) {
    options = options || {};
    var headers = Object.assign({'Accept': 'application/json, application/problem+json'},
      options.body !== undefined ? Object.assign({'Content-Type': 'application/json'}, csrfHeaders()) : {},
      options.method && options.method !== 'GET' ? csrfHeaders() : {});
    return fetch(url, {
      method: options.method || 'GET', credentials: 'same-origin', headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
        return {status: response.status, ok: response.ok, body: body};
      });
    });
  }

  function loading(target) {
    clear(target);
    target.appendChild(el('div', {className: 'd-flex align-items-center gap-2 text-secondary rk-loading', role: 'status'}, [
      el('span', {className: 'spinner-border spinner-border-sm', 'aria-hidden': 'true'}),
      el('span', {text: 'Loading…'})]));
  }

  function unavailable(target, what, url) {
    clear(target);
    target.appendChild(el('div', {className: 'alert alert-light border rk-unavailable'}, [
      el('strong', {text: what + ' is not available yet. '}),
      el('span', {text: 'It appears as soon as the feature that provides it is installed and answers '}),
      el('code', {text: url.split('?')[0]}), el('span', {text: '.'})]));
  }

  function problem(target, result) {
    clear(target);
    var body = result.body || {};
    var detail = typeof body === 'object' ? (body.detail || body.title || body.error) : String(body);
    target.appendChild(el('div', {className: 'alert alert-warning rk-problem'}, [
      el('strong', {text: 'Could not load (' + result.status + '). '}),
      el('span', {text: detail || 'The server gave no detail.'})]));
  }

  // ---------- formatting ----------

  var PERCENT_KEY = /(rate|share|percent|probability|probabilityalive|palive|retention|churnrisk|ctr|clickthrough|lift|change)$/i;

  function humanize(key) {
    return String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ')
      .replace(/^./, function (c) { return c.toUpperCase(); });
  }

  function format(value, key) {
    if (value === null || value === undefined) { return '—'; }
    if (typeof value === 'number') {
      if (key && PERCENT_KEY.test(key) && Math.abs(value) <= 1) {
        return (value * 100).toLocaleString(undefined, {maximumFractionDigits: 1}) + '%';
      }
      return value.toLocaleString(undefined, {maximumFractionDigits: Number.isInteger(value) ? 0 : 2});
    }
    if (typeof value === 'boolean') { return value ? 'yes' : 'no'; }
    if (Array.isArray(value)) {
      return value.every(function (v) { return typeof v !== 'object' || v === null; })
        ? value.map(function (v) { return format(v); }).join(', ') : JSON.stringify(value);
    }
    if (typeof value === 'object') { return JSON.stringify(value); }
    return String(value);
  }

  function numeric(v) { return typeof v === 'number' || (typeof v === 'string' && v !== '' && !isNaN(Number(v)) && /^-?[0-9.]+$/.test(v)); }

  // ---------- JSON report -> tables ----------

  function tablesOf(data, name) {
    var result = {tables: [], scalars: []};
    if (Array.isArray(data)) {
      result.tables.push({name: name, rows: data});
      return result;
    }
    if (data === null || typeof data !== 'object') {
      result.scalars.push({key: name, value: data});
      return result;
    }
    Object.keys(data).forEach(function (key) {
      var v = data[key];
      if (Array.isArray(v) && (v.length === 0 || (typeof v[0] === 'object' && v[0] !== null))) {
        result.tables.push({name: key, rows: v});
      } else if (v && typeof v === 'object' && !Array.isArray(v)) {
        var inner = tablesOf(v, key);
        inner.tables.forEach(function (t) { t.name = key + '.' + t.name; result.tables.push(t); });
        inner.scalars.forEach(function (s) { result.scalars.push({key: key + '.' + s.key, value: s.value}); });
      } else {
        result.scalars.push({key: key, value: v});
      }
    });
    return result;
  }

  function columnsOf(rows) {
    var columns = [];
    rows.slice(0, 100).forEach(function (row) {
      if (row && typeof row === 'object') {
        Object.keys(row).forEach(function (k) { if (columns.indexOf(k) < 0) { columns.push(k); } });
      }
    });
    return columns;
  }

  function csvOf(rows, columns) {
    function cell(v) {
      var s = v === null || v === undefined ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    return [columns.map(cell).join(',')].concat(rows.map(function (r) {
      return columns.map(function (c) { return cell(r[c]); }).join(',');
    })).join('\r\n') + '\r\n';
  }

  function scalarList(scalars) {
    var dl = el('dl', {className: 'row small rk-scalars mb-2'});
    scalars.forEach(function (s) {
      dl.appendChild(el('dt', {className: 'col-6 col-md-4 col-xl-3 fw-normal text-secondary', text: humanize(s.key)}));
      dl.appendChild(el('dd', {className: 'col-6 col-md-8 col-xl-9', text: format(s.value, s.key)}));
    });
    return dl;
  }

  /** A table with client-side paging and a CSV link (the API's CSV for the report's main table). */
  function dataTable(table, csvUrl, emptyText) {
    var rows = table.rows;
    var columns = columnsOf(rows);
    var wrap = el('div', {className: 'rk-table mb-3', 'data-table': table.name});
    var header = el('div', {className: 'd-flex justify-content-between align-items-center mb-1'}, [
      el('span', {className: 'small fw-semibold', text: humanize(table.name.split('.').pop()) + ' (' + rows.length + ')'})]);
    var link;
    if (csvUrl) {
      link = el('a', {className: 'small rk-csv', href: csvUrl, download: '', text: 'Export CSV'});
      link.addEventListener('click', function (event) {
        // Use the API's CSV; an endpoint that does not offer CSV gets the rows shown, built here.
        event.preventDefault();
        fetch(csvUrl, {credentials: 'same-origin', headers: {'Accept': 'text/csv'}}).then(function (r) {
          var type = r.headers.get('Content-Type') || '';
          return r.ok && type.indexOf('text/csv') === 0 ? r.text() : csvOf(rows, columns);
        }).catch(function () { return csvOf(rows, columns); }).then(function (text) {
          var a = el('a', {href: URL.createObjectURL(new Blob([text], {type: 'text/csv'})),
            download: table.name.replace(/[^A-Za-z0-9_-]/g, '_') + '.csv'});
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      });
    } else {
      link = el('a', {className: 'small rk-csv', href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(csvOf(rows, columns)),
        download: table.name.replace(/[^A-Za-z0-9_-]/g, '_') + '.csv', text: 'Export CSV'});
    }
    header.appendChild(link);
    wrap.appendChild(header);
    if (rows.length === 0) {
      wrap.appendChild(el('p', {className: 'small text-secondary rk-empty', text: emptyText || 'No rows for this period and segment. Try a wider date range or “All customers”.'}));
      return wrap;
    }
    var tbody = el('tbody');
    var t = el('table', {className: 'table table-sm table-striped small mb-1'}, [
      el('thead', null, [el('tr', null, columns.map(function (c) {
        var numericColumn = rows.some(function (r) { return typeof r[c] === 'number'; });
        return el('th', {scope: 'col', className: numericColumn ? 'text-end' : '', text: humanize(c)});
      }))]), tbody]);
    wrap.appendChild(el('div', {className: 'table-responsive'}, [t]));
    var page = 0;
    var pager = el('div', {className: 'd-flex gap-2 align-items-center small'});
    function draw() {
      clear(tbody);
      rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (r) {
        tbody.appendChild(el('tr', null, columns.map(function (c) {
          return el('td', {className: typeof r[c] === 'number' ? 'text-end' : 'text-break', text: format(r[c], c)});
        })));
      });
      clear(pager);
      if (rows.length > PAGE_SIZE) {
        var prev = el('button', {type: 'button', className: 'btn btn-sm btn-outline-secondary', text: 'Previous'});
        var next = el('button', {type: 'button', className: 'btn btn-sm btn-outline-secondary', text: 'Next'});
        prev.disabled = page === 0;
        next.disabled = (page + 1) * PAGE_SIZE >= rows.length;
        prev.addEventListener('click', function () { page--; draw(); });
        next.addEventListener('click', function () { page++; draw(); });
        pager.appendChild(prev);
        pager.appendChild(el('span', {text: 'Rows ' + (page * PAGE_SIZE + 1) + '–' + Math.min(rows.length, (page + 1) * PAGE_SIZE) + ' of ' + rows.length}));
        pager.appendChild(next);
      }
    }
    draw();
    wrap.appendChild(pager);
    return wrap;
  }

  // ---------- charts ----------

  var PALETTE = ['#0d6efd', '#20c997', '#fd7e14', '#6f42c1', '#dc3545', '#198754', '#0dcaf0', '#6c757d'];
  var LABEL_KEYS = /^(period|month|week|day|date|label|name|segment|bucket|band|cohort|step|stage|flow|campaign|placement|algorithm|attribute|value|group|tier|type|score|customerId)$/i;

  function pickLabel(rows, columns, preferred) {
    if (preferred && columns.indexOf(preferred) >= 0) { return preferred; }
    var named = columns.filter(function (c) { return LABEL_KEYS.test(c) && rows.some(function (r) { return typeof r[c] === 'string'; }); });
    if (named.length) { return named[0]; }
    var strings = columns.filter(function (c) { return rows.every(function (r) { return r[c] === null || typeof r[c] === 'string'; }); });
    return strings.length ? strings[0] : null;
  }

  function numericColumns(rows, columns, exclude) {
    return columns.filter(function (c) {
      return c !== exclude && !/id$/i.test(c) && rows.some(function (r) { return typeof r[c] === 'number'; })
        && rows.every(function (r) { return r[c] === null || r[c] === undefined || typeof r[c] === 'number'; });
    });
  }

  function canvasBox(height) {
    var box = el('div', {className: 'rk-chart mb-2', style: 'position:relative;height:' + (height || 260) + 'px'});
    var canvas = el('canvas', {role: 'img'});
    box.appendChild(canvas);
    return {box: box, canvas: canvas};
  }

  function chartFor(table, kind) {
    var rows = table.rows;
    if (!window.Chart || rows.length === 0) { return null; }
    var columns = columnsOf(rows);
    var label = pickLabel(rows, columns);
    var values = numericColumns(rows, columns, label);
    if (!label || values.length === 0) { return null; }
    var labels = rows.map(function (r) { return format(r[label]); });
    var c = canvasBox();
    c.canvas.setAttribute('aria-label', humanize(table.name) + ' chart');
    var config;
    if (kind === 'lift') {
      var lift = values.filter(function (v) { return /^lift$/i.test(v); })[0];
      var low = values.filter(function (v) { return /(low|lower)/i.test(v); })[0];
      var high = values.filter(function (v) { return /(high|upper)/i.test(v); })[0];
      if (lift && low && high) {
        config = {type: 'bar', data: {labels: labels, datasets: [
          {type: 'bar', label: '95% interval', data: rows.map(function (r) { return [r[low], r[high]]; }), backgroundColor: 'rgba(13,110,253,0.25)'},
          {type: 'line', label: 'Lift', data: rows.map(function (r) { return r[lift]; }), showLine: false, pointRadius: 5, backgroundColor: '#0d6efd'}]}};
      }
    }
    if (!config) {
      var shown = values.slice(0, 4);
      var line = kind === 'line' || /^(period|month|week|day|date)$/i.test(label);
      config = {
        type: line ? 'line' : 'bar',
        data: {labels: labels, datasets: shown.map(function (v, i) {
          return {label: humanize(v), data: rows.map(function (r) { return r[v]; }), borderColor: PALETTE[i % PALETTE.length],
            backgroundColor: line ? PALETTE[i % PALETTE.length] : PALETTE[i % PALETTE.length] + 'cc', tension: 0.2,
            yAxisID: shown.length > 1 && i > 0 && scaleDiffers(rows, shown[0], v) ? 'y1' : 'y'};
        })},
        options: kind === 'funnel' ? {indexAxis: 'y'} : {}
      };
    }
    config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: {display: config.data.datasets.length > 1}}}, config.options || {});
    if (config.data.datasets.some(function (d) { return d.yAxisID === 'y1'; })) {
      config.options.scales = {y: {position: 'left'}, y1: {position: 'right', grid: {drawOnChartArea: false}}};
    }
    new window.Chart(c.canvas, config);
    return c.box;
  }

  function scaleDiffers(rows, a, b) {
    function max(k) { return Math.max.apply(null, rows.map(function (r) { return Math.abs(r[k] || 0); })); }
    var ma = max(a), mb = max(b);
    return ma > 0 && mb > 0 && (ma / mb > 20 || mb / ma > 20);
  }

  // ---------- cohort heatmap ----------

  function heatColor(share) {
    var s = Math.max(0, Math.min(1, share));
    return 'rgba(13,110,253,' + (0.08 + 0.8 * s).toFixed(2) + ')';
  }

  /** Pivots cohort rows to {cohorts, offsets, grids: {measure: value[cohort][offset]}}, wide or long format. */
  function cohortGrid(rows) {
    var columns = columnsOf(rows);
    var cohortKey = columns.filter(function (c) { return /cohort|firstorder|month/i.test(c) && typeof rows[0][c] === 'string'; })[0]
      || pickLabel(rows, columns);
    var arrays = columns.filter(function (c) { return Array.isArray(rows[0][c]) && rows[0][c].every(function (v) { return v === null || typeof v === 'number'; }); });
    var grids = {};
    var cohorts = rows.map(function (r) { return format(r[cohortKey]); });
    if (arrays.length) {
      arrays.forEach(function (a) { grids[a] = rows.map(function (r) { return r[a]; }); });
      var width = Math.max.apply(null, rows.map(function (r) { return r[arrays[0]].length; }));
      return {cohortKey: cohortKey, cohorts: cohorts, offsets: Array.from({length: width}, function (_, i) { return i; }), grids: grids};
    }
    var offsetKey = columns.filter(function (c) { return /offset|monthssince|monthindex|period|age|month(s)?$/i.test(c) && c !== cohortKey && typeof rows[0][c] === 'number'; })[0];
    if (!offsetKey) { return null; }
    var measures = numericColumns(rows, columns, offsetKey);
    var uniqueCohorts = [];
    var offsets = [];
    rows.forEach(function (r) {
      var k = format(r[cohortKey]);
      if (uniqueCohorts.indexOf(k) < 0) { uniqueCohorts.push(k); }
      if (offsets.indexOf(r[offsetKey]) < 0) { offsets.push(r[offsetKey]); }
    });
    offsets.sort(function (a, b) { return a - b; });
    measures.forEach(function (m) {
      grids[m] = uniqueCohorts.map(function () { return offsets.map(function () { return null; }); });
      rows.forEach(function (r) {
        grids[m][uniqueCohorts.indexOf(format(r[cohortKey]))][offsets.indexOf(r[offsetKey])] = r[m];
      });
    });
    return {cohortKey: cohortKey, cohorts: uniqueCohorts, offsets: offsets, grids: grids};
  }

  function heatmap(table) {
    var grid = cohortGrid(table.rows);
    if (!grid) { return null; }
    var box = el('div', {className: 'rk-heatmaps'});
    Object.keys(grid.grids).forEach(function (measure) {
      var values = grid.grids[measure];
      var max = 0;
      values.forEach(function (row) { row.forEach(function (v) { if (typeof v === 'number' && v > max) { max = v; } }); });
      var shares = max <= 1;
      var tbody = el('tbody');
      values.forEach(function (row, i) {
        var base = typeof row[0] === 'number' && row[0] > 0 ? row[0] : null;
        tbody.appendChild(el('tr', null, [el('th', {scope: 'row', className: 'text-nowrap', text: grid.cohorts[i]})].concat(row.map(function (v) {
          var share = v === null || v === undefined ? null : (shares ? v : (base ? v / base : v / (max || 1)));
          var td = el('td', {className: 'text-center', text: v === null || v === undefined ? '' : (shares ? format(v, 'rate') : format(v) + (base ? ' (' + Math.round(100 * v / base) + '%)' : ''))});
          if (share !== null) { td.style.backgroundColor = heatColor(share); if (share > 0.55) { td.style.color = '#fff'; } }
          return td;
        }))));
      });
      box.appendChild(el('div', {className: 'small fw-semibold mt-2', text: humanize(measure)}));
      box.appendChild(el('div', {className: 'table-responsive'}, [el('table', {className: 'table table-sm table-bordered small rk-heatmap', 'data-measure': measure}, [
        el('thead', null, [el('tr', null, [el('th', {text: humanize(grid.cohortKey)})].concat(grid.offsets.map(function (o) {
          return el('th', {className: 'text-center', text: 'M' + o});
        })))]), tbody])]));
    });
    return box;
  }

  // ---------- RFM grid ----------

  function rfmGrid(table) {
    var rows = table.rows;
    var columns = columnsOf(rows);
    var r = columns.filter(function (c) { return /^(r|recency)(score)?$/i.test(c); })[0];
    var f = columns.filter(function (c) { return /^(f|frequency)(score)?$/i.test(c); })[0];
    if (!r || !f) { return null; }
    var count = columns.filter(function (c) { return /^(count|customers|size)$/i.test(c); })[0];
    var seg = columns.filter(function (c) { return /segment/i.test(c); })[0];
    var cells = {};
    var max = 0;
    rows.forEach(function (row) {
      var key = row[r] + ':' + row[f];
      var cell = cells[key] || (cells[key] = {n: 0, segment: null});
      cell.n += count ? (row[count] || 0) : 1;
      if (seg && row[seg]) { cell.segment = row[seg]; }
      max = Math.max(max, cell.n);
    });
    var tbody = el('tbody');
    for (var rs = 5; rs >= 1; rs--) {
      var tr = el('tr', null, [el('th', {scope: 'row', text: 'R' + rs})]);
      for (var fs = 1; fs <= 5; fs++) {
        var cell = cells[rs + ':' + fs] || {n: 0, segment: null};
        var td = el('td', {className: 'text-center small'}, [el('div', {className: 'fw-semibold', text: format(cell.n)}),
          el('div', {className: 'rk-rfm-segment', text: cell.segment || ''})]);
        td.style.backgroundColor = heatColor(max ? cell.n / max : 0);
        if (max && cell.n / max > 0.55) { td.style.color = '#fff'; }
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    return el('div', {className: 'table-responsive'}, [el('table', {className: 'table table-sm table-bordered rk-rfm'}, [
      el('thead', null, [el('tr', null, [el('th', {text: 'Recency \\ Frequency'})].concat([1, 2, 3, 4, 5].map(function (n) {
        return el('th', {className: 'text-center', text: 'F' + n});
      })))]), tbody])]);
  }

  // ---------- KPI cards ----------

  // The dashboard's figures from the analytics KPI report ({period, current, previous}); lower is better for some.
  var KPI_DEFS = [
    {key: 'retentionRate', label: 'Retention rate', kind: 'pct'},
    {key: 'churnRate', label: 'Churn', kind: 'pct', lowerIsBetter: true},
    {key: 'repeatRateInPeriod', label: 'Repeat purchase rate', kind: 'pct'},
    {key: 'purchaseFrequency', label: 'Purchase frequency', kind: 'num'},
    {key: 'averageOrderValue', label: 'Average order value', kind: 'money'},
    {key: 'historicalClv', label: 'Customer lifetime value', kind: 'money'},
    {key: 'revenue', label: 'Revenue', kind: 'money'},
    {key: 'newCustomers', label: 'New customers', kind: 'num'},
    {key: 'activeAtEnd', label: 'Active customers', kind: 'num'},
    {key: 'returningRevenueShare', label: 'Revenue from returning customers', kind: 'pct'},
    {key: 'customerAcquisitionCost', label: 'Acquisition cost (CAC)', kind: 'money', lowerIsBetter: true},
    {key: 'clvToCac', label: 'CLV : CAC', kind: 'num'}
  ];

  function kpiItems(data) {
    var items = [];
    if (data && data.current && typeof data.current === 'object' && !Array.isArray(data.current)) {
      KPI_DEFS.forEach(function (def) {
        if (def.key in data.current) {
          items.push({key: def.key, label: def.label, kind: def.kind, lowerIsBetter: !!def.lowerIsBetter,
            value: num(data.current[def.key]), previous: data.previous ? num(data.previous[def.key]) : undefined});
        }
      });
    } else {
      var source = Array.isArray(data) ? data : (data && (data.kpis || data.items || data.metrics)) || data;
      var add = function (key, v) {
        if (typeof v === 'number' || v === null) { items.push({key: key, label: humanize(key), value: v}); return; }
        if (v && typeof v === 'object' && !Array.isArray(v) && ('value' in v || 'current' in v)) {
          items.push({key: v.key || v.name || key, label: v.label || v.title || humanize(v.name || v.key || key),
            value: 'value' in v ? v.value : v.current, previous: v.previous !== undefined ? v.previous : v.prior,
            change: v.change, unit: v.unit || null, series: v.series || v.sparkline || v.trend || null,
            lowerIsBetter: /churn|cost|liability/i.test(v.key || key)});
        }
      };
      if (Array.isArray(source)) { source.forEach(function (v, i) { add(v && (v.key || v.name) || String(i), v); }); }
      else if (source && typeof source === 'object') { Object.keys(source).forEach(function (k) { add(k, source[k]); }); }
    }
    items.forEach(function (it) {
      it.pct = it.kind === 'pct' || (!it.kind && PERCENT_KEY.test(it.key) && typeof it.value === 'number' && Math.abs(it.value) <= 1);
      if ((it.change === undefined || it.change === null) && typeof it.previous === 'number' && typeof it.value === 'number') {
        it.change = it.pct ? it.value - it.previous : (it.previous !== 0 ? (it.value - it.previous) / Math.abs(it.previous) : null);
      }
      if (Array.isArray(it.series)) {
        it.series = it.series.map(function (p) { return typeof p === 'number' ? p : (p && typeof p === 'object' ? num(p.value) : null); });
      }
    });
    return items;
  }

  function num(v) { return v === null || v === undefined ? null : (typeof v === 'number' ? v : (numeric(v) ? Number(v) : null)); }

  function kpiValue(it) {
    if (it.value === null || it.value === undefined) { return '—'; }
    if (it.pct) { return (it.value * 100).toLocaleString(undefined, {maximumFractionDigits: 1}) + '%'; }
    return it.value.toLocaleString(undefined, {maximumFractionDigits: it.kind === 'money' ? 2 : (Number.isInteger(it.value) ? 0 : 2)})
      + (it.unit ? ' ' + it.unit : '');
  }

  function sparkline(box, series, label) {
    clear(box);
    if (!window.Chart || !Array.isArray(series) || series.filter(function (v) { return v !== null; }).length < 2) { return; }
    var canvas = el('canvas', {role: 'img', 'aria-label': label + ' trend'});
    box.appendChild(canvas);
    new window.Chart(canvas, {type: 'line', data: {labels: series.map(function (_, i) { return i; }),
      datasets: [{data: series, borderColor: '#0d6efd', borderWidth: 1.5, pointRadius: 0, fill: false, tension: 0.3, spanGaps: true}]},
      options: {responsive: true, maintainAspectRatio: false, animation: false, plugins: {legend: {display: false}, tooltip: {enabled: false}},
        scales: {x: {display: false}, y: {display: false}}}});
  }

  function kpiCards(data, target, csvUrl, url) {
    var items = kpiItems(data);
    if (items.length === 0) {
      target.appendChild(emptyState('No figures for this period yet: they appear once orders have been received.'));
      return;
    }
    if (data && data.period && data.previousPeriod) {
      target.appendChild(el('p', {className: 'small text-secondary mb-2', text: 'Period ' + data.period.from + ' to ' + data.period.to
        + ', compared with ' + data.previousPeriod.from + ' to ' + data.previousPeriod.to + '.'}));
    }
    var row = el('div', {className: 'row g-2 mb-3 rk-kpis'});
    var sparks = {};
    items.forEach(function (it) {
      var change = null;
      it.changeText = null;
      if (typeof it.change === 'number' && isFinite(it.change)) {
        var up = it.change >= 0;
        var amount = it.pct ? (Math.abs(it.change) * 100).toLocaleString(undefined, {maximumFractionDigits: 1}) + ' pts'
          : (Math.abs(it.change) * 100).toLocaleString(undefined, {maximumFractionDigits: 1}) + '%';
        change = el('span', {className: 'small ' + (it.change === 0 ? 'text-secondary' : (up !== !!it.lowerIsBetter) ? 'text-success' : 'text-danger'),
          text: (up ? '▲ ' : '▼ ') + amount + ' vs previous period'});
        it.changeText = (up ? '+' : '-') + amount;
      } else if (it.previous !== undefined) {
        change = el('span', {className: 'small text-secondary', text: 'no previous figure to compare'});
      }
      var spark = el('div', {className: 'rk-spark', style: 'position:relative;height:36px'});
      sparks[it.key] = spark;
      var body = el('div', {className: 'card-body py-2'}, [
        el('div', {className: 'small text-secondary text-truncate', text: it.label}),
        el('div', {className: 'fs-4 rk-kpi-value', text: kpiValue(it)}), change, spark]);
      row.appendChild(el('div', {className: 'col-6 col-md-4 col-xl-3', 'data-kpi': it.key}, [el('div', {className: 'card h-100'}, [body])]));
      if (Array.isArray(it.series)) { sparkline(spark, it.series, it.label); }
    });
    target.appendChild(row);
    target.appendChild(dataTable({name: 'kpis', rows: items.map(function (it) {
      return {kpi: it.label, current: it.value, previous: it.previous === undefined ? null : it.previous,
        changeVsPrevious: it.changeText};
    })}, csvUrl));
    if (data && data.period && data.previous && url) { kpiHistory(items, data, url, sparks); }
  }

  /** Sparklines: the same KPIs for the four periods of equal length before the previous one. */
  function kpiHistory(items, data, url, sparks) {
    var from = Date.parse(data.period.from + 'T00:00:00Z');
    var to = Date.parse(data.period.to + 'T00:00:00Z');
    var length = to - from;
    var day = function (ms) { return new Date(ms).toISOString().substring(0, 10); };
    var requests = [];
    for (var k = 5; k >= 2; k--) {
      var u = new URL(url, window.location.href);
      u.searchParams.set('from', day(from - k * length));
      u.searchParams.set('to', day(to - k * length));
      requests.push(api(u.toString()).then(function (r) { return r.ok ? r.body : null; }).catch(function () { return null; }));
    }
    Promise.all(requests).then(function (older) {
      items.forEach(function (it) {
        var series = older.map(function (b) { return b && b.current ? num(b.current[it.key]) : null; })
          .concat([it.previous === undefined ? null : it.previous, it.value]);
        sparkline(sparks[it.key], series, it.label);
      });
    });
  }

  // ---------- report adapters: known JSON shapes -> scalars, visuals and tables ----------

  function makeChart(config, height, label) {
    if (!window.Chart) { return null; }
    var c = canvasBox(height);
    c.canvas.setAttribute('aria-label', label || 'chart');
    config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options || {});
    new window.Chart(c.canvas, config);
    return c.box;
  }

  function dataset(label, data, i, extra) {
    return Object.assign({label: label, data: data, borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length] + 'cc', tension: 0.2}, extra || {});
  }

  function emptyState(text) { return el('p', {className: 'text-secondary rk-empty', text: text}); }

  /** A heatmap per measure with buttons to switch between them. */
  function heatmapToggle(table) {
    var maps = heatmap(table);
    if (!maps) { return null; }
    var blocks = Array.prototype.slice.call(maps.querySelectorAll('.table-responsive'));
    var titles = Array.prototype.slice.call(maps.querySelectorAll('.fw-semibold'));
    if (blocks.length < 2) { return maps; }
    var group = el('div', {className: 'btn-group btn-group-sm mb-2', role: 'group', 'aria-label': 'Measure'});
    function show(i) {
      blocks.forEach(function (b, j) { b.classList.toggle('d-none', j !== i); titles[j].classList.add('d-none'); });
      Array.prototype.forEach.call(group.children, function (b, j) { b.classList.toggle('active', j === i); });
    }
    titles.forEach(function (t, i) {
      var b = el('button', {type: 'button', className: 'btn btn-outline-primary', text: t.textContent, 'data-measure': blocks[i].firstChild.getAttribute('data-measure')});
      b.addEventListener('click', function () { show(i); });
      group.appendChild(b);
    });
    maps.insertBefore(group, maps.firstChild);
    show(0);
    return maps;
  }

  function histogram(values, bins) {
    var clean = values.filter(function (v) { return typeof v === 'number' && isFinite(v); });
    if (clean.length === 0) { return null; }
    var min = Math.min.apply(null, clean), max = Math.max.apply(null, clean);
    var width = (max - min) / bins || 1;
    var counts = Array.from({length: bins}, function () { return 0; });
    clean.forEach(function (v) { counts[Math.min(bins - 1, Math.floor((v - min) / width))]++; });
    return {labels: counts.map(function (_, i) { return format(min + i * width) + '–' + format(min + (i + 1) * width); }), counts: counts};
  }

  var ADAPTERS = {
    cohorts: function (body) {
      if (!body || !Array.isArray(body.cohorts) || (body.cohorts[0] && !Array.isArray(body.cohorts[0].cells))) { return null; }
      var rows = [];
      body.cohorts.forEach(function (c) {
        c.cells.forEach(function (cell) {
          rows.push({cohort: c.month, cohortCustomers: c.customers, monthOffset: cell.monthOffset,
            customers: cell.customers, retention: cell.retention, revenue: cell.revenue});
        });
      });
      var table = {name: 'cohorts', rows: rows};
      if (rows.length === 0) { return {empty: 'No first orders in this period: widen the date range.'}; }
      var pivot = {name: 'cohorts', rows: rows.map(function (r) {
        return {cohort: r.cohort, monthOffset: r.monthOffset, retention: r.retention, customers: r.customers, revenue: r.revenue};
      })};
      return {parts: [{visual: function () { return heatmapToggle(pivot); }, table: table, apiCsv: true}]};
    },

    rfm: function (body) {
      if (!body || !('segments' in body)) { return null; }
      if (!body.run) { return {empty: 'No RFM run yet. Run the RFM job on the Operations page (it also runs on its schedule).'}; }
      var segments = (body.segments || []).map(function (s) {
        return {segment: s.segment, customers: s.customers, share: s.share, revenue: s.revenue,
          averageRecencyScore: s.averageRecencyScore, averageFrequencyScore: s.averageFrequencyScore,
          averageMonetaryScore: s.averageMonetaryScore};
      });
      var maxCustomers = Math.max.apply(null, segments.map(function (s) { return s.customers; }).concat([1]));
      return {
        scalars: [{key: 'scoredAt', value: body.run.computedAt}, {key: 'customersScored', value: body.run.customers}],
        parts: [
          {title: 'Recency against frequency (bubble size = customers)', visual: function () {
            return makeChart({type: 'bubble', data: {datasets: segments.map(function (s, i) {
              return dataset(humanize(String(s.segment).toLowerCase()), [{x: Number(s.averageFrequencyScore), y: Number(s.averageRecencyScore),
                r: 4 + 26 * Math.sqrt(s.customers / maxCustomers)}], i, {backgroundColor: PALETTE[i % PALETTE.length] + '99'});
            })}, options: {scales: {x: {min: 0.5, max: 5.5, title: {display: true, text: 'Frequency score'}},
              y: {min: 0.5, max: 5.5, title: {display: true, text: 'Recency score'}}}, plugins: {legend: {position: 'right'}}}}, 340, 'RFM grid');
          }, table: {name: 'segments', rows: segments}, apiCsv: true},
          {title: 'Moves since the previous run', visual: null, table: {name: 'moves', rows: body.moves || []}}
        ]};
    },

    clv: function (body) {
      if (!body || !('customers' in body)) { return null; }
      if (!body.fit && (!body.customers || body.customers.length === 0)) {
        return {empty: 'No predictions yet. Run the prediction job on the Operations page; it fits BG/NBD and Gamma-Gamma to the order history.'};
      }
      var scalars = [];
      if (body.fit) {
        scalars.push({key: 'fittedAt', value: body.fit.fittedAt}, {key: 'customersInFit', value: body.fit.customers});
        if (body.fit.bgnbd) { ['r', 'alpha', 'a', 'b'].forEach(function (k) { scalars.push({key: 'BG/NBD ' + k, value: body.fit.bgnbd[k]}); }); }
      }
      var rows = body.customers.map(predictionRow);
      return {scalars: scalars, parts: [{title: 'Predicted CLV of the top ' + rows.length + ' customers', visual: function () {
        var h = histogram(rows.map(function (r) { return Number(r.clv); }), 10);
        return h && makeChart({type: 'bar', data: {labels: h.labels, datasets: [dataset('Customers', h.counts, 0)]},
          options: {plugins: {legend: {display: false}}, scales: {x: {title: {display: true, text: 'Predicted CLV'}}}}}, 260, 'CLV distribution');
      }, table: {name: 'topCustomers', rows: rows}, apiCsv: true}]};
    },

    'churn-risk': function (body) {
      if (!body || !('bands' in body)) { return null; }
      var bands = body.bands || [];
      if (bands.every(function (b) { return !b.customers; }) && (!body.highValueAtRisk || body.highValueAtRisk.length === 0)) {
        return {empty: 'No churn predictions yet. Run the prediction job on the Operations page.'};
      }
      return {parts: [
        {title: 'Customers by churn risk', visual: function () {
          return bands.length ? makeChart({type: 'bar', data: {labels: bands.map(function (b) { return b.label; }),
            datasets: [dataset('Customers', bands.map(function (b) { return b.customers; }), 0),
              dataset('Predicted CLV', bands.map(function (b) { return Number(b.clv); }), 2, {yAxisID: 'y1'})]},
            options: {scales: {y: {position: 'left'}, y1: {position: 'right', grid: {drawOnChartArea: false}}}}}, 240, 'Churn risk bands') : null;
        }, table: {name: 'bands', rows: bands}},
        {title: 'High-value customers at high risk', table: {name: 'highValueAtRisk', rows: (body.highValueAtRisk || []).map(predictionRow)}, apiCsv: true}
      ]};
    },

    drivers: function (body) {
      if (!Array.isArray(body) || (body[0] && !('dimension' in body[0]))) { return null; }
      if (body.length === 0) { return {empty: 'No customers had their first order in this period.'}; }
      return {parts: [{visual: function () {
        return makeChart({type: 'bar', data: {labels: body.map(function (d) { return d.dimension + ': ' + d.value; }),
          datasets: [dataset('12-month repeat rate', body.map(function (d) { return Number(d.repeatRate); }), 1)]},
          options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: {ticks: {callback: function (v) { return Math.round(v * 100) + '%'; }}}}}},
          Math.max(220, 26 * body.length), 'Retention drivers');
      }, table: {name: 'drivers', rows: body}, apiCsv: true}]};
    },

    'model-check': function (body) {
      if (!body || !Array.isArray(body.byFrequency)) { return null; }
      var scalars = [{key: 'calibrationEnd', value: body.calibrationEnd}, {key: 'holdoutEnd', value: body.holdoutEnd},
        {key: 'timeUnit', value: body.unit}, {key: 'customers', value: body.customers}];
      if (body.model) { ['r', 'alpha', 'a', 'b', 'logLikelihood'].forEach(function (k) { scalars.push({key: 'BG/NBD ' + k, value: body.model[k]}); }); }
      var tracking = body.tracking || [];
      return {scalars: scalars, parts: [
        {title: 'Holdout purchases per customer, by purchases in the calibration period', visual: function () {
          return makeChart({type: 'bar', data: {labels: body.byFrequency.map(function (r) { return r.frequency; }),
            datasets: [dataset('Actual', body.byFrequency.map(function (r) { return r.actualMean; }), 0),
              dataset('Predicted', body.byFrequency.map(function (r) { return r.expectedMean; }), 2)]},
            options: {scales: {x: {title: {display: true, text: 'Purchases in calibration period'}}}}}, 260, 'Actual vs predicted by frequency');
        }, table: {name: 'byFrequency', rows: body.byFrequency}, apiCsv: true},
        {title: 'Cumulative repeat purchases over time', visual: function () {
          return tracking.length ? makeChart({type: 'line', data: {labels: tracking.map(function (r) { return r.end; }),
            datasets: [dataset('Actual', tracking.map(function (r) { return r.actual; }), 0, {pointRadius: 0}),
              dataset('Predicted', tracking.map(function (r) { return r.expected; }), 2, {pointRadius: 0, borderDash: [6, 4]})]}}, 260, 'Tracking') : null;
        }, table: {name: 'tracking', rows: tracking}}
      ]};
    },

    nps: function (body) {
      if (!body || !body.summary) { return null; }
      var sm = body.summary;
      var scalars = [{key: 'NPS', value: sm.nps === null ? '— (no answers)' : Math.round(sm.nps)}, {key: 'answers', value: sm.answers},
        {key: 'promoters', value: sm.promoters}, {key: 'passives', value: sm.passives}, {key: 'detractors', value: sm.detractors},
        {key: 'CSAT', value: sm.csat === null || sm.csat === undefined ? '—' : (sm.csat <= 1 ? Math.round(sm.csat * 100) : Math.round(sm.csat)) + '%'},
        {key: 'ratings', value: sm.ratings}];
      var distribution = (sm.distribution || []).map(function (n, score) { return {score: score, answers: n}; });
      var trend = body.trend || [];
      var comments = (body.comments || []).map(function (c) {
        return {answeredAt: c.answeredAt, customerId: c.customerId, score: c.score, category: c.category, rating: c.rating,
          comment: c.comment, orderId: c.orderId, alertStatus: c.alertStatus};
      });
      if (sm.answers === 0 && comments.length === 0) {
        return {scalars: scalars, empty: 'No survey answers in this period. Surveys go out after delivery once the feedback flow is on (Programme settings → flows).'};
      }
      return {scalars: scalars, parts: [
        {title: 'NPS by month', visual: function () {
          return trend.length ? makeChart({type: 'line', data: {labels: trend.map(function (t) { return t.month; }),
            datasets: [dataset('NPS', trend.map(function (t) { return t.nps; }), 0, {spanGaps: true}),
              dataset('Answers', trend.map(function (t) { return t.answers; }), 6, {type: 'bar', yAxisID: 'y1', backgroundColor: 'rgba(108,117,125,0.25)'})]},
            options: {scales: {y: {min: -100, max: 100}, y1: {position: 'right', grid: {drawOnChartArea: false}}}}}, 260, 'NPS trend') : null;
        }, table: {name: 'trend', rows: trend}, apiCsv: true},
        {title: 'Distribution of answers', visual: function () {
          return makeChart({type: 'bar', data: {labels: distribution.map(function (d) { return String(d.score); }),
            datasets: [{label: 'Answers', data: distribution.map(function (d) { return d.answers; }),
              backgroundColor: distribution.map(function (d) { return d.score <= 6 ? '#dc3545cc' : d.score <= 8 ? '#adb5bdcc' : '#198754cc'; })}]},
            options: {plugins: {legend: {display: false}}}}, 220, 'NPS distribution');
        }, table: {name: 'distribution', rows: distribution}},
        {title: 'Latest comments', table: {name: 'comments', rows: comments}}
      ]};
    },

    campaigns: function (body) {
      if (!Array.isArray(body) || (body[0] && !('flow' in body[0]))) { return null; }
      if (body.length === 0) { return {empty: 'No messages sent in this period. Flows send once they are switched on in Programme settings → flows.'}; }
      var rows = body.map(function (r) {
        return {flow: r.flow, variant: r.variant, sent: r.sent, delivered: r.delivered, opened: r.opened, clicked: r.clicked,
          converted: r.converted, revenue: r.revenue, holdout: r.holdout, holdoutConverted: r.holdoutConverted,
          conversionRate: r.conversionRate, holdoutRate: r.holdoutRate, lift: r.lift, liftLow: r.liftLow, liftHigh: r.liftHigh};
      });
      var labels = rows.map(function (r) { return r.flow + (r.variant ? ' / ' + r.variant : ''); });
      return {parts: [{title: 'Lift over the holdout group (95% interval)', visual: function () {
        return makeChart({type: 'bar', data: {labels: labels, datasets: [
          {type: 'bar', label: '95% interval', data: rows.map(function (r) { return r.liftLow === null || r.liftHigh === null ? null : [r.liftLow, r.liftHigh]; }),
            backgroundColor: 'rgba(13,110,253,0.25)'},
          {type: 'line', label: 'Lift', data: rows.map(function (r) { return r.lift; }), showLine: false, pointRadius: 5, backgroundColor: '#0d6efd', borderColor: '#0d6efd'}]},
          options: {indexAxis: 'x', scales: {y: {ticks: {callback: function (v) { return (v * 100).toFixed(1) + ' pts'; }}}}}}, 280, 'Campaign lift');
      }}, {title: 'Sent, converted and revenue', visual: function () {
        return makeChart({type: 'bar', data: {labels: labels, datasets: [dataset('Sent', rows.map(function (r) { return r.sent; }), 0),
          dataset('Converted', rows.map(function (r) { return r.converted; }), 1),
          dataset('Revenue', rows.map(function (r) { return Number(r.revenue); }), 2, {yAxisID: 'y1'})]},
          options: {scales: {y: {position: 'left'}, y1: {position: 'right', grid: {drawOnChartArea: false}}}}}, 260, 'Campaign volume');
      }, table: {name: 'campaigns', rows: rows}, apiCsv: true}]};
    },

    recommendations: function (body) {
      if (!body || !Array.isArray(body.placements)) { return null; }
      var rows = body.placements.map(function (p) {
        return {placement: p.placement, impressions: p.impressions, clicks: p.clicks, clickThroughRate: p.clickThroughRate,
          attributedOrders: p.attributedOrders, attributedRevenue: p.attributedRevenue};
      });
      var scalars = body.total ? [{key: 'impressions', value: body.total.impressions}, {key: 'clicks', value: body.total.clicks},
        {key: 'clickThroughRate', value: body.total.clickThroughRate}, {key: 'attributedRevenue', value: body.total.attributedRevenue}] : [];
      if (rows.length === 0) { return {scalars: scalars, empty: 'No recommendation impressions in this period: the storefront widgets report them as shoppers see recommendations.'}; }
      return {scalars: scalars, parts: [{visual: function () {
        return makeChart({type: 'bar', data: {labels: rows.map(function (r) { return r.placement; }),
          datasets: [dataset('Impressions', rows.map(function (r) { return r.impressions; }), 0),
            dataset('Clicks', rows.map(function (r) { return r.clicks; }), 1),
            dataset('Attributed revenue', rows.map(function (r) { return Number(r.attributedRevenue); }), 2, {yAxisID: 'y1'})]},
          options: {scales: {y: {position: 'left'}, y1: {position: 'right', grid: {drawOnChartArea: false}}}}}, 260, 'Recommendation performance');
      }, table: {name: 'placements', rows: rows}, apiCsv: true}]};
    }
  };

  function predictionRow(p) {
    return {customerId: p.customerId, revenue: p.revenue, probabilityAlive: p.probabilityAlive, churnRisk: p.churnRisk,
      label: p.label, highValue: p.highValue, expectedPurchases: p.expectedPurchases,
      expectedOrderValue: p.expectedOrderValue, clv: p.clv, nextOrderOn: p.nextOrderOn};
  }

  // ---------- reports ----------

  /**
   * Fetches a report; when the endpoint refuses the dates with a 400 naming from or to, asks again with the dates
   * as UTC instants (some endpoints take {@code Instant} parameters).
   */
  function reportApi(url) {
    return api(url).then(function (result) {
      result.url = url;
      var field = result.body && typeof result.body === 'object' ? result.body.field : null;
      if (result.status === 400 && (field === 'from' || field === 'to')) {
        var u = new URL(url, window.location.href);
        ['from', 'to'].forEach(function (k) {
          var v = u.searchParams.get(k);
          if (v && /^\d{4}-\d{2}-\d{2}$/.test(v)) { u.searchParams.set(k, v + 'T00:00:00Z'); }
        });
        var retry = u.pathname + u.search;
        return api(retry).then(function (second) { second.url = retry; return second; });
      }
      return result;
    });
  }

  function renderReport(section) {
    var body = section.querySelector('.rk-body') || section;
    var url = section.getAttribute('data-src');
    var kind = section.getAttribute('data-chart');
    var name = section.getAttribute('data-report');
    var apiCsv = section.getAttribute('data-csv') !== 'false';
    loading(body);
    return reportApi(url).then(function (result) {
      if (result.status === 404) { unavailable(body, 'The ' + humanize(name) + ' report', url); return; }
      url = result.url;
      if (result.status === 422) {
        clear(body);
        body.appendChild(emptyState((result.body && result.body.detail) || 'Not enough data for this report yet.'));
        return;
      }
      if (!result.ok) { problem(body, result); return; }
      clear(body);
      var csvUrl = apiCsv ? url + (url.indexOf('?') >= 0 ? '&' : '?') + 'format=csv' : null;
      if (kind === 'kpis') { kpiCards(result.body, body, csvUrl, url); return; }
      var view = ADAPTERS[name] ? ADAPTERS[name](result.body) : null;
      if (view) {
        if (view.scalars && view.scalars.length) { body.appendChild(scalarList(view.scalars)); }
        if (view.empty) { body.appendChild(emptyState(view.empty)); return; }
        view.parts.forEach(function (part) {
          if (part.title) { body.appendChild(el('h3', {className: 'h6 mt-3', text: part.title})); }
          var visual = part.visual ? part.visual() : null;
          if (visual) { body.appendChild(visual); }
          if (part.table) { body.appendChild(dataTable(part.table, part.apiCsv ? csvUrl : null)); }
        });
        return;
      }
      var parts = tablesOf(result.body, name);
      if (parts.scalars.length) { body.appendChild(scalarList(parts.scalars)); }
      if (parts.tables.length === 0 && parts.scalars.length === 0) {
        body.appendChild(emptyState('Nothing to show for this period and segment yet.'));
      }
      parts.tables.forEach(function (table, i) {
        var drawn = null;
        if (kind === 'heatmap' && i === 0) { drawn = heatmap(table); }
        if (kind === 'rfm') { drawn = rfmGrid(table); }
        if (!drawn) { drawn = chartFor(table, kind); }
        if (drawn) { body.appendChild(drawn); }
        // The API's CSV is the report's main table; other tables export what the page shows.
        body.appendChild(dataTable(table, i === 0 ? csvUrl : null));
      });
    }).catch(function (e) { problem(body, {status: 'network', body: {detail: String(e)}}); });
  }

  // ---------- generic JSON panels (customer insights, loyalty account, drift check) ----------

  function renderPanel(target, emptyText) {
    var url = target.getAttribute('data-src');
    if (!url) { return; }
    loading(target);
    api(url).then(function (result) {
      clear(target);
      if (result.status === 404) { target.appendChild(el('p', {className: 'text-secondary small mb-0 rk-empty', text: emptyText})); return; }
      if (!result.ok) { problem(target, result); return; }
      var parts = tablesOf(result.body, 'details');
      if (parts.scalars.length) { target.appendChild(scalarList(parts.scalars)); }
      parts.tables.forEach(function (t) { target.appendChild(dataTable(t, null, 'None yet.')); });
    }).catch(function (e) { problem(target, {status: 'network', body: {detail: String(e)}}); });
  }

  /** The feature sections of the customer's 360 view (profile and orders are on the page already). */
  function renderInsights(target) {
    loading(target);
    api(target.getAttribute('data-src')).then(function (result) {
      clear(target);
      if (!result.ok) { problem(target, result); return; }
      var sections = Object.keys(result.body || {}).filter(function (k) { return k !== 'profile' && k !== 'orders'; });
      sections.forEach(function (key) {
        var value = result.body[key];
        var box = el('div', {className: 'mb-2', 'data-insight': key}, [el('h3', {className: 'h6 mt-2', text: humanize(key)})]);
        if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
          box.appendChild(el('p', {className: 'small text-secondary mb-0', text: 'Nothing recorded for this customer yet.'}));
        } else {
          var parts = tablesOf(value, key);
          if (parts.scalars.length) { box.appendChild(scalarList(parts.scalars)); }
          parts.tables.forEach(function (t) { box.appendChild(dataTable(t, null, 'None yet.')); });
        }
        target.appendChild(box);
      });
    }).catch(function (e) { problem(target, {status: 'network', body: {detail: String(e)}}); });
  }

  /** The loyalty account panel: balance cards, the ledger paged by the API (50 a page), tier history, referrals. */
  function renderLoyalty(target, page) {
    var base = target.getAttribute('data-src');
    var url = base + (page ? '?page=' + page : '');
    loading(target);
    api(url).then(function (result) {
      clear(target);
      if (result.status === 404) {
        target.appendChild(emptyState('This customer has no loyalty account yet: it opens with their first earning or a manual adjustment.'));
        return;
      }
      if (!result.ok) { problem(target, result); return; }
      var view = result.body;
      if (!view || !view.account || !Array.isArray(view.ledger)) {
        var parts = tablesOf(view, 'details');
        if (parts.scalars.length) { target.appendChild(scalarList(parts.scalars)); }
        parts.tables.forEach(function (t) { target.appendChild(dataTable(t, null)); });
        return;
      }
      var a = view.account;
      var figures = [['Balance', a.balance], ['Pending', a.pending], ['Tier', a.tier || '—'], ['Debt', a.debt], ['Shortfall', a.shortfall]];
      target.appendChild(el('div', {className: 'row g-2 mb-2 rk-loyalty-figures'}, figures.map(function (f) {
        return el('div', {className: 'col-4 col-md'}, [el('div', {className: 'border rounded p-2 h-100'}, [
          el('div', {className: 'small text-secondary', text: f[0]}), el('div', {className: 'fs-5', 'data-figure': f[0].toLowerCase(), text: format(f[1])})])]);
      })));
      if (a.tierSince) { target.appendChild(el('p', {className: 'small text-secondary mb-2', text: 'In tier since ' + a.tierSince + '; last activity ' + (a.lastActivityAt || '—') + '.'})); }
      var ledger = view.ledger.map(function (e) {
        return {occurredAt: e.occurredAt, type: e.type, points: e.points, pendingPoints: e.pendingPoints, debtChange: e.debtChange,
          reason: e.reason, orderId: e.orderId, ruleVersion: e.ruleVersion, actor: e.actor};
      });
      target.appendChild(el('h3', {className: 'h6 mt-2', text: 'Ledger'}));
      target.appendChild(dataTable({name: 'ledger', rows: ledger}, null, 'No ledger entries yet.'));
      var size = view.ledger.length && view.page !== undefined ? Math.max(view.ledger.length, 50) : 50;
      var current = view.page || 0;
      if (view.ledgerSize > size) {
        var pager = el('div', {className: 'd-flex gap-2 align-items-center small mb-2'});
        var older = el('button', {type: 'button', className: 'btn btn-sm btn-outline-secondary', text: 'Older entries'});
        var newer = el('button', {type: 'button', className: 'btn btn-sm btn-outline-secondary', text: 'Newer entries'});
        newer.disabled = current === 0;
        older.disabled = (current + 1) * size >= view.ledgerSize;
        newer.addEventListener('click', function () { renderLoyalty(target, current - 1); });
        older.addEventListener('click', function () { renderLoyalty(target, current + 1); });
        pager.appendChild(newer);
        pager.appendChild(el('span', {text: 'Ledger page ' + (current + 1) + ' of ' + Math.ceil(view.ledgerSize / size)}));
        pager.appendChild(older);
        target.appendChild(pager);
      }
      target.appendChild(el('h3', {className: 'h6 mt-2', text: 'Tier history'}));
      target.appendChild(dataTable({name: 'tierHistory', rows: view.tierHistory || []}, null, 'No tier changes yet.'));
      if (view.referrals) {
        target.appendChild(el('h3', {className: 'h6 mt-2', text: 'Referrals'}));
        target.appendChild(scalarList(tablesOf(view.referrals, 'referrals').scalars.filter(function (x) { return x.key !== 'customerId'; })));
      }
    }).catch(function (e) { problem(target, {status: 'network', body: {detail: String(e)}}); });
  }

  function showFieldErrors(form, result) {
    form.querySelectorAll('.is-invalid').forEach(function (n) { n.classList.remove('is-invalid'); });
    form.querySelectorAll('[data-error-for]').forEach(function (n) { n.textContent = ''; });
    var body = result.body && typeof result.body === 'object' ? result.body : {};
    var field = body.field ? String(body.field) : null;
    var message = body.detail || body.title || ('Refused (' + result.status + ')');
    var target = null;
    if (field) {
      target = form.querySelector('[data-error-for="' + CSS.escape(field) + '"]');
      if (!target) {
        var top = field.split(/[.[]/)[0];
        target = form.querySelector('[data-error-for="' + CSS.escape(top) + '"]');
      }
    }
    if (target) {
      target.textContent = message;
      var input = form.querySelector('[name="' + CSS.escape(target.getAttribute('data-error-for')) + '"]');
      if (input) { input.classList.add('is-invalid'); input.focus(); }
      return;
    }
    var result_ = form.querySelector('[data-result]');
    if (result_) { result_.className = 'small text-danger'; result_.textContent = message; }
  }

  function bindAdjustment(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var points = form.querySelector('[name="points"]').value.trim();
      var reason = form.querySelector('[name="reason"]').value.trim();
      var errors = [];
      if (!/^-?[0-9]+$/.test(points) || Number(points) === 0) { errors.push({field: 'points', detail: 'points: enter a whole number other than 0'}); }
      if (!reason) { errors.push({field: 'reason', detail: 'reason: is required, it is kept in the audit trail'}); }
      if (errors.length) { showFieldErrors(form, {status: 400, body: errors[0]}); return; }
      var out = form.querySelector('[data-result]');
      out.className = 'small text-secondary';
      out.textContent = 'Saving…';
      api(form.getAttribute('data-src'), {method: 'POST', body: {points: Number(points), reason: reason}}).then(function (result) {
        if (!result.ok) { out.textContent = ''; showFieldErrors(form, result); return; }
        out.className = 'small text-success';
        out.textContent = 'Adjusted. Reloading…';
        window.location.reload();
      });
    });
  }

  // ---------- settings ----------

  // Columns of list-valued sections, for when the list is still empty.
  var LIST_COLUMNS = {spend: [{name: 'month', type: 'text', placeholder: 'yyyy-MM'}, {name: 'amount', type: 'number'}]};

  function isFlatRow(v) {
    return v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every(function (k) {
      return v[k] === null || typeof v[k] !== 'object';
    });
  }

  /** An editable table for a list of flat objects; inputs are named [i].column like the API's error fields. */
  function listEditor(container, rows, columns) {
    var tbody = el('tbody');
    function addRow(values) {
      var i = tbody.children.length;
      var tr = el('tr', {'data-row': String(i)});
      columns.forEach(function (c) {
        var name = '[' + i + '].' + c.name;
        var input = el('input', {className: 'form-control form-control-sm', name: name, type: c.type,
          'aria-label': humanize(c.name) + ' ' + (i + 1)});
        if (c.type === 'number') { input.setAttribute('step', 'any'); }
        if (c.placeholder) { input.setAttribute('placeholder', c.placeholder); }
        input.value = values && values[c.name] !== null && values[c.name] !== undefined ? String(values[c.name]) : '';
        tr.appendChild(el('td', null, [input, el('div', {className: 'invalid-feedback', 'data-error-for': name})]));
      });
      var remove = el('button', {type: 'button', className: 'btn btn-sm btn-outline-secondary', text: 'Remove'});
      remove.addEventListener('click', function () {
        var kept = readList(tbody, columns).filter(function (_, j) { return j !== i; });
        clear(tbody);
        kept.forEach(addRow);
      });
      tr.appendChild(el('td', null, [remove]));
      tbody.appendChild(tr);
    }
    rows.forEach(addRow);
    var add = el('button', {type: 'button', className: 'btn btn-sm btn-outline-primary', text: 'Add row'});
    add.addEventListener('click', function () { addRow(null); });
    container.appendChild(el('div', {className: 'table-responsive'}, [el('table', {className: 'table table-sm rk-list-editor'}, [
      el('thead', null, [el('tr', null, columns.map(function (c) { return el('th', {text: humanize(c.name)}); }).concat([el('th')]))]),
      tbody])]));
    container.appendChild(add);
    return function () { return readList(tbody, columns); };
  }

  function readList(tbody, columns) {
    return Array.prototype.map.call(tbody.children, function (tr, i) {
      var row = {};
      columns.forEach(function (c) {
        var v = tr.querySelector('[name="' + CSS.escape('[' + i + '].' + c.name) + '"]').value.trim();
        row[c.name] = v === '' ? null : (c.type === 'number' ? Number(v) : v);
      });
      return row;
    });
  }

  function settingsForm(form) {
    var container = form.querySelector('.rk-fields');
    var url = form.getAttribute('data-src');
    var section = form.getAttribute('data-section');
    var read = null;
    function fieldFor(key, value) {
      var id = 'f-' + section + '-' + key.replace(/[^A-Za-z0-9_-]/g, '_');
      var input;
      var group = el('div', {className: 'mb-2'});
      if (typeof value === 'boolean') {
        input = el('input', {className: 'form-check-input', type: 'checkbox', id: id, name: key});
        input.checked = value;
        group.className = 'form-check mb-2';
        group.appendChild(input);
        group.appendChild(el('label', {className: 'form-check-label', for: id, text: humanize(key)}));
      } else {
        group.appendChild(el('label', {className: 'form-label small mb-0', for: id, text: humanize(key)}));
        if (value !== null && typeof value === 'object') {
          input = el('textarea', {className: 'form-control form-control-sm font-monospace', id: id, name: key,
            rows: String(Math.min(12, JSON.stringify(value, null, 2).split('\n').length + 1))});
          input.value = JSON.stringify(value, null, 2);
        } else {
          input = el('input', {className: 'form-control form-control-sm', id: id, name: key, type: typeof value === 'number' ? 'number' : 'text'});
          if (typeof value === 'number') { input.setAttribute('step', 'any'); }
          input.value = value === null ? '' : String(value);
        }
        group.appendChild(input);
      }
      group.appendChild(el('div', {className: 'invalid-feedback', 'data-error-for': key}));
      return group;
    }
    function draw(data) {
      clear(container);
      if (Array.isArray(data) && (data.length > 0 ? data.every(isFlatRow) : !!LIST_COLUMNS[section])) {
        var columns = data.length ? Object.keys(data[0]).map(function (k) {
          var hint = (LIST_COLUMNS[section] || []).filter(function (c) { return c.name === k; })[0];
          return hint || {name: k, type: typeof data[0][k] === 'number' ? 'number' : 'text'};
        }) : LIST_COLUMNS[section];
        read = listEditor(container, data, columns);
        return;
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        container.appendChild(fieldFor('value', data));
        read = function () { return readFields({value: data}).value; };
        return;
      }
      Object.keys(data).forEach(function (k) { container.appendChild(fieldFor(k, data[k])); });
      read = function () { return readFields(data); };
    }
    function readFields(original) {
      var value = {};
      Object.keys(original).forEach(function (k) {
        var input = form.querySelector('[name="' + CSS.escape(k) + '"]');
        var before = original[k];
        if (typeof before === 'boolean') { value[k] = input.checked; }
        else if (before !== null && typeof before === 'object') {
          try { value[k] = JSON.parse(input.value); } catch (e) { throw {field: k, detail: k + ': not valid JSON (' + e.message + ')'}; }
        } else if (typeof before === 'number') { value[k] = input.value === '' ? null : Number(input.value); }
        else { value[k] = input.value === '' && before === null ? null : input.value; }
      });
      return value;
    }
    loading(container);
    api(url).then(function (result) {
      if (result.status === 404) { unavailable(container, 'This settings section', url); form.querySelector('button[type=submit]').disabled = true; return; }
      if (!result.ok) { problem(container, result); return; }
      draw(result.body);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var out = form.querySelector('[data-result]');
      var payload;
      try { payload = read(); } catch (local) { showFieldErrors(form, {status: 400, body: local}); return; }
      out.className = 'small text-secondary';
      out.textContent = 'Saving…';
      api(url, {method: 'PUT', body: payload}).then(function (result) {
        if (!result.ok) { out.textContent = ''; showFieldErrors(form, result); return; }
        if (result.body !== null && typeof result.body === 'object') { draw(result.body); }
        out.className = 'small text-success';
        out.textContent = 'Saved. The change is in the audit trail.';
      });
    });
  }

  // ---------- jobs ----------

  function pollJobs(table) {
    var url = table.getAttribute('data-jobs-api');
    var watch = table.getAttribute('data-watch');
    var sawRunning = false;
    function duration(run) {
      if (!run || !run.finishedAt) { return ''; }
      var ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
      return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
    }
    function tick() {
      api(url).then(function (result) {
        if (!result.ok || !Array.isArray(result.body)) { return; }
        var running = false;
        result.body.forEach(function (job) {
          var row = table.querySelector('tr[data-job="' + CSS.escape(job.name) + '"]');
          if (!row) { return; }
          var bar = row.querySelector('.progress');
          var run = job.lastRun || null;
          if (job.running) {
            running = sawRunning = true;
            bar.classList.remove('d-none');
            var pct = job.total > 0 ? Math.round(100 * job.done / job.total) : 100;
            bar.firstElementChild.style.width = pct + '%';
            bar.firstElementChild.textContent = job.total > 0 ? job.done + ' / ' + job.total : 'running';
            row.querySelector('[data-field="status"]').textContent = 'RUNNING';
          } else {
            bar.classList.add('d-none');
            if (run) {
              row.querySelector('[data-field="started"]').textContent = new Date(run.startedAt).toISOString().replace('T', ' ').replace(/\..*/, ' UTC');
              row.querySelector('[data-field="duration"]').textContent = duration(run);
              var status = row.querySelector('[data-field="status"]');
              clear(status);
              status.appendChild(el('span', {className: 'badge ' + (run.status === 'FAILED' ? 'text-bg-danger' : run.status === 'SUCCEEDED' ? 'text-bg-success' : 'text-bg-secondary'), text: run.status, title: run.message || ''}));
              row.querySelector('[data-field="items"]').textContent = run.items;
            }
          }
          var button = row.querySelector('button');
          if (button) { button.disabled = !!job.running; }
        });
        if (running || (watch && !sawRunning && tick.count++ < 5)) { setTimeout(tick, 1000); }
      });
    }
    tick.count = 0;
    tick();
  }

  // ---------- segments datalist ----------

  function loadSegments(input) {
    var url = input.getAttribute('data-segments');
    if (!url) { return; }
    api(url).then(function (result) {
      if (!result.ok) { return; }
      var items = Array.isArray(result.body) ? result.body : (result.body && (result.body.segments || result.body.items)) || [];
      var list = document.getElementById(input.getAttribute('list'));
      items.forEach(function (s) {
        var value = typeof s === 'string' ? s : (s.id || s.name || s.key);
        if (value !== undefined && value !== null) { list.appendChild(el('option', {value: String(value), label: typeof s === 'object' && s.name ? String(s.name) : String(value)})); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.rk-report').forEach(renderReport);
    document.querySelectorAll('.rk-filter input[data-segments]').forEach(loadSegments);
    document.querySelectorAll('.rk-insights[data-src]').forEach(function (n) {
      if (n.getAttribute('data-src')) { renderInsights(n); }
    });
    document.querySelectorAll('.rk-loyalty[data-src]').forEach(function (n) {
      if (n.getAttribute('data-src')) { renderLoyalty(n, 0); }
    });
    document.querySelectorAll('.rk-drift[data-drift]').forEach(function (n) {
      if (n.getAttribute('data-drift')) { n.setAttribute('data-src', n.getAttribute('data-drift')); renderPanel(n, 'No drift check has run yet.'); }
    });
    document.querySelectorAll('form.rk-adjust').forEach(bindAdjustment);
    document.querySelectorAll('form.rk-settings').forEach(settingsForm);
    var jobs = document.getElementById('jobs-table');
    if (jobs && (jobs.getAttribute('data-watch') || jobs.querySelector('.progress:not(.d-none)'))) { pollJobs(jobs); }
    document.querySelectorAll('form.rk-erase').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm('Erase this customer\'s personal data? This cannot be undone.')) { event.preventDefault(); }
      });
    });
  });
})();
