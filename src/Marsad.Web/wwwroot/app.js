// Marsad dashboard. Article content is untrusted: every value reaches the page through textContent or DOM
// properties (never innerHTML), links are built only from ids (or an article's own http(s) address), and Leaflet popups
// and tooltips get DOM nodes, not HTML strings. Lists come from the API a page at a time ({ items, next }): a
// "load more" button asks for the next page, and the filter forms put their values in the address (#/route?from=…) so a
// filtered view can be linked and reloaded. Other scripts add pages through window.Marsad.route (see the end).
'use strict';

(function () {
  const main = document.getElementById('main');

  const EVENT_TYPES = { attack: 'هجوم', airstrike: 'غارة جوية', talks: 'محادثات', threat: 'تهديد', demand: 'مطالبة', decision: 'قرار', message: 'رسالة', statement: 'تصريح' };
  const DISCREPANCY_KINDS = { quantity: 'تباين في الأعداد', date: 'تباين في التاريخ', weekday: 'يوم لا يطابق التاريخ' };
  const ENTITY_TYPES = { PER: 'شخص', ORG: 'منظمة', GPE: 'كيان جغرافي سياسي', LOC: 'مكان', FAC: 'منشأة', MISC: 'أخرى' };
  const FROM = { metadata: 'من بيانات الصفحة', text: 'من النص', story: 'من القصة', none: 'بلا تاريخ' };
  const SITE = 'مرصد';

  // Builds an element; strings become text nodes, attributes are set as properties or with setAttribute for safe names.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'href') node.setAttribute('href', safeHref(v));
      else if (k === 'external') externalLink(node, v);
      else if (k === 'text') node.textContent = v;
      else if (k === 'hidden') node.hidden = true;
      else if (/^(id|title|lang|dir|datetime|colspan|role|aria-[a-z]+|type|name|value|placeholder|for|min|max|step|tabindex|data-[a-z-]+)$/.test(k)) node.setAttribute(k, String(v));
    }
    append(node, children);
    return node;
  }

  // Children may nest arrays at any depth (a list of links inside a line): all are flattened, never turned into text.
  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // Only our own routes and API paths are linked; anything else (javascript:, data:, other hosts) becomes '#'.
  function safeHref(v) {
    const s = String(v);
    return /^(#\/|\/api\/)/.test(s) ? s : '#';
  }

  // An article's original address: only http(s), opened without a referrer or a handle on this page.
  function externalLink(node, url) {
    let u = null;
    try { u = new URL(String(url)); } catch (e) { u = null; }
    node.setAttribute('href', u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : '#');
    node.setAttribute('rel', 'noopener noreferrer external');
    node.setAttribute('target', '_blank');
  }

  const enc = encodeURIComponent;
  const docLink = (id, start, end, story) => '#/doc/' + enc(id) + '?' + new URLSearchParams(Object.assign(
    start !== undefined && end > start ? { hl: start + '-' + end } : {}, story ? { story } : {})).toString();
  // Dates and ids are isolated left-to-right runs inside the Arabic text.
  const date = (d) => d ? el('bdi', { class: 'ltr', dir: 'ltr' }, d) : el('span', { class: 'muted' }, 'بلا تاريخ');
  // A name, title or outlet of unknown direction: isolated, its direction from its first strong letter.
  const iso = (s) => el('bdi', { dir: 'auto' }, s);
  const docTitle = (d) => d.title ? iso(d.title) : el('bdi', { dir: 'ltr', class: 'id' }, d.id);
  const outletLink = (o) => o ? el('a', { href: '#/outlet/' + enc(o) }, iso(o)) : el('span', { class: 'muted' }, 'مصدر غير معروف');
  const count = (n, one, many) => n === 1 ? one : n + ' ' + many;

  function title(...parts) {
    document.title = parts.filter(Boolean).concat([SITE]).join(' — ');
  }

  // The chart and map libraries are loaded when a page first draws a chart or a map: the first list waits only for
  // this script and its data. (A script element with a src of our own is what the CSP allows.)
  const scripts = {};
  function script(src) {
    scripts[src] = scripts[src] || new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('could not load ' + src));
      document.head.appendChild(s);
    });
    return scripts[src];
  }
  const charts = () => script('/vendor/chart.js/chart.umd.min.js');
  const leaflet = () => script('/vendor/leaflet/leaflet.js').then(() => Promise.all([
    script('/vendor/leaflet.markercluster/leaflet.markercluster.js'), script('/vendor/topojson-client/topojson-client.min.js')]));

  async function api(path) {
    const r = await fetch('/api/' + path, { headers: { Accept: 'application/json' } });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }

  // The API query of a page's filters: only the named parameters (and the page size), only when set.
  function query(params, names, extra) {
    const q = new URLSearchParams(extra || {});
    for (const n of names.concat(['limit'])) if (params.get(n)) q.set(n, params.get(n));
    const s = q.toString();
    return s ? '?' + s : '';
  }

  // A list read page by page: render(item) appends to list; the button loads the next page while there is one
  // (from the cursor `from` when the first page came with something else, e.g. a story's page).
  function pages(list, path, render, onItems, from) {
    const more = el('button', { type: 'button', class: 'more' }, 'تحميل المزيد');
    let next = from || null;
    more.hidden = !next;
    async function load() {
      more.disabled = true;
      const page = await api(path + (next ? (path.includes('?') ? '&' : '?') + 'cursor=' + enc(next) : ''));
      append(list, page.items.map(render));
      if (onItems) await onItems(page.items);
      next = page.next;
      more.hidden = !next;
      more.disabled = false;
      return page;
    }
    more.addEventListener('click', () => load().catch((err) => append(list, [el('p', { class: 'muted' }, String(err && err.message))])));
    return { more, load };
  }

  // A filter form: its fields' values go to the address of the route, which shows the filtered page.
  const FIELDS = {
    from: () => el('input', { type: 'date', name: 'from', 'aria-label': 'من تاريخ' }),
    to: () => el('input', { type: 'date', name: 'to', 'aria-label': 'إلى تاريخ' }),
    outlet: () => el('input', { type: 'text', name: 'outlet', placeholder: 'المصدر', 'aria-label': 'المصدر' }),
    country: () => el('input', { type: 'text', name: 'country', placeholder: 'الدولة (IQ)', 'aria-label': 'رمز الدولة', class: 'short' }),
    actor: () => el('input', { type: 'text', name: 'actor', placeholder: 'الفاعل (معرّف)', 'aria-label': 'معرّف الفاعل' }),
    type: () => el('select', { name: 'type', 'aria-label': 'نوع الحدث' }, el('option', { value: '' }, 'كل الأحداث'),
      Object.entries(EVENT_TYPES).map(([k, v]) => el('option', { value: k }, v))),
    entityType: () => el('select', { name: 'type', 'aria-label': 'نوع الكيان' }, el('option', { value: '' }, 'كل الأنواع'),
      Object.entries(ENTITY_TYPES).map(([k, v]) => el('option', { value: k }, v))),
  };
  function filters(route, params, names, keep) {
    const inputs = names.map((n) => FIELDS[n]());
    for (const i of inputs) i.value = params.get(i.name) || '';
    const active = inputs.some((i) => i.value);
    const form = el('form', { class: 'filters', id: 'filters', role: 'search', 'aria-label': 'تصفية' }, inputs,
      el('button', { type: 'submit' }, 'تصفية'),
      active ? el('a', { href: route + keptQuery(keep), class: 'clear' }, 'إزالة التصفية') : null);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(keep || {})) if (v) q.set(k, v);
      for (const i of inputs) if (i.value.trim()) q.set(i.name, i.value.trim());
      const s = q.toString();
      location.hash = route + (s ? '?' + s : '');
    });
    return form;
  }
  function keptQuery(keep) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(keep || {})) if (v) q.set(k, v);
    const s = q.toString();
    return s ? '?' + s : '';
  }

  function show(...nodes) {
    main.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
    window.scrollTo(0, 0);
  }

  // Text with marked spans: spans are taken longest-first at each start and never overlap, the focus span wins.
  function highlighted(text, spans, focus) {
    const all = spans.slice();
    if (focus) {
      for (let i = all.length - 1; i >= 0; i--) if (all[i].start < focus.end && focus.start < all[i].end) all.splice(i, 1);
      all.push(Object.assign({ kind: 'focus', label: 'الموضع المقتبس' }, focus));
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const out = el('div', { class: 'text', dir: 'auto' });
    let at = 0;
    for (const h of all) {
      if (h.start < at || h.end > text.length || h.end <= h.start) continue;
      if (h.start > at) out.appendChild(document.createTextNode(text.slice(at, h.start)));
      const mark = el('mark', { class: h.kind, title: h.label || null, id: h.kind === 'focus' ? 'focus' : null }, text.slice(h.start, h.end));
      out.appendChild(h.ref && h.kind.startsWith('entity-') ? el('a', { href: '#/entity/' + enc(h.ref) }, mark) : mark);
      at = h.end;
    }
    if (at < text.length) out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  // A quote: the sentence with the mention marked, and a link to the source at that place.
  function quote(q) {
    const s = q.sentence || '';
    const from = q.start - q.sentenceStart;
    const body = from >= 0 && q.end > q.start && from + (q.end - q.start) <= s.length
      ? highlighted(s, [{ start: from, end: from + (q.end - q.start), kind: 'focus' }])
      : el('div', { class: 'text', dir: 'auto' }, s);
    return el('blockquote', {}, body,
      el('a', { href: docLink(q.doc, q.start, q.end), class: 'source-link' }, '— ', iso(q.outlet || 'مصدر'), ': ', q.title ? iso(q.title) : el('bdi', { dir: 'ltr' }, q.doc)));
  }

  // ---- trends: counts over time drawn with Chart.js; a click on a bar filters the lists to its key and period ----
  const PALETTE = ['#0b5d7a', '#b42318', '#7a5af8', '#039855', '#dc6803', '#667085', '#c11574', '#155eef', '#4e5ba6', '#93370d', '#087443', '#6938ef'];

  function periodEnd(period, bucket) {
    if (bucket !== 'week') return period;
    const d = new Date(period + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 6);
    return d.toISOString().slice(0, 10);
  }

  // A chart of /api/trends for the filters in `params`; onPick(key, from, to) runs on a click on a bar.
  function trendChart(id, heading, trendQuery, label, onPick) {
    const canvas = el('canvas', { role: 'img', 'aria-label': heading });
    const box = el('figure', { class: 'chart', id }, el('figcaption', {}, heading), el('div', { class: 'chart-box' }, canvas));
    const ready = Promise.all([api('trends' + trendQuery), charts()]).then(([t]) => {
      box.dataset.series = String(t.series.length);
      if (!t.series.length || typeof Chart === 'undefined') {
        box.replaceChildren(el('figcaption', {}, heading), el('p', { class: 'muted' }, 'لا بيانات في هذا النطاق.'));
        return t;
      }
      const chart = new Chart(canvas, {
        type: 'bar',
        data: {
          labels: t.periods,
          datasets: t.series.map((s, i) => ({ label: label(s), data: s.counts, backgroundColor: PALETTE[i % PALETTE.length], key: s.key })),
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { position: 'bottom', rtl: true, labels: { boxWidth: 12 } }, tooltip: { rtl: true } },
          scales: { x: { stacked: true, ticks: { maxRotation: 60, autoSkip: true } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          onClick: (evt) => {
            const hit = chart.getElementsAtEventForMode(evt, 'nearest', { intersect: true }, true)[0];
            if (!hit) return;
            const period = t.periods[hit.index];
            onPick(t.series[hit.datasetIndex].key, period, periodEnd(period, t.bucket));
          },
        },
      });
      box.dataset.ready = 'true';
      return t;
    }).catch((err) => {
      box.append(el('p', { class: 'muted' }, String(err && err.message)));
    });
    return { box, ready };
  }

  const typeLabel = (s) => EVENT_TYPES[s.key] || s.label;
  const nameLabel = (s) => s.label;
  const go = (route, q) => { location.hash = route + '?' + new URLSearchParams(q).toString(); };

  // ---- the offline base map ----
  let countries = null;
  function baseMap() {
    countries = countries || fetch('/vendor/world-atlas/countries-50m.json').then((r) => r.json())
      .then((topo) => topojson.feature(topo, topo.objects.countries));
    return countries;
  }

  // A map of clustered markers: events above places (their own panes), each with its Arabic name as a label, a popup
  // that quotes the sentence, and a date range that hides the events outside it. add(markers) puts more on it.
  async function eventMap(container, markers) {
    await leaflet();
    const map = L.map(container, { attributionControl: false, fadeAnimation: false, worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    map.setView([31, 40], 4);
    map.createPane('places').style.zIndex = 610;
    map.createPane('placeClusters').style.zIndex = 615;
    map.createPane('events').style.zIndex = 640;
    map.createPane('eventClusters').style.zIndex = 645;
    const geo = await baseMap();
    L.geoJSON(geo, { style: { color: '#8a8f98', weight: 0.6, fillColor: '#f3efe6', fillOpacity: 1 }, interactive: false }).addTo(map);
    const clusters = (kind, pane) => L.markerClusterGroup({
      clusterPane: pane, showCoverageOnHover: false, maxClusterRadius: 45, chunkedLoading: true,
      iconCreateFunction: (c) => {
        const n = c.getChildCount();
        return L.divIcon({ className: 'cluster cluster-' + kind, iconSize: [34, 34], html: String(n) });
      },
    }).addTo(map);
    const layers = { event: clusters('event', 'eventClusters'), place: clusters('place', 'placeClusters') };
    const all = [];
    let range = null;
    const points = [];
    function inRange(m) {
      return !range || m.kind !== 'event' || !m.date || (m.date.slice(0, 10) >= range[0] && m.date.slice(0, 10) <= range[1]);
    }
    function markerOf(m) {
      const isEvent = m.kind === 'event';
      const marker = L.circleMarker([m.lat, m.lon], {
        pane: isEvent ? 'events' : 'places',
        radius: isEvent ? 9 : 6, color: isEvent ? '#b42318' : '#0b5d7a', weight: 2, fillOpacity: 0.6,
        className: 'marker-' + m.kind,
      });
      const name = isEvent ? (EVENT_TYPES[m.eventType] || m.eventType) + ' — ' + m.label : m.label;
      marker.bindTooltip(el('span', { dir: 'auto' }, isEvent ? m.label : name), { permanent: true, direction: 'top', offset: [0, -8], className: 'label label-' + m.kind });
      const popup = el('div', { class: 'popup' },
        el('strong', {}, iso(name)),
        m.date ? el('div', {}, date(m.date)) : null,
        m.kind === 'place' ? el('div', {}, el('a', { href: '#/entity/' + enc(m.id) }, 'صفحة المكان وإشاراته')) : null,
        (m.stories || []).slice(0, 1).map((s) => el('div', {}, el('a', { href: '#/story/' + enc(s) }, 'القصة'))),
        m.quotes.map(quote));
      marker.bindPopup(popup, { maxWidth: 320 });
      return marker;
    }
    function redraw() {
      for (const kind of ['event', 'place']) {
        layers[kind].clearLayers();
        layers[kind].addLayers(all.filter((x) => x.m.kind === kind && inRange(x.m)).map((x) => x.marker));
      }
      container.dataset.markers = String(all.filter((x) => inRange(x.m)).length);
    }
    function add(list, fit) {
      for (const m of list) {
        all.push({ m, marker: markerOf(m) });
        if (m.kind === 'event' || fit) points.push([m.lat, m.lon]);
      }
      redraw();
      if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 7 });
    }
    // Escape closes the open popup and gives the focus back to the map.
    container.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { map.closePopup(); container.focus(); } });
    add(markers, true);
    container.dataset.ready = 'true';
    return {
      map, add,
      days: () => all.filter((x) => x.m.kind === 'event' && x.m.date).map((x) => x.m.date.slice(0, 10)).sort(),
      setRange: (from, to) => { range = from && to ? [from, to] : null; redraw(); },
    };
  }

  // Two sliders over the days of the map's events: the map shows only the events between them.
  function rangeSlider(map) {
    const box = el('div', { class: 'range', id: 'date-range' });
    function refresh() {
      const days = Array.from(new Set(map.days()));
      box.replaceChildren();
      if (days.length < 2) return;
      const from = el('input', { type: 'range', min: 0, max: days.length - 1, step: 1, value: 0, 'aria-label': 'من يوم' });
      const to = el('input', { type: 'range', min: 0, max: days.length - 1, step: 1, value: days.length - 1, 'aria-label': 'إلى يوم' });
      const label = el('output', { class: 'ltr', dir: 'ltr' });
      function apply() {
        let a = Number(from.value), b = Number(to.value);
        if (a > b) [a, b] = [b, a];
        label.textContent = days[a] + ' … ' + days[b];
        map.setRange(days[a], days[b]);
      }
      from.addEventListener('input', apply);
      to.addEventListener('input', apply);
      append(box, [el('span', {}, 'المدى الزمني: '), from, to, label]);
      label.textContent = days[0] + ' … ' + days[days.length - 1];
    }
    return { box, refresh };
  }

  // ---- pages ----
  const STORY_FILTERS = ['from', 'to', 'outlet', 'country', 'actor', 'type'];
  const EVENT_FILTERS = ['from', 'to', 'type', 'country', 'outlet', 'actor'];

  function storyCard(s) {
    return el('li', { class: 'card story' },
      el('h3', { dir: 'auto' }, el('a', { href: '#/story/' + enc(s.id) }, iso(s.title))),
      el('div', {}, date(s.first), s.last && s.last !== s.first ? [' — ', date(s.last)] : null),
      el('div', {},
        el('span', { class: 'badge' }, count(s.documents, 'وثيقة واحدة', 'وثيقة')),
        el('span', { class: 'badge' }, count(s.outlets, 'منفذ واحد', 'منافذ')),
        s.discrepancies ? el('span', { class: 'badge warn' }, s.discrepancies + ' تباين') : null,
        s.events ? el('span', { class: 'badge' }, s.events + ' حدث') : null));
  }

  async function storiesPage(params) {
    title('القصص');
    const list = el('ul', { class: 'cards', id: 'stories' });
    const paged = pages(list, 'stories' + query(params, STORY_FILTERS), storyCard);
    const [stats, first] = await Promise.all([api('stats'), paged.load()]);
    if (!stats.documents) {
      return show(el('h1', {}, 'القصص'), el('p', { class: 'muted' }, 'لا توجد وثائق في المخزن بعد. حلّل مقالات أولًا: marsad analyze المجلد --db الملف'));
    }
    const filtered = STORY_FILTERS.filter((n) => params.get(n));
    const keep = (extra) => { const q = {}; for (const n of filtered) q[n] = params.get(n); return Object.assign(q, extra); };
    const types = trendChart('trend-types', 'الأحداث حسب النوع', query(params, EVENT_FILTERS, { dimension: 'type' }), typeLabel,
      (key, from, to) => go('#/', keep({ type: key, from, to })));
    const outlets = trendChart('trend-outlets', 'المقالات حسب المنفذ', query(params, ['from', 'to', 'outlet', 'actor'], { dimension: 'outlet' }), nameLabel,
      (key, from, to) => go('#/', keep({ outlet: key, from, to })));
    show(el('h1', {}, 'القصص'),
      el('p', { class: 'muted' }, `${stats.documents} وثيقة، ${stats.stories} قصة، ${stats.events} حدثًا، ${stats.entities} كيانًا، ${stats.discrepancies} تباينًا. الأحدث أولًا.`),
      filters('#/', params, STORY_FILTERS),
      first.items.length ? list : el('p', { class: 'muted', id: 'stories' }, 'لا قصص في هذا النطاق.'),
      paged.more,
      el('h2', {}, 'الاتجاهات'), el('p', { class: 'muted' }, 'انقر عمودًا لتصفية القصص بنوعه أو منفذه وفترته.'),
      el('div', { class: 'charts' }, types.box, outlets.box));
    await Promise.all([types.ready, outlets.ready]);
  }

  // A discrepancy told in a sentence: what differs, then what each source says.
  function discrepancyWords(d, sid) {
    return el('li', { class: 'discrepancy' },
      el('strong', {}, DISCREPANCY_KINDS[d.kind] || d.kind), d.subject ? [' في ', iso(d.subject)] : null, ': ',
      d.claims.map((c, i) => [i ? (i === d.claims.length - 1 ? ' بينما ' : '، و') : '',
        outletLink(c.outlet), ' ', 'يذكر ', el('mark', { class: 'discrepancy-' + d.kind, dir: 'auto' }, c.value),
        ' (', el('a', { href: docLink(c.doc, c.start, c.end, sid) }, 'في النص'), ')']),
      '.');
  }

  // The first lines of a text: enough to tell the sources apart, the whole text a click away.
  function lead(text, n) {
    const t = (text || '').replace(/\s+/g, ' ').trim();
    return t.length > n ? t.slice(0, n).replace(/\s\S*$/, '') + '…' : t;
  }

  async function storyPage(id) {
    const s = await api('stories/' + enc(id));
    if (!s) return notFound();
    const sid = s.story.id;
    title(s.story.title, 'قصة');
    const [actors, places] = await Promise.all([
      api('trends?dimension=actor&keys=6&story=' + enc(sid)).catch(() => null),
      api('trends?dimension=place&keys=5&story=' + enc(sid)).catch(() => null)]);
    const types = {};
    for (const e of s.events) types[e.type] = (types[e.type] || 0) + 1;
    const summary = el('dl', { class: 'summary', id: 'summary' },
      el('dt', {}, 'ماذا'), el('dd', {}, iso(s.story.title),
        Object.keys(types).length ? [' — ', Object.entries(types).map(([t, n]) => el('span', { class: 'badge' }, (EVENT_TYPES[t] || t) + ' ' + n))] : null),
      el('dt', {}, 'أين'), el('dd', {}, places && places.series.length
        ? places.series.map((p, i) => [i ? '، ' : '', el('a', { href: '#/entity/' + enc(p.key) }, iso(p.label))]) : el('span', { class: 'muted' }, 'غير محدد')),
      el('dt', {}, 'متى'), el('dd', {}, date(s.story.first), s.story.last && s.story.last !== s.story.first ? [' — ', date(s.story.last)] : null),
      el('dt', {}, 'من'), el('dd', {}, actors && actors.series.length
        ? actors.series.map((a, i) => [i ? '، ' : '', el('a', { href: '#/entity/' + enc(a.key) }, iso(a.label))]) : el('span', { class: 'muted' }, 'غير محدد')),
      el('dt', {}, 'المصادر'), el('dd', {}, count(s.story.documents, 'وثيقة واحدة', 'وثيقة'), ' من ', count(s.story.outlets, 'منفذ واحد', 'منافذ'),
        s.story.discrepancies ? [' · ', el('a', { href: '#discrepancies-h' }, s.story.discrepancies + ' تباين')] : null));

    // The sources, grouped by outlet; the first page carries texts (their first lines, the whole text on demand).
    const groups = new Map();
    const sources = el('div', { class: 'sources', id: 'sources' });
    function group(outlet) {
      const key = outlet || '';
      if (!groups.has(key)) {
        const list = el('ul', { class: 'source-list' });
        const n = el('span', { class: 'badge' }, '0');
        const section = el('section', { class: 'outlet-group' }, el('h3', {}, outletLink(outlet), ' ', n), list);
        groups.set(key, { list, n, count: 0 });
        sources.append(section);
      }
      return groups.get(key);
    }
    function addSource(d, text, highlights) {
      const g = group(d.outlet);
      g.count++;
      g.n.textContent = String(g.count);
      const body = text
        ? el('details', {}, el('summary', { dir: 'auto' }, lead(text, 220)), highlighted(text, highlights || []))
        : null;
      g.list.append(el('li', { class: 'source' },
        el('a', { href: docLink(d.id, undefined, undefined, sid) }, docTitle(d)), ' · ', date(d.published),
        d.url ? [' · ', el('a', { external: d.url }, 'الأصل')] : null, body));
      if (body && (highlights || []).some((h) => h.kind.startsWith('discrepancy-'))) body.open = true;
    }
    for (const src of s.sources) addSource(src.document, src.text, src.highlights);
    const shown = new Set(s.sources.map((x) => x.document.id));
    const moreSources = pages(el('div'), 'documents?limit=50&story=' + enc(sid), () => null,
      (items) => { for (const d of items) if (!shown.has(d.id)) { shown.add(d.id); addSource(d); } }, s.moreSources);

    const timeline = el('ol', { class: 'timeline', id: 'timeline' }, s.timeline.map(timelineItem));
    const discrepancies = s.discrepancies.length
      ? el('ul', { id: 'discrepancies', class: 'discrepancies' }, s.discrepancies.map((d) => discrepancyWords(d, sid)))
      : el('p', { class: 'muted', id: 'discrepancies' }, 'لا تباين بين المصادر.');
    const framing = s.framing.length
      ? el('table', { id: 'framing', class: 'stack' },
        el('thead', {}, el('tr', {}, ['المصدر', 'الفاعل', 'التسمية', 'الإطار', 'مرات', 'وثائق'].map((h) => el('th', {}, h)))),
        el('tbody', {}, s.framing.map((r) => el('tr', {},
          el('td', { 'data-label': 'المصدر' }, outletLink(r.outlet)), el('td', { 'data-label': 'الفاعل' }, iso(r.actor)),
          el('td', { 'data-label': 'التسمية' }, iso(r.term)), el('td', { 'data-label': 'الإطار' }, r.frame),
          el('td', { 'data-label': 'مرات' }, r.mentions), el('td', { 'data-label': 'وثائق' }, r.documents)))))
      : el('p', { class: 'muted', id: 'framing' }, 'لا تسميات مقارنة لهذه القصة.');
    const events = el('ul', { id: 'events', class: 'events' }, s.events.map(eventItem));
    const moreEvents = pages(events, 'events?story=' + enc(sid), eventItem, null, s.moreEvents);
    const chart = trendChart('trend-story', 'أحداث القصة حسب النوع', '?dimension=type&story=' + enc(sid), typeLabel,
      (key, from, to) => go('#/timeline', { story: sid, type: key, from, to }));
    const map = el('div', { class: 'map small', id: 'story-map', tabindex: 0, 'aria-label': 'خريطة أحداث القصة' });
    show(el('h1', { dir: 'auto' }, iso(s.story.title)),
      summary,
      el('h2', { id: 'discrepancies-h' }, 'التباينات'), discrepancies,
      el('h2', {}, 'المصادر حسب المنفذ'), sources, moreSources.more,
      el('h2', {}, 'الخط الزمني'), timeline,
      el('div', { class: 'charts' }, chart.box),
      el('h2', {}, 'خريطة الأحداث'), map,
      s.events.length ? [el('h2', {}, 'الأحداث'), events, moreEvents.more] : null,
      el('h2', {}, 'جدول التأطير'), framing,
      el('p', {}, el('a', { href: '/api/export/timeline.csv?story=' + enc(sid) }, 'تنزيل الخط الزمني CSV')));
    const markers = await api('map?limit=1000&story=' + enc(sid));
    await Promise.all([eventMap(map, markers.items), chart.ready]);
  }

  function timelineItem(t) {
    return el('li', { class: t.kind },
      el('time', { datetime: t.date || null }, date(t.date)),
      t.kind === 'event' ? el('span', { class: 'badge warn' }, EVENT_TYPES[t.eventType] || t.eventType || 'حدث') : el('span', { class: 'badge' }, 'نشر'),
      t.doc ? el('a', { href: docLink(t.doc, undefined, undefined, t.story) }, iso(t.label || t.doc)) : iso(t.label),
      t.outlet ? el('span', { class: 'muted' }, ' · ', iso(t.outlet)) : null,
      t.kind === 'event' && t.story ? el('span', { class: 'muted' }, ' · ', el('a', { href: '#/story/' + enc(t.story) }, 'القصة')) : null,
      t.quote ? el('blockquote', { dir: 'auto' }, t.quote) : null);
  }

  const entityLinks = (list) => list.map((a, i) => [i ? '، ' : '', el('a', { href: '#/entity/' + enc(a.id), class: 'entity' }, iso(a.name))]);

  function eventItem(e) {
    return el('li', { class: 'event' },
      el('a', { href: '#/event/' + enc(e.id), class: 'event-link' }, el('strong', {}, EVENT_TYPES[e.type] || e.type)), ' ', date(e.date),
      e.place ? [' · ', el('a', { href: '#/entity/' + enc(e.place.id) }, iso(e.place.name))] : null,
      e.actors.length ? [' · ', el('span', { class: 'role' }, 'الفاعل: ', entityLinks(e.actors))] : null,
      e.targets.length ? [' · ', el('span', { class: 'role' }, 'الهدف: ', entityLinks(e.targets))] : null,
      e.mentionCount > e.mentions.length ? el('span', { class: 'muted' }, ` · ${e.mentionCount} إشارة`) : null,
      e.mentions.map(quote));
  }

  // An event's own page (its permalink): the line of the lists, more of its mentions, and its story.
  async function eventPage(id) {
    const e = await api('events/' + enc(id));
    if (!e) return notFound();
    title((EVENT_TYPES[e.type] || e.type) + (e.place ? ' — ' + e.place.name : ''), e.date);
    show(el('h1', {}, EVENT_TYPES[e.type] || e.type, e.place ? [' — ', iso(e.place.name)] : null),
      el('p', { class: 'muted' }, date(e.date), e.cameo ? [' · CAMEO ', el('bdi', { dir: 'ltr' }, e.cameo)] : null,
        e.killed !== null && e.killed !== undefined ? [' · قتلى: ', e.killed] : null,
        e.stories.map((s) => [' · ', el('a', { href: '#/story/' + enc(s) }, 'القصة')])),
      el('ul', { id: 'events', class: 'events' }, eventItem(e)));
  }

  async function timelinePage(params) {
    title('الخط الزمني');
    const list = el('ol', { class: 'timeline', id: 'timeline' });
    // kind=document lists the documents' publications instead of the events.
    const paged = pages(list, 'timeline' + query(params, EVENT_FILTERS.concat(['kind', 'story']), { limit: 100 }), timelineItem);
    const first = await paged.load();
    show(el('h1', {}, 'الخط الزمني للأحداث'),
      el('p', { class: 'muted' }, 'الأحدث أولًا. ', el('a', { href: '/api/export/timeline.csv' + query(params, EVENT_FILTERS.concat(['story'])) }, 'تنزيل CSV')),
      filters('#/timeline', params, EVENT_FILTERS, { kind: params.get('kind'), story: params.get('story') }),
      first.items.length ? list : el('p', { class: 'muted' }, 'لا أحداث في هذا النطاق.'),
      paged.more);
  }

  async function mapPage(params) {
    title('خريطة الأحداث');
    const container = el('div', { class: 'map', id: 'event-map', tabindex: 0, 'aria-label': 'خريطة الأحداث' });
    const shown = el('span', { id: 'marker-count' });
    let map = null;
    let slider = null;
    const paged = pages(el('div'), 'map' + query(params, EVENT_FILTERS, { limit: 500 }), () => null, async (items) => {
      if (map) map.add(items);
      if (slider) slider.refresh();
      shown.textContent = container.dataset.markers || '0';
    });
    show(el('h1', {}, 'خريطة الأحداث'),
      el('p', { class: 'muted' }, 'الدوائر الحمراء أحداث في أماكنها (فوق الأماكن الزرقاء المذكورة بلا حدث)، الأحدث أولًا؛ الأرقام مجموعات تتفتح بالتكبير. انقر دائرة لقراءة الجملة المقتبسة. على الخريطة: ', shown, ' · ',
        el('a', { href: '/api/export/events.geojson' + query(params, EVENT_FILTERS) }, 'GeoJSON'), ' · ',
        el('a', { href: '/api/export/events.csv' + query(params, EVENT_FILTERS) }, 'CSV')),
      filters('#/map', params, EVENT_FILTERS),
      container, paged.more);
    map = await eventMap(container, []);
    slider = rangeSlider(map);
    container.after(slider.box);
    container.dataset.ready = 'false';
    // The places come first (below), the events then draw above them and set the view.
    const places = await api('places?limit=300');
    map.add(places.items, false);
    await paged.load();
    container.dataset.ready = 'true';
  }

  async function entitiesPage(params) {
    title('الكيانات');
    const body = el('tbody', {});
    const paged = pages(body, 'entities' + query(params, ['type'], { limit: 100 }), (e) => el('tr', {},
      el('td', { 'data-label': 'الاسم' }, el('a', { href: '#/entity/' + enc(e.id) }, iso(e.name))),
      el('td', { 'data-label': 'النوع' }, ENTITY_TYPES[e.type] || e.type),
      el('td', { 'data-label': 'بالإنجليزية', dir: 'ltr' }, e.nameEn || ''),
      el('td', { 'data-label': 'ذكر' }, e.mentions), el('td', { 'data-label': 'وثائق' }, e.documents)));
    const first = await paged.load();
    show(el('h1', {}, 'الكيانات'),
      filters('#/entities', params, ['entityType']),
      first.items.length
        ? el('table', { id: 'entities', class: 'stack' },
          el('thead', {}, el('tr', {}, ['الاسم', 'النوع', 'بالإنجليزية', 'ذكر', 'وثائق'].map((h) => el('th', {}, h)))), body)
        : el('p', { class: 'muted' }, 'لا كيانات بعد.'),
      paged.more);
  }

  async function entityPage(id) {
    const d = await api('entities/' + enc(id) + '?limit=10');
    if (!d) return notFound();
    const e = d.entity;
    title(e.name, ENTITY_TYPES[e.type] || 'كيان');
    const map = e.lat !== null && e.lon !== null ? el('div', { class: 'map small', id: 'entity-map', tabindex: 0, 'aria-label': 'الموقع' }) : null;
    const mentions = el('div', { id: 'mentions' }, d.mentions.map(quote));
    const events = el('ul', { id: 'entity-events', class: 'events' }, d.events.map(eventItem));
    const more = (list, next, path, key, render) => {
      const button = el('button', { type: 'button', class: 'more' }, 'تحميل المزيد');
      button.hidden = !next;
      button.addEventListener('click', async () => {
        const page = await api(path + 'cursor=' + enc(next));
        const items = key ? page[key] : page.items;
        append(list, items.map(render));
        next = key ? page.moreMentions : page.next;
        button.hidden = !next;
      });
      return button;
    };
    const chart = trendChart('trend-entity', 'أحداثه حسب النوع', '?dimension=type&actor=' + enc(e.id), typeLabel,
      (key, from, to) => go('#/timeline', { actor: e.id, type: key, from, to }));
    show(el('h1', { dir: 'auto' }, iso(e.name)),
      el('p', {}, el('span', { class: 'badge' }, ENTITY_TYPES[e.type] || e.type), e.nameEn ? el('bdi', { class: 'ltr', dir: 'ltr' }, e.nameEn) : null,
        e.country ? [' · ', el('bdi', { class: 'ltr', dir: 'ltr' }, e.country)] : null,
        ' · ', el('a', { href: '#/?actor=' + enc(e.id) }, 'قصصه'), ' · ', el('a', { href: '#/timeline?actor=' + enc(e.id) }, 'خطه الزمني')),
      e.aliases.length ? el('p', { class: 'muted' }, 'أسماء أخرى: ', e.aliases.map((a, i) => [i ? '، ' : '', iso(a)])) : null,
      map,
      el('div', { class: 'charts' }, chart.box),
      d.events.length ? [el('h2', {}, 'الأحداث'), events, more(events, d.moreEvents, 'events?actor=' + enc(e.id) + '&limit=10&', null, eventItem)] : null,
      el('h2', {}, `الإشارات (${e.mentions} في ${e.documents} وثيقة)`),
      mentions, more(mentions, d.moreMentions, 'entities/' + enc(e.id) + '?limit=10&', 'mentions', quote));
    const waits = [chart.ready];
    if (map) waits.push(eventMap(map, [{ kind: 'place', id: e.id, eventType: null, label: e.name, lat: e.lat, lon: e.lon, date: null, stories: [], quotes: d.mentions.slice(0, 5) }]));
    await Promise.all(waits);
  }

  // An outlet: what it covered (its stories, its articles over time, the events it reports) and whom it names most.
  async function outletPage(outlet, params) {
    title(outlet, 'منفذ');
    const o = { outlet };
    const stories = el('ul', { class: 'cards', id: 'stories' });
    const storyPages = pages(stories, 'stories' + query(params, ['from', 'to'], Object.assign({ limit: 12 }, o)), storyCard);
    const docs = el('ul', { id: 'documents', class: 'documents' });
    const docPages = pages(docs, 'documents' + query(params, ['from', 'to'], Object.assign({ limit: 20 }, o)), (d) => el('li', {},
      el('a', { href: docLink(d.id) }, docTitle(d)), ' · ', date(d.published),
      d.url ? [' · ', el('a', { external: d.url }, 'الأصل')] : null));
    const [firstStories] = await Promise.all([storyPages.load(), docPages.load()]);
    // How it names actors: its rows of the framing tables of its latest stories, summed by actor and term.
    const framings = await Promise.all(firstStories.items.map((st) => api('framing?story=' + enc(st.id)).catch(() => [])));
    const naming = new Map();
    for (const r of framings.flat().filter((r) => r && r.outlet === outlet)) {
      const k = r.actor + '\u0000' + r.term;
      const n = naming.get(k) || { actor: r.actor, term: r.term, frame: r.frame, mentions: 0 };
      n.mentions += r.mentions;
      naming.set(k, n);
    }
    const namingRows = Array.from(naming.values()).sort((a, b) => b.mentions - a.mentions).slice(0, 30);
    const actors = await api('trends' + query(params, ['from', 'to'], { dimension: 'actor', keys: 12, outlet }));
    const articles = trendChart('trend-outlet', 'مقالاته عبر الزمن', query(params, ['from', 'to'], { dimension: 'outlet', outlet }), nameLabel,
      (key, from, to) => go('#/outlet/' + enc(outlet), { from, to }));
    const types = trendChart('trend-outlet-types', 'الأحداث التي نقلها حسب النوع', query(params, ['from', 'to'], { dimension: 'type', outlet }), typeLabel,
      (key, from, to) => go('#/timeline', { outlet, type: key, from, to }));
    show(el('h1', {}, 'المنفذ: ', iso(outlet)),
      filters('#/outlet/' + enc(outlet), params, ['from', 'to']),
      el('div', { class: 'charts' }, articles.box, types.box),
      el('h2', {}, 'من يذكر أكثر'),
      actors.series.length
        ? el('ol', { id: 'outlet-actors', class: 'inline' }, actors.series.map((a) => el('li', {},
          el('a', { href: '#/entity/' + enc(a.key) }, iso(a.label)), ' ', el('span', { class: 'badge' }, a.total))))
        : el('p', { class: 'muted' }, 'لا فاعلين في أحداثه.'),
      el('h2', {}, 'كيف يسمّي الفاعلين'),
      namingRows.length
        ? el('table', { id: 'outlet-naming', class: 'stack' },
          el('thead', {}, el('tr', {}, ['الفاعل', 'التسمية', 'الإطار', 'مرات'].map((h) => el('th', {}, h)))),
          el('tbody', {}, namingRows.map((r) => el('tr', {},
            el('td', { 'data-label': 'الفاعل' }, iso(r.actor)), el('td', { 'data-label': 'التسمية' }, iso(r.term)),
            el('td', { 'data-label': 'الإطار' }, r.frame), el('td', { 'data-label': 'مرات' }, r.mentions)))))
        : el('p', { class: 'muted', id: 'outlet-naming' }, 'لا تسميات مقارنة في قصصه الأخيرة.'),
      el('p', { class: 'muted' }, 'من جداول التأطير لقصصه الأخيرة؛ قارن بغيره في صفحة كل قصة.'),
      el('h2', {}, 'قصصه'), firstStories.items.length ? stories : el('p', { class: 'muted' }, 'لا قصص.'), storyPages.more,
      el('h2', {}, 'مقالاته'), docs, docPages.more);
    await Promise.all([articles.ready, types.ready]);
  }

  async function documentPage(id, params) {
    const story = params.get('story');
    const d = await api('documents/' + enc(id) + (story ? '?story=' + enc(story) : ''));
    if (!d) return notFound();
    title(d.document.title || d.document.id, d.document.outlet);
    const m = /^(\d+)-(\d+)$/.exec(params.get('hl') || '');
    const focus = m ? { start: Number(m[1]), end: Number(m[2]) } : null;
    const kinds = [['time', 'زمن'], ['entity-PER', 'شخص'], ['entity-ORG', 'منظمة'], ['entity-GPE', 'مكان'], ['quantity', 'كمية'], ['event', 'حدث']];
    show(el('h1', { dir: 'auto' }, docTitle(d.document)),
      el('p', { class: 'muted' }, outletLink(d.document.outlet), ' · ', date(d.document.published), ' (', FROM[d.document.publishedFrom] || '', ')',
        d.document.story ? [' · ', el('a', { href: '#/story/' + enc(d.document.story) }, 'القصة')] : null,
        d.document.url ? [' · ', el('a', { external: d.document.url, id: 'original' }, 'المقال الأصلي')] : null),
      el('p', { class: 'legend' }, kinds.map(([k, label]) => el('mark', { class: k }, label))),
      el('article', { id: 'document', class: 'source' }, highlighted(d.text, d.annotations, focus)));
    const f = document.getElementById('focus');
    if (f) f.scrollIntoView({ block: 'center' });
  }

  async function searchPage(q, params) {
    title(q ? 'بحث: ' + q : 'بحث');
    document.getElementById('q').value = q;
    const list = el('ol', { class: 'hits', id: 'hits' });
    const path = 'search' + query(params, ['type', 'from', 'to', 'outlet'], q ? { q } : {});
    const paged = pages(list, path, (h) => el('li', {},
      el('a', { href: h.field === 'title' ? docLink(h.id) : docLink(h.id, h.start + 0, h.end + 0) }, docTitle(h)),
      el('span', { class: 'muted' }, ' · ', outletLink(h.outlet), ' · ', date(h.published)),
      highlighted(h.snippet, h.highlights)));
    const first = await paged.load();
    // The total is shown when the search answers it.
    const total = typeof first.total === 'number' ? first.total : (typeof first.count === 'number' ? first.count : null);
    show(el('h1', {}, 'نتائج البحث: ', iso(q || EVENT_TYPES[params.get('type')] || '')),
      total !== null ? el('p', { class: 'muted', id: 'hit-count' }, total + ' نتيجة') : null,
      filters('#/search/' + enc(q), params, ['type', 'from', 'to', 'outlet']),
      first.items.length ? list : el('p', { class: 'muted', id: 'hits' }, 'لا نتائج.'),
      paged.more);
  }

  function notFound() {
    title('غير موجود');
    show(el('h1', {}, 'غير موجود'), el('p', {}, el('a', { href: '#/' }, 'العودة إلى القصص')));
  }

  // ---- routes: the first part of the address names the page; other scripts add theirs through Marsad.route ----
  const routes = new Map([
    ['', (parts, params) => storiesPage(params)],
    ['story', (parts) => parts[1] ? storyPage(parts[1]) : notFound()],
    ['timeline', (parts, params) => timelinePage(params)],
    ['map', (parts, params) => mapPage(params)],
    ['event', (parts) => parts[1] ? eventPage(parts[1]) : notFound()],
    ['entities', (parts, params) => entitiesPage(params)],
    ['entity', (parts) => parts[1] ? entityPage(parts[1]) : notFound()],
    ['outlet', (parts, params) => parts[1] ? outletPage(parts.slice(1).join('/'), params) : notFound()],
    ['doc', (parts, params) => parts[1] ? documentPage(parts.slice(1).join('/'), params) : notFound()],
    ['search', (parts, params) => searchPage(parts.slice(1).join('/'), params)],
  ]);

  async function route() {
    const hash = location.hash || '#/';
    const [path, q] = hash.slice(1).split('?');
    const params = new URLSearchParams(q || '');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    document.body.dataset.ready = 'false';
    for (const a of document.querySelectorAll('.top nav a')) {
      const target = (a.getAttribute('href') || '').slice(2).split('?')[0];
      if (a.getAttribute('href').startsWith('#/') && target === (parts[0] || '')) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    try {
      const page = routes.get(parts[0] || '');
      if (page) await page(parts, params);
      else if (window.MarsadRoutes && Object.hasOwn(window.MarsadRoutes, parts[0])) await window.MarsadRoutes[parts[0]](params, parts.slice(1));
      else notFound();
    } catch (err) {
      title('تعذّر التحميل');
      show(el('h1', {}, 'تعذّر التحميل'), el('p', { class: 'muted' }, String(err && err.message)));
    }
    document.body.dataset.ready = 'true';
  }

  document.getElementById('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = document.getElementById('q').value.trim();
    if (q) location.hash = '#/search/' + enc(q);
  });
  // Escape leaves a field (the search box, a filter) or closes an open source text.
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape') return;
    const a = document.activeElement;
    if (a && /^(INPUT|SELECT|TEXTAREA)$/.test(a.tagName)) a.blur();
    for (const d of document.querySelectorAll('#sources details[open]')) d.open = false;
  });
  window.addEventListener('hashchange', route);

  // The helpers and route registry other scripts (e.g. monitor.js, loaded after this one) build their pages with:
  // Marsad.route('alerts', async (parts, params) => { Marsad.title('…'); Marsad.show(…); }, 'التنبيهات') adds the page
  // #/alerts and a link to it in the top bar; await Marsad.leaflet() / Marsad.charts() before using L / Chart. The first page is drawn once every deferred script has run.
  window.Marsad = Object.freeze({
    el, append, api, pages, filters, show, title, quote, date, iso, docLink, query, highlighted, EVENT_TYPES, charts, leaflet,
    route(name, page, navLabel) {
      if (!/^[a-z][a-z0-9-]*$/.test(name) || routes.has(name)) throw new Error('route: ' + name + ' is taken or not a name');
      routes.set(name, page);
      if (navLabel) document.querySelector('.top nav').insertBefore(el('a', { href: '#/' + name }, navLabel), document.querySelector('.top nav a[href^="/api/"]'));
      if ((location.hash || '#/').slice(2).split(/[/?]/)[0] === name && document.readyState === 'complete') route();
    },
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', route);
  else route();
})();
