/* The apply page: fills the agencies, checks the challenge, submits, shows the submission number and 查询码. */
'use strict';

(function () {
  var $ = Portal.byId;

  fetch('/api/public/agencies', { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (agencies) {
      agencies.forEach(function (a) {
        var option = document.createElement('option');
        option.value = a.code;
        option.textContent = a.name;
        $('agency').appendChild(option);
      });
    });

  $('applicantType').addEventListener('change', function () {
    var person = $('applicantType').value === 'NATURAL_PERSON';
    $('applicantName-label').textContent = person ? '姓名' : '名称';
    if (!person) { $('idType').value = 'USCC'; }
  });

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).replace(/^data:[^,]*,/, '')); };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }

  function value(id) {
    var v = $(id).value.trim();
    return v === '' ? null : v;
  }

  $('apply').addEventListener('submit', async function (event) {
    event.preventDefault();
    Portal.clearErrors();
    var button = $('submit');
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      var description = value('description');
      var extra = [];
      if (value('documentTitle')) { extra.push('文件名称：' + value('documentTitle')); }
      if (value('documentNumber')) { extra.push('文号：' + value('documentNumber')); }
      if (description && extra.length) { description += '（' + extra.join('；') + '）'; }
      var body = {
        agency: value('agency'), applicantType: value('applicantType'), applicantName: value('applicantName'),
        idType: value('idType'), idNumber: value('idNumber'), phone: value('phone'), email: value('email'),
        address: value('address'), description: description, purpose: value('purpose'),
        provisionForm: value('provisionForm'), deliveryMethod: value('deliveryMethod')
      };
      var file = $('idProof').files[0];
      if (file) {
        body.idProof = { fileName: file.name, content: await readFile(file) };
      }
      $('challenge-status').textContent = '正在进行人机验证…';
      var answer = await Portal.solveChallenge(function (n, max) {
        $('challenge-status').textContent = '正在进行人机验证…（' + Math.round(n * 100 / max) + '%）';
      });
      if (answer) { body.challenge = answer; }
      $('challenge-status').textContent = '人机验证已完成。';
      var response = await fetch('/api/public/requests', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      });
      var result = await Portal.answerOf(response);
      if (response.status !== 201) {
        Portal.showErrors(result);
        return;
      }
      $('apply').classList.add('hidden');
      $('result-number').textContent = result.submissionNumber;
      $('result-code').textContent = result.queryCode;
      $('result-track').href = '/portal/track.html?n=' + encodeURIComponent(result.submissionNumber);
      $('result').classList.remove('hidden');
      window.scrollTo(0, 0);
    } catch (e) {
      Portal.showErrors(e && e.message ? e : { message: '提交失败，请检查网络后重试' });
    } finally {
      button.disabled = false;
      button.textContent = '提交申请';
    }
  });
})();
