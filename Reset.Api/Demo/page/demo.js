// The /demo reference page: the password-reset journey, step by step, through the public API
// (/api/v1) only, as a storefront's page would walk it. Plain DOM, no framework, no build step.

const api = '/api/v1';
const scoreNames = ['very weak', 'weak', 'fair', 'strong', 'very strong'];

/** Problem codes the page answers in its own words; the rest show the problem's detail or title. */
const problemTexts = {
  human_check_failed: 'The human check did not pass. Slide to verify again.',
  dependency_unavailable: 'The service is busy right now. Try again in a moment.',
  ticket_not_found: 'This password reset has expired. Start again.',
  ticket_locked: 'Too many wrong codes. Start again, or ask customer support.',
  reset_token_invalid: 'The time to choose a new password ran out. Start again.',
  passwords_mismatch: 'The two passwords are not the same.',
  password_rejected: 'Choose another password.',
};

/** After these the ticket cannot go on: the page offers to start again. */
const endOfTicket = new Set(['ticket_not_found', 'ticket_locked', 'reset_token_invalid']);

const state = {
  ticketId: null,
  login: '',
  humanCheckToken: null,
  resetToken: null,
  resendAvailableAt: 0,
  sendsRemaining: 0,
};

const $ = (selector) => document.querySelector(selector);

// ---- talking to the API ----------------------------------------------------------------------

/** Calls the API; resolves to {ok, status, body} or {ok: false, status, problem, retryAfter}, never throws. */
async function call(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, problem: { code: 'network', title: 'The service cannot be reached. Check your connection and try again.' } };
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy's error page, say. The status speaks for it.
  }
  if (response.ok) {
    return { ok: true, status: response.status, body: json };
  }
  return {
    ok: false,
    status: response.status,
    problem: json && json.code ? json : { code: 'http_' + response.status, title: 'Something went wrong (' + response.status + '). Try again.' },
    retryAfter: Number(response.headers.get('retry-after')) || null,
  };
}

/** What to tell the customer about a failed call. */
function describe(result) {
  const problem = result.problem;
  if (problem.code === 'validation_failed' && problem.errors) {
    return Object.values(problem.errors).flat().join(' ');
  }
  if (problem.code === 'code_invalid') {
    const left = problem.attemptsRemaining;
    return left > 0
      ? `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`
      : 'That code is not right, and that was the last try. Start again, or ask customer support.';
  }
  if (problem.code === 'rate_limited') {
    return result.retryAfter ? `Too many attempts. Try again in ${duration(result.retryAfter)}.` : 'Too many attempts. Try again later.';
  }
  return problemTexts[problem.code] ?? problem.detail ?? problem.title;
}

function duration(seconds) {
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

function clock(instant) {
  return new Date(instant).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

// ---- page mechanics --------------------------------------------------------------------------

const journey = ['login', 'methods', 'code', 'password', 'done'];

function show(sectionId) {
  for (const section of document.querySelectorAll('main > section')) {
    section.hidden = section.id !== sectionId;
  }
  const section = document.getElementById(sectionId);
  // The progress shows the e-mail path; sign-in and the support branch have none.
  const current = journey.indexOf(section.dataset.step);
  $('.progress').hidden = current < 0;
  for (const item of document.querySelectorAll('.progress li')) {
    const index = journey.indexOf(item.dataset.for);
    item.classList.toggle('done', index < current);
    item.classList.toggle('current', index === current);
  }
  section.querySelector('input:not([disabled]), textarea')?.focus();
}

function clearError(section) {
  const box = section.querySelector('.error');
  box.hidden = true;
  box.replaceChildren();
}

function showError(section, result) {
  const box = section.querySelector('.error');
  box.replaceChildren(describe(result));
  if (endOfTicket.has(result.problem.code)) {
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'link';
    again.textContent = 'Start again';
    again.addEventListener('click', () => startOver('step-login'));
    box.append(' ', again);
  }
  box.hidden = false;
}

/** Runs a request with its button disabled, so a double click sends it once. */
async function busy(button, work) {
  button.disabled = true;
  button.classList.add('busy');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.classList.remove('busy');
  }
}

function startOver(sectionId) {
  Object.assign(state, { ticketId: null, humanCheckToken: null, resetToken: null, resendAvailableAt: 0, sendsRemaining: 0 });
  for (const form of document.querySelectorAll('form')) {
    form.reset();
  }
  for (const section of document.querySelectorAll('main > section')) {
    section.querySelector('.error') && clearError(section);
  }
  renderEvaluation(null);
  $('#match').textContent = '';
  $('altcha-widget')?.reset();
  show(sectionId);
}

// Once the customer changes what they typed, the last error no longer applies.
for (const form of document.querySelectorAll('form')) {
  form.addEventListener('input', () => clearError(form.closest('section')));
}

// ---- step 1: login and human check -----------------------------------------------------------

async function prepareHumanCheck() {
  const holder = $('#human-check');
  const result = await call('GET', '/human-check');
  if (!result.ok) {
    showError($('#step-login'), result);
    return;
  }
  const { provider, challengeUrl } = result.body;
  if (provider === 'altcha') {
    // The widget's CSP-friendly build brings no workers: the PBKDF2 one is served beside it.
    globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker(new URL('altcha-pbkdf2.js', import.meta.url)));
    globalThis.$altcha.i18n.set('en', { ...globalThis.$altcha.i18n.get('en'), label: 'Slide to verify' });
    const widget = document.createElement('altcha-widget');
    widget.setAttribute('challenge', challengeUrl);
    widget.setAttribute('type', 'switch');
    widget.setAttribute('name', 'humanCheckToken');
    widget.addEventListener('statechange', (event) => {
      // The payload is the humanCheckToken; it passes once, before the challenge expires.
      state.humanCheckToken = event.detail.state === 'verified' ? event.detail.payload : null;
    });
    holder.append(widget);
  } else if (provider === 'disabled') {
    state.humanCheckToken = 'disabled';
    holder.innerHTML = '<p class="note">The human check is turned off on this service (tests and local trials only).</p>';
  } else {
    holder.innerHTML = '<p class="note">This page shows only the built-in altcha check; this service uses another provider.</p>';
  }
}

