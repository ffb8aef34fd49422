/*
 * gongkai in Camunda Cockpit 7.24 (customScripts 'gongkai-desk/plugin' in app/cockpit/scripts/config.js):
 * - the 督办 overview (gongkai-supervision) is the first thing on the dashboard, above Cockpit's own figures;
 * - a process instance opens on a 案件 tab: case number, the applicant's masked name, applicant type, channel,
 *   dates and state in Chinese (GET /api/instances/{id}/case), with a link to the case page;
 * - Cockpit's variable table says what a code means: NATURAL_PERSON（自然人）, IN_PERSON（当面）.
 * Everything a person reads is Chinese; data is written with textContent, never as HTML.
 */

const STYLE = `
.ctn-view.dashboard { display: flex; flex-direction: column; }
.ctn-view.dashboard > section.deprecate { order: -1; margin-bottom: 20px; }
.ctn-view.dashboard > section.deprecate > .inner > header { display: none; }
.gk-case { padding: 10px 15px; }
.gk-case table { border-collapse: collapse; }
.gk-case th { font-weight: normal; color: #555; padding: 3px 16px 3px 0; text-align: left; white-space: nowrap; }
.gk-case td { padding: 3px 0; }
.gk-case .gk-case-number { font-size: 18px; font-weight: bold; }
.gk-case .gk-case-late { color: #b5152b; font-weight: bold; }
.gk-var-label { color: #2d6a30; margin-left: 2px; }
`;

function installStyle() {
  if (!document.getElementById('gk-desk-cockpit-style')) {
    const style = document.createElement('style');
    style.id = 'gk-desk-cockpit-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach(child => child && node.appendChild(child));
  return node;
}

/** Process variable -> code -> Chinese label, once known (from the first case read). */
let variableLabels = null;

async function loadCase(processInstanceId) {
  const response = await fetch('/api/instances/' + encodeURIComponent(processInstanceId) + '/case', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || ('请求失败（' + response.status + '）'));
    error.status = response.status;
    throw error;
  }
  return body;
}

function renderCase(node, data) {
  const rows = [
    ['案件编号', el('span', { class: 'gk-case-number', text: data.caseNumber })],
    ['申请人', el('span', { class: 'gk-case-applicant', text: data.applicantName + '（' + data.applicantType + '）' })],
    ['申请方式', el('span', { text: data.channel })],
    ['收到申请日期', el('span', { text: data.receivedOn || '' })],
    ['答复期限', el('span', { class: data.overdue ? 'gk-case-late' : null,
      text: (data.replyDueOn || '未起算') + (data.overdue ? '（已逾期）' : '') })],
    ['状态', el('span', { text: data.status + (data.currentStep ? '，当前环节：' + data.currentStep : '') })]
  ];
  if (data.outcome) {
    rows.push(['答复类型', el('span', { text: data.outcome })]);
  }
  node.textContent = '';
  node.appendChild(el('div', { class: 'gk-case', 'data-case-number': data.caseNumber }, [
    el('table', {}, [el('tbody', {}, rows.map(([label, value]) => el('tr', {}, [
      el('th', { text: label }), el('td', {}, [value])])))]),
    el('p', {}, [el('a', { href: data.casePage, target: '_blank', rel: 'noopener', text: '打开案件卷宗' })])
  ]));
}

/** Adds the Chinese meaning beside a coded value in Cockpit's variable table. */
function labelVariables() {
  if (!variableLabels) {
    return;
  }
  document.querySelectorAll('table tr').forEach(row => {
    const cells = row.querySelectorAll('td');
    if (cells.length < 2 || row.querySelector('.gk-var-label')) {
      return;
    }
    const name = (cells[0].textContent || '').trim();
    const labels = variableLabels[name];
    if (!labels) {
      return;
    }
    for (let i = 1; i < cells.length; i++) {
      const code = (cells[i].textContent || '').trim();
      if (labels[code]) {
        cells[i].appendChild(el('span', { class: 'gk-var-label', text: '（' + labels[code] + '）' }));
        return;
      }
    }
  });
}

installStyle();
let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      labelVariables();
    });
  }
}).observe(document.body, { childList: true, subtree: true });

export default [
  {
    id: 'gongkai-desk-case-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 100,
    properties: { label: '案件' },
    render: (node, { processInstanceId }) => {
      installStyle();
      node.textContent = '正在加载……';
      loadCase(processInstanceId).then(data => {
        variableLabels = data.variableLabels;
        renderCase(node, data);
        labelVariables();
      }).catch(e => {
        node.textContent = e.status === 404 ? '该流程实例不是依申请公开案件。' : '无法读取案件：' + e.message;
      });
    }
  }
];
