// Marsad dashboard. Article content is untrusted: every value reaches the page through textContent or DOM
// properties (never innerHTML), links are built only from ids, and Leaflet popups get DOM nodes, not HTML strings.
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
      else if (/^(id|title|lang|dir|datetime|colspan|role|aria-label|data-[a-z-]+)$/.test(k)) node.setAttribute(k, String(v));
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
  const docLink = (id, start, end) => '#/doc/' + enc(id) + (start !== undefined && end > start ? '?hl=' + start + '-' + end : '');
  const date = (d) => d ? el('span', { class: 'ltr' }, d) : el('span', { class: 'muted' }, 'بلا تاريخ');

  async function api(path) {
    const r = await fetch('/api/' + path, { headers: { Accept: 'application/json' } });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
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

  async function eventMap(container, markers) {
    const map = L.map(container, { attributionControl: false, fadeAnimation: false, worldCopyJump: true, minZoom: 2, maxZoom: 10 });
    map.setView([31, 40], 4);
    const geo = await baseMap();
    L.geoJSON(geo, { style: { color: '#8a8f98', weight: 0.6, fillColor: '#f3efe6', fillOpacity: 1 }, interactive: false }).addTo(map);
    const points = [];
    for (const m of markers) {
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
    container.dataset.ready = 'true';
    return map;
  }

  // ---- pages ----
  async function storiesPage() {
    const [stats, stories] = await Promise.all([api('stats'), api('stories')]);
    if (!stories.length) {
      return show(el('h1', {}, 'القصص'), el('p', { class: 'muted' }, 'لا توجد وثائق في المخزن بعد. حلّل مقالات أولًا: marsad analyze المجلد --db الملف'));
    }
    const list = el('ul', { class: 'cards', id: 'stories' }, stories.map((s) => el('li', { class: 'card story' },
      el('h3', {}, el('a', { href: '#/story/' + enc(s.id) }, s.title)),
      el('div', {}, date(s.first), s.last && s.last !== s.first ? [' — ', date(s.last)] : null),
      el('div', {},
        el('span', { class: 'badge' }, s.documents.length + ' مصدر'),
        s.discrepancies ? el('span', { class: 'badge warn' }, s.discrepancies + ' تباين') : null,
        s.events ? el('span', { class: 'badge' }, s.events + ' حدث') : null),
      el('div', { class: 'muted' }, s.outlets.join('، ')))));
    show(el('h1', {}, 'القصص'),
      el('p', { class: 'muted' }, `${stats.documents} وثيقة، ${stats.stories} قصة، ${stats.events} حدثًا، ${stats.entities} كيانًا، ${stats.discrepancies} تباينًا`),
      list);
  }

  async function storyPage(id) {
    const s = await api('stories/' + enc(id));
    if (!s) return notFound();
    const map = el('div', { class: 'map small', id: 'story-map' });
    const sources = el('div', { class: 'sources', id: 'sources' }, s.sources.map((src) => el('article', { class: 'source' },
      el('h3', {}, el('a', { href: docLink(src.document.id) }, src.document.title || src.document.id)),
      el('div', { class: 'muted' }, src.document.outlet || 'مصدر غير معروف', ' · ', date(src.document.published)),
      highlighted(src.text, src.highlights))));
    const timeline = el('ol', { class: 'timeline', id: 'timeline' }, s.timeline.map(timelineItem));
    const discrepancies = s.discrepancies.length
      ? el('table', { id: 'discrepancies' },
        el('thead', {}, el('tr', {}, el('th', {}, 'النوع'), el('th', {}, 'الموضوع'), el('th', {}, 'ما يقوله كل مصدر'))),
        el('tbody', {}, s.discrepancies.map((d) => el('tr', { class: 'discrepancy' },
          el('td', {}, DISCREPANCY_KINDS[d.kind] || d.kind), el('td', {}, d.subject),
          el('td', {}, d.claims.map((c) => el('div', {},
            el('strong', {}, c.outlet || c.doc), ': ', el('mark', { class: 'discrepancy-' + d.kind, dir: 'auto' }, c.value), ' — ',
            el('a', { href: docLink(c.doc, c.start, c.end) }, c.text))))))))
      : el('p', { class: 'muted', id: 'discrepancies' }, 'لا تباين بين المصادر.');
    const framing = s.framing.length
      ? el('table', { id: 'framing' },
        el('thead', {}, el('tr', {}, ['المصدر', 'الفاعل', 'التسمية', 'الإطار', 'مرات', 'وثائق'].map((h) => el('th', {}, h)))),
        el('tbody', {}, s.framing.map((r) => el('tr', {}, [r.outlet, r.actor, r.term, r.frame, r.mentions, r.documents].map((v) => el('td', {}, v))))))
      : el('p', { class: 'muted', id: 'framing' }, 'لا تسميات مقارنة لهذه القصة.');
    const events = s.events.length ? el('ul', { id: 'events' }, s.events.map(eventItem)) : null;
    show(el('h1', {}, s.story.title),
      el('p', { class: 'muted' }, date(s.story.first), ' — ', date(s.story.last), ' · ', s.story.outlets.join('، ')),
      el('h2', {}, 'المصادر جنبًا إلى جنب'), sources,
      el('h2', {}, 'التباينات'), discrepancies,
      el('h2', {}, 'الخط الزمني'), timeline,
      el('h2', {}, 'خريطة الأحداث'), map,
      events ? [el('h2', {}, 'الأحداث'), events] : null,
      el('h2', {}, 'جدول التأطير'), framing,
      el('p', {}, el('a', { href: '/api/export/timeline.csv?story=' + enc(s.story.id) }, 'تنزيل الخط الزمني CSV')));
    await eventMap(map, await api('map?story=' + enc(s.story.id)));
  }

  function timelineItem(t) {
    return el('li', { class: t.kind },
      el('time', { datetime: t.date || null }, t.date || 'بلا تاريخ'),
      t.kind === 'event' ? el('span', { class: 'badge warn' }, EVENT_TYPES[t.eventType] || t.eventType || 'حدث') : el('span', { class: 'badge' }, 'نشر'),
      t.doc ? el('a', { href: docLink(t.doc) }, t.label) : t.label,
      t.outlet ? el('span', { class: 'muted' }, ' · ', t.outlet) : null,
      t.quote ? el('blockquote', {}, t.quote) : null);
  }

  function eventItem(e) {
    return el('li', { class: 'event' },
      el('strong', {}, EVENT_TYPES[e.type] || e.type), ' ', date(e.date),
      e.place ? [' · ', el('a', { href: '#/entity/' + enc(e.place.id) }, e.place.name)] : null,
      e.actors.length ? [' · الفاعل: ', e.actors.map((a) => el('a', { href: '#/entity/' + enc(a.id) }, a.name + ' '))] : null,
      e.targets.length ? [' · الهدف: ', e.targets.map((a) => el('a', { href: '#/entity/' + enc(a.id) }, a.name + ' '))] : null,
      e.mentions.slice(0, 3).map(quote));
  }

  async function mapPage() {
    const markers = await api('map');
    const map = el('div', { class: 'map', id: 'event-map' });
    show(el('h1', {}, 'خريطة الأحداث'),
      el('p', { class: 'muted' }, 'الدوائر الحمراء أحداث في أماكنها، والزرقاء أماكن تذكرها المصادر. انقر دائرة لقراءة الجملة المقتبسة.'),
      map);
    await eventMap(map, markers);
  }

  async function entitiesPage() {
    const entities = await api('entities');
    show(el('h1', {}, 'الكيانات'), entities.length
      ? el('table', { id: 'entities' },
        el('thead', {}, el('tr', {}, ['الاسم', 'النوع', 'بالإنجليزية', 'ذكر', 'وثائق'].map((h) => el('th', {}, h)))),
        el('tbody', {}, entities.map((e) => el('tr', {},
          el('td', {}, el('a', { href: '#/entity/' + enc(e.id) }, e.name)), el('td', {}, ENTITY_TYPES[e.type] || e.type),
          el('td', { dir: 'ltr' }, e.nameEn || ''), el('td', {}, e.mentions), el('td', {}, e.documents)))))
      : el('p', { class: 'muted' }, 'لا كيانات بعد.'));
  }

  async function entityPage(id) {
    const d = await api('entities/' + enc(id));
    if (!d) return notFound();
    const e = d.entity;
    const map = e.lat !== null && e.lon !== null ? el('div', { class: 'map small', id: 'entity-map' }) : null;
    show(el('h1', {}, e.name),
      el('p', {}, el('span', { class: 'badge' }, ENTITY_TYPES[e.type] || e.type), e.nameEn ? el('span', { class: 'ltr' }, e.nameEn) : null,
        e.country ? [' · ', el('span', { class: 'ltr' }, e.country)] : null),
      e.aliases.length ? el('p', { class: 'muted' }, 'أسماء أخرى: ', e.aliases.join('، ')) : null,
      map,
      d.events.length ? [el('h2', {}, 'الأحداث'), el('ul', {}, d.events.map(eventItem))] : null,
      el('h2', {}, `الإشارات (${d.mentions.length})`),
      el('div', { id: 'mentions' }, d.mentions.map(quote)));
    if (map) await eventMap(map, [{ kind: 'place', id: e.id, eventType: null, label: e.name, lat: e.lat, lon: e.lon, date: null, stories: [], quotes: d.mentions.slice(0, 5) }]);
  }

  async function documentPage(id, params) {
    const d = await api('documents/' + enc(id));
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

  async function searchPage(q) {
    document.getElementById('q').value = q;
    const hits = await api('search?q=' + enc(q));
    show(el('h1', {}, 'نتائج البحث: ', q),
      hits.length
        ? el('ol', { class: 'hits', id: 'hits' }, hits.map((h) => el('li', {},
          el('a', { href: h.field === 'title' ? docLink(h.document.id) : docLink(h.document.id, h.start + 0, h.end + 0) }, h.document.title || h.document.id),
          el('span', { class: 'muted' }, ' · ', h.document.outlet || ''),
          highlighted(h.snippet, h.highlights))))
        : el('p', { class: 'muted', id: 'hits' }, 'لا نتائج.'));
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
      if (parts.length === 0) await storiesPage();
      else if (parts[0] === 'story' && parts[1]) await storyPage(parts[1]);
      else if (parts[0] === 'map') await mapPage();
      else if (parts[0] === 'entities') await entitiesPage();
      else if (parts[0] === 'entity' && parts[1]) await entityPage(parts[1]);
      else if (parts[0] === 'doc' && parts[1]) await documentPage(parts[1], params);
      else if (parts[0] === 'search') await searchPage(parts.slice(1).join('/'));
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
