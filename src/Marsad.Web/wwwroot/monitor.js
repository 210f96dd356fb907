// Marsad dashboard: alerts, watchlists and the watched sources' health (#/alerts, #/watchlists, #/sources). Registers its pages in window.MarsadRoutes, which
// app.js's router calls; it keeps app.js's rules: article text reaches the page only through text nodes (never
// innerHTML), links are built from ids, and lists are read a page at a time ({ items, next }).
'use strict';

(function () {
  const EVENT_TYPES = { attack: 'هجوم', airstrike: 'غارة جوية', talks: 'محادثات', threat: 'تهديد', demand: 'مطالبة', decision: 'قرار', message: 'رسالة', statement: 'تصريح' };
  const KINDS = { event: 'حدث', document: 'خبر', discrepancy: 'تباين بين المصادر' };
  const enc = encodeURIComponent;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'href') node.setAttribute('href', /^(#\/|\/api\/|\/feeds\/)/.test(String(v)) ? String(v) : '#');
      else if (k === 'checked') node.checked = true;
      else if (/^(id|title|lang|dir|role|aria-label|type|name|value|placeholder|for|min|max|step|rows|data-label)$/.test(k)) node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function title(text) {
    document.title = text + ' — مرصد';
  }

  function show(...nodes) {
    const main = document.getElementById('main');
    main.replaceChildren(...nodes.flat().filter(Boolean));
  }

  async function call(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const r = await fetch('/api/' + path, init);
    const text = await r.text();
    if (!r.ok) throw new Error(text ? text.replace(/^"|"$/g, '') : 'HTTP ' + r.status);
    return text ? JSON.parse(text) : null;
  }

  const list = (v) => String(v || '').split(/[,،\n]/).map((s) => s.trim()).filter(Boolean);

  function alertCard(a) {
    return el('li', { class: 'card alert' },
      el('h3', {}, a.title),
      el('div', {},
        el('span', { class: 'badge' + (a.kind === 'discrepancy' ? ' warn' : '') }, KINDS[a.kind] || a.kind),
        el('span', { class: 'badge' }, a.watchlist.name),
        el('span', { class: 'muted ltr' }, a.updated)),
      el('blockquote', {}, a.quote),
      a.story ? el('div', {}, 'القصة: ', el('a', { href: '#/story/' + enc(a.story.id) }, a.story.name || a.story.id)) : null,
      el('details', {}, el('summary', {}, 'المصادر (' + a.sources.length + ')'),
        el('ul', { class: 'alert-sources' }, a.sources.map((s) => el('li', {},
          el('a', { href: '#/doc/' + enc(s.document) + (a.story ? '?story=' + enc(a.story.id) : '') }, s.outlet || s.document),
          s.published ? el('span', { class: 'muted' }, ' · ', s.published) : null,
          el('div', { class: 'muted' }, s.quote))))));
  }

  async function alertsPage(params) {
    title('التنبيهات');
    const watchlists = (await call('GET', 'watchlists')).items;
    const which = params.get('watchlist') || '';
    const select = el('select', { name: 'watchlist', 'aria-label': 'قائمة المتابعة' },
      el('option', { value: '' }, 'كل قوائم المتابعة'),
      watchlists.map((w) => { const o = el('option', { value: w.id }, w.name); o.selected = w.id === which; return o; }));
    select.addEventListener('change', () => { location.hash = '#/alerts' + (select.value ? '?watchlist=' + enc(select.value) : ''); });
    const current = watchlists.find((w) => w.id === which);
    const cards = el('ul', { class: 'cards alerts' });
    const more = el('button', { type: 'button', class: 'more' }, 'تحميل المزيد');
    let next = null;
    async function load() {
      more.disabled = true;
      const q = new URLSearchParams();
      if (which) q.set('watchlist', which);
      if (next) q.set('cursor', next);
      const page = await call('GET', 'alerts' + (q.toString() ? '?' + q : ''));
      cards.append(...page.items.map(alertCard));
      next = page.next;
      more.hidden = !next;
      more.disabled = false;
      return page;
    }
    more.addEventListener('click', () => load().catch((err) => cards.append(el('li', { class: 'muted' }, String(err.message)))));
    const first = await load();
    show(el('h1', {}, 'التنبيهات'),
      el('div', { class: 'filters' }, select, el('a', { href: '#/watchlists' }, 'إدارة قوائم المتابعة'),
        current ? el('a', { href: current.feed, title: 'Atom' }, 'تغذية Atom') : null),
      first.items.length ? null : el('p', { class: 'muted' }, watchlists.length ? 'لا تنبيهات بعد.' : 'لا قوائم متابعة بعد: أضف واحدة لتصلك التنبيهات.'),
      cards, more);
  }

  function criteria(w) {
    const rows = [];
    if (w.actors.length) rows.push(['الفاعلون', w.actors.map((a) => a.name).join('، ')]);
    if (w.places.length) rows.push(['الأماكن', w.places.map((p) => p.name + (p.radiusKm ? ' (' + p.radiusKm + ' كم)' : '')).join('، ')]);
    if (w.types.length) rows.push(['الأنواع', w.types.map((t) => EVENT_TYPES[t] || t).join('، ')]);
    if (w.keywords.length) rows.push(['الكلمات', w.keywords.join('، ')]);
    if (w.discrepancies) rows.push(['التباين', w.stories.length ? w.stories.join('، ') : 'كل القصص المطابقة']);
    if (w.webhook) rows.push(['Webhook', w.webhook]);
    return el('dl', { class: 'criteria' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  }

  function watchlistCard(w) {
    const remove = el('button', { type: 'button' }, 'حذف');
    remove.addEventListener('click', async () => {
      if (!window.confirm('حذف قائمة المتابعة «' + w.name + '» وتنبيهاتها؟')) return;
      remove.disabled = true;
      try { await call('DELETE', 'watchlists/' + enc(w.id)); await route(); } catch (err) { remove.after(el('span', { class: 'error' }, err.message)); }
    });
    return el('li', { class: 'card' },
      el('h3', {}, el('a', { href: '#/alerts?watchlist=' + enc(w.id) }, w.name)),
      el('div', {}, el('span', { class: 'badge' }, w.alerts + ' تنبيه'), el('a', { href: w.feed }, 'تغذية Atom'), ' ', remove),
      criteria(w));
  }

  function addForm() {
    const field = (label, input) => el('label', {}, el('span', {}, label), input);
    const types = Object.entries(EVENT_TYPES).map(([k, v]) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'type', value: k }), v));
    const form = el('form', { class: 'watchlist-form' },
      field('الاسم', el('input', { name: 'name', placeholder: 'مثلاً: قواعد الأنبار' })),
      field('الفاعلون (مفصولة بفواصل)', el('input', { name: 'actors', placeholder: 'كتائب حزب الله، المقاومة الإسلامية في العراق' })),
      field('الأماكن', el('input', { name: 'places', placeholder: 'قاعدة عين الأسد، الأنبار' })),
      field('نصف القطر (كم، اختياري)', el('input', { name: 'radius', type: 'number', min: '1', max: '2000', step: 'any' })),
      el('fieldset', {}, el('legend', {}, 'أنواع الأحداث'), types),
      field('كلمات', el('input', { name: 'keywords', placeholder: 'الانسحاب' })),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'discrepancies' }), 'تباين جديد بين المصادر'),
      field('قصص متابعة (للتباين)', el('input', { name: 'stories' })),
      field('Webhook (اختياري)', el('input', { name: 'webhook', type: 'url', dir: 'ltr' })),
      el('button', { type: 'submit' }, 'إضافة'));
    const note = el('p', { class: 'muted', role: 'status' });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = new FormData(form);
      const radius = parseFloat(f.get('radius'));
      const body = {
        name: f.get('name') || null, actors: list(f.get('actors')), places: list(f.get('places')),
        radiusKm: Number.isFinite(radius) ? radius : null, types: f.getAll('type'), keywords: list(f.get('keywords')),
        discrepancies: f.get('discrepancies') === 'on', stories: list(f.get('stories')), webhook: f.get('webhook') || null,
      };
      note.className = 'muted';
      try {
        const w = await call('POST', 'watchlists', body);
        await route();
        if (w.secret) document.getElementById('main').append(el('p', { class: 'secret' }, 'سر توقيع الـ Webhook (يظهر مرة واحدة): ', el('code', { class: 'ltr' }, w.secret)));
      } catch (err) {
        note.className = 'error';
        note.textContent = err.message;
      }
    });
    return [form, note];
  }

  async function watchlistsPage() {
    title('قوائم المتابعة');
    const watchlists = (await call('GET', 'watchlists')).items;
    show(el('h1', {}, 'قوائم المتابعة'),
      el('p', { class: 'muted' }, 'يُرفع تنبيه مرة واحدة لكل حدث أو قصة تطابق القائمة، ويُحدَّث بالمصادر الجديدة. المعايير المختلفة تجتمع (و)، وقيم المعيار الواحد بدائل (أو).'),
      el('ul', { class: 'cards' }, watchlists.map(watchlistCard)),
      el('h2', {}, 'قائمة جديدة'), addForm());
  }

  const STATUS = { ok: 'سليم', 'not-modified': 'لم يتغيّر', failed: 'فشل', interrupted: 'انقطع', never: 'لم يُجلب بعد' };
  const when = (t) => t ? el('bdi', { dir: 'ltr' }, String(t).replace('T', ' ').replace(/\.\d+Z$/, 'Z')) : '—';

  // What `marsad watch` keeps of each source: the last poll, what it brought, the failures in a row and when it is
  // polled next. A failing source is marked, the others read as usual.
  async function sourcesPage() {
    title('المصادر المتابَعة');
    const rows = el('tbody');
    const more = el('button', { type: 'button', class: 'more' }, 'تحميل المزيد');
    let next = null;
    async function load() {
      more.disabled = true;
      const page = await call('GET', 'sources' + (next ? '?cursor=' + enc(next) : ''));
      rows.append(...page.items.map((x) => el('tr', { class: x.failing ? 'failing' : null },
        el('td', { 'data-label': 'المصدر' }, el('bdi', { dir: 'ltr' }, x.id)),
        el('td', { 'data-label': 'الحالة' }, el('span', { class: 'badge' + (x.failing ? ' warn' : '') }, STATUS[x.status] || x.status)),
        el('td', { 'data-label': 'آخر جلب' }, when(x.lastFetch)),
        el('td', { 'data-label': 'جديد' }, x.newItems, ' / ', x.totalItems),
        el('td', { 'data-label': 'أخطاء' }, x.errors, x.failuresInARow ? ' (' + x.failuresInARow + ' متتالية)' : ''),
        el('td', { 'data-label': 'آخر خطأ' }, x.lastError ? el('bdi', { dir: 'auto' }, x.lastError) : '—'),
        el('td', { 'data-label': 'الجلب التالي' }, when(x.nextPoll)))));
      next = page.next;
      more.hidden = !next;
      more.disabled = false;
      return page;
    }
    more.addEventListener('click', () => load().catch((err) => rows.append(el('tr', {}, el('td', {}, String(err.message))))));
    const first = await load();
    show(el('h1', {}, 'المصادر المتابَعة'),
      el('p', { class: 'muted' }, 'ما يراقبه «marsad watch»: آخر جلب لكل مصدر، وما جاء به من أخبار، وأخطاؤه، وموعد جلبه التالي.'),
      first.items.length
        ? el('table', { id: 'sources', class: 'stack' },
          el('thead', {}, el('tr', {}, ['المصدر', 'الحالة', 'آخر جلب', 'جديد / الكل', 'أخطاء', 'آخر خطأ', 'الجلب التالي'].map((h) => el('th', {}, h)))),
          rows)
        : el('p', { class: 'muted' }, 'لا مصادر متابَعة بعد: شغّل «marsad watch SOURCES».'),
      more);
  }

  function route() {
    return window.dispatchEvent(new HashChangeEvent('hashchange'));
  }

  window.MarsadRoutes = Object.assign(window.MarsadRoutes || {}, { alerts: alertsPage, watchlists: watchlistsPage, sources: sourcesPage });
})();
