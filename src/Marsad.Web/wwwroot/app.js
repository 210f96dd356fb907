// Marsad dashboard. Article content is untrusted: every value reaches the page through textContent or DOM
// properties (never innerHTML), links are built only from ids, and Leaflet popups get DOM nodes, not HTML strings.
// Lists come from the API a page at a time ({ items, next }): a "load more" button asks for the next page, and the
// filter forms put their values in the address (#/route?from=…) so a filtered view can be linked and reloaded.
'use strict';

(function () {
  const main = document.getElementById('main');

  const EVENT_TYPES = { attack: 'هجوم', airstrike: 'غارة جوية', talks: 'محادثات', threat: 'تهديد', demand: 'مطالبة', decision: 'قرار', message: 'رسالة', statement: 'تصريح' };
  const DISCREPANCY_KINDS = { quantity: 'تباين في الأعداد', date: 'تباين في التاريخ', weekday: 'يوم لا يطابق التاريخ' };
  const ENTITY_TYPES = { PER: 'شخص', ORG: 'منظمة', GPE: 'كيان جغرافي سياسي', LOC: 'مكان', FAC: 'منشأة', MISC: 'أخرى' };
  const FROM = { metadata: 'من بيانات الصفحة', text: 'من النص', story: 'من القصة', none: 'بلا تاريخ' };

  // Builds an element; strings become text nodes, attributes are set as properties or with setAttribute for safe names.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'href') node.setAttribute('href', safeHref(v));
      else if (k === 'text') node.textContent = v;
      else if (/^(id|title|lang|dir|datetime|colspan|role|aria-label|type|name|value|placeholder|for|data-[a-z-]+)$/.test(k)) node.setAttribute(k, String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat()) {
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

  const enc = encodeURIComponent;
  const docLink = (id, start, end, story) => '#/doc/' + enc(id) + '?' + new URLSearchParams(Object.assign(
    start !== undefined && end > start ? { hl: start + '-' + end } : {}, story ? { story } : {})).toString();
  const date = (d) => d ? el('span', { class: 'ltr' }, d) : el('span', { class: 'muted' }, 'بلا تاريخ');

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
    country: () => el('input', { type: 'text', name: 'country', placeholder: 'الدولة (IQ)', 'aria-label': 'رمز الدولة' }),
    type: () => el('select', { name: 'type', 'aria-label': 'نوع الحدث' }, el('option', { value: '' }, 'كل الأحداث'),
      Object.entries(EVENT_TYPES).map(([k, v]) => el('option', { value: k }, v))),
    entityType: () => el('select', { name: 'type', 'aria-label': 'نوع الكيان' }, el('option', { value: '' }, 'كل الأنواع'),
      Object.entries(ENTITY_TYPES).map(([k, v]) => el('option', { value: k }, v))),
  };
  function filters(route, params, names, keep) {
    const inputs = names.map((n) => FIELDS[n]());
    for (const i of inputs) i.value = params.get(i.name) || '';
    const form = el('form', { class: 'filters', id: 'filters' }, inputs, el('button', { type: 'submit' }, 'تصفية'));
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

  function show(...nodes) {
    main.replaceChildren(...nodes.flat().filter(Boolean));
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
    const out = el('div', { class: 'text' });
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
      : el('div', { class: 'text' }, s);
    return el('blockquote', {}, body,
      el('a', { href: docLink(q.doc, q.start, q.end), class: 'source-link' }, '— ', q.outlet || 'مصدر', ': ', q.title || q.doc));
  }

  // ---- the offline base map ----
  let countries = null;
  function baseMap() {
    countries = countries || fetch('/vendor/world-atlas/countries-50m.json').then((r) => r.json())
      .then((topo) => topojson.feature(topo, topo.objects.countries));
    return countries;
  }

  // A map of markers; add(markers) puts more on it (the next page of a paged list).
  async function eventMap(container, markers) {
    const map = L.map(container, { attributionControl: false, fadeAnimation: false, worldCopyJump: true, minZoom: 2, maxZoom: 10 });
    map.setView([31, 40], 4);
    const geo = await baseMap();
    L.geoJSON(geo, { style: { color: '#8a8f98', weight: 0.6, fillColor: '#f3efe6', fillOpacity: 1 }, interactive: false }).addTo(map);
    const points = [];
    function add(list) {
      for (const m of list) {
        const isEvent = m.kind === 'event';
        const marker = L.circleMarker([m.lat, m.lon], {
          radius: isEvent ? 9 : 6, color: isEvent ? '#b42318' : '#0b5d7a', weight: 2, fillOpacity: 0.6,
          className: 'marker-' + m.kind,
        }).addTo(map);
        const popup = el('div', { class: 'popup' },
          el('strong', {}, isEvent ? (EVENT_TYPES[m.eventType] || m.eventType) + ' — ' : '', m.label),
          m.date ? el('div', {}, date(m.date)) : null,
          m.kind === 'place' ? el('div', {}, el('a', { href: '#/entity/' + enc(m.id) }, 'صفحة الكيان')) : null,
          m.quotes.map(quote));
        marker.bindPopup(popup, { maxWidth: 360 });
        points.push([m.lat, m.lon]);
      }
      if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 7 });
      container.dataset.markers = String(points.length);
    }
    add(markers);
    container.dataset.ready = 'true';
    return { map, add };
  }

  // ---- pages ----
  async function storiesPage(params) {
    const stats = await api('stats');
    if (!stats.documents) {
      return show(el('h1', {}, 'القصص'), el('p', { class: 'muted' }, 'لا توجد وثائق في المخزن بعد. حلّل مقالات أولًا: marsad analyze المجلد --db الملف'));
    }
    const list = el('ul', { class: 'cards', id: 'stories' });
    const paged = pages(list, 'stories' + query(params, ['from', 'to', 'outlet']), (s) => el('li', { class: 'card story' },
      el('h3', {}, el('a', { href: '#/story/' + enc(s.id) }, s.title)),
      el('div', {}, date(s.first), s.last && s.last !== s.first ? [' — ', date(s.last)] : null),
      el('div', {},
        el('span', { class: 'badge' }, s.documents + ' وثيقة'),
        el('span', { class: 'badge' }, s.outlets + ' مصدر'),
        s.discrepancies ? el('span', { class: 'badge warn' }, s.discrepancies + ' تباين') : null,
        s.events ? el('span', { class: 'badge' }, s.events + ' حدث') : null)));
    const first = await paged.load();
    show(el('h1', {}, 'القصص'),
      el('p', { class: 'muted' }, `${stats.documents} وثيقة، ${stats.stories} قصة، ${stats.events} حدثًا، ${stats.entities} كيانًا، ${stats.discrepancies} تباينًا`),
      filters('#/', params, ['from', 'to', 'outlet']),
      first.items.length ? list : el('p', { class: 'muted' }, 'لا قصص في هذا النطاق.'),
      paged.more);
  }

  async function storyPage(id) {
    const s = await api('stories/' + enc(id));
    if (!s) return notFound();
    const sid = s.story.id;
    const map = el('div', { class: 'map small', id: 'story-map' });
    const sources = el('div', { class: 'sources', id: 'sources' }, s.sources.map((src) => el('article', { class: 'source' },
      el('h3', {}, el('a', { href: docLink(src.document.id, undefined, undefined, sid) }, src.document.title || src.document.id)),
      el('div', { class: 'muted' }, src.document.outlet || 'مصدر غير معروف', ' · ', date(src.document.published)),
      highlighted(src.text, src.highlights))));
    // The story's other documents, beyond those shown side by side: listed by headline, page by page.
    const shown = new Set(s.sources.map((x) => x.document.id));
    const others = el('ul', { id: 'more-sources' });
    const moreSources = pages(others, 'documents?story=' + enc(sid), (d) => shown.has(d.id) ? null : el('li', {},
      el('a', { href: docLink(d.id, undefined, undefined, sid) }, d.title || d.id), ' · ', d.outlet || '', ' · ', date(d.published)));
    if (s.moreSources) await moreSources.load();
    const timeline = el('ol', { class: 'timeline', id: 'timeline' }, s.timeline.map(timelineItem));
    const discrepancies = s.discrepancies.length
      ? el('table', { id: 'discrepancies' },
        el('thead', {}, el('tr', {}, el('th', {}, 'النوع'), el('th', {}, 'الموضوع'), el('th', {}, 'ما يقوله كل مصدر'))),
        el('tbody', {}, s.discrepancies.map((d) => el('tr', { class: 'discrepancy' },
          el('td', {}, DISCREPANCY_KINDS[d.kind] || d.kind), el('td', {}, d.subject),
          el('td', {}, d.claims.map((c) => el('div', {},
            el('strong', {}, c.outlet || c.doc), ': ', el('mark', { class: 'discrepancy-' + d.kind, dir: 'auto' }, c.value), ' — ',
            el('a', { href: docLink(c.doc, c.start, c.end, sid) }, c.text))))))))
      : el('p', { class: 'muted', id: 'discrepancies' }, 'لا تباين بين المصادر.');
    const framing = s.framing.length
      ? el('table', { id: 'framing' },
        el('thead', {}, el('tr', {}, ['المصدر', 'الفاعل', 'التسمية', 'الإطار', 'مرات', 'وثائق'].map((h) => el('th', {}, h)))),
        el('tbody', {}, s.framing.map((r) => el('tr', {}, [r.outlet, r.actor, r.term, r.frame, r.mentions, r.documents].map((v) => el('td', {}, v))))))
      : el('p', { class: 'muted', id: 'framing' }, 'لا تسميات مقارنة لهذه القصة.');
    const events = el('ul', { id: 'events' }, s.events.map(eventItem));
    const moreEvents = pages(events, 'events?story=' + enc(sid), eventItem, null, s.moreEvents);
    show(el('h1', {}, s.story.title),
      el('p', { class: 'muted' }, date(s.story.first), ' — ', date(s.story.last), ' · ', s.story.documents + ' وثيقة من ' + s.story.outlets + ' مصدر'),
      el('h2', {}, 'المصادر جنبًا إلى جنب'), sources,
      s.moreSources ? [el('h2', {}, 'وثائق أخرى في القصة'), others, moreSources.more] : null,
      el('h2', {}, 'التباينات'), discrepancies,
      el('h2', {}, 'الخط الزمني'), timeline,
      el('h2', {}, 'خريطة الأحداث'), map,
      s.events.length ? [el('h2', {}, 'الأحداث'), events, moreEvents.more] : null,
      el('h2', {}, 'جدول التأطير'), framing,
      el('p', {}, el('a', { href: '/api/export/timeline.csv?story=' + enc(sid) }, 'تنزيل الخط الزمني CSV')));
    const markers = await api('map?limit=1000&story=' + enc(sid));
    await eventMap(map, markers.items);
  }

  function timelineItem(t) {
    return el('li', { class: t.kind },
      el('time', { datetime: t.date || null }, t.date || 'بلا تاريخ'),
      t.kind === 'event' ? el('span', { class: 'badge warn' }, EVENT_TYPES[t.eventType] || t.eventType || 'حدث') : el('span', { class: 'badge' }, 'نشر'),
      t.doc ? el('a', { href: docLink(t.doc, undefined, undefined, t.story) }, t.label || t.doc) : t.label,
      t.outlet ? el('span', { class: 'muted' }, ' · ', t.outlet) : null,
      t.kind === 'event' && t.story ? el('span', { class: 'muted' }, ' · ', el('a', { href: '#/story/' + enc(t.story) }, 'القصة')) : null,
      t.quote ? el('blockquote', {}, t.quote) : null);
  }

  function eventItem(e) {
    return el('li', { class: 'event' },
      el('strong', {}, EVENT_TYPES[e.type] || e.type), ' ', date(e.date),
      e.place ? [' · ', el('a', { href: '#/entity/' + enc(e.place.id) }, e.place.name)] : null,
      e.actors.length ? [' · الفاعل: ', e.actors.map((a) => el('a', { href: '#/entity/' + enc(a.id) }, a.name + ' '))] : null,
      e.targets.length ? [' · الهدف: ', e.targets.map((a) => el('a', { href: '#/entity/' + enc(a.id) }, a.name + ' '))] : null,
      e.mentionCount > e.mentions.length ? el('span', { class: 'muted' }, ` · ${e.mentionCount} إشارة`) : null,
      e.mentions.map(quote));
  }

  const EVENT_FILTERS = ['from', 'to', 'type', 'country', 'outlet'];

  async function timelinePage(params) {
    const list = el('ol', { class: 'timeline', id: 'timeline' });
    // kind=document lists the documents' publications instead of the events.
    const paged = pages(list, 'timeline' + query(params, EVENT_FILTERS.concat(['kind']), { limit: 100 }), timelineItem);
    const first = await paged.load();
    show(el('h1', {}, 'الخط الزمني للأحداث'),
      el('p', { class: 'muted' }, 'الأحدث أولًا. ', el('a', { href: '/api/export/timeline.csv' + query(params, EVENT_FILTERS) }, 'تنزيل CSV')),
      filters('#/timeline', params, EVENT_FILTERS, { kind: params.get('kind') }),
      first.items.length ? list : el('p', { class: 'muted' }, 'لا أحداث في هذا النطاق.'),
      paged.more);
  }

  async function mapPage(params) {
    const container = el('div', { class: 'map', id: 'event-map' });
    const count = el('span', { id: 'marker-count' });
    let map = null;
    const paged = pages(el('div'), 'map' + query(params, EVENT_FILTERS, { limit: 500 }), () => null, async (items) => {
      if (map) map.add(items);
      count.textContent = container.dataset.markers || '0';
    });
    show(el('h1', {}, 'خريطة الأحداث'),
      el('p', { class: 'muted' }, 'الدوائر أحداث في أماكنها، الأحدث أولًا. انقر دائرة لقراءة الجملة المقتبسة. على الخريطة: ', count, ' ',
        el('a', { href: '/api/export/events.geojson' + query(params, EVENT_FILTERS) }, 'GeoJSON'), ' · ',
        el('a', { href: '/api/export/events.csv' + query(params, EVENT_FILTERS) }, 'CSV')),
      filters('#/map', params, EVENT_FILTERS),
      container, paged.more);
    map = await eventMap(container, []);
    container.dataset.ready = 'false';
    await paged.load();
    container.dataset.ready = 'true';
  }

  async function entitiesPage(params) {
    const body = el('tbody', {});
    const paged = pages(body, 'entities' + query(params, ['type'], { limit: 100 }), (e) => el('tr', {},
      el('td', {}, el('a', { href: '#/entity/' + enc(e.id) }, e.name)), el('td', {}, ENTITY_TYPES[e.type] || e.type),
      el('td', { dir: 'ltr' }, e.nameEn || ''), el('td', {}, e.mentions), el('td', {}, e.documents)));
    const first = await paged.load();
    show(el('h1', {}, 'الكيانات'),
      filters('#/entities', params, ['entityType']),
      first.items.length
        ? el('table', { id: 'entities' },
          el('thead', {}, el('tr', {}, ['الاسم', 'النوع', 'بالإنجليزية', 'ذكر', 'وثائق'].map((h) => el('th', {}, h)))), body)
        : el('p', { class: 'muted' }, 'لا كيانات بعد.'),
      paged.more);
  }

  async function entityPage(id) {
    const d = await api('entities/' + enc(id));
    if (!d) return notFound();
    const e = d.entity;
    const map = e.lat !== null && e.lon !== null ? el('div', { class: 'map small', id: 'entity-map' }) : null;
    const mentions = el('div', { id: 'mentions' }, d.mentions.map(quote));
    const events = el('ul', { id: 'entity-events' }, d.events.map(eventItem));
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
    show(el('h1', {}, e.name),
      el('p', {}, el('span', { class: 'badge' }, ENTITY_TYPES[e.type] || e.type), e.nameEn ? el('span', { class: 'ltr' }, e.nameEn) : null,
        e.country ? [' · ', el('span', { class: 'ltr' }, e.country)] : null),
      e.aliases.length ? el('p', { class: 'muted' }, 'أسماء أخرى: ', e.aliases.join('، ')) : null,
      map,
      d.events.length ? [el('h2', {}, 'الأحداث'), events, more(events, d.moreEvents, 'events?actor=' + enc(e.id) + '&', null, eventItem)] : null,
      el('h2', {}, `الإشارات (${e.mentions} في ${e.documents} وثيقة)`),
      mentions, more(mentions, d.moreMentions, 'entities/' + enc(e.id) + '?', 'mentions', quote));
    if (map) await eventMap(map, [{ kind: 'place', id: e.id, eventType: null, label: e.name, lat: e.lat, lon: e.lon, date: null, stories: [], quotes: d.mentions.slice(0, 5) }]);
  }

  async function documentPage(id, params) {
    const story = params.get('story');
    const d = await api('documents/' + enc(id) + (story ? '?story=' + enc(story) : ''));
    if (!d) return notFound();
    const m = /^(\d+)-(\d+)$/.exec(params.get('hl') || '');
    const focus = m ? { start: Number(m[1]), end: Number(m[2]) } : null;
    const kinds = [['time', 'زمن'], ['entity-PER', 'شخص'], ['entity-ORG', 'منظمة'], ['entity-GPE', 'مكان'], ['quantity', 'كمية'], ['event', 'حدث']];
    show(el('h1', {}, d.document.title || d.document.id),
      el('p', { class: 'muted' }, d.document.outlet || 'مصدر غير معروف', ' · ', date(d.document.published), ' (', FROM[d.document.publishedFrom] || '', ')',
        d.document.story ? [' · ', el('a', { href: '#/story/' + enc(d.document.story) }, 'القصة')] : null),
      el('p', { class: 'legend' }, kinds.map(([k, label]) => el('mark', { class: k }, label))),
      el('article', { id: 'document', class: 'source' }, highlighted(d.text, d.annotations, focus)));
    const f = document.getElementById('focus');
    if (f) f.scrollIntoView({ block: 'center' });
  }

  async function searchPage(q, params) {
    document.getElementById('q').value = q;
    const list = el('ol', { class: 'hits', id: 'hits' });
    const path = 'search' + query(params, ['type', 'from', 'to', 'outlet'], q ? { q } : {});
    const paged = pages(list, path, (h) => el('li', {},
      el('a', { href: h.field === 'title' ? docLink(h.id) : docLink(h.id, h.start + 0, h.end + 0) }, h.title || h.id),
      el('span', { class: 'muted' }, ' · ', h.outlet || '', h.published ? [' · ', date(h.published)] : null),
      highlighted(h.snippet, h.highlights)));
    const first = await paged.load();
    show(el('h1', {}, 'نتائج البحث: ', q || EVENT_TYPES[params.get('type')] || ''),
      filters('#/search/' + enc(q), params, ['type', 'from', 'to', 'outlet']),
      first.items.length ? list : el('p', { class: 'muted', id: 'hits' }, 'لا نتائج.'),
      paged.more);
  }

  function notFound() {
    show(el('h1', {}, 'غير موجود'), el('p', {}, el('a', { href: '#/' }, 'العودة إلى القصص')));
  }

  async function route() {
    const hash = location.hash || '#/';
    const [path, query] = hash.slice(1).split('?');
    const params = new URLSearchParams(query || '');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    document.body.dataset.ready = 'false';
    try {
      if (parts.length === 0) await storiesPage(params);
      else if (parts[0] === 'story' && parts[1]) await storyPage(parts[1]);
      else if (parts[0] === 'timeline') await timelinePage(params);
      else if (parts[0] === 'map') await mapPage(params);
      else if (parts[0] === 'entities') await entitiesPage(params);
      else if (parts[0] === 'entity' && parts[1]) await entityPage(parts[1]);
      else if (parts[0] === 'doc' && parts[1]) await documentPage(parts[1], params);
      else if (parts[0] === 'search') await searchPage(parts.slice(1).join('/'), params);
      else if (window.MarsadRoutes && Object.hasOwn(window.MarsadRoutes, parts[0])) await window.MarsadRoutes[parts[0]](params, parts.slice(1));
      else notFound();
    } catch (err) {
      show(el('h1', {}, 'تعذّر التحميل'), el('p', { class: 'muted' }, String(err && err.message)));
    }
    document.body.dataset.ready = 'true';
  }

  document.getElementById('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = document.getElementById('q').value.trim();
    if (q) location.hash = '#/search/' + enc(q);
  });
  window.addEventListener('hashchange', route);
  route();
})();
