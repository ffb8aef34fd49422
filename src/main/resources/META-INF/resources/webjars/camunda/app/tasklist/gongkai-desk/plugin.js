/*
 * gongkai's desk in Camunda Tasklist 7.24: a plain ES module loaded through customScripts in
 * app/tasklist/scripts/config.js ('gongkai-desk/plugin').
 *
 * - every task in the list shows the case number, the applicant (masked for every role but intake), the due
 *   date and the working days left (GET /api/tasks/summary, one call per page of tasks, the Tasklist session);
 * - a search box above the list finds tasks by case number (Tasklist's own search on the process business key,
 *   which is the case number);
 * - the start form ends by showing the new case number and the applicant's 查询码 (GET /api/requests/query-code),
 *   to be written on the receipt;
 * - closing the start dialog with Esc or a click beside it asks before discarding what was typed;
 * - Camunda Forms speak Chinese: validation messages next to the field, date pickers (months, weekdays, Monday
 *   first, yyyy-mm-dd), fact dates not in the future, and a 退回 needs its reason before the form is sent;
 * - a task's form says how 认领 works, and links to the case page open in a new tab;
 * - a refusal of the server (start form, task form) is one plain Chinese sentence: no engine prefix, no ids, no
 *   variable names; shown beside its field as well, and gone once the field is corrected or the form goes through.
 * Everything a person reads is Chinese; data is written with textContent, never as HTML.
 */

const SUMMARY_API = '/api/tasks/summary';
const QUERY_CODE_API = '/api/requests/query-code';

const STYLE = `
.gk-card { margin: 2px 0 4px; font-size: 12px; color: #333; line-height: 1.5; }
.gk-card .gk-card-case { font-weight: bold; margin-right: 8px; }
.gk-card .gk-card-applicant { margin-right: 8px; }
.gk-card .gk-card-due { margin-right: 6px; color: #555; }
.gk-card .gk-card-left { display: inline-block; padding: 0 5px; border-radius: 3px; background: #e8f3e8; color: #2d6a30; }
.gk-card .gk-card-left.gk-soon { background: #fff3dc; color: #8a5300; }
.gk-card .gk-card-left.gk-late { background: #fbe3e5; color: #a3162a; font-weight: bold; }
.tasks-list .task-card-details .tasklist-card-plugin { display: block; }
.gk-search { padding: 6px 10px 4px; display: flex; gap: 6px; align-items: center; }
.gk-search input { flex: 1 1 auto; min-width: 0; }
.gk-search .gk-search-hint { font-size: 12px; color: #666; }
.gk-started { position: fixed; top: 60px; left: 50%; transform: translateX(-50%); z-index: 2000; min-width: 420px;
  background: #fff; border: 2px solid #3c8d40; border-radius: 4px; box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 14px 18px; }
.gk-started .gk-started-title { font-size: 16px; margin: 0 0 6px; color: #2d6a30; }
.gk-started .gk-started-number { font-size: 22px; font-weight: bold; letter-spacing: 1px; margin: 0 0 6px; }
.gk-started .gk-started-code { font-size: 20px; font-weight: bold; letter-spacing: 2px; margin: 0 0 6px; font-family: monospace; }
.gk-started .gk-started-note { color: #555; margin: 0 0 10px; }
.gk-claim-note { margin: 0 0 10px; padding: 8px 12px; background: #f4f8fc; border-left: 4px solid #1f6fb2; font-size: 13px; }
.fjs-container .fjs-form-field-error { color: #b5152b; }
/* one refusal at a time, 未能登记：…, the sentence in full; a task's banner above the form, not over 完成 */
.page-notifications { top: 100px; bottom: auto; max-width: 520px; }
.notifications .alert .status + strong { display: none; }
.notifications .alert .status:has(+ strong)::after { content: '：'; }
.fjs-container .gk-server-error { color: #b5152b; }
button[disabled][ng-click^="startProcessInstance"], button.btn-primary[disabled][ng-click^="complete"] { pointer-events: none; }
.fjs-container textarea.fjs-textarea { min-height: 90px; }
/* an unclaimed task's form lies under Tasklist's "not allowed" veil; its case link must stay usable */
.disabled-form .fjs-container a[href*="/cases/"] { position: relative; z-index: 1001; }
`;

