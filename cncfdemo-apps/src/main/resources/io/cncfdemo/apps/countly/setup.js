// Sets Countly up for writes, once: its first admin user (through the dashboard's own first-run form, /setup), that
// user's API key (/api-key, basic auth), and an app (/o/apps/mine, else /i/apps/create); then stores the app's key
// and id and the API key in a Secret of the demo's namespace, for the wrk Job. Idempotent: keys already stored, an
// admin already there, an app of that name already there are each used as they are. Prints no credential, ever.
//
// Environment: COUNTLY_FRONTEND, COUNTLY_API (base URLs); ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_EMAIL; APP_NAME;
// KEYS_SECRET (the Secret to fill); NAMESPACE; KUBERNETES_API (default https://kubernetes.default.svc);
// SERVICE_ACCOUNT_DIR (default /var/run/secrets/kubernetes.io/serviceaccount); WAIT_SECONDS (default 900).
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');

const env = (name, fallback) => {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(name + ' is not set');
};
const frontend = env('COUNTLY_FRONTEND');
const api = env('COUNTLY_API');
const username = env('ADMIN_USERNAME');
const password = env('ADMIN_PASSWORD');
const email = env('ADMIN_EMAIL');
const appName = env('APP_NAME');
const keysSecret = env('KEYS_SECRET');
const namespace = env('NAMESPACE');
const kubernetes = env('KUBERNETES_API', 'https://kubernetes.default.svc');
const accountDir = env('SERVICE_ACCOUNT_DIR', '/var/run/secrets/kubernetes.io/serviceaccount');
const waitSeconds = Number(env('WAIT_SECONDS', '900'));

function request(method, url, { headers = {}, body } = {}) {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const options = { method, headers: Object.assign({}, headers) };
  if (target.protocol === 'https:' && fs.existsSync(accountDir + '/ca.crt')) {
    options.ca = fs.readFileSync(accountDir + '/ca.crt');
  }
  if (body !== undefined) options.headers['Content-Length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = client.request(target, options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error(method + ' ' + target.pathname + ' timed out')));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// The one place this script waits; bounded by WAIT_SECONDS.
async function untilAnswers(url) {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      const res = await request('GET', url);
      if (res.status === 200) return;
    } catch (e) { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(new URL(url).pathname + ' did not answer within ' + waitSeconds + 's');
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

function kubernetesHeaders(extra) {
  const token = fs.readFileSync(accountDir + '/token', 'utf8').trim();
  return Object.assign({ Authorization: 'Bearer ' + token, Accept: 'application/json' }, extra || {});
}

const secretUrl = () => kubernetes + '/api/v1/namespaces/' + namespace + '/secrets/' + keysSecret;

async function storedKeys() {
  const res = await request('GET', secretUrl(), { headers: kubernetesHeaders() });
  if (res.status !== 200) throw new Error('reading Secret ' + keysSecret + ' answered ' + res.status);
  const data = JSON.parse(res.body).data || {};
  return data.appKey && data.apiKey && data.appId;
}

async function storeKeys(keys) {
  const data = {};
  for (const [key, value] of Object.entries(keys)) data[key] = Buffer.from(value, 'utf8').toString('base64');
  const res = await request('PATCH', secretUrl(), {
    headers: kubernetesHeaders({ 'Content-Type': 'application/merge-patch+json' }),
    body: JSON.stringify({ data }),
  });
  if (res.status !== 200) throw new Error('patching Secret ' + keysSecret + ' answered ' + res.status);
}

function cookies(res) {
  return (res.headers['set-cookie'] || []).map((cookie) => cookie.split(';')[0]).join('; ');
}

function csrfToken(html) {
  const match = /name="_csrf"\s+value="([^"]+)"/.exec(html) || /csrf_token['"]?\s*[:=]\s*['"]([^'"]+)['"]/.exec(html);
  return match ? match[1] : null;
}

// Creates the first user through the dashboard's first-run form; Countly answers /setup only while it has no user.
async function createAdmin() {
  const page = await request('GET', frontend + '/setup');
  const token = page.status === 200 ? csrfToken(page.body) : null;
  if (!token) {
    console.log('Countly already has its first user');
    return;
  }
  const form = new URLSearchParams({ full_name: 'cncfdemo admin', username, password, email, _csrf: token }).toString();
  const res = await request('POST', frontend + '/setup', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies(page) },
    body: form,
  });
  if (res.status >= 400) throw new Error('creating the first user answered ' + res.status);
  console.log('created Countly\'s first user, ' + username);
}

async function apiKey() {
  const basic = Buffer.from(username + ':' + password, 'utf8').toString('base64');
  const res = await request('GET', frontend + '/api-key', { headers: { Authorization: 'Basic ' + basic } });
  const key = res.body.trim();
  if (res.status !== 200 || !/^[A-Za-z0-9]+$/.test(key)) {
    throw new Error('Countly did not accept ' + username + ' with the demo\'s password (/api-key answered ' + res.status
      + '): was it set up by someone else?');
  }
  return key;
}

function apps(mine) {
  const all = [];
  for (const group of [mine.admin_of, mine.user_of]) {
    if (group) all.push(...(Array.isArray(group) ? group : Object.values(group)));
  }
  return all;
}

async function app(key) {
  const mine = await request('GET', api + '/o/apps/mine?api_key=' + encodeURIComponent(key));
  if (mine.status !== 200) throw new Error('listing apps answered ' + mine.status);
  const existing = apps(JSON.parse(mine.body)).find((candidate) => candidate.name === appName);
  if (existing) {
    console.log('app ' + appName + ' exists');
    return existing;
  }
  const args = encodeURIComponent(JSON.stringify({ name: appName }));
  const created = await request('GET', api + '/i/apps/create?api_key=' + encodeURIComponent(key) + '&args=' + args);
  if (created.status !== 200) throw new Error('creating app ' + appName + ' answered ' + created.status);
  console.log('created app ' + appName);
  return JSON.parse(created.body);
}

async function main() {
  if (await storedKeys()) {
    console.log('Secret ' + keysSecret + ' holds the keys already');
    return;
  }
  await untilAnswers(frontend + '/ping');
  await untilAnswers(api + '/o/ping');
  await createAdmin();
  const key = await apiKey();
  const found = await app(key);
  await storeKeys({ appKey: found.key, apiKey: key, appId: String(found._id) });
  console.log('stored the keys of app ' + appName + ' in Secret ' + keysSecret);
}

main().catch((error) => {
  console.error('countly setup failed: ' + error.message);
  process.exit(1);
});
