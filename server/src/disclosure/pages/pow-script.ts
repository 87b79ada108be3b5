/**
 * The 异议 form's proof of work, served as /gongkai/pow.js (the app's CSP allows scripts from its own
 * origin only, so it cannot be inline). It finds a counter whose SHA-256 with the form's nonce starts with
 * enough zero bits, then hides the arithmetic question. Where WebCrypto is missing (plain http outside
 * localhost) or JavaScript is off, the question stays and a person answers it instead.
 */
export const powScript = `(function () {
  var form = document.querySelector('form[data-nonce]');
  if (!form || !window.crypto || !crypto.subtle || !window.TextEncoder) return;
  var nonce = form.getAttribute('data-nonce');
  var bits = Number(form.getAttribute('data-bits'));
  var pow = form.querySelector('input[name=pow]');
  var question = form.querySelector('.question');
  var answer = question && question.querySelector('input');
  var status = form.querySelector('.pow-status');
  var encoder = new TextEncoder();
  var done = false;
  var waiting = false;
  function zeroBits(buffer) {
    var bytes = new Uint8Array(buffer);
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      return n + Math.clz32(bytes[i]) - 24;
    }
    return n;
  }
  function finish(counter) {
    pow.value = String(counter);
    done = true;
    if (question) question.hidden = true;
    if (answer) answer.required = false;
    if (status) status.textContent = '已自动完成验证。';
    if (waiting) form.submit();
  }
  async function run() {
    for (var i = 0; ; i++) {
      var hash = await crypto.subtle.digest('SHA-256', encoder.encode(nonce + ':' + i));
      if (zeroBits(hash) >= bits) return finish(i);
    }
  }
  form.addEventListener('submit', function (event) {
    if (done || (answer && answer.value)) return;
    event.preventDefault();
    waiting = true;
    if (status) status.textContent = '正在验证，请稍候…';
  });
  if (status) status.textContent = '正在自动验证…';
  run();
})();
`;