function installStyle() {
  if (!document.getElementById('gk-desk-style')) {
    const style = document.createElement('style');
    style.id = 'gk-desk-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach(child => child && node.appendChild(child));
  return node;
}

// ---- task list: case number, applicant, due date, working days left ----

const pending = new Map();
let batchTimer = null;

/** Collects the cards rendered in one digest and asks for all of them in one call. */
function summarize(taskId, node) {
  pending.set(taskId, (pending.get(taskId) || []).concat([node]));
  if (!batchTimer) {
    batchTimer = setTimeout(flushSummaries, 30);
  }
}

async function flushSummaries() {
  batchTimer = null;
  const batch = new Map(pending);
  pending.clear();
  const ids = Array.from(batch.keys());
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    try {
      const response = await fetch(SUMMARY_API + '?ids=' + encodeURIComponent(chunk.join(',')), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const body = await response.json();
      chunk.forEach(id => (batch.get(id) || []).forEach(node => renderSummary(node, body.tasks[id])));
    } catch (e) {
      chunk.forEach(id => (batch.get(id) || []).forEach(node => { node.textContent = '案件信息暂不可用'; }));
    }
  }
}

function daysLeftText(summary) {
  if (summary.paused) {
    return '计时暂停';
  }
  const days = summary.workingDaysLeft;
  if (days === null || days === undefined) {
    return '';
  }
  if (days < 0) {
    return '已逾期' + (-days) + '个工作日';
  }
  return days === 0 ? '今日到期' : '剩余' + days + '个工作日';
}

function renderSummary(node, summary) {
  node.textContent = '';
  if (!summary) {
    return;
  }
  const card = el('div', { class: 'gk-card', 'data-case-number': summary.caseNumber || '' });
  if (summary.caseNumber) {
    card.appendChild(el('span', { class: 'gk-card-case', text: summary.caseNumber }));
  }
  if (summary.applicantName) {
    card.appendChild(el('span', { class: 'gk-card-applicant', title: summary.applicantType || '',
      text: '申请人：' + summary.applicantName }));
  }
  if (summary.dueOn) {
    card.appendChild(el('span', { class: 'gk-card-due', text: '期限 ' + summary.dueOn }));
  }
  const left = daysLeftText(summary);
  if (left) {
    const days = summary.workingDaysLeft;
    const tone = summary.paused ? '' : days < 0 ? ' gk-late' : days <= 3 ? ' gk-soon' : '';
    card.appendChild(el('span', { class: 'gk-card-left' + tone, text: left }));
  }
  node.appendChild(card);
}

// ---- search by case number (Tasklist's search on the process business key) ----

function currentSearch() {
  const hash = window.location.hash || '#/';
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query);
}

function searchCase(text) {
  const params = currentSearch();
  const value = text.trim();
  if (value) {
    params.set('searchQuery', JSON.stringify([
      { type: 'processInstanceBusinessKey', operator: 'Like', value: value, name: '' }]));
  } else {
    params.delete('searchQuery');
  }
  params.delete('page');
  window.location.hash = '#/?' + params.toString();
}

function renderSearch(node) {
  installStyle();
  const input = el('input', { type: 'search', class: 'form-control input-sm gk-case-search',
    placeholder: '按案件编号查找，如 2026 第3号', 'aria-label': '按案件编号查找任务' });
  const form = el('form', { class: 'gk-search', role: 'search', onsubmit: e => { e.preventDefault(); searchCase(input.value); } }, [
    input,
    el('button', { type: 'submit', class: 'btn btn-default btn-sm', text: '查找' }),
    el('button', { type: 'button', class: 'btn btn-link btn-sm', text: '清除',
      onclick: () => { input.value = ''; searchCase(''); } })
  ]);
  node.textContent = '';
  node.appendChild(form);
}

