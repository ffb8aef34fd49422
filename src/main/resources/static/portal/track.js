/* The tracking page: state, dates, letters and the released files with the 查询码; the corrected request when asked. */
'use strict';

(function () {
  var $ = Portal.byId;
  var current = null;

  var params = new URLSearchParams(window.location.search);
  if (params.get('n')) { $('number').value = params.get('n'); }

  function show(id, text) {
    $(id).textContent = text == null || text === '' ? '—' : text;
  }

  function render(view) {
    current = view;
    Portal.clearErrors();
    $('state').textContent = view.state;
    show('f-submissionNumber', view.submissionNumber);
    show('f-agency', view.agency);
    show('f-submittedOn', view.submittedOn);
    show('f-caseNumber', view.caseNumber || '（确认受理后编号）');
    show('f-receivedOn', view.receivedOn || '（待与您确认）');
    show('f-correctedOn', view.correctedOn);
    show('f-replyDueOn', view.replyDueOn ? view.replyDueOn + '（当日24时届满）' : null);
    show('f-repliedOn', view.repliedOn);
    $('refusal').classList.toggle('hidden', !view.refusalReason);
    show('f-refusalReason', view.refusalReason);
    var rows = $('letters');
    rows.innerHTML = '';
    view.letters.forEach(function (l) {
      var tr = document.createElement('tr');
      var title = document.createElement('td');
      title.textContent = l.title + (l.number ? '（' + l.number + '）' : '');
      var day = document.createElement('td');
      day.textContent = l.issuedOn;
      var link = document.createElement('td');
      var a = document.createElement('a');
      a.href = l.url;
      a.textContent = '下载';
      a.setAttribute('download', '');
      link.appendChild(a);
      tr.appendChild(title); tr.appendChild(day); tr.appendChild(link);
      rows.appendChild(tr);
    });
    $('letters-section').classList.toggle('hidden', view.letters.length === 0);
    var files = $('materials');
    var released = view.materials || [];
    files.innerHTML = '';
    released.forEach(function (f) {
      var tr = document.createElement('tr');
      var name = document.createElement('td');
      name.textContent = f.fileName;
      var pages = document.createElement('td');
      pages.textContent = f.pages + '页';
      var link = document.createElement('td');
      var a = document.createElement('a');
      a.href = f.url;
      a.textContent = '下载';
      a.setAttribute('download', '');
      link.appendChild(a);
      tr.appendChild(name); tr.appendChild(pages); tr.appendChild(link);
      files.appendChild(tr);
    });
    $('materials-section').classList.toggle('hidden', released.length === 0);
    $('correction').classList.toggle('hidden', !view.correctionOpen);
    $('status').classList.remove('hidden');
  }

  function hide() {
    ['status', 'letters-section', 'materials-section', 'correction'].forEach(function (id) { $(id).classList.add('hidden'); });
  }

  async function lookup() {
    var number = $('number').value.trim();
    var code = $('code').value.trim();
    if (!number || !code) {
      hide();
      Portal.showErrors({ message: '请填写申请编号（或案件编号）和查询码' });
      return;
    }
    var response = await fetch('/api/public/requests/' + encodeURIComponent(number),
      { headers: { 'Accept': 'application/json', 'X-Query-Code': code } });
    var answer = await Portal.answerOf(response);
    if (!response.ok) {
      hide();
      Portal.showErrors({ message: answer.message });
      return;
    }
    render(answer);
  }

  $('lookup').addEventListener('submit', function (event) {
    event.preventDefault();
    lookup();
  });

  $('correct').addEventListener('submit', async function (event) {
    event.preventDefault();
    var button = $('correct-submit');
    button.disabled = true;
    try {
      var response = await fetch('/api/public/requests/' + encodeURIComponent(current.submissionNumber) + '/correction', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Query-Code': $('code').value.trim() },
        body: JSON.stringify({ description: $('correctedDescription').value.trim() })
      });
      var answer = await Portal.answerOf(response);
      if (!response.ok) {
        Portal.showErrors(answer);
        return;
      }
      render(answer);
      $('correctedDescription').value = '';
    } finally {
      button.disabled = false;
    }
  });
})();
