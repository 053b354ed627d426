/*
 * Jiguan oversight dashboard: a single page over the oversight query API (CONTRACT.md, oversight-service).
 * No build step and no third-party code: charts are drawn as SVG and HTML here.
 *
 * Token: pasted into the sign-in panel or passed once as #token=<jwt> (the address bar is then cleaned), kept in
 * sessionStorage and sent as a bearer token on every /api call. A 401 brings the sign-in panel back.
 * Safety: every value from the API goes through esc() (the html`` tag escapes all interpolations).
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'jiguan.dashboard.token';
  var LANG_KEY = 'jiguan.dashboard.lang';
  var PREFS_KEY = 'jiguan.dashboard.prefs';
  var I18N = window.JIGUAN_I18N;

  var state = {
    lang: readLang(),
    prefs: readPrefs(),
    seq: 0,
    redraw: null,
    timelineNewestFirst: true,
    committeeNames: {}
  };

  // ---------------------------------------------------------------- text and escaping

  function readLang() {
    try {
      var saved = localStorage.getItem(LANG_KEY);
      return saved === 'en' ? 'en' : 'zh';
    } catch (e) {
      return 'zh';
    }
  }

  function t(key) {
    var dict = I18N[state.lang] || I18N.zh;
    var text = dict[key];
    if (text === undefined) {
      text = I18N.zh[key] !== undefined ? I18N.zh[key] : key;
    }
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d+)\}/g, function (m, i) {
      var v = args[Number(i)];
      return v === undefined || v === null ? '' : String(v);
    });
  }

  /** The label of an enum value in a namespace (report, role, …); the value itself when unknown. */
  function label(ns, value) {
    if (value === null || value === undefined || value === '') {
      return '—';
    }
    var key = ns + '.' + value;
    var dict = I18N[state.lang] || I18N.zh;
    return dict[key] !== undefined ? dict[key] : String(value);
  }

  function esc(value) {
    return String(value).replace(/[&<>"'`]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;'}[c];
    });
  }

  function Raw(s) {
    this.s = s;
  }

  Raw.prototype.toString = function () {
    return this.s;
  };

  function raw(s) {
    return new Raw(s);
  }

  function part(v) {
    if (v === null || v === undefined || v === false) {
      return '';
    }
    if (v instanceof Raw) {
      return v.s;
    }
    if (Array.isArray(v)) {
      return v.map(part).join('');
    }
    return esc(v);
  }

  /** Template tag: interpolated values are escaped unless made with html`` or raw(). */
  function html(strings) {
    var out = strings[0];
    for (var i = 1; i < strings.length; i++) {
      out += part(arguments[i]) + strings[i];
    }
    return new Raw(out);
  }

  function dash(v) {
    return v === null || v === undefined || v === '' ? '—' : v;
  }

  function fmtInstant(iso) {
    if (!iso) {
      return '—';
    }
    var d = new Date(iso);
    if (isNaN(d.getTime())) {
      return iso;
    }
    // Business time is Beijing time whatever the browser's zone.
    var parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', hour12: false
    }).formatToParts(d);
    var p = {};
    parts.forEach(function (x) {
      p[x.type] = x.value;
    });
    return p.year + '-' + p.month + '-' + p.day + ' ' + (p.hour === '24' ? '00' : p.hour) + ':' + p.minute;
  }

  function pct(part, whole) {
    if (!whole) {
      return part > 0 ? 100 : 0;
    }
    return Math.round(part * 100 / whole);
  }

  // ---------------------------------------------------------------- token and preferences

  function readPrefs() {
    try {
      return JSON.parse(sessionStorage.getItem(PREFS_KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function savePrefs() {
    try {
      sessionStorage.setItem(PREFS_KEY, JSON.stringify(state.prefs));
    } catch (e) {
      /* private mode: keep in memory */
    }
  }

  function getToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function setToken(token) {
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
    }
  }

  /** The token's claims, read without verifying (the server verifies); null when it is not a JWT. */
  function claimsOf(token) {
    if (!token) {
      return null;
    }
    var parts = token.split('.');
    if (parts.length !== 3) {
      return null;
    }
    try {
      var b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
      while (b64.length % 4) {
        b64 += '=';
      }
      var bin = atob(b64);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) {
        bytes[i] = bin.charCodeAt(i);
      }
      var claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims && typeof claims === 'object' ? claims : null;
    } catch (e) {
      return null;
    }
  }

  function asList(v) {
    if (Array.isArray(v)) {
      return v.map(String);
    }
    return typeof v === 'string' && v ? [v] : [];
  }

  /** #token=<jwt>[&committee=…&year=…&asOf=…]: taken once, then removed from the address bar and history. */
  function takeTokenFromUrl() {
    var hash = location.hash || '';
    if (!/^#(?:.*&)?token=/.test(hash)) {
      return;
    }
    var params = new URLSearchParams(hash.slice(1));
    var token = (params.get('token') || '').trim();
    if (token && token !== getToken()) {
      state.prefs = {}; // another identity: its own committee, year and date
    }
    if (token) {
      setToken(token);
    }
    ['committee', 'year', 'asOf'].forEach(function (k) {
      if (params.get(k)) {
        state.prefs[k] = params.get(k);
      }
    });
    savePrefs();
    history.replaceState(null, '', location.pathname + location.search);
  }

  // ---------------------------------------------------------------- API

  function ApiError(status, detail) {
    this.status = status;
    this.detail = detail || '';
  }

  function api(path) {
    var token = getToken();
    if (!token) {
      showSignin();
      return Promise.reject(new ApiError(401));
    }
    return fetch(path, {headers: {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}})
      .catch(function () {
        throw new ApiError(0, t('err.network'));
      })
      .then(function (res) {
        if (res.ok) {
          return res.json();
        }
        return res.json().catch(function () {
          return {};
        }).then(function (problem) {
          if (res.status === 401) {
            setToken(null);
            showSignin(t('auth.expired'));
          }
          throw new ApiError(res.status, problem.detail || problem.title || res.statusText);
        });
      });
  }

  /** For endpoints that may not exist yet (reminders): null on 404. */
  function optional(promise) {
    return promise.catch(function (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
        return null;
      }
      throw e;
    });
  }

  function query(params) {
    var q = new URLSearchParams();
    Object.keys(params).forEach(function (k) {
      if (params[k] !== null && params[k] !== undefined && params[k] !== '') {
        q.set(k, params[k]);
      }
    });
    var s = q.toString();
    return s ? '?' + s : '';
  }

  function enc(id) {
    return encodeURIComponent(id);
  }

  // ---------------------------------------------------------------- shell

  var $ = function (id) {
    return document.getElementById(id);
  };

  function applyStaticTexts() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('app.title');
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    $('lang-toggle').textContent = t('lang.switch');
    $('committee-input').placeholder = t('filter.committeePlaceholder');
    $('year-input').placeholder = t('filter.yearPlaceholder');
    fillCommitteeSelect();
  }

  function showSignin(message) {
    $('signin').hidden = false;
    $('app').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    var msg = $('signin-message');
    msg.hidden = !message;
    msg.textContent = message || '';
    $('token-input').value = '';
    $('token-input').focus();
  }

  function showApp() {
    var claims = claimsOf(getToken()) || {};
    $('signin').hidden = true;
    $('app').hidden = false;
    $('sign-out').hidden = false;
    var roles = asList(claims.roles).join(', ');
    $('who').textContent = (claims.sub || '') + (roles ? ' · ' + roles : '');
    fillCommitteeSelect();
    $('year-input').value = state.prefs.year || '';
    $('asof-input').value = state.prefs.asOf || '';
  }

  /** The token's committees as ids ("<id>/**" is that committee and those below it; "*" is none in particular). */
  function tokenCommittees() {
    var claims = claimsOf(getToken()) || {};
    return asList(claims.committees).filter(function (c) {
      return c !== '*';
    }).map(function (c) {
      return c.replace(/\/\*\*$/, '');
    });
  }

  /** Names of the committees seen in lists so far, for the committee select. */
  function rememberCommittees(rows) {
    (rows || []).forEach(function (c) {
      state.committeeNames[c.committeeId] = c.name;
    });
  }

  function fillCommitteeSelect() {
    var select = $('committee-select');
    var input = $('committee-input');
    var list = tokenCommittees();
    var current = state.prefs.committee || list[0] || '';
    if (!state.prefs.committee && current) {
      state.prefs.committee = current;
      savePrefs();
    }
    if (current && list.indexOf(current) < 0 && state.committeeNames[current]) {
      list = list.concat([current]); // reached from the tree, below the token's committees
    }
    if (!list.length) {
      select.hidden = true;
      input.hidden = false;
      input.value = current;
      return;
    }
    var known = list.indexOf(current) >= 0;
    select.innerHTML = part(list.map(function (c) {
      var name = state.committeeNames[c];
      return html`<option value="${c}">${name ? name + ' (' + c + ')' : c}</option>`;
    })) + part(html`<option value="">${t('filter.other')}</option>`);
    select.hidden = false;
    select.value = known ? current : '';
    input.hidden = known;
    input.value = known ? '' : current;
  }

  function currentCommittee() {
    var select = $('committee-select');
    if (!select.hidden && select.value) {
      return select.value;
    }
    return $('committee-input').value.trim();
  }

  function notice(kind, text) {
    var n = $('notice');
    if (!text) {
      n.hidden = true;
      n.textContent = '';
      return;
    }
    n.className = 'alert alert-' + kind;
    n.textContent = text;
    n.hidden = false;
  }

  function showError(e) {
    var view = $('view');
    view.removeAttribute('data-ready');
    if (!(e instanceof ApiError)) {
      notice('error', t('err.generic', '', e && e.message ? e.message : String(e)));
      console.error(e);
      return;
    }
    if (e.status === 401) {
      return; // the sign-in panel says so
    }
    if (e.status === 403) {
      notice('warn', t('err.forbidden'));
    } else if (e.status === 404) {
      notice('warn', t('err.notFound'));
    } else if (e.status === 400) {
      notice('warn', t('err.badInput', e.detail));
    } else if (e.status === 0) {
      notice('error', t('err.network'));
    } else {
      notice('error', t('err.generic', e.status, e.detail));
    }
    view.innerHTML = '';
  }

  function loading() {
    notice(null);
    var view = $('view');
    view.removeAttribute('data-ready');
    view.innerHTML = part(html`<div class="loading"><span class="spinner"></span>${t('common.loading')}</div>`);
  }

  /** Runs a load; draws only if no newer navigation started meanwhile. Keeps the draw for language switches. */
  function run(load, draw, ready) {
    var seq = ++state.seq;
    loading();
    load().then(function (data) {
      if (seq !== state.seq) {
        return;
      }
      state.redraw = function () {
        $('view').innerHTML = part(draw(data));
        $('view').setAttribute('data-ready', ready);
        afterDraw();
      };
      state.redraw();
    }).catch(function (e) {
      if (seq === state.seq) {
        state.redraw = null;
        showError(e);
      }
    });
  }

  function afterDraw() {
    var toggle = document.querySelector('[data-action="timeline-order"]');
    if (toggle) {
      toggle.addEventListener('click', function () {
        state.timelineNewestFirst = !state.timelineNewestFirst;
        if (state.redraw) {
          state.redraw();
        }
      });
    }
  }

  function route() {
    if (!getToken()) {
      showSignin();
      return;
    }
    var claims = claimsOf(getToken());
    if (!claims) {
      setToken(null);
      showSignin(t('auth.malformed'));
      return;
    }
    if (claims.exp && claims.exp * 1000 < Date.now()) {
      setToken(null);
      showSignin(t('auth.expiredClaim'));
      return;
    }
    if ($('app').hidden) {
      showApp();
    }
    var hash = location.hash || '';
    var m;
    if ((m = /^#\/organ\/([^?]+)/.exec(hash))) {
      return organPage(decodeURIComponent(m[1]));
    }
    if ((m = /^#\/meeting\/([^?]+)/.exec(hash))) {
      return meetingPage(decodeURIComponent(m[1]));
    }
    if ((m = /^#\/committee\/([^?]+)/.exec(hash))) {
      // A committee chosen in the picker or below another: its overview, remembered as the current committee.
      state.prefs.committee = decodeURIComponent(m[1]);
      savePrefs();
      fillCommitteeSelect();
      history.replaceState(null, '', '#/');
    }
    return overviewPage();
  }

  // ---------------------------------------------------------------- charts and small parts

  var STATUS_COLORS = {
    FILED: '#2e7d32', PENDING: '#78909c', DUE: '#d48806', OVERDUE: '#c62828', ESCALATED: '#6a1b4d',
    NOT_REQUIRED: '#bdbdbd'
  };
  var PALETTE = ['#1f5fa6', '#2e7d32', '#d48806', '#c62828', '#6a1b4d', '#00838f', '#5d4037', '#7b8794'];

  function badge(ns, value, extraClass) {
    return html`<span class="badge badge-${ns}-${value || 'none'} ${extraClass || ''}" data-status="${value || ''}">${label(ns, value)}</span>`;
  }

  /** A donut of segments [{key, label, value, color}] with the total in the middle. */
  function donut(segments, centerText, centerSub) {
    var total = segments.reduce(function (s, x) {
      return s + x.value;
    }, 0);
    var r = 52;
    var c = 2 * Math.PI * r;
    var acc = 0;
    var arcs = total === 0 ? html`<circle cx="70" cy="70" r="${r}" fill="none" stroke="#e6e8eb" stroke-width="22"/>`
      : segments.filter(function (s) {
        return s.value > 0;
      }).map(function (s) {
        var len = c * s.value / total;
        var arc = html`<circle cx="70" cy="70" r="${r}" fill="none" stroke="${s.color}" stroke-width="22"
            stroke-dasharray="${len.toFixed(2)} ${(c - len).toFixed(2)}" stroke-dashoffset="${(-acc).toFixed(2)}"
            transform="rotate(-90 70 70)"><title>${s.label}: ${s.value}</title></circle>`;
        acc += len;
        return arc;
      });
    var legend = segments.map(function (s) {
      return html`<li data-key="${s.key}"><span class="swatch" style="background:${s.color}"></span>
        <span class="legend-label">${s.label}</span><span class="legend-value">${s.value}</span></li>`;
    });
    return html`<div class="donut">
      <svg viewBox="0 0 140 140" role="img" aria-label="${centerSub}">${arcs}
        <text x="70" y="68" text-anchor="middle" class="donut-total">${centerText}</text>
        <text x="70" y="88" text-anchor="middle" class="donut-sub">${centerSub}</text></svg>
      <ul class="legend">${legend}</ul></div>`;
  }

  /** Horizontal bars [{label, value, color}] scaled to the largest. */
  function bars(items, emptyText) {
    var max = items.reduce(function (m, x) {
      return Math.max(m, x.value);
    }, 0);
    if (!items.length || max === 0) {
      return html`<p class="empty">${emptyText || t('common.none')}</p>`;
    }
    return html`<div class="bars">${items.map(function (x, i) {
      var w = x.value > 0 ? Math.max(2, Math.round(x.value * 100 / max)) : 0;
      return html`<div class="bar-row"><span class="bar-label">${x.label}</span>
        <span class="bar-track"><span class="bar-fill" style="width:${w}%;background:${x.color || PALETTE[i % PALETTE.length]}"></span></span>
        <span class="bar-value">${x.value}</span></div>`;
    })}</div>`;
  }

  /** A usage meter: used of quota, red when over, amber when at the limit. */
  function meter(used, quota) {
    var p = pct(used, quota);
    var cls = used > quota ? 'over' : (quota > 0 && used === quota ? 'full' : (p >= 90 ? 'near' : 'ok'));
    return html`<div class="meter meter-${cls}" title="${used} / ${quota}"><span style="width:${Math.min(100, p)}%"></span></div>`;
  }

  function kpi(testId, title, main, sub, meterHtml, flag) {
    return html`<div class="card kpi" data-kpi="${testId}">
      <div class="kpi-title">${title}${flag || ''}</div>
      <div class="kpi-main">${main}</div>
      ${meterHtml || ''}
      <div class="kpi-sub">${sub}</div></div>`;
  }

  function section(title, body, extra, cls) {
    return html`<section class="card ${cls || ''}"><div class="card-head"><h2>${title}</h2>${extra || ''}</div>
      <div class="card-body">${body}</div></section>`;
  }

  function table(headers, rows, emptyText, attrs) {
    if (!rows.length) {
      return html`<p class="empty">${emptyText || t('common.none')}</p>`;
    }
    return html`<div class="table-wrap"><table class="data" ${raw(attrs || '')}><thead><tr>${headers.map(function (h) {
      return html`<th>${h}</th>`;
    })}</tr></thead><tbody>${rows}</tbody></table></div>`;
  }

  function organLink(id, name) {
    return html`<a href="#/organ/${enc(id)}" class="organ-link" data-organ-id="${id}">${name || id}</a>`;
  }

  function ratio(a, b) {
    return html`<span class="ratio"><strong>${a}</strong><span class="ratio-sep">/</span>${b}</span>`;
  }

  // ---------------------------------------------------------------- overview

  /** The committees where the reader starts (its token's, or the top ones for "*"), to choose one. */
  function committeesPage() {
    run(function () {
      return api('/api/v1/committees').then(function (rows) {
        rememberCommittees(rows);
        return rows;
      });
    }, function (rows) {
      return html`<div class="page" id="committees-page">
        <div class="page-head"><h1>${t('picker.title')}</h1></div>
        ${section(t('picker.title'), committeeTable(rows, t('picker.none')), html`<span class="muted small">${t('picker.hint')}</span>`)}
      </div>`;
    }, 'committees');
  }

  /** Committees with a link to each one's overview, and how many sit below it. */
  function committeeTable(rows, emptyText) {
    return table([t('col.committee'), t('col.level'), t('col.children')], rows.map(function (c) {
      return html`<tr data-committee-id="${c.committeeId}"><td><a class="committee-link" href="#/committee/${enc(c.committeeId)}">${c.name || c.committeeId}</a>
        <span class="muted small">${c.committeeId}</span></td><td>${label('level', c.level)}</td><td class="num">${c.children}</td></tr>`;
    }), emptyText, 'id="committees-table"');
  }

  function overviewPage() {
    var committee = currentCommittee();
    if (!committee) {
      return committeesPage();
    }
    var prefs = state.prefs;
    run(function () {
      return api('/api/v1/committees/' + enc(committee) + '/dashboard' + query({year: prefs.year, asOf: prefs.asOf}))
        .then(function (d) {
          var base = {committeeId: committee, asOf: d.asOf};
          return Promise.all([
            api('/api/v1/annual-reports' + query({year: d.year, committeeId: committee, asOf: d.asOf})),
            api('/api/v1/organs' + query({committeeId: committee, asOf: d.asOf, size: 200})),
            api('/api/v1/findings' + query(base)),
            api('/api/v1/decisions' + query(base)),
            optional(api('/api/v1/reminders' + query({committeeId: committee}))),
            optional(api('/api/v1/special-report-requests' + query(base))),
            optional(api('/api/v1/leader-filings' + query({year: d.year, committeeId: committee, asOf: d.asOf,
              missingOnly: true}))),
            optional(api('/api/v1/refusals' + query({committeeId: committee, size: 1000}))),
            optional(api('/api/v1/committees' + query({parentId: committee})))
          ]).then(function (r) {
            return {d: d, reports: r[0].items || [], organs: r[1].items || [], findings: r[2].items || [],
              decisions: r[3].items || [], reminders: r[4], requests: r[5] ? r[5].items || [] : [],
              filings: r[6] ? r[6].items || [] : [], refusals: r[7], children: r[8] || []};
          }).then(function (x) {
            rememberCommittees(x.children);
            // The committees below, rolled up (one row per child with its subtree), and the five-year trend over
            // this committee and those below it (CONTRACT.md rollUp=true, annual-report-trend).
            return Promise.all([
              x.children.length ? optional(api('/api/v1/committees/' + enc(committee) + '/dashboard'
                + query({year: d.year, asOf: d.asOf, rollUp: true}))) : Promise.resolve(null),
              optional(api('/api/v1/committees/' + enc(committee) + '/annual-report-trend'
                + query({asOf: d.asOf, rollUp: true})))
            ]).then(function (more) {
              x.rollUp = more[0];
              x.trend = more[1];
              return x;
            });
          });
        });
    }, drawOverview, 'overview');
  }

  /** One row of the roll-up table: a committee's subtree figures (or the total, without a link). */
  function rollUpRow(c, total) {
    var o = c.organs, l = c.leadership, a = c.annualReports, f = c.findings, dec = c.decisions;
    var byStatus = a.byStatus || {};
    var overdue = (byStatus.OVERDUE || 0) + (byStatus.ESCALATED || 0);
    var name = total ? html`<strong>${t('rollup.total')}</strong>`
      : html`<a class="committee-link" href="#/committee/${enc(c.committeeId)}">${c.name || c.committeeId}</a>
        <span class="muted small">${c.committeeId}</span>`;
    return html`<tr data-committee-id="${total ? '' : c.committeeId}" class="${total ? 'total' : ''}">
      <td>${name}</td><td>${total ? '' : label('level', c.level)}</td><td class="num">${c.committees}</td>
      <td class="num">${o.active}</td>
      <td class="num ${o.overQuota ? 'text-red' : ''}">${o.counted} / ${o.quota}</td>
      <td class="num">${l.vacant}</td>
      <td class="num">${byStatus.FILED || 0} / ${a.owed}</td>
      <td class="num ${overdue ? 'text-red' : ''}">${overdue}</td>
      <td class="num">${f.open + f.overdue}</td>
      <td class="num ${dec.overdueTasks ? 'text-red' : ''}">${dec.overdueTasks}</td></tr>`;
  }

  function rollUpTable(r) {
    var rows = (r.children || []).map(function (c) {
      return rollUpRow(c, false);
    }).concat([rollUpRow(r, true)]);
    return html`<p class="muted small">${t('ov.rollupSub', r.committees)}</p>${table([t('col.committee'),
      t('col.level'), t('col.committees'), t('col.organsActive'), t('col.quotaUse'), t('col.vacancies'),
      t('col.reportsFiled'), t('col.reportsOverdue'), t('col.findingsOpen'), t('col.overdueTasks')], rows, '',
      'id="rollup-table"')}`;
  }

  var TREND_PARTS = [
    {key: 'onTime', color: '#2e7d32'}, {key: 'late', color: '#d48806'},
    {key: 'missing', color: '#c62828'}, {key: 'pending', color: '#9aa5b1'}];

  /** The annual-report compliance of the last years as stacked bars (share of the reports owed), drawn as SVG. */
  function trendChart(trend) {
    var years = trend.years || [];
    if (!years.some(function (y) {
      return y.owed > 0;
    })) {
      return html`<p class="empty">${t('trend.none')}</p>`;
    }
    var W = 560, H = 230, left = 40, bottom = 30, top = 24, plot = H - top - bottom;
    var step = (W - left - 10) / years.length, bar = Math.min(56, step * 0.6);
    var grid = [0, 25, 50, 75, 100].map(function (p) {
      var y = top + plot - plot * p / 100;
      return html`<line x1="${left}" x2="${W - 10}" y1="${y}" y2="${y}" class="trend-grid"/>
        <text x="${left - 6}" y="${y + 4}" text-anchor="end" class="trend-axis">${p}%</text>`;
    });
    var groups = years.map(function (y, i) {
      var x = left + step * i + (step - bar) / 2, acc = 0;
      var rects = y.owed === 0 ? [] : TREND_PARTS.map(function (part) {
        var h = plot * y[part.key] / y.owed;
        var rect = h > 0 ? html`<rect x="${x.toFixed(1)}" y="${(top + plot - acc - h).toFixed(1)}" width="${bar.toFixed(1)}"
          height="${h.toFixed(1)}" fill="${part.color}" data-part="${part.key}"><title>${y.year} ${t('trend.' + part.key)}: ${y[part.key]} / ${y.owed}</title></rect>` : '';
        acc += h;
        return rect;
      });
      var rate = y.owed ? pct(y.onTime, y.owed) + '%' : '—';
      return html`<g class="trend-year" data-year="${y.year}" data-owed="${y.owed}" data-on-time="${y.onTime}"
        data-late="${y.late}" data-missing="${y.missing}" data-pending="${y.pending}">${rects}
        <text x="${(x + bar / 2).toFixed(1)}" y="${top - 8}" text-anchor="middle" class="trend-rate">${rate}</text>
        <text x="${(x + bar / 2).toFixed(1)}" y="${H - 10}" text-anchor="middle" class="trend-axis">${y.year}</text></g>`;
    });
    var legend = TREND_PARTS.map(function (part) {
      return html`<li data-key="${part.key}"><span class="swatch" style="background:${part.color}"></span>
        <span class="legend-label">${t('trend.' + part.key)}</span></li>`;
    });
    return html`<div class="trend" id="trend-chart" data-committees="${trend.committees}">
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${t('ov.sec.trend')}">${grid}${groups}</svg>
      <ul class="legend legend-inline">${legend}<li class="muted small">${t('trend.rateNote')}</li></ul>
      <p class="muted small">${t('trend.sub', trend.committees, trend.asOf)}</p></div>`;
  }

  function daysBetween(fromIso, toIso) {
    var a = Date.parse(fromIso + 'T00:00:00Z'), b = Date.parse(toIso + 'T00:00:00Z');
    return isNaN(a) || isNaN(b) ? 0 : Math.round((b - a) / 86400000);
  }

  /** Next to a report's badge: filed late by how many days, or how many days overdue. */
  function reportNote(r) {
    if (r.status === 'FILED' && r.filedOn && r.dueOn && r.filedOn > r.dueOn) {
      return html`<span class="small text-amber">${t('ov.filedLate', daysBetween(r.dueOn, r.filedOn))}</span>`;
    }
    if (r.daysOverdue > 0) {
      return html`<span class="small text-red">${t('common.days', r.daysOverdue)}</span>`;
    }
    return '';
  }

  function drawOverview(x) {
    var d = x.d;
    $('asof-note').textContent = t('filter.asOfNote', d.asOf);
    $('year-input').placeholder = String(d.year);
    var reportByOrgan = {};
    x.reports.forEach(function (r) {
      reportByOrgan[r.organId] = r;
    });
    var o = d.organs, l = d.leadership, s = d.staffing, a = d.annualReports, f = d.findings, dec = d.decisions;
    var byStatus = a.byStatus || {};
    var late = (byStatus.OVERDUE || 0) + (byStatus.ESCALATED || 0);
    var quotaFlag = o.overQuota ? html`<span class="flag flag-red">${t('ov.overQuota')}</span>`
      : (o.quota > 0 && o.counted === o.quota ? html`<span class="flag flag-amber">${t('ov.atQuota')}</span>` : '');

    var kpis = html`<div class="kpis">
      ${kpi('organs', t('ov.kpi.organs'), ratio(o.counted, o.quota), t('ov.kpi.organsSub', o.active, o.abolished),
        meter(o.counted, o.quota), quotaFlag)}
      ${kpi('leadership', t('ov.kpi.leadership'), ratio(l.filled, l.posts),
        t('ov.kpi.leadershipSub', l.vacant, l.principalVacancies), meter(l.filled, l.posts))}
      ${kpi('staffing', t('ov.kpi.staffing'), ratio(s.headcount, s.quota),
        t('ov.kpi.staffingSub', s.organsReporting, s.organsOverQuota), meter(s.headcount, s.quota))}
      ${kpi('reports', t('ov.kpi.reports'), ratio(byStatus.FILED || 0, a.owed), t('ov.kpi.reportsSub', a.owed, late),
        meter(byStatus.FILED || 0, a.owed), late ? html`<span class="flag flag-red">${label('report', 'OVERDUE')} ${late}</span>` : '')}
      ${kpi('findings', t('ov.kpi.findings'), html`<span class="ratio"><strong>${f.open + f.overdue}</strong></span>`,
        t('ov.kpi.findingsSub', f.open, f.rectified), null,
        f.overdue ? html`<span class="flag flag-red">${label('finding', 'OVERDUE')} ${f.overdue}</span>` : '')}
      ${kpi('decisions', t('ov.kpi.decisions'), html`<span class="ratio"><strong>${dec.total}</strong></span>`,
        t('ov.kpi.decisionsSub', dec.overdueTasks, dec.revocations), null,
        (dec.byStatus && dec.byStatus.PENDING_REPORT) ? html`<span class="flag flag-amber">${label('decision', 'PENDING_REPORT')} ${dec.byStatus.PENDING_REPORT}</span>` : '')}
    </div>`;

    var statuses = ['FILED', 'PENDING', 'DUE', 'OVERDUE', 'ESCALATED', 'NOT_REQUIRED'];
    var compliance = donut(statuses.map(function (st) {
      return {key: st, label: label('report', st), value: byStatus[st] || 0, color: STATUS_COLORS[st]};
    }), String(a.owed), t('ov.owed'));

    var lateRows = x.reports.filter(function (r) {
      return r.status === 'OVERDUE' || r.status === 'ESCALATED';
    }).sort(function (p, q) {
      return q.daysOverdue - p.daysOverdue;
    }).map(function (r) {
      return html`<tr data-organ-id="${r.organId}" data-status="${r.status}">
        <td>${organLink(r.organId, r.organName)}</td><td>${dash(r.dueOn)}</td>
        <td class="num"><strong class="text-red">${r.daysOverdue}</strong></td><td>${badge('report', r.status)}</td></tr>`;
    });
    var overdueTable = table([t('col.organ'), t('col.dueOn'), t('col.daysOverdue'), t('col.status')], lateRows,
      t('ov.noOverdue'), 'id="overdue-table"');

    var organRows = x.organs.slice().sort(function (p, q) {
      return String(p.name).localeCompare(String(q.name), 'zh-CN');
    }).map(function (g) {
      var rep = reportByOrgan[g.organId];
      var hc = g.headcount === null || g.headcount === undefined ? '—' : g.headcount;
      var staffCls = g.headcount !== null && g.headcount !== undefined && g.headcount >= g.staffingQuota ? 'text-amber' : '';
      var leadCls = g.leaders > g.leadershipQuota ? 'text-red' : (g.leaders === g.leadershipQuota ? 'text-amber' : '');
      return html`<tr data-organ-id="${g.organId}">
        <td>${organLink(g.organId, g.name)}</td><td>${label('kind', g.kind)}</td><td>${label('mode', g.mode)}</td>
        <td>${dash(g.establishedOn)}</td><td>${badge('organStatus', g.status)}</td>
        <td class="num ${staffCls}">${hc} / ${g.staffingQuota}</td>
        <td class="num ${leadCls}">${g.leaders} / ${g.leadershipQuota}</td>
        <td>${rep ? badge('report', rep.status) : html`<span class="muted">${label('report', 'NOT_REQUIRED')}</span>`}
          ${rep ? reportNote(rep) : ''}</td></tr>`;
    });
    var organsTable = table([t('col.organ'), t('col.kind'), t('col.mode'), t('col.established'), t('col.status'),
      t('col.staffing'), t('col.leadership'), t('col.report', d.year)], organRows, t('common.none'), 'id="organs-table"');

    var openFindings = x.findings.filter(function (fi) {
      return fi.status !== 'RECTIFIED';
    }).sort(function (p, q) {
      return (q.daysOverdue || 0) - (p.daysOverdue || 0);
    }).map(function (fi) {
      return html`<tr data-status="${fi.status}"><td>${organLink(fi.organId, fi.organName)}</td>
        <td>${label('source', fi.source)}</td><td class="wrap">${fi.description}</td><td>${dash(fi.rectifyBy)}</td>
        <td>${badge('finding', fi.status)}${fi.daysOverdue ? html` <span class="text-red small">${t('common.days', fi.daysOverdue)}</span>` : ''}</td></tr>`;
    });
    var findingsTable = table([t('col.organ'), t('col.source'), t('col.description'), t('col.rectifyBy'), t('col.status')],
      openFindings, t('ov.noFindings'), 'id="findings-table"');

    var organNames = {};
    x.organs.forEach(function (g) {
      organNames[g.organId] = g.name;
    });
    var attention = x.decisions.filter(function (de) {
      return de.status === 'PENDING_REPORT' || de.status === 'REPORT_OVERDUE' || de.status === 'REVOKED'
        || de.status === 'CHANGED' || de.overdueTasks > 0;
    }).map(function (de) {
      var why = [];
      if (de.status === 'PENDING_REPORT' || de.status === 'REPORT_OVERDUE' || de.status === 'REVOKED'
        || de.status === 'CHANGED') {
        why.push(t('ov.attention.' + de.status));
      }
      if (de.overdueTasks > 0) {
        why.push(t('ov.attention.overdue', de.overdueTasks));
      }
      return html`<tr data-decision-id="${de.decisionId}"><td class="wrap">${dash(de.title)}</td>
        <td>${organLink(de.organId, organNames[de.organId] || de.organId)}</td><td>${dash(de.decidedOn)}</td>
        <td>${badge('decision', de.status)}</td><td class="wrap">${why.join('；')}</td></tr>`;
    });
    var decisionsTable = table([t('col.decision'), t('col.organ'), t('col.decidedOn'), t('col.status'), t('col.attention')],
      attention, t('ov.noDecisions'), 'id="decisions-table"');

    // R-DEC-1: decisions to be reported to the committee, overdue ones first.
    var toReport = x.decisions.filter(function (de) {
      var cr = de.committeeReport || {};
      return cr.status === 'PENDING' || cr.status === 'OVERDUE';
    }).sort(function (a, b) {
      return (a.committeeReport.status === b.committeeReport.status ? 0 : a.committeeReport.status === 'OVERDUE' ? -1 : 1)
        || String(a.committeeReport.dueOn).localeCompare(String(b.committeeReport.dueOn));
    }).map(function (de) {
      return html`<tr data-decision-id="${de.decisionId}"><td class="wrap">${dash(de.title)}</td>
        <td>${organLink(de.organId, organNames[de.organId] || de.organId)}</td><td>${dash(de.decidedOn)}</td>
        <td>${dash(de.committeeReport.dueOn)}</td><td>${badge('committeeReport', de.committeeReport.status)}</td></tr>`;
    });
    var committeeReportsTable = table([t('col.decision'), t('col.organ'), t('col.decidedOn'), t('col.reportDueOn'),
      t('col.status')], toReport, t('ov.noCommitteeReports'), 'id="committee-reports-table"');

    var m = d.meetings;
    var meetingsBody = html`<div class="stat-row">
        <div class="stat"><div class="stat-value">${m.convened}</div><div class="stat-label">${t('ov.meetings.convened')}</div></div>
        <div class="stat"><div class="stat-value">${m.held}</div><div class="stat-label">${t('ov.meetings.held')}</div></div>
        <div class="stat"><div class="stat-value">${m.heldInYear}</div><div class="stat-label">${t('ov.meetings.heldInYear', d.year)}</div></div>
      </div>${bars(Object.keys(m.heldByKind || {}).map(function (k) {
      return {label: label('meetingKind', k), value: m.heldByKind[k]};
    }), ' ')}`;

    var gradeOrder = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
    var gradeColors = {EXCELLENT: '#2e7d32', GOOD: '#1f5fa6', FAIR: '#d48806', POOR: '#c62828'};
    var byGrade = d.assessments.byGrade || {};
    var gradeKeys = gradeOrder.concat(Object.keys(byGrade).filter(function (k) {
      return gradeOrder.indexOf(k) < 0;
    }));
    var assessments = bars(gradeKeys.map(function (g) {
      return {label: label('grade', g), value: byGrade[g] || 0, color: gradeColors[g]};
    }));

    var acc = d.accountability;
    var measureOrder = ['TALK_REMINDER', 'CRITICISM_EDUCATION', 'ORDERED_SELF_EXAMINATION', 'ADMONISHMENT',
      'ORGANIZATIONAL_HANDLING', 'DISCIPLINARY_SANCTION'];
    var byMeasure = acc.byMeasure || {};
    var accountability = html`<p class="muted small">${t('ov.accountability.total', acc.total, d.year, acc.inYear)}</p>
      ${bars(measureOrder.concat(Object.keys(byMeasure).filter(function (k) {
      return measureOrder.indexOf(k) < 0;
    })).filter(function (k) {
      return byMeasure[k];
    }).map(function (k) {
      return {label: label('measure', k), value: byMeasure[k], color: '#8d2a2a'};
    }))}`;

    var remindersBody;
    if (x.reminders === null) {
      remindersBody = html`<p class="empty">${t('ov.remindersUnavailable')}</p>`;
    } else {
      var list = Array.isArray(x.reminders) ? x.reminders : (x.reminders.items || []);
      // Newest first (the API's order); a withdrawn reminder stays listed, marked and struck through (R-SUP-2).
      remindersBody = table([t('col.organ'), t('col.year'), t('col.stage'), t('col.dueOn'), t('col.issuedAt')],
        list.slice(0, 12).map(function (r) {
          var withdrawn = r.withdrawnAt ? html` <span class="badge badge-reminder-WITHDRAWN" data-status="WITHDRAWN"
            title="${t('withdrawal.' + r.withdrawalReason, r.filedOn || '')}">${t('reminder.withdrawn')}</span>` : '';
          return html`<tr class="${r.withdrawnAt ? 'withdrawn' : ''}"><td>${organLink(r.organId, organNames[r.organId] || r.organName || r.organId)}</td>
            <td>${dash(r.year)}</td><td>${badge('stage', r.stage)}${withdrawn}</td><td>${dash(r.dueOn)}</td><td>${fmtInstant(r.issuedAt)}</td></tr>`;
        }), '', 'id="reminders-table"');
    }

    var refusalsBody = refusalsPanel(x.refusals, organNames);

    var title = d.name || d.committeeId;
    var requestsBody = drawRequests(x.requests, d.specialReportRequests);
    var lf = d.leaderFilings || {};
    var filingsBody = html`<p class="muted small">${t('ov.filingsSub', lf.owed || 0, lf.integrityStatementsMissing || 0,
      lf.personalMattersReportsMissing || 0)}</p>${filingsTable(x.filings, true, 'id="filings-table"')}`;
    return html`<div class="page" id="overview" data-committee-id="${d.committeeId}" data-year="${d.year}">
      <div class="page-head"><h1>${t('ov.title', title)}</h1>
        <span class="muted small">${d.committeeId} · ${t('filter.asOfNote', d.asOf)}</span></div>
      ${kpis}
      ${x.rollUp ? section(t('ov.sec.rollup'), rollUpTable(x.rollUp), html`<span class="muted small">${t('ov.clickCommittee')}</span>`, 'rollup') : ''}
      ${x.trend ? section(t('ov.sec.trend'), trendChart(x.trend), '', 'trend') : ''}
      <div class="grid grid-2-1">
        ${section(t('ov.sec.compliance', d.year), compliance, '', 'compliance')}
        ${section(t('ov.sec.overdue'), overdueTable, html`<span class="muted small">${t('ov.clickOrgan')}</span>`)}
      </div>
      ${section(t('ov.sec.organs'), organsTable, html`<span class="muted small">${t('ov.clickOrgan')}</span>`)}
      <div class="grid grid-1-1">
        ${section(t('ov.sec.findings'), findingsTable)}
        ${section(t('ov.sec.decisions'), decisionsTable)}
      </div>
      ${section(t('ov.sec.committeeReports'), committeeReportsTable)}
      <div class="grid grid-3">
        ${section(t('ov.sec.meetings'), meetingsBody)}
        ${section(t('ov.sec.assessments', d.year), assessments)}
        ${section(t('ov.sec.accountability'), accountability)}
      </div>
      <div class="grid grid-1-1">
        ${section(t('ov.sec.requests'), requestsBody, '', 'requests')}
        ${section(t('ov.sec.filings', d.year), filingsBody, '', 'filings')}
      </div>
      ${section(t('ov.sec.reminders'), remindersBody, '', 'reminders')}
      ${section(t('ov.sec.refusals'), refusalsBody, '', 'refusals')}
      ${x.children.length && !x.rollUp ? section(t('ov.sec.children'), committeeTable(x.children), html`<span class="muted small">${t('ov.clickCommittee')}</span>`, 'children') : ''}
    </div>`;
  }

  /** R-AUD-1: the committee's commands refused for a rule, counted by rule, and the latest ones. */
  function refusalsPanel(refusals, organNames) {
    if (refusals === null) {
      return html`<p class="empty">${t('ov.refusalsUnavailable')}</p>`;
    }
    var list = refusals.items || [];
    if (!list.length) {
      return html`<p class="empty">${t('ov.noRefusals')}</p>`;
    }
    var byRule = {};
    list.forEach(function (r) {
      byRule[r.rule] = (byRule[r.rule] || 0) + 1;
    });
    var rules = Object.keys(byRule).sort(function (a, b) {
      return byRule[b] - byRule[a] || (a < b ? -1 : 1);
    });
    return html`<p class="muted small">${t('ov.refusals.total', refusals.total)}</p>
      ${bars(rules.map(function (rule) {
      return {label: rule, value: byRule[rule], color: '#8d2a2a'};
    }))}
      ${table([t('col.rule'), t('col.organ'), t('col.businessDate'), t('col.refusedAt')],
      list.slice(0, 10).map(function (r) {
        var target = r.organId ? organLink(r.organId, organNames[r.organId] || r.organId) : r.target;
        return html`<tr title="${r.command + ': ' + (r.detail || '')}"><td>${r.rule}
          <span class="muted small">${r.ruleTitle || ''}</span></td><td>${target}</td>
          <td>${dash(r.businessDate)}</td><td>${fmtInstant(r.refusedAt)}</td></tr>`;
      }))}`;
  }

  /** R-SUP-3: the committee's special-report requests that are overdue or were answered late, worst first. */
  function drawRequests(requests, counts) {
    var rows = (requests || []).filter(function (r) {
      return r.status === 'OVERDUE' || r.status === 'ANSWERED_LATE';
    }).sort(function (p, q) {
      return q.daysOverdue - p.daysOverdue;
    }).map(function (r) {
      return html`<tr data-request-id="${r.requestId}" data-status="${r.status}">
        <td>${organLink(r.organId, r.organName)}</td><td class="wrap">${r.subject}</td><td>${dash(r.dueOn)}</td>
        <td>${dash(r.answeredOn)}</td><td>${badge('request', r.status)}
          <span class="small text-red">${t('common.days', r.daysOverdue)}</span></td></tr>`;
    });
    var c = counts || {};
    return html`<p class="muted small">${t('ov.requestsSub', c.pending || 0, c.answered || 0)}</p>
      ${table([t('col.organ'), t('col.subject'), t('col.dueOn'), t('col.answeredOn'), t('col.status')], rows,
        t('ov.noRequests'), 'id="requests-table"')}`;
  }

  /** R-SUP-5: leaders' yearly filings, one row per member who sat on the body in the year. */
  function filingsTable(rows, withOrgan, attrs) {
    function filed(on) {
      return on ? html`${badge('filing', 'FILED')} <span class="muted small">${on}</span>` : badge('filing', 'MISSING');
    }
    var head = (withOrgan ? [t('col.organ')] : []).concat([t('col.member'), t('col.integrityStatement'),
      t('col.personalMatters')]);
    return table(head, (rows || []).map(function (m) {
      return html`<tr data-member-id="${m.memberId}">${withOrgan ? html`<td>${organLink(m.organId, m.organName)}</td>` : ''}
        <td>${m.name || m.memberId}</td><td>${filed(m.integrityStatementFiledOn)}</td>
        <td>${filed(m.personalMattersReportFiledOn)}</td></tr>`;
    }), withOrgan ? t('ov.noFilings') : undefined, attrs);
  }

  /** The signer of a report in the organ's name (R-DOC-1), with the basis when it is not the principal. */
  function signer(r, names) {
    if (!r.signedBy) {
      return '—';
    }
    var who = names[r.signedBy] || r.signedBy;
    return r.signingBasis && r.signingBasis !== 'PRINCIPAL'
      ? html`${who} <span class="muted small">${label('signing', r.signingBasis)}</span>` : who;
  }

  // ---------------------------------------------------------------- organ page

  function organPage(organId) {
    var prefs = state.prefs;
    run(function () {
      var asOf = prefs.asOf;
      return api('/api/v1/organs/' + enc(organId) + query({asOf: asOf})).then(function (o) {
        var year = prefs.year || (Number(String(o.asOf).slice(0, 4)) - 1);
        return Promise.all([
          allHistory('/api/v1/organs/' + enc(organId) + '/history'),
          api('/api/v1/annual-reports' + query({year: year, committeeId: o.committeeId, asOf: o.asOf, status: null}))
            .catch(function () {
              return {items: []};
            }),
          api('/api/v1/decisions' + query({organId: organId, asOf: o.asOf})).catch(function () {
            return {items: []};
          }),
          optional(api('/api/v1/leader-filings' + query({year: year, organId: organId, asOf: o.asOf})))
        ]).then(function (r) {
          var row = (r[1].items || []).filter(function (x) {
            return x.organId === organId;
          })[0] || null;
          return {o: o, history: r[0], year: year, reportRow: row, decisions: r[2].items || [],
            filings: r[3] ? r[3].items || [] : []};
        });
      });
    }, drawOrgan, 'organ');
  }

  function allHistory(path) {
    var size = 500;
    var items = [];

    function page(n) {
      return api(path + query({page: n, size: size})).then(function (p) {
        items = items.concat(p.items || []);
        if (items.length < p.total && (p.items || []).length > 0 && n < 40) {
          return page(n + 1);
        }
        return items;
      });
    }

    return page(0);
  }

  function fact(name, value) {
    return value === null || value === undefined || value === '' ? ''
      : html`<div class="fact"><dt>${name}</dt><dd>${value}</dd></div>`;
  }

  function drawOrgan(x) {
    var o = x.o;
    $('asof-note').textContent = t('filter.asOfNote', o.asOf);
    var ap = o.establishmentApproval;
    var facts = html`<dl class="facts">
      ${fact(t('organ.kind'), label('kind', o.kind))}
      ${fact(t('organ.mode'), label('mode', o.mode))}
      ${fact(t('organ.establishedOn'), o.establishedOn)}
      ${fact(t('organ.abolishedOn'), o.abolishedOn)}
      ${fact(t('organ.abolitionReason'), o.abolitionReason)}
      ${fact(t('organ.mergedInto'), o.mergedInto ? organLink(o.mergedInto, o.mergedInto) : null)}
      ${fact(t('organ.relatedDepartment'), o.relatedDepartment)}
      ${fact(t('organ.coordinationBody'), o.coordinationBody)}
      ${fact(t('organ.field'), o.field)}
      ${fact(t('organ.countedInQuota'), o.countedInQuota ? t('common.yes') : t('common.no'))}
      ${fact(t('organ.approval'), ap ? t('organ.approvalText', label('approver', ap.approvedBy), ap.documentNo, ap.approvedOn) : null)}
    </dl>`;

    var st = o.staffing || {}, le = o.leadership || {};
    var quotas = html`<div class="usage">
      <div class="usage-item" data-usage="staffing"><div class="usage-title">${t('organ.staffing')}</div>
        <div class="usage-main">${ratio(st.headcount === null || st.headcount === undefined ? '—' : st.headcount, st.quota)}</div>
        ${meter(st.headcount || 0, st.quota)}
        <div class="muted small">${st.headcountAsOf ? t('organ.headcountAsOf', st.headcountAsOf) : t('organ.noHeadcount')}</div></div>
      <div class="usage-item" data-usage="leadership"><div class="usage-title">${t('organ.leadership')}</div>
        <div class="usage-main">${ratio(le.filled, le.quota)}</div>${meter(le.filled, le.quota)}
        <div class="small">${le.principalVacant ? html`<span class="flag flag-amber">${t('organ.principalVacant')}</span>` : ''}</div></div>
    </div>`;

    var roleOrder = ['PRINCIPAL', 'EXECUTIVE_DEPUTY', 'DEPUTY', 'DISCIPLINE_GROUP_LEADER', 'MEMBER',
      'ASSISTANT_TO_PRINCIPAL', 'SECRETARY_GENERAL'];
    var leaders = (le.leaders || []).slice().sort(function (p, q) {
      return roleOrder.indexOf(p.role) - roleOrder.indexOf(q.role);
    }).map(function (ld) {
      return html`<tr><td>${ld.name || ld.memberId}</td><td>${label('role', ld.role)}</td><td>${dash(ld.since)}</td>
        <td>${ld.concurrentUpperLevelPost ? t('common.yes') : ''}</td></tr>`;
    });
    var leadersTable = table([t('col.name'), t('col.role'), t('col.since'), t('col.concurrent')], leaders);

    var bodyNames = {};
    (o.internalBodies || []).concat(o.formerInternalBodies || []).forEach(function (b) {
      bodyNames[b.bodyId] = b.name;
    });
    var bodies = html`${table([t('col.body'), t('col.tasks'), t('col.established'), t('col.changedOn')],
      (o.internalBodies || []).map(function (b) {
        return html`<tr data-body-id="${b.bodyId}"><td>${b.name}</td><td class="wrap small">${dash(b.tasks)}</td>
          <td>${dash(b.establishedOn)}</td><td>${dash(b.changedOn)}</td></tr>`;
      }))}
      ${(o.formerInternalBodies || []).length ? html`<h3>${t('organ.formerBodies')}</h3>${table([t('col.body'),
        t('col.established'), t('col.endedOn'), t('col.mergedInto')], o.formerInternalBodies.map(function (b) {
        return html`<tr data-body-id="${b.bodyId}"><td>${b.name}</td><td>${dash(b.establishedOn)}</td>
          <td>${dash(b.endedOn)}</td><td>${b.mergedInto ? bodyNames[b.mergedInto] || b.mergedInto : '—'}</td></tr>`;
      }))}` : ''}`;
    var duties = table([t('col.code'), t('col.duty')], (o.duties || []).map(function (du) {
      return html`<tr><td>${du.dutyCode}</td><td class="wrap">${du.description}</td></tr>`;
    }));

    var row = x.reportRow;
    var reportStatus = row ? html`<p class="report-status" data-status="${row.status}">${t('organ.statusForYear', x.year)}
        ${badge('report', row.status)} <span class="muted small">${t('col.dueOn')} ${dash(row.dueOn)}
        ${row.daysOverdue ? html` · ${t('col.daysOverdue')} <strong class="text-red">${row.daysOverdue}</strong>` : ''}</span></p>`
      : html`<p class="report-status">${t('organ.statusForYear', x.year)} ${badge('report', 'NOT_REQUIRED')}</p>`;
    var signers = memberNames(x.history);
    var reports = (o.annualReports || []).slice().sort(function (p, q) {
      return q.year - p.year || String(q.filedOn).localeCompare(String(p.filedOn));
    }).map(function (r) {
      return html`<tr><td>${r.year}</td><td>${dash(r.filedOn)}</td><td>${dash(r.documentNo)}</td>
        <td class="wrap">${dash(r.summary)}</td><td>${r.supplement ? t('common.yes') : ''}</td><td>${signer(r, signers)}</td></tr>`;
    });
    var reportsBody = html`${reportStatus}${table([t('col.year'), t('col.filedOn'), t('col.documentNo'), t('col.summary'),
      t('col.supplement'), t('col.signedBy')], reports)}
      ${(o.specialReports || []).length ? html`<h3>${t('organ.sec.specialReports')}</h3>${table([t('col.subject'),
        t('col.filedOn'), t('col.documentNo'), t('col.dueOn'), t('col.signedBy')], o.specialReports.map(function (r) {
        return html`<tr data-report-id="${r.reportId}"><td class="wrap">${r.subject}</td><td>${dash(r.filedOn)}</td>
          <td>${dash(r.documentNo)}</td><td>${dash(r.dueOn)}${r.late ? html` <span class="flag flag-amber">${t('col.late')}</span>` : ''}</td>
          <td>${signer(r, signers)}</td></tr>`;
      }))}` : ''}
      ${(o.specialReportRequests || []).length ? html`<h3>${t('organ.sec.requests')}</h3>${table([t('col.subject'),
        t('col.requestedOn'), t('col.dueOn'), t('col.answeredOn'), t('col.status')], o.specialReportRequests.map(function (r) {
        return html`<tr data-request-id="${r.requestId}"><td class="wrap">${r.subject}</td><td>${dash(r.requestedOn)}</td>
          <td>${dash(r.dueOn)}</td><td>${dash(r.answeredOn)}</td><td>${badge('request', r.status)}</td></tr>`;
      }))}` : ''}`;

    var findings = table([t('col.source'), t('col.description'), t('col.recordedOn'), t('col.rectifyBy'), t('col.status'),
      t('col.rectifications')], (o.findings || []).map(function (fi) {
      return html`<tr data-status="${fi.status}"><td>${label('source', fi.source)}</td><td class="wrap">${fi.description}</td>
        <td>${dash(fi.recordedOn)}</td><td>${dash(fi.rectifyBy)}</td>
        <td>${badge('finding', fi.status)}${fi.daysOverdue ? html` <span class="text-red small">${t('common.days', fi.daysOverdue)}</span>` : ''}</td>
        <td class="wrap small">${(fi.rectifications || []).map(function (r) {
          return html`<div>${r.reportedOn}：${r.description}${r.completed ? t('sum.rectDone') : ''}</div>`;
        })}</td></tr>`;
    }));

    var assessments = table([t('col.year'), t('col.grade'), t('col.assessedOn'), t('col.circulation')],
      (o.assessments || []).slice().sort(function (p, q) {
        return q.year - p.year;
      }).map(function (a) {
        return html`<tr><td>${a.year}</td><td>${badge('grade', a.grade)}</td><td>${dash(a.assessedOn)}</td><td>${dash(a.circulation)}</td></tr>`;
      }));

    var leaderNames = memberNames(x.history);
    var measures = table([t('col.member'), t('col.measure'), t('col.reason'), t('col.decidedOnAcc')],
      (o.accountabilityMeasures || []).map(function (m) {
        return html`<tr><td>${leaderNames[m.memberId] || m.memberId}</td><td>${badge('measure', m.measure)}</td>
          <td class="wrap">${dash(m.reason)}</td><td>${dash(m.decidedOn)}</td></tr>`;
      }));

    var decisions = table([t('col.decision'), t('col.decidedOn'), t('col.status'), t('col.tasks'), t('col.meeting')],
      x.decisions.map(function (de) {
        var tasks = (de.tasks || []).map(function (tk) {
          return html`<div class="${tk.overdue ? 'text-red' : ''}">${tk.owner}：${tk.description}（${tk.dueOn}）${tk.done ? ' ✓' : ''}</div>`;
        });
        return html`<tr><td class="wrap">${dash(de.title)} <span class="muted small">${label('origin', de.origin)}</span></td>
          <td>${dash(de.decidedOn)}</td><td>${badge('decision', de.status)}</td><td class="wrap small">${tasks}</td>
          <td>${de.meetingId ? html`<a href="#/meeting/${enc(de.meetingId)}">${t('common.view')}</a>` : '—'}</td></tr>`;
      }));

    var timeline = drawTimeline(x.history);

    return html`<div class="page" id="organ-page" data-organ-id="${o.organId}">
      <div class="page-head"><a href="#/" class="back">‹ ${t('common.back')}</a>
        <h1>${o.name}</h1>${badge('organStatus', o.status)}
        <span class="muted small">${o.organId} · ${o.committeeId} · ${t('filter.asOfNote', o.asOf)}</span></div>
      <div class="grid grid-1-1">
        ${section(t('organ.facts'), facts)}
        ${section(t('organ.sec.quotas'), quotas)}
      </div>
      <div class="grid grid-1-1">
        ${section(t('organ.sec.leaders'), leadersTable)}
        ${section(t('organ.sec.reports'), reportsBody)}
      </div>
      <div class="grid grid-1-1">
        ${section(t('organ.sec.bodies'), bodies)}
        ${section(t('organ.sec.duties'), duties)}
      </div>
      ${section(t('organ.sec.findings'), findings)}
      <div class="grid grid-1-1">
        ${section(t('organ.sec.assessments'), assessments)}
        ${section(t('organ.sec.accountability'), measures)}
      </div>
      ${section(t('organ.sec.filings', x.year), filingsTable(x.filings, false, 'id="organ-filings-table"'), '', 'filings')}
      ${section(t('organ.sec.decisions'), decisions)}
      ${section(t('organ.sec.history'), timeline, html`<span class="muted small">${t('organ.events', x.history.length)}</span>
        <button type="button" class="btn btn-small" data-action="timeline-order">${state.timelineNewestFirst ? t('organ.oldest') : t('organ.newest')}</button>`, 'history')}
    </div>`;
  }

  /** Names of everyone who sat on the leadership body, past members included (from the appointments). */
  function memberNames(events) {
    var names = {};
    events.forEach(function (e) {
      var d = e.data || {};
      if ((e.type === 'LeaderAppointed' || e.type === 'LeaderRemoved') && d.memberId && d.name) {
        names[d.memberId] = d.name;
      }
    });
    return names;
  }

  function drawTimeline(events) {
    var names = memberNames(events);
    if (!events.length) {
      return html`<p class="empty">${t('common.none')}</p>`;
    }
    var list = events.slice();
    // By business date (acts are often recorded after the fact), then in recorded order; "since ever" first.
    list.sort(function (p, q) {
      var a = p.businessDate || '', b = q.businessDate || '';
      return a < b ? -1 : (a > b ? 1 : p.sequence - q.sequence);
    });
    if (state.timelineNewestFirst) {
      list.reverse();
    }
    return html`<ol class="timeline" id="timeline" data-order="${state.timelineNewestFirst ? 'newest' : 'oldest'}">${list.map(function (e) {
      return html`<li class="tl-item tl-${eventTone(e.type)}" data-type="${e.type}" data-sequence="${e.sequence}">
        <div class="tl-date">${e.businessDate || t('organ.sinceEver')}</div>
        <div class="tl-dot"></div>
        <div class="tl-body"><div class="tl-title">${label('event', e.type)}</div>
          <div class="tl-summary">${summarize(e.type, e.data || {}, names)}</div>
          <div class="tl-meta">${t('organ.recordedAt', fmtInstant(e.recordedAt))} · #${e.sequence}</div></div></li>`;
    })}</ol>`;
  }

  function eventTone(type) {
    if (/Abolished|Removed|Revoked|Released|Accountability/.test(type)) {
      return 'red';
    }
    if (/Finding|Rectification|Assessment/.test(type)) {
      return 'amber';
    }
    if (/Created|Established|Appointed|Registered/.test(type)) {
      return 'green';
    }
    return 'blue';
  }

  /** One readable line per event type; the data is the producer's event data. */
  function summarize(type, d, names) {
    var parts = [];
    switch (type) {
      case 'OrganCreated':
        parts.push(t('sum.name', d.name), label('kind', d.kind) + ' · ' + label('mode', d.mode),
          t('sum.quotas', d.staffingQuota, d.leadershipQuota));
        break;
      case 'OrganChanged':
        if (d.name) {
          parts.push(t('sum.name', d.name));
        }
        if (d.staffingQuota !== undefined || d.leadershipQuota !== undefined) {
          parts.push(t('sum.quotas', dash(d.staffingQuota), dash(d.leadershipQuota)));
        }
        break;
      case 'OrganAbolished':
        parts.push(t('sum.reason', dash(d.reason)));
        break;
      case 'OrgansMerged':
        parts.push(t('sum.merged', asList(d.absorbedOrganIds).join('、')));
        break;
      case 'LeaderAppointed':
        parts.push(t('sum.leader', d.name || d.memberId, label('role', d.role)));
        break;
      case 'LeaderRemoved':
        parts.push(t('sum.leader', d.name || d.memberId, label('role', d.role)));
        if (d.reason) {
          parts.push(t('sum.reason', d.reason));
        }
        break;
      case 'InternalBodyEstablished':
      case 'InternalBodyAbolished':
      case 'InternalBodyChanged':
        parts.push(t('sum.body', d.name || d.bodyId));
        break;
      case 'InternalBodiesMerged':
        parts.push(t('sum.bodyMerged', (d.absorbedBodyIds || []).join('、'), d.name || d.bodyId));
        break;
      case 'HeadcountReported':
        parts.push(t('sum.headcount', d.headcount, d.asOf));
        break;
      case 'DutyAssigned':
        parts.push(t('sum.duty', d.description || d.dutyCode));
        break;
      case 'AnnualReportFiled':
        parts.push(t('sum.report', d.year, dash(d.documentNo)) + (d.supplement ? t('sum.supplement') : ''));
        break;
      case 'SpecialReportFiled':
        parts.push(String(dash(d.subject)));
        break;
      case 'SpecialReportRequested':
        parts.push(t('sum.request', d.subject, d.dueOn));
        break;
      case 'FindingRecorded':
        parts.push(t('sum.finding', label('source', d.source), dash(d.description), dash(d.rectifyBy)));
        break;
      case 'RectificationReported':
        parts.push(t('sum.rectification', dash(d.description)) + (d.completed ? t('sum.rectDone') : ''));
        break;
      case 'AssessmentRecorded':
        parts.push(t('sum.assessment', d.year, label('grade', d.grade), dash(d.circulation)));
        break;
      case 'AccountabilityMeasureRecorded':
        parts.push(t('sum.measure', label('measure', d.measure), names[d.memberId] || d.memberId, dash(d.reason)));
        break;
      case 'IntegrityStatementFiled':
      case 'PersonalMattersReportFiled':
        parts.push(t('sum.integrity', names[d.memberId] || d.memberId, d.year));
        break;
      case 'OrganQuotaSet':
        parts.push(t('sum.quota', d.organQuota));
        break;
      default:
        if (d.title) {
          parts.push(String(d.title));
        }
    }
    if (d.approval && d.approval.documentNo) {
      parts.push(t('sum.approval', d.approval.documentNo));
    }
    return parts.join('；');
  }

  // ---------------------------------------------------------------- meeting page

  function meetingPage(meetingId) {
    run(function () {
      return api('/api/v1/meetings/' + enc(meetingId) + query({asOf: state.prefs.asOf}));
    }, drawMeeting, 'meeting');
  }

  function drawMeeting(mt) {
    var att = mt.attendance || {};
    var items = table([t('col.item'), t('col.category'), t('col.outcome'), t('col.votes')], (mt.agenda || []).map(function (it) {
      return html`<tr><td class="wrap">${it.title}</td><td>${label('category', it.category)}</td><td>${badge('item', it.status)}</td>
        <td class="num">${it.forVotes === null || it.forVotes === undefined ? '—' : it.forVotes + ' / ' + it.againstVotes + ' / ' + it.abstentions}</td></tr>`;
    }));
    var facts = html`<dl class="facts">
      ${fact(t('col.kind'), label('meetingKind', mt.kind))}
      ${fact(t('col.status'), label('meetingStatus', mt.status))}
      ${fact(t('meeting.scheduledAt'), fmtInstant(mt.scheduledAt))}
      ${fact(t('meeting.convener'), mt.convenerId)}
      ${fact(t('meeting.attendance'), t('meeting.present', (att.votingMembers || []).length, (att.present || []).length))}
      ${fact(t('meeting.minutes'), mt.minutes ? label('minutes', mt.minutes.status) : null)}
      ${fact(t('meeting.emergency'), mt.emergency ? (mt.emergencyReason || t('common.yes')) : null)}
    </dl>`;
    return html`<div class="page" id="meeting-page" data-meeting-id="${mt.meetingId}">
      <div class="page-head"><a href="#/organ/${enc(mt.organId)}" class="back">‹ ${mt.organName || mt.organId}</a>
        <h1>${t('meeting.title')}</h1>${badge('meetingStatus', mt.status)}<span class="muted small">${mt.meetingId}</span></div>
      <div class="grid grid-1-2">${section(t('meeting.title'), facts)}${section(t('col.item'), items)}</div>
      ${section(t('meeting.confidential'), confidentialContent(mt))}</div>`;
  }

  /** R-MEET-15: what was said and how named members voted, for the meeting's circle and circulation scope alone. */
  function confidentialContent(mt) {
    if (!mt.confidentialContentShown) {
      return html`<p class="empty" id="confidential-withheld">${t('meeting.confidentialWithheld')}</p>`;
    }
    var att = mt.attendance || {}, minutes = mt.minutes || {};
    var opinions = (att.absent || []).filter(function (a) { return a.writtenOpinion; }).map(function (a) {
      return a.memberId + '：' + a.writtenOpinion;
    });
    var recusals = [], votes = [];
    (mt.agenda || []).forEach(function (it) {
      (it.recusalReasons || []).forEach(function (r) { recusals.push(it.title + ' — ' + r.memberId + '：' + (r.reason || '—')); });
      (it.votes || []).filter(function (v) { return v.choice; }).forEach(function (v) {
        votes.push(it.title + ' — ' + v.memberId + '：' + label('choice', v.choice));
      });
    });
    var scope = minutes.circulation ? (minutes.circulation.roles || []).join('、') + ' @ '
      + (minutes.circulation.committees || []).join('、') : null;
    return html`<dl class="facts" id="confidential-content">
      ${fact(t('meeting.minutesText'), minutes.text)}
      ${fact(t('meeting.writtenOpinions'), opinions.join('；'))}
      ${fact(t('meeting.recusalReasons'), recusals.join('；'))}
      ${fact(t('meeting.namedVotes'), votes.join('；'))}
      ${fact(t('meeting.circulation'), scope)}
    </dl>`;
  }

  // ---------------------------------------------------------------- wiring

  function init() {
    takeTokenFromUrl();
    applyStaticTexts();

    $('lang-toggle').addEventListener('click', function () {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      try {
        localStorage.setItem(LANG_KEY, state.lang);
      } catch (e) {
        /* ignore */
      }
      applyStaticTexts();
      if (state.redraw) {
        state.redraw();
      } else if (!$('app').hidden) {
        route();
      }
    });

    $('signin-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
      if (!claimsOf(token)) {
        $('signin-message').hidden = false;
        $('signin-message').textContent = t('auth.malformed');
        return;
      }
      setToken(token);
      state.prefs.committee = '';
      savePrefs();
      showApp();
      route();
    });

    $('sign-out').addEventListener('click', function () {
      setToken(null);
      state.redraw = null;
      state.seq++;
      $('view').innerHTML = '';
      showSignin(t('auth.signedOut'));
    });

    $('committee-select').addEventListener('change', function () {
      var other = !$('committee-select').value;
      $('committee-input').hidden = !other;
      if (other) {
        $('committee-input').focus();
      }
    });

    $('filters').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var committee = currentCommittee();
      var changed = committee !== state.prefs.committee;
      state.prefs.committee = committee;
      state.prefs.year = $('year-input').value.trim();
      state.prefs.asOf = $('asof-input').value.trim();
      savePrefs();
      // Another committee: back to its overview; same committee: the page in view at the new date and year.
      if (changed && location.hash && location.hash !== '#/') {
        location.hash = '#/';
      } else {
        route();
      }
    });

    window.addEventListener('hashchange', function () {
      if (/^#(?:.*&)?token=/.test(location.hash)) {
        takeTokenFromUrl();
        showApp();
      }
      route();
      window.scrollTo(0, 0);
    });

    route();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
