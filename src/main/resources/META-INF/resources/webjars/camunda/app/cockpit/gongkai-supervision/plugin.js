/*
 * 督办 (supervision) overview for Camunda Cockpit 7.24: a plain ES module loaded through
 * customScripts in app/cockpit/scripts/config.js ('gongkai-supervision/plugin').
 * It reads GET /api/supervision/overview with the Cockpit session (same origin, GET only).
 * Everything a person reads here is Chinese; data is written with textContent, never as HTML.
 */

const OVERVIEW_API = '/api/supervision/overview';
const PAGE_SIZE = 20;
const STATES = ['OVERDUE', 'PAUSED', 'DUE_SOON', 'PROVISIONAL', 'NORMAL'];
const STATE_CLASS = {
  OVERDUE: 'gk-sv-overdue',
  PAUSED: 'gk-sv-paused',
  DUE_SOON: 'gk-sv-due-soon',
  PROVISIONAL: 'gk-sv-provisional',
  NORMAL: 'gk-sv-normal'
};

const STYLE = `
.gk-sv { margin: 0 0 20px; }
.gk-sv .gk-sv-meta { color: #666; margin: 0 0 10px; }
.gk-sv .gk-sv-tiles > li { display: flex; flex: 1 1 0; min-width: 130px; }
.gk-sv .gk-sv-tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 15px; padding: 0; list-style: none; }
.gk-sv .gk-sv-tile { flex: 1 1 0; min-width: 130px; height: 100%; border: 1px solid #ccc; border-left-width: 6px; border-radius: 3px;
  padding: 8px 12px; background: #fff; cursor: pointer; text-align: left; }
.gk-sv .gk-sv-tile.active { box-shadow: 0 0 0 2px #b5152b inset; }
.gk-sv .gk-sv-tile .gk-sv-count { display: block; font-size: 28px; line-height: 1.2; font-weight: bold; }
.gk-sv .gk-sv-tile .gk-sv-label { display: block; font-size: 14px; }
.gk-sv .gk-sv-tile .gk-sv-reasons { display: block; font-size: 12px; color: #666; }
.gk-sv .gk-sv-overdue { border-left-color: #b5152b; }
.gk-sv .gk-sv-overdue .gk-sv-count { color: #b5152b; }
.gk-sv .gk-sv-paused { border-left-color: #6c757d; }
.gk-sv .gk-sv-due-soon { border-left-color: #e59400; }
.gk-sv .gk-sv-due-soon .gk-sv-count { color: #b36b00; }
.gk-sv .gk-sv-provisional { border-left-color: #5b7fb5; }
.gk-sv .gk-sv-normal { border-left-color: #3c8d40; }
.gk-sv table.cam-table { width: 100%; }
.gk-sv .gk-sv-late { color: #b5152b; font-weight: bold; }
.gk-sv .gk-sv-pager { margin: 8px 0; }
.gk-sv .gk-sv-pager button { margin-right: 6px; }
`;

