'use strict';
// Just enough DOM for retention.js under node --test: elements, text, attributes, events, class selectors.
class Node {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attrs = new Map();
    this.children = [];
    this.listeners = {};
    this.parentNode = null;
    this.text = '';
    this.dataset = {};
    this.scrollHeight = 0;
    this.clientHeight = 0;
  }
  get textContent() { return this.tagName === '#TEXT' ? this.text : this.text + this.children.map((c) => c.textContent).join(''); }
  set textContent(v) { this.children = []; this.text = String(v); }
  get lang() { return this.getAttribute('lang') || ''; }
  get className() { return this.getAttribute('class') || ''; }
  set className(v) { this.setAttribute('class', v); }
  get classList() { return {add: (c) => this.setAttribute('class', (this.className + ' ' + c).trim())}; }
  setAttribute(k, v) {
    this.attrs.set(k, String(v));
    if (k.startsWith('data-')) this.dataset[k.slice(5).replace(/-(\w)/g, (m, c) => c.toUpperCase())] = String(v);
  }
  getAttribute(k) { return this.attrs.has(k) ? this.attrs.get(k) : null; }
  removeAttribute(k) { this.attrs.delete(k); }
  appendChild(c) { c.parentNode = this; this.children.push(c); return c; }
  replaceChildren(...kids) {
    this.children = [];
    this.text = '';
    kids.forEach((k) => this.appendChild(typeof k === 'string' ? text(k) : k));
  }
  addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
  dispatchEvent(ev) { (this.listeners[ev.type] || []).forEach((fn) => fn(ev)); return true; }
  all() { return this.children.flatMap((c) => [c, ...c.all()]); }
  matches(sel) {
    return sel.split(',').some((s) => {
      s = s.trim();
      if (s.startsWith('.')) return this.className.split(/\s+/).includes(s.slice(1));
      const attr = s.match(/^\[([\w-]+)(?:="?([^"\]]*)"?)?\]$/);
      if (attr) return this.attrs.has(attr[1]) && (attr[2] === undefined || this.attrs.get(attr[1]) === attr[2]);
      return this.tagName === s.toUpperCase();
    });
  }
  querySelector(sel) { return this.all().find((n) => n.matches && n.matches(sel)) || null; }
  querySelectorAll(sel) { return this.all().filter((n) => n.matches && n.matches(sel)); }
  closest(sel) { let n = this; while (n && !(n.matches && n.matches(sel))) n = n.parentNode; return n; }
}
const text = (v) => { const n = new Node('#text'); n.text = String(v); n.all = () => []; n.matches = () => false; return n; };

function install() {
  const head = new Node('head');
  const documentElement = new Node('html');
  const doc = {
    readyState: 'complete', cookie: '', currentScript: null, head, documentElement,
    metas: {},
    createElement: (tag) => new Node(tag),
    createTextNode: text,
    querySelector: (sel) => {
      const meta = sel.match(/^meta\[name="([^"]+)"\]$/);
      if (meta) return doc.metas[meta[1]] === undefined ? null : {getAttribute: () => doc.metas[meta[1]]};
      return null;
    },
    querySelectorAll: () => [],
    addEventListener: () => {}
  };
  global.document = doc;
  global.CustomEvent = class { constructor(type, init) { this.type = type; this.detail = init && init.detail; } };
  return doc;
}

module.exports = {install, Node, text};
