/* Shared by the portal's pages: error display and the proof-of-work challenge (ALTCHA format). */
'use strict';

var Portal = (function () {
  function byId(id) { return document.getElementById(id); }

  /** Shows the API's 400 answer: a summary list and each message under its field. */
  function showErrors(answer) {
    clearErrors();
    var box = byId('errors');
    var list = byId('error-list');
    var message = byId('error-message');
    if (message) { message.textContent = answer.message || ''; }
    (answer.errors || []).forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = e.message;
      li.setAttribute('data-error-field', e.field);
      list.appendChild(li);
      var holder = document.querySelector('[data-field="' + e.field + '"]');
      if (holder) {
        holder.classList.add('invalid');
        var p = document.createElement('p');
        p.className = 'field-error';
        p.textContent = e.message;
        holder.appendChild(p);
      }
    });
    if (!(answer.errors || []).length && !message) {
      var li = document.createElement('li');
      li.textContent = answer.message || '提交失败，请稍后再试';
      list.appendChild(li);
    }
    box.classList.remove('hidden');
    box.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function clearErrors() {
    byId('errors').classList.add('hidden');
    byId('error-list').innerHTML = '';
    var message = byId('error-message');
    if (message) { message.textContent = ''; }
    document.querySelectorAll('.invalid').forEach(function (el) { el.classList.remove('invalid'); });
    document.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
  }

  async function answerOf(response) {
    try { return await response.json(); } catch (e) { return { message: '服务暂时不可用（' + response.status + '），请稍后再试' }; }
  }

  // SHA-256 in plain JavaScript, for pages served without HTTPS where crypto.subtle is missing (FIPS 180-4)
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function sha256HexPlain(text) {
    var bytes = new TextEncoder().encode(text);
    var bitLength = bytes.length * 8;
    var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 4, bitLength >>> 0);
    view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var off = 0; off < padded.length; off += 64) {
      for (var i = 0; i < 16; i++) { w[i] = view.getUint32(off + i * 4); }
      for (i = 16; i < 64; i++) {
        var x = w[i - 15], y = w[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    return h.map(function (v) { return (v >>> 0).toString(16).padStart(8, '0'); }).join('');
  }

  async function sha256Hex(text) {
    if (window.crypto && window.crypto.subtle) {
      var digest = await window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      return Array.from(new Uint8Array(digest)).map(function (v) { return v.toString(16).padStart(2, '0'); }).join('');
    }
    return sha256HexPlain(text);
  }

  /** Fetches a challenge and finds its number; resolves to the answer to submit, or null when none is asked. */
  async function solveChallenge(onProgress) {
    var response = await fetch('/api/public/challenge', { headers: { 'Accept': 'application/json' } });
    if (!response.ok) { throw await answerOf(response); }
    var c = await response.json();
    if (!c.enabled) { return null; }
    for (var n = 0; n <= c.maxnumber; n++) {
      if ((await sha256Hex(c.salt + n)) === c.challenge) {
        return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt,
          signature: c.signature }));
      }
      if (onProgress && n % 2000 === 0) { onProgress(n, c.maxnumber); }
    }
    throw { message: '人机验证失败，请刷新页面重试' };
  }

  return { byId: byId, showErrors: showErrors, clearErrors: clearErrors, answerOf: answerOf,
    solveChallenge: solveChallenge, sha256HexPlain: sha256HexPlain };
})();