// ---- start form: the new case number, and no silent loss of what was typed ----

let startDialogDirty = false;
const STARTED_PATH = /\/process-definition\/[^/]+\/submit-form$/;

// ---- refusals of the server: one plain Chinese sentence, beside the field, gone once corrected ----

/** Form submissions: the start form and a task's form. */
const SUBMIT_PATH = /\/(process-definition\/[^/]+\/submit-form|task\/[^/]+\/(submit-form|complete))$/;
const UNEXPLAINED = '服务器未能处理本次提交，填写的内容没有保存。请检查后重试；如仍不成功，请联系系统管理员。';
/** The banners Tasklist shows for a failed start or completion (locales/zh.json). */
const REFUSAL_STATUSES = ['未能登记', '未能提交'];

/**
 * The refusal as a clerk reads it: without Camunda's "Cannot instantiate process definition <id>: " or
 * "Cannot submit task form <id>: " prefixes and ENGINE codes, and without the variable names the server adds
 * for API clients ("（idNumber）"), which name the fields to mark instead. Anything not in Chinese becomes one
 * general sentence: an English engine message means nothing to a clerk.
 */
function plainRefusal(message) {
  let text = String(message || '').trim();
  text = text.replace(/^(?:Cannot [A-Za-z ]+? \S+: )+/, '');
  const listener = text.match(/^ENGINE-\d+ There was an exception while invoking the TaskListener\. Message: '([\s\S]*)'$/);
  if (listener) {
    text = listener[1];
  }
  const problems = text.split('；').map(part => {
    const keys = [];
    const sentence = part.replace(/（([A-Za-z][A-Za-z0-9_]*)）/g, (match, key) => { keys.push(key); return ''; }).trim();
    return { field: keys[0] || null, message: sentence };
  }).filter(p => p.message);
  if (!problems.length || problems.some(p => !/[\u4e00-\u9fff]/.test(p.message) || /[A-Z]+-\d{4,}/.test(p.message))) {
    return { message: UNEXPLAINED, problems: [] };
  }
  const sentence = problems.map(p => p.message.replace(/[。；，]$/, '')).join('；') + '。';
  return { message: sentence, problems: problems.filter(p => p.field) };
}

/** Closes the refusal banners Tasklist shows (through their own close buttons, so Tasklist forgets them). */
function clearRefusalBanners() {
  document.querySelectorAll('.notifications .alert').forEach(alert => {
    const status = alert.querySelector('.status');
    // the banner's own close button (uib-alert adds a hidden one of its own in front of it)
    const close = alert.querySelector('button.close[ng-click^="removeNotification"]');
    if (status && close && REFUSAL_STATUSES.includes(status.textContent.trim())) {
      close.click();
    }
  });
}

function clearServerErrors(scope) {
  (scope || document).querySelectorAll('.gk-server-error').forEach(node => node.remove());
}

/** The form-js field of a variable: its input's id ends in Field_<Key> (the forms' convention). */
function fieldOf(key) {
  const id = 'Field_' + key.charAt(0).toUpperCase() + key.substring(1);
  const input = document.querySelector('.fjs-container :is(input, textarea)[id$="' + id + '"], '
    + '.fjs-container :is(input, textarea)[id$="' + id + '-date"]');
  return input ? input.closest('.fjs-form-field') : null;
}

let refusalShown = false;

function showServerErrors(problems) {
  clearServerErrors();
  const marked = [];
  problems.forEach(problem => {
    const field = fieldOf(problem.field);
    if (field) {
      field.appendChild(el('div', { class: 'fjs-form-field-error gk-server-error', 'data-field': problem.field,
        text: problem.message + '。' }));
      marked.push(field);
    }
  });
  refusalShown = true;
  // the field to correct, where the clerk looks
  if (marked.length) {
    marked[0].scrollIntoView({ block: 'center' });
  }
}