$('#forgot').addEventListener('click', (event) => {
  event.preventDefault();
  show('step-login');
});

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const section = $('#step-login');
  clearError(section);
  const login = $('#login').value.trim();
  if (!login) {
    showError(section, { problem: { code: 'local', title: 'Type your e-mail address or member ID.' } });
    return;
  }
  if (!state.humanCheckToken) {
    showError(section, { problem: { code: 'local', title: 'Slide to verify first.' } });
    return;
  }
  const result = await busy(event.submitter, () => call('POST', '/password-resets', { login, humanCheckToken: state.humanCheckToken }));
  if (!result.ok) {
    // The service takes each solved challenge once: after anything but a field error, solve a new one.
    if (result.problem.code !== 'validation_failed' && result.problem.code !== 'local') {
      state.humanCheckToken = state.humanCheckToken === 'disabled' ? 'disabled' : null;
      $('altcha-widget')?.reset();
    }
    showError(section, result);
    return;
  }
  state.ticketId = result.body.ticketId;
  state.login = login;
  const email = result.body.methods.find((method) => method.method === 'email');
  // null for a member ID: the service never shows part of an address the customer did not type.
  $('#destination').textContent = email?.destination ?? 'the e-mail address of your account';
  show('step-methods');
});

// ---- step 2: e-mail code or customer support -------------------------------------------------

async function sendCode(button) {
  const result = await busy(button, () => call('POST', `/password-resets/${state.ticketId}/codes`, { method: 'email' }));
  if (!result.ok) {
    return result;
  }
  const sent = result.body;
  state.resendAvailableAt = Date.parse(sent.resendAvailableAt);
  state.sendsRemaining = sent.sendsRemaining;
  $('#code-sent').textContent =
    `We sent a six-digit code to ${sent.destination ?? 'the e-mail address of your account'}. It works until ${clock(sent.codeExpiresAt)}.`;
  updateResend();
  return result;
}

$('#get-code').addEventListener('click', async (event) => {
  const section = $('#step-methods');
  clearError(section);
  const result = await sendCode(event.currentTarget);
  if (!result.ok) {
    showError(section, result);
    return;
  }
  show('step-code');
});

$('#to-support').addEventListener('click', () => show('step-support'));

// ---- step 3: the code ------------------------------------------------------------------------

function updateResend() {
  const button = $('#resend');
  const hint = $('#resend-hint');
  const wait = Math.ceil((state.resendAvailableAt - Date.now()) / 1000);
  if (state.sendsRemaining <= 0) {
    button.disabled = true;
    hint.textContent = 'No more codes can be sent for this reset.';
  } else if (wait > 0) {
    button.disabled = true;
    hint.textContent = `in ${wait} s`;
  } else {
    button.disabled = false;
    hint.textContent = '';
  }
}

setInterval(() => {
  if (state.ticketId && !$('#step-code').hidden) {
    updateResend();
  }
}, 1000);

$('#code').addEventListener('input', (event) => {
  // Digits only, as the e-mail shows them; a pasted "042 917" becomes 042917.
  event.target.value = event.target.value.replace(/\D/g, '').slice(0, 6);
});

