'use strict';
// Logic of the JS embed: plurals, number/currency formats, language choice, URL safety, CSRF, rendering.
// Run: node --test src/test/js   (RetentionJsTest runs it in the Maven build).
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const {install, Node} = require('./dom-shim');

const doc = install();
const rk = require(path.join(__dirname, '../../main/resources/static/retention/widget/retention.js'));

test('Polish points take the one, few and many forms', () => {
  const pl = rk.i18n('pl');
  assert.equal(pl.pts(1), '1 punkt');
  assert.equal(pl.pts(2), '2 punkty');
  assert.equal(pl.pts(5), '5 punktów');
  assert.equal(pl.pts(22), '22 punkty');
  assert.equal(pl.pts(25), '25 punktów');
  assert.equal(pl.pts(1250), '1250 punktów');
  assert.equal(pl.pts(12500), '12\u00a0500 punktów');
});

test('Romanian points take "de" from twenty on', () => {
  const ro = rk.i18n('ro');
  assert.equal(ro.pts(1), '1 punct');
  assert.equal(ro.pts(2), '2 puncte');
  assert.equal(ro.pts(19), '19 puncte');
  assert.equal(ro.pts(20), '20 de puncte');
  assert.equal(ro.pts(101), '101 puncte');
  assert.equal(ro.pts(1250), '1.250 de puncte');
});

test('English and Brazilian Portuguese singular and plural, with their own digit grouping', () => {
  assert.equal(rk.i18n('en').pts(1), '1 point');
  assert.equal(rk.i18n('en').pts(1250), '1,250 points');
  assert.equal(rk.i18n('pt-BR').pts(1), '1 ponto');
  assert.equal(rk.i18n('pt-BR').pts(1250), '1.250 pontos');
});

test('money and dates follow the language', () => {
  assert.equal(rk.i18n('en').money(12.5, 'EUR'), '€12.50');
  assert.match(rk.i18n('pt-BR').money(12.5, 'BRL'), /^R\$\s12,50$/);
  assert.match(rk.i18n('pl').money(12.5, 'PLN'), /^12,50\szł$/);
  assert.match(rk.i18n('ro').money(12.5, 'RON'), /^12,50\sRON$/);
  assert.equal(rk.i18n('en').date('2026-12-31T10:00:00Z'), 'Dec 31, 2026');
  assert.equal(rk.i18n('pl').date('2026-12-31T10:00:00Z'), '31 gru 2026');
  assert.equal(rk.i18n('en').date('not a date'), '');
});

test('the language comes from the page tag, any Portuguese is pt-BR, anything else falls back to English', () => {
  assert.equal(rk.pickLang('pl-PL'), 'pl');
  assert.equal(rk.pickLang('ro_RO'), 'ro');
  assert.equal(rk.pickLang('pt-PT'), 'pt-BR');
  assert.equal(rk.pickLang('de-DE'), 'en');
  assert.equal(rk.pickLang(''), 'en');
});

test('every language has every text, with the same placeholders', () => {
  const placeholders = (s) => JSON.stringify(s).match(/\{\w+\}/g)?.sort().filter((v, i, a) => a.indexOf(v) === i) || [];
  for (const lang of ['pt-BR', 'ro', 'pl']) {
    for (const key of Object.keys(rk.M.en)) {
      assert.ok(rk.M[lang][key] !== undefined, lang + ' lacks ' + key);
      assert.deepEqual(placeholders(rk.M[lang][key]), placeholders(rk.M.en[key]), lang + ' ' + key);
    }
  }
});

test('links from data are followed only when they are web or relative links', () => {
  assert.equal(rk.safeUrl('https://shop.example/p/1'), 'https://shop.example/p/1');
  assert.equal(rk.safeUrl('/products/p-1'), '/products/p-1');
  assert.equal(rk.safeUrl('javascript:alert(1)'), null);
  assert.equal(rk.safeUrl('java\tscript:alert(1)'), null);
  assert.equal(rk.safeUrl(' JavaScript:alert(1)'), null);
  assert.equal(rk.safeUrl('data:text/html,<script>alert(1)</script>'), null);
  assert.equal(rk.safeUrl(null), null);
});

test('the CSRF header comes from Spring meta tags, else from the XSRF-TOKEN cookie', () => {
  doc.metas = {_csrf: 'abc', _csrf_header: 'X-CSRF-TOKEN'};
  assert.deepEqual(rk.csrfHeaders(), {'X-CSRF-TOKEN': 'abc'});
  doc.metas = {};
  doc.cookie = 'other=1; XSRF-TOKEN=t%2Bk';
  assert.deepEqual(rk.csrfHeaders(), {'X-XSRF-TOKEN': 't+k'});
  doc.cookie = '';
  assert.deepEqual(rk.csrfHeaders(), {});
});