/** A correction takes the refusal away: the field's own message at once, the banner with it. */
function clearRefusalOnCorrection() {
  const corrected = e => {
    if (!refusalShown || !(e.target.closest && e.target.closest('.fjs-container'))) {
      return;
    }
    const field = e.target.closest('.fjs-form-field');
    const marked = field && field.querySelector('.gk-server-error');
    if (marked) {
      marked.remove();
    }
    // a refusal about this field (or about no field in particular) is answered by the correction
    if (marked || !document.querySelector('.gk-server-error')) {
      clearServerErrors();
      clearRefusalBanners();
      refusalShown = false;
    }
  };
  document.addEventListener('input', corrected, true);
  document.addEventListener('change', corrected, true);
}

/**
 * Rewrites the body of a refused submission before Tasklist reads it, so that the banner it shows carries the
 * plain sentence; the previous banner goes when the form is sent again.
 */
function rewriteRefusals(xhr) {
  const text = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'responseText');
  const response = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'response');
  let rewritten = null;
  const body = () => {
    if (rewritten === null) {
      const raw = text.get.call(xhr);
      if (xhr.readyState !== 4 || xhr.status < 400) {
        return raw;
      }
      let parsed = null;
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        parsed = null;
      }
      const refusal = plainRefusal(parsed && parsed.message);
      showServerErrors(refusal.problems);
      rewritten = JSON.stringify(Object.assign({}, parsed || {}, { type: 'BadUserRequestException',
        message: refusal.message }));
    }
    return rewritten;
  };
  Object.defineProperty(xhr, 'responseText', { configurable: true, get: body });
  Object.defineProperty(xhr, 'response', { configurable: true, get: () => {
    if (xhr.readyState !== 4 || xhr.status < 400) {
      return response.get.call(xhr);
    }
    return xhr.responseType === 'json' ? JSON.parse(body()) : body();
  } });
}

/** Watches Tasklist's own calls (XMLHttpRequest) for a successful start through the start form. */
function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.gkMethod = method;
    this.gkUrl = String(url).split('?')[0];
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.gkMethod === 'POST' && SUBMIT_PATH.test(this.gkUrl)) {
      // sent again: the last refusal no longer stands, the answer to this one will say what is still wrong
      clearRefusalBanners();
      clearServerErrors();
      refusalShown = false;
      rewriteRefusals(this);
    }
    if (this.gkMethod === 'POST' && STARTED_PATH.test(this.gkUrl)) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          startDialogDirty = false;
          try {
            showStarted(JSON.parse(this.responseText));
          } catch (e) {
            // not JSON: nothing to show
          }
        }
      });
    }
    return send.apply(this, arguments);
  };
}

function showStarted(instance) {
  if (!instance || !instance.businessKey) {
    return;
  }
  installStyle();
  const old = document.querySelector('.gk-started');
  if (old) {
    old.remove();
  }
  const box = el('div', { class: 'gk-started', role: 'alert', 'data-case-number': instance.businessKey }, [
    el('p', { class: 'gk-started-title', text: '流程已发起，申请已登记。' }),
    el('p', { class: 'gk-started-number', text: '已登记，案件编号：' + instance.businessKey }),
    el('p', { class: 'gk-started-code', text: '查询码：正在获取…' }),
    el('p', { class: 'gk-started-note', text: '请将案件编号和查询码写在收件回执上，申请人凭案件编号和查询码在 /portal/track.html 查询。查询码只显示这一次。' }),
    el('div', {}, [
      el('a', { class: 'btn btn-default btn-sm', target: '_blank', rel: 'noopener',
        href: '/cases/' + encodeURIComponent(instance.businessKey), text: '打开案件卷宗' }),
      document.createTextNode(' '),
      el('button', { type: 'button', class: 'btn btn-primary btn-sm gk-started-close', text: '知道了',
        onclick: () => box.remove() })
    ])
  ]);
  document.body.appendChild(box);
  showQueryCode(box, instance.businessKey);
}