function installStyle() {
  if (!document.getElementById('gk-sv-style')) {
    const style = document.createElement('style');
    style.id = 'gk-sv-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'onclick') {
      node.addEventListener('click', value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach(child => child && node.appendChild(child));
  return node;
}

function daysLeftText(row) {
  const days = row.workingDaysLeft;
  if (days === null || days === undefined) {
    return '—';
  }
  if (row.state === 'PAUSED') {
    return '暂停时剩余' + days + '个工作日';
  }
  if (days < 0) {
    return '逾期' + (-days) + '个工作日';
  }
  return days === 0 ? '今日到期' : '剩余' + days + '个工作日';
}

async function load(params) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(OVERVIEW_API + '?' + query, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = (body.errors || []).map(e => e.message).join('；');
    const error = new Error((body.message || ('请求失败（' + response.status + '）')) + (detail ? '：' + detail : ''));
    error.fields = (body.errors || []).map(e => e.field);
    throw error;
  }
  return body;
}

function renderTable(container, state, casePage, showProcess) {
  container.textContent = '';
  const head = ['案件编号'];
  if (showProcess) head.push('流程');
  head.push('当前环节', '办理岗位/办理人', '收到日期', '答复期限', '剩余工作日');
  if (state === 'PAUSED') head.push('暂停原因');
  head.push('流程实例');
  const rows = casePage.items.map(row => {
    const due = [el('span', { text: row.dueOn || '未起算' })];
    if (row.provisional) {
      due.push(document.createTextNode(' '));
      due.push(el('span', { class: 'label label-info', title: '期限延伸至节假日尚未公布的年份，公布后重新计算', text: '期限待定' }));
    }
    const cells = [el('td', {}, [row.cockpitUrl
      ? el('a', { href: row.cockpitUrl, class: 'gk-sv-case', text: row.caseNumber })
      : el('span', { text: row.caseNumber })])];
    if (showProcess) cells.push(el('td', { text: row.processName }));
    cells.push(
      el('td', { text: row.currentStepName || '' }),
      el('td', { text: row.holder || '—' }),
      el('td', { text: row.receivedOn || '' }),
      el('td', {}, due),
      el('td', { class: row.workingDaysLeft < 0 && row.state !== 'PAUSED' ? 'gk-sv-late' : null, text: daysLeftText(row) }));
    if (state === 'PAUSED') {
      cells.push(el('td', { text: (row.pauseReasonLabel || '') + (row.pausedSince ? '（' + row.pausedSince + '起）' : '') }));
    }
    cells.push(el('td', {}, [row.cockpitUrl ? el('a', { href: row.cockpitUrl, text: '查看' }) : null]));
    return el('tr', { 'data-case-number': row.caseNumber }, cells);
  });
  if (!rows.length) {
    rows.push(el('tr', {}, [el('td', { colspan: String(head.length), class: 'text-muted', text: '暂无案件' })]));
  }
  container.appendChild(el('table', { class: 'cam-table gk-sv-table', 'data-state': state }, [
    el('thead', {}, [el('tr', {}, head.map(h => el('th', { text: h })))]),
    el('tbody', {}, rows)
  ]));
}

/** Renders the overview into node; processKey restricts it to one process (or null for all). */
function mount(node, processKey, showProcess) {
  installStyle();
  node.textContent = '';
  const root = el('section', { class: 'gk-sv', 'data-gk-supervision': processKey || 'all', 'data-loading': 'true' });
  node.appendChild(root);
  // on the dashboard the panel needs a title; in a process definition tab, the tab label 督办 says it
  const title = showProcess ? el('h1', { class: 'section-title', text: '督办概览' }) : null;
  const meta = el('p', { class: 'gk-sv-meta', text: '正在加载……' });
  const tiles = el('ul', { class: 'gk-sv-tiles' });
  const tableTitle = el('h3', {});
  const table = el('div', {});
  const pager = el('div', { class: 'gk-sv-pager' });
  // the prefecture's supervisors: one line per agency, a click drills into it (an agency's own see only theirs)
  const agencies = el('div', { class: 'gk-sv-agencies' });
  [title, meta, tiles, agencies, tableTitle, table, pager].forEach(part => part && root.appendChild(part));

  let selected = null;
  let page = 1;
  let overview = null;
  const base = processKey ? { process: processKey } : {};

  function renderAgencies(data) {
    agencies.textContent = '';
    const lines = data.agencies || [];
    if (lines.length <= 1 && !base.agency) {
      return;
    }
    const rows = lines.map(a => el('tr', { 'data-agency': a.code }, [
      el('td', {}, [el('a', { href: '#', text: a.name, onclick: event => {
        event.preventDefault();
        base.agency = a.code;
        refresh();
      } })]),
      el('td', { text: String(a.total) })
    ].concat(STATES.map(state => el('td', { text: String(a.counts[state] || 0) })))));
    const head = el('tr', {}, [el('th', { text: '机关' }), el('th', { text: '在办' })]
      .concat(STATES.map(state => el('th', { text: (data.states.find(s => s.state === state) || {}).label || state }))));
    agencies.appendChild(el('h3', { text: base.agency ? '本机关' : '各机关在办案件' }));
    agencies.appendChild(el('table', { class: 'table table-condensed gk-sv-agency-table' }, [el('thead', {}, [head]),
      el('tbody', {}, rows)]));
    if (base.agency) {
      agencies.appendChild(el('button', { class: 'btn btn-default btn-sm', type: 'button', text: '返回全部机关',
        onclick: () => { delete base.agency; refresh(); } }));
    }
  }

  async function showState(state, pageNumber) {
    root.setAttribute('data-loading', 'true');
    selected = state;
    page = pageNumber;
    tiles.querySelectorAll('.gk-sv-tile').forEach(t => t.classList.toggle('active', t.dataset.state === state));
    const summary = overview.states.find(s => s.state === state);
    tableTitle.textContent = summary.label + '（' + summary.count + '件）';
    try {
      const data = await load(Object.assign({}, base, { state: state, page: pageNumber, size: PAGE_SIZE }));
      const casePage = data.cases[state];
      renderTable(table, state, casePage, showProcess);
      pager.textContent = '';
      if (casePage.pages > 1) {
        pager.append(
          el('button', { class: 'btn btn-default btn-sm', type: 'button', text: '上一页',
            disabled: page <= 1 ? 'disabled' : null, onclick: () => showState(state, page - 1) }),
          el('span', { text: '第' + page + '页，共' + casePage.pages + '页 ' }),
          el('button', { class: 'btn btn-default btn-sm', type: 'button', text: '下一页',
            disabled: page >= casePage.pages ? 'disabled' : null, onclick: () => showState(state, page + 1) }));
      }
    } catch (e) {
      table.textContent = '';
      table.appendChild(el('div', { class: 'alert alert-danger', text: '无法加载案件列表：' + e.message }));
    } finally {
      root.removeAttribute('data-loading');
    }
  }

  function refresh() {
  load(Object.assign({}, base, { size: 1 })).then(data => {
    overview = data;
    renderAgencies(data);
    meta.textContent = '统计日期：' + data.today + '　共' + data.total + '件在办案件　“即将到期”指'
      + data.dueSoonWorkingDays + '个工作日内（' + data.dueSoonUntil + '前）届满';
    tiles.textContent = '';
    STATES.forEach(state => {
      const summary = data.states.find(s => s.state === state);
      const reasons = (summary.pauseReasons || []).map(r => r.label + ' ' + r.count).join('，');
      tiles.appendChild(el('li', {}, [el('button', {
        type: 'button',
        class: 'gk-sv-tile ' + STATE_CLASS[state],
        'data-state': state,
        onclick: () => showState(state, 1)
      }, [
        el('span', { class: 'gk-sv-count', text: String(summary.count) }),
        el('span', { class: 'gk-sv-label', text: summary.label }),
        reasons ? el('span', { class: 'gk-sv-reasons', text: reasons }) : null
      ])]));
    });
    const first = STATES.find(s => data.counts[s] > 0) || 'NORMAL';
    showState(first, 1);
  }).catch(e => {
    root.removeAttribute('data-loading');
    meta.textContent = '';
    if (processKey && (e.fields || []).includes('process')) {
      meta.textContent = '本流程未纳入督办。';
      return;
    }
    meta.appendChild(el('div', { class: 'alert alert-danger', text: '无法加载督办数据：' + e.message }));
  });
  }
  refresh();
}

export default [
  {
    id: 'gongkai-supervision-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => mount(node, null, true)
  },
  {
    id: 'gongkai-supervision-process-definition',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 100,
    properties: { label: '督办' },
    render: (node, { api, processDefinitionId }) => {
      node.textContent = '正在加载……';
      fetch(api.engineApi + '/process-definition/' + encodeURIComponent(processDefinitionId), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
        .then(r => r.json())
        .then(definition => mount(node, definition.key, false))
        .catch(e => { node.textContent = '无法读取流程定义：' + e.message; });
    }
  }
];