$('#resend').addEventListener('click', async (event) => {
  const section = $('#step-code');
  clearError(section);
  const result = await sendCode(event.currentTarget);
  updateResend();
  if (!result.ok) {
    showError(section, result);
    return;
  }
  $('#code').value = '';
  $('#code').focus();
});

$('#code-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const section = $('#step-code');
  clearError(section);
  const code = $('#code').value.trim();
  // Six digits, or the longer code sent once too many wrong codes were tried for the account.
  if (!/^([0-9]{6}|[0-9A-Za-z]{5}-?[0-9A-Za-z]{5})$/.test(code)) {
    showError(section, { problem: { code: 'local', title: 'The code has six digits.' } });
    return;
  }
  const result = await busy(event.submitter, () => call('POST', `/password-resets/${state.ticketId}/verification`, { code }));
  if (!result.ok) {
    showError(section, result);
    return;
  }
  // Kept in memory only: it allows setting the password on this ticket, once.
  state.resetToken = result.body.resetToken;
  await showPasswordStep();
});

// ---- step 4: the new password, twice, checked as it is typed -----------------------------------

async function showPasswordStep() {
  show('step-password');
  const policy = await call('GET', '/password-policy');
  if (policy.ok) {
    $('#advice').textContent = policy.body.advice;
    $('#new-password').minLength = policy.body.minLength;
    $('#new-password').maxLength = policy.body.maxLength;
  }
}

let evaluationTimer = 0;
let evaluationNumber = 0;

/** Asks the policy about the password once typing pauses; an answer to an older keystroke is dropped. */
async function evaluatePassword() {
  const password = $('#new-password').value;
  const number = ++evaluationNumber;
  if (!password) {
    renderEvaluation(null);
    return;
  }
  const result = await call('POST', '/password-policy/evaluations', { password, login: state.login });
  if (number !== evaluationNumber) {
    return;
  }
  if (result.ok) {
    renderEvaluation(result.body);
  } else {
    $('#strength').textContent = describe(result);
  }
}

function renderEvaluation(evaluation) {
  $('.meter').dataset.score = evaluation ? evaluation.score : '';
  $('#strength').textContent = evaluation
    ? `Strength: ${scoreNames[evaluation.score]}.${evaluation.acceptable ? ' This password will do.' : ''}`
    : '';
  renderViolations(evaluation ? evaluation.violations : []);
}

function renderViolations(violations) {
  $('#violations').replaceChildren(...violations.map((violation) => {
    const item = document.createElement('li');
    item.textContent = violation.message;
    item.dataset.code = violation.code;
    return item;
  }));
}

function renderMatch() {
  const first = $('#new-password').value;
  const second = $('#confirm-password').value;
  const match = $('#match');
  match.textContent = !second ? '' : first === second ? 'The passwords match.' : 'The passwords are not the same yet.';
  match.className = 'hint ' + (!second ? '' : first === second ? 'good' : 'bad');
}

$('#new-password').addEventListener('input', () => {
  clearTimeout(evaluationTimer);
  evaluationTimer = setTimeout(evaluatePassword, 300);
  renderMatch();
});

$('#confirm-password').addEventListener('input', renderMatch);

$('#password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const section = $('#step-password');
  clearError(section);
  const newPassword = $('#new-password').value;
  const confirmPassword = $('#confirm-password').value;
  if (newPassword !== confirmPassword) {
    showError(section, { problem: { code: 'passwords_mismatch' } });
    return;
  }
  const result = await busy(event.submitter, () => call('POST', `/password-resets/${state.ticketId}/password`,
    { resetToken: state.resetToken, newPassword, confirmPassword }));
  if (!result.ok) {
    if (result.problem.code === 'password_rejected' && Array.isArray(result.problem.violations)) {
      renderViolations(result.problem.violations);
    }
    showError(section, result);
    return;
  }
  state.resetToken = null;
  show('step-done');
});

// ---- customer support ------------------------------------------------------------------------

$('#support-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const section = $('#step-support');
  clearError(section);
  const body = { contactEmail: $('#contact-email').value.trim(), message: $('#message').value.trim() };
  const result = await busy(event.submitter, () => call('POST', `/password-resets/${state.ticketId}/support-requests`, body));
  if (!result.ok) {
    showError(section, result);
    return;
  }
  $('#reference').textContent = result.body.reference;
  show('step-support-done');
});

// ---- done --------------------------------------------------------------------------------------

for (const button of document.querySelectorAll('.restart')) {
  button.addEventListener('click', () => startOver('step-sign-in'));
}

show('step-sign-in');
await prepareHumanCheck();