/** The applicant's 查询码, readable by the registering clerk for a short while after the start (never stored plain). */
async function showQueryCode(box, caseNumber) {
  const line = box.querySelector('.gk-started-code');
  try {
    const response = await fetch(QUERY_CODE_API + '?caseNumber=' + encodeURIComponent(caseNumber), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const body = await response.json();
    line.textContent = '查询码：' + body.queryCode;
    box.setAttribute('data-query-code', body.queryCode);
  } catch (e) {
    line.textContent = '查询码：未能获取';
  }
}

/** The open 发起流程 dialog once a start form is in it (its 发起 button calls startProcessInstance()). */
function startDialog() {
  const modal = document.querySelector('.modal');
  return modal && modal.querySelector('[ng-click^="startProcessInstance"]') ? modal : null;
}

function confirmDiscard() {
  return window.confirm('放弃已填写的内容？');
}

/** Esc and a click beside the start dialog reach Tasklist only when nothing was typed or the clerk agrees. */
function guardStartDialog() {
  document.addEventListener('input', e => {
    if (e.target.closest && e.target.closest('.modal') && startDialog()) {
      startDialogDirty = true;
    }
  }, true);
  document.addEventListener('change', e => {
    if (e.target.closest && e.target.closest('.modal') && startDialog()) {
      startDialogDirty = true;
    }
  }, true);
  window.addEventListener('keydown', e => {
    const modal = startDialog();
    if (!(e.key === 'Escape' || e.keyCode === 27) || !modal) {
      return;
    }
    // Esc in an open date picker closes the picker only, never the whole dialog
    const picker = Array.from(modal.querySelectorAll('.fjs-form-field-datetime input.fjs-input'))
      .map(input => input._flatpickr).find(p => p && p.isOpen);
    if (picker || (startDialogDirty && !confirmDiscard())) {
      e.stopImmediatePropagation();
      e.stopPropagation();
      e.preventDefault();
      if (picker) {
        picker.close();
      }
    }
  }, true);
  // uib-modal closes on mousedown+mouseup on the backdrop area: ask once, on the click
  window.addEventListener('mousedown', e => {
    const modal = startDialog();
    if (modal && startDialogDirty && e.target === modal) {
      if (!confirmDiscard()) {
        e.stopImmediatePropagation();
        e.stopPropagation();
        e.preventDefault();
        modal.gkKeep = true;
      } else {
        startDialogDirty = false;
        modal.gkKeep = false;
      }
    }
  }, true);
  ['mouseup', 'click'].forEach(type => window.addEventListener(type, e => {
    const modal = startDialog();
    if (modal && modal.gkKeep && e.target === modal) {
      e.stopImmediatePropagation();
      e.stopPropagation();
      e.preventDefault();
      if (type === 'click') {
        modal.gkKeep = false;
      }
    }
  }, true));
  // no dialog open any more: the next one starts clean
  new MutationObserver(() => {
    if (!document.querySelector('.modal')) {
      startDialogDirty = false;
    }
  }).observe(document.body, { childList: true });
}

// ---- Camunda Forms in Chinese ----

/** Field keys and what their pattern / length checks mean to a clerk. */
const FIELD_MESSAGES = {
  idNumber: { pattern: '证件号码只能包含数字、字母和短横线', length: '居民身份证号码应为18位，最后一位为数字或X' },
  phone: { pattern: '请填写11位手机号码（以1开头），或带区号的固定电话，如0878-3123456' },
  email: { pattern: '请填写有效的电子邮箱，如 name@example.cn' }
};

/** The form field's key from its id: forms name fields Field_<Key> (Field_IdNumber -> idNumber). */
function fieldKey(node) {
  const field = node.closest('.fjs-form-field');
  const input = field && field.querySelector('input, textarea, select');
  // a date field's input is "<id>-date"
  const match = (input ? input.id || '' : '').match(/Field_([A-Za-z0-9]+)(?:-date)?$/);
  return match ? match[1].charAt(0).toLowerCase() + match[1].substring(1) : '';
}

function chineseMessage(message, errorNode) {
  const key = fieldKey(errorNode);
  const special = FIELD_MESSAGES[key] || {};
  let m;
  if (message === 'Field is required.') return '此项必须填写。';
  if ((m = message.match(/^Field must match pattern (.*)\.$/))) return (special.pattern || '格式不正确') + '。';
  if ((m = message.match(/^Field must have minimum length of (\d+)\.$/))) return special.length ? special.length + '。' : '至少填写' + m[1] + '个字符。';
  if ((m = message.match(/^Field must have maximum length of (\d+)\.$/))) return special.length ? special.length + '。' : '最多填写' + m[1] + '个字符。';
  if ((m = message.match(/^Field must have minimum value of (.*)\.$/))) return /^\d{4}-\d{2}-\d{2}/.test(m[1]) ? '日期不能早于' + m[1] + '。' : '不能小于' + m[1] + '。';
  if ((m = message.match(/^Field must have maximum value of (.*)\.$/))) return /^\d{4}-\d{2}-\d{2}/.test(m[1]) ? '日期不能晚于今天（' + m[1] + '）。' : '不能大于' + m[1] + '。';
  if (message === 'Field must be a valid email.') return '请填写有效的电子邮箱。';
  if (/^Field must be a valid\s+international phone number/.test(message)) return '请填写有效的电话号码。';
  if (message === 'Value is not a number.') return '请填写数字。';
  if (/^Value is expected to be an integer/.test(message)) return '请填写整数。';
  return null;
}

/**
 * Rewrites form-js's English messages in place: the text node's data changes, the node stays, so the form's
 * own rendering (preact) keeps owning it and a later message is rewritten again.
 */
function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error').forEach(error => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const message = text.data.trim();
      if (/^[A-Z]/.test(message)) {
        const chinese = chineseMessage(message, error);
        if (chinese) {
          text.data = chinese;
        }
      }
    }
  });
}