/** A widget element as a Thymeleaf shell renders it: lang, data attributes, heading and a live body. */
function shell(type, data = {}, lang = 'en') {
  const el = new Node('section');
  el.setAttribute('lang', lang);
  el.setAttribute('data-retention-widget', type);
  for (const [k, v] of Object.entries(data)) el.setAttribute('data-' + k, v);
  const body = el.appendChild(new Node('div'));
  body.setAttribute('class', 'rk-body');
  body.setAttribute('aria-busy', 'true');
  return el;
}

function fakeApi(routes) {
  const calls = [];
  global.fetch = async (url, init) => {
    calls.push({url, ...init});
    const key = (init.method || 'GET') + ' ' + url.replace(/^\/retention\/api/, '');
    const hit = Object.entries(routes).find(([k]) => key.startsWith(k));
    const [status, body] = hit ? hit[1] : [404, {}];
    return {ok: status < 400, status, statusText: String(status), json: async () => body};
  };
  return calls;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test('a guest sees what this cart would earn instead of a balance', async () => {
  fakeApi({'GET /loyalty/summary': [401, {}], 'GET /loyalty/estimate?cartTotal=20': [200, {points: 20}]});
  const el = shell('loyalty-panel', {'cart-total': '20', 'join-url': '/register'}, 'ro');
  rk.start({querySelectorAll: () => [el]});
  await settle();
  const body = el.querySelector('.rk-body');
  assert.equal(body.getAttribute('aria-busy'), 'false');
  assert.match(body.textContent, /câștigi 20 de puncte la această comandă/);
  assert.equal(body.querySelector('a').getAttribute('href'), '/register');
});

test('recommendations render as text, drop unsafe links and post an impression with the CSRF token', async () => {
  doc.metas = {_csrf: 'tok', _csrf_header: 'X-CSRF-TOKEN'};
  global.IntersectionObserver = undefined;
  const calls = fakeApi({
    'GET /recommendations?placement=product&productId=p1&limit=4': [200, {items: [
      {productId: 'p2', name: '<img src=x onerror=alert(1)>', price: 4.5, currency: 'EUR', url: 'javascript:alert(1)',
        imageUrl: '/i/p2.png', inStock: true, reason: 'Bought together'}]}],
    'POST /recommendations/events': [202, null]
  });
  const el = shell('recommendations', {placement: 'product', 'product-id': 'p1', limit: '4'}, 'pl');
  rk.start({querySelectorAll: () => [el]});
  await settle();
  const card = el.querySelector('.rk-card');
  assert.equal(card.querySelector('.rk-name').textContent, '<img src=x onerror=alert(1)>');
  assert.equal(card.querySelector('.rk-name').getAttribute('href'), '#');
  assert.match(card.textContent, /4,50\s€/);
  assert.match(card.textContent, /Dostępny/);
  const impression = calls.find((c) => c.method === 'POST');
  assert.equal(impression.headers['X-CSRF-TOKEN'], 'tok');
  assert.deepEqual(JSON.parse(impression.body), {type: 'IMPRESSION', placement: 'product', productIds: ['p2']});
  assert.equal(impression.credentials, 'include');
  doc.metas = {};
});

test('a failed load says so and offers a retry', async () => {
  fakeApi({'GET /referral': [500, {detail: 'boom'}]});
  const el = shell('referral', {}, 'pt-BR');
  rk.start({querySelectorAll: () => [el]});
  await settle();
  assert.match(el.querySelector('.rk-body').textContent, /Não foi possível carregar agora\.Tentar de novo/);
  assert.equal(el.querySelector('[role="alert"]').textContent, 'Não foi possível carregar agora.');
});

test('a host whose cart takes a form post gets an add-to-cart form carrying the CSRF token', async () => {
  doc.metas = {_csrf: 'tok', _csrf_parameter: '_csrf'};
  global.IntersectionObserver = undefined;
  fakeApi({
    'GET /recommendations?placement=cart&productId=p1&productId=p2&limit=8': [200, {placement: 'cart', items: [
      {productId: 'p3', name: 'Mug', price: 12, currency: 'EUR', url: '/products/p3', imageUrl: '/i/p3.png', reason: 'Often bought together'}]}],
    'POST /recommendations/events': [202, {recorded: 1}]
  });
  const el = shell('recommendations', {placement: 'cart', 'product-id': 'p1, p2', 'add-to-cart-url': '/cart/add',
    'add-to-cart-method': 'post'});
  rk.start({querySelectorAll: () => [el]});
  await settle();
  const form = el.querySelector('form');
  assert.equal(form.getAttribute('method'), 'post');
  assert.equal(form.getAttribute('action'), '/cart/add');
  const fields = Object.fromEntries(form.querySelectorAll('input').map((i) => [i.getAttribute('name'), i.getAttribute('value')]));
  assert.deepEqual(fields, {productId: 'p3', quantity: '1', _csrf: 'tok'});
  doc.metas = {};
});