/** Date fields that name a day to come, not a fact: no upper limit in their pickers. */
const FUTURE_DATES = ['delayedReplyOn', 'commentStartOn', 'commentEndOn'];

/** flatpickr's Chinese names; Monday first; dates as yyyy-mm-dd. */
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  firstDayOfWeek: 1
};

function localizeDatePickers(root) {
  root.querySelectorAll('.fjs-form-field-datetime input.fjs-input').forEach(input => {
    const picker = input._flatpickr;
    if (!picker || picker.gkLocalized) {
      return;
    }
    picker.gkLocalized = true;
    const options = { locale: FLATPICKR_ZH, dateFormat: 'Y-m-d' };
    // fact dates (a day something happened) cannot lie in the future (domain README §11)
    if (!FUTURE_DATES.includes(fieldKey(input))) {
      options.maxDate = 'today';
    }
    picker.set(options);
    if (picker.selectedDates && picker.selectedDates.length) {
      input.value = picker.formatDate(picker.selectedDates[0], 'Y-m-d');
    }
    input.setAttribute('placeholder', 'yyyy-mm-dd');
  });
}

/** Labels ending in （退回时必填）: the reason must be there when the decision beside it is a 退回. */
function missingReturnReasons(root) {
  const problems = [];
  const returned = Array.from(root.querySelectorAll('.fjs-form-field-select')).some(select => {
    const shown = select.querySelector('.fjs-select-display');
    return shown && /退回|不同意|退文/.test(shown.textContent || '');
  });
  if (!returned) {
    return problems;
  }
  root.querySelectorAll('.fjs-form-field-textarea, .fjs-form-field-textfield').forEach(field => {
    const label = field.querySelector('label');
    const input = field.querySelector('textarea, input');
    if (label && input && !input.readOnly && /退回时必填|退文时必填/.test(label.textContent) && !input.value.trim()) {
      problems.push(field);
    }
  });
  return problems;
}

function showReturnReasonError(field) {
  let error = field.querySelector('.gk-return-reason-error');
  if (!error) {
    error = el('div', { class: 'fjs-form-field-error gk-return-reason-error', text: '退回时必须填写理由。' });
    field.appendChild(error);
  }
}

function clearReturnReasonErrors(root) {
  root.querySelectorAll('.gk-return-reason-error').forEach(node => {
    const field = node.closest('.fjs-form-field');
    const input = field && field.querySelector('textarea, input');
    if (!input || input.value.trim()) {
      node.remove();
    }
  });
}

/**
 * Tasklist greys out 发起 / 完成 while the form has a mistake, without saying which: a click on the greyed
 * button (it lets clicks through, see STYLE) makes the form check every field and show all messages at once.
 */
function showAllMistakes() {
  window.addEventListener('click', e => {
    const disabled = Array.from(document.querySelectorAll(
      'button[disabled][ng-click^="startProcessInstance"], button.btn-primary[disabled][ng-click^="complete"]'));
    const hit = disabled.find(button => {
      const box = button.getBoundingClientRect();
      return e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
    });
    if (!hit) {
      return;
    }
    const scope = hit.closest('.modal') || hit.closest('[cam-tasklist-form], .task-details') || document;
    const form = scope.querySelector('form.fjs-form');
    if (form) {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    }
    missingReturnReasons(scope).forEach(showReturnReasonError);
  }, true);
}

/** Completing a task or starting a process goes through these buttons; a missing 退回 reason stops them. */
function guardReturnReasons() {
  window.addEventListener('click', e => {
    const button = e.target.closest && e.target.closest('button');
    if (!button || !/完成|提交|发起|启动|complete|start/i.test((button.getAttribute('ng-click') || '') + button.textContent)) {
      return;
    }
    const scope = button.closest('.modal') || button.closest('[cam-tasklist-form], .task-details, .form-container') || document;
    const missing = missingReturnReasons(scope);
    if (missing.length) {
      missing.forEach(showReturnReasonError);
      missing[0].scrollIntoView({ block: 'center' });
      e.stopImmediatePropagation();
      e.preventDefault();
    }
  }, true);
  document.addEventListener('input', e => {
    if (e.target.closest && e.target.closest('.fjs-container')) {
      clearReturnReasonErrors(e.target.closest('.fjs-container'));
    }
  }, true);
}

// ---- task form header: how 认领 works; case page in a new tab ----

const CLAIM_NOTE = '认领说明：本组待办中的任务，本岗位每位人员都可以办理。点击“认领”后任务转入“我的待办”，'
  + '表单才可填写，其他同事不再看到它；暂时不办可点击“取消认领”交回本组。任务超过期限未办结的，督办人员会收到督办任务。';

function annotateTaskForm(root) {
  root.querySelectorAll('.task-details, [cam-tasklist-task]').forEach(details => {
    const form = details.querySelector('.form-container, [cam-tasklist-form]');
    if (form && !details.querySelector('.gk-claim-note')) {
      form.parentNode.insertBefore(el('p', { class: 'gk-claim-note', text: CLAIM_NOTE }), form);
    }
  });
  root.querySelectorAll('.fjs-container a[href*="/cases/"]').forEach(link => {
    if (link.getAttribute('target') !== '_blank') {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener');
    }
  });
}

/** A banner that still carries an engine message (a call this plugin did not see): the plain sentence. */
function plainBanners() {
  document.querySelectorAll('.notifications .alert .message').forEach(message => {
    if (/Cannot [A-Za-z ]+? \S+: |ENGINE-\d+/.test(message.textContent)) {
      message.textContent = plainRefusal(message.textContent).message;
    }
  });
}

function watchForms() {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    translateErrors(document);
    localizeDatePickers(document);
    annotateTaskForm(document);
    plainBanners();
  };
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(run);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

if (!window.gkDeskInstalled) {
  window.gkDeskInstalled = true;
  installStyle();
  watchStarts();
  guardStartDialog();
  clearRefusalOnCorrection();
  guardReturnReasons();
  showAllMistakes();
  watchForms();
}

export default [
  {
    id: 'gongkai-desk-card',
    pluginPoint: 'tasklist.card',
    priority: 200,
    render: (node, { taskId }) => {
      node.textContent = '';
      if (taskId) {
        summarize(taskId, node);
      }
    }
  },
  {
    id: 'gongkai-desk-case-search',
    pluginPoint: 'tasklist.list',
    priority: 200,
    render: node => renderSearch(node)
  }
];
