import { i as wt, g as xt, o as jt, a as He, b as er, T as tr, c as rr, d as ce, e as Fe, r as Be, f as Se, p as Ke, h as me, m as ar, s as Mt, j as Et, u as ne, k as de, l as At, E as sr, n as e, q as ct, t as Z, v as nr, w as ir, x as or, y as fr, z as dt, A as lr, I as Le, B as cr, C as dr, D as Ue, F as ur, G as St, H as zt, J as hr, L as pr, N as _r, K as vr, M as br, O as gr, S as mr, P as yr, Q as kr, R as wr, U as O, V as ut, W as g, X as xr, Y as X, Z as ht, _ as Mr, $ as A, a0 as V, a1 as Er, a2 as J, a3 as N, a4 as Ar, a5 as pt } from "./render-CdUuqyie.js";
function $t(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const Sr = [];
function zr(t, r = !1, s = !1) {
  return ze(t, /* @__PURE__ */ new Map(), "", Sr, null, s);
}
function ze(t, r, s, a, o = null, n = !1) {
  if (typeof t == "object" && t !== null) {
    var f = r.get(t);
    if (f !== void 0) return f;
    if (t instanceof Map) return (
      /** @type {Snapshot<T>} */
      new Map(t)
    );
    if (t instanceof Set) return (
      /** @type {Snapshot<T>} */
      new Set(t)
    );
    if (wt(t)) {
      var c = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, c), o !== null && r.set(o, c);
      for (var d = 0; d < t.length; d += 1) {
        var v = t[d];
        d in t && (c[d] = ze(v, r, s, a, null, n));
      }
      return c;
    }
    if (xt(t) === jt) {
      c = {}, r.set(t, c), o !== null && r.set(o, c);
      for (var p in t)
        c[p] = ze(
          // @ts-expect-error
          t[p],
          r,
          s,
          a,
          null,
          n
        );
      return c;
    }
    if (t instanceof Date)
      return (
        /** @type {Snapshot<T>} */
        structuredClone(t)
      );
    if (typeof /** @type {T & { toJSON?: any } } */
    t.toJSON == "function" && !n)
      return ze(
        /** @type {T & { toJSON(): any } } */
        t.toJSON(),
        r,
        s,
        a,
        // Associate the instance with the toJSON clone
        t
      );
  }
  if (t instanceof EventTarget)
    return (
      /** @type {Snapshot<T>} */
      t
    );
  try {
    return (
      /** @type {Snapshot<T>} */
      structuredClone(t)
    );
  } catch {
    return (
      /** @type {Snapshot<T>} */
      t
    );
  }
}
function Tt(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function Ye(t, r) {
  var s = (
    /** @type {Effect} */
    rr
  );
  s.nodes === null && (s.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function ie(t, r) {
  var s = (r & tr) !== 0, a, o = !t.startsWith("<!>");
  return () => {
    a === void 0 && (a = Tt(o ? t : "<!>" + t), a = /** @type {TemplateNode} */
    He(a));
    var n = (
      /** @type {TemplateNode} */
      s || er ? document.importNode(a, !0) : a.cloneNode(!0)
    );
    return Ye(n, n), n;
  };
}
// @__NO_SIDE_EFFECTS__
function $r(t, r, s = "svg") {
  var a = !t.startsWith("<!>"), o = `<${s}>${a ? t : "<!>" + t}</${s}>`, n;
  return () => {
    if (!n) {
      var f = (
        /** @type {DocumentFragment} */
        Tt(o)
      ), c = (
        /** @type {Element} */
        He(f)
      );
      n = /** @type {Element} */
      He(c);
    }
    var d = (
      /** @type {TemplateNode} */
      n.cloneNode(!0)
    );
    return Ye(d, d), d;
  };
}
// @__NO_SIDE_EFFECTS__
function ye(t, r) {
  return /* @__PURE__ */ $r(t, r, "svg");
}
function Tr() {
  var t = document.createDocumentFragment(), r = document.createComment(""), s = ce();
  return t.append(r, s), Ye(r, s), t;
}
function P(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class Cr {
  /** @type {TemplateNode} */
  anchor;
  /** @type {Map<Batch, Key>} */
  #t = /* @__PURE__ */ new Map();
  /**
   * Map of keys to effects that are currently rendered in the DOM.
   * These effects are visible and actively part of the document tree.
   * Example:
   * ```
   * {#if condition}
   * 	foo
   * {:else}
   * 	bar
   * {/if}
   * ```
   * Can result in the entries `true->Effect` and `false->Effect`
   * @type {Map<Key, Effect>}
   */
  #r = /* @__PURE__ */ new Map();
  /**
   * Similar to #onscreen with respect to the keys, but contains branches that are not yet
   * in the DOM, because their insertion is deferred.
   * @type {Map<Key, Branch>}
   */
  #e = /* @__PURE__ */ new Map();
  /**
   * Keys of effects that are currently outroing
   * @type {Set<Key>}
   */
  #a = /* @__PURE__ */ new Set();
  /**
   * Whether to pause (i.e. outro) on change, or destroy immediately.
   * This is necessary for `<svelte:element>`
   */
  #s = !0;
  /**
   * @param {TemplateNode} anchor
   * @param {boolean} transition
   */
  constructor(r, s = !0) {
    this.anchor = r, this.#s = s;
  }
  #n = () => {
    var r = (
      /** @type {Batch} */
      Fe
    );
    if (this.#t.has(r)) {
      var s = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(s);
      if (a)
        Be(a), this.#a.delete(s);
      else {
        var o = this.#e.get(s);
        o && (this.#r.set(s, o.effect), this.#e.delete(s), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), a = o.effect);
      }
      for (const [n, f] of this.#t) {
        if (this.#t.delete(n), n === r)
          break;
        const c = this.#e.get(f);
        c && (Se(c.effect), this.#e.delete(f));
      }
      for (const [n, f] of this.#r) {
        if (n === s || this.#a.has(n)) continue;
        const c = () => {
          if (Array.from(this.#t.values()).includes(n)) {
            var v = document.createDocumentFragment();
            ar(f, v), v.append(ce()), this.#e.set(n, { effect: f, fragment: v });
          } else
            Se(f);
          this.#a.delete(n), this.#r.delete(n);
        };
        this.#s || !a ? (this.#a.add(n), Ke(f, c, !1)) : c();
      }
    }
  };
  /**
   * @param {Batch} batch
   */
  #i = (r) => {
    this.#t.delete(r);
    const s = Array.from(this.#t.values());
    for (const [a, o] of this.#e)
      s.includes(a) || (Se(o.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, s) {
    var a = (
      /** @type {Batch} */
      Fe
    ), o = Mt();
    if (s && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var n = document.createDocumentFragment(), f = ce();
        n.append(f), this.#e.set(r, {
          effect: me(() => s(f)),
          fragment: n
        });
      } else
        this.#r.set(
          r,
          me(() => s(this.anchor))
        );
    if (this.#t.set(a, r), o) {
      for (const [c, d] of this.#r)
        c === r ? a.skipped_effects.delete(d) : a.skipped_effects.add(d);
      for (const [c, d] of this.#e)
        c === r ? a.skipped_effects.delete(d.effect) : a.skipped_effects.add(d.effect);
      a.oncommit(this.#n), a.ondiscard(this.#i);
    } else
      this.#n();
  }
}
function Ct(t) {
  Et === null && $t(), ne(() => {
    const r = de(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function qr(t) {
  Et === null && $t(), Ct(() => () => de(t));
}
function fe(t, r, s = !1) {
  var a = new Cr(t), o = s ? sr : 0;
  function n(f, c) {
    a.ensure(f, c);
  }
  At(() => {
    var f = !1;
    r((c, d = !0) => {
      f = !0, n(d, c);
    }), f || n(!1, null);
  }, o);
}
function _e(t, r) {
  return r;
}
function Nr(t, r, s) {
  for (var a = [], o = r.length, n, f = r.length, c = 0; c < o; c++) {
    let m = r[c];
    Ke(
      m,
      () => {
        if (n) {
          if (n.pending.delete(m), n.done.add(m), n.pending.size === 0) {
            var k = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            Pe(Ue(n.done)), k.delete(n), k.size === 0 && (t.outrogroups = null);
          }
        } else
          f -= 1;
      },
      !1
    );
  }
  if (f === 0) {
    var d = a.length === 0 && s !== null;
    if (d) {
      var v = (
        /** @type {Element} */
        s
      ), p = (
        /** @type {Element} */
        v.parentNode
      );
      dr(p), p.append(v), t.items.clear();
    }
    Pe(r, !d);
  } else
    n = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(n);
}
function Pe(t, r = !0) {
  for (var s = 0; s < t.length; s++)
    Se(t[s], r);
}
var _t;
function ve(t, r, s, a, o, n = null) {
  var f = t, c = /* @__PURE__ */ new Map(), d = (r & St) !== 0;
  if (d) {
    var v = (
      /** @type {Element} */
      t
    );
    f = v.appendChild(ce());
  }
  var p = null, m = nr(() => {
    var _ = s();
    return wt(_) ? _ : _ == null ? [] : Ue(_);
  }), k, x = !0;
  function I() {
    l.fallback = p, Ir(l, k, f, r, a), p !== null && (k.length === 0 ? (p.f & Z) === 0 ? Be(p) : (p.f ^= Z, ge(p, null, f)) : Ke(p, () => {
      p = null;
    }));
  }
  var $ = At(() => {
    k = /** @type {V[]} */
    e(m);
    for (var _ = k.length, R = /* @__PURE__ */ new Set(), T = (
      /** @type {Batch} */
      Fe
    ), y = Mt(), M = 0; M < _; M += 1) {
      var H = k[M], S = a(H, M), E = x ? null : c.get(S);
      E ? (E.v && ct(E.v, H), E.i && ct(E.i, M), y && T.skipped_effects.delete(E.e)) : (E = Rr(
        c,
        x ? f : _t ??= ce(),
        H,
        S,
        M,
        o,
        r,
        s
      ), x || (E.e.f |= Z), c.set(S, E)), R.add(S);
    }
    if (_ === 0 && n && !p && (x ? p = me(() => n(f)) : (p = me(() => n(_t ??= ce())), p.f |= Z)), !x)
      if (y) {
        for (const [B, Y] of c)
          R.has(B) || T.skipped_effects.add(Y.e);
        T.oncommit(I), T.ondiscard(() => {
        });
      } else
        I();
    e(m);
  }), l = { effect: $, items: c, outrogroups: null, fallback: p };
  x = !1;
}
function be(t) {
  for (; t !== null && (t.f & cr) === 0; )
    t = t.next;
  return t;
}
function Ir(t, r, s, a, o) {
  var n = (a & hr) !== 0, f = r.length, c = t.items, d = be(t.effect.first), v, p = null, m, k = [], x = [], I, $, l, _;
  if (n)
    for (_ = 0; _ < f; _ += 1)
      I = r[_], $ = o(I, _), l = /** @type {EachItem} */
      c.get($).e, (l.f & Z) === 0 && (l.nodes?.a?.measure(), (m ??= /* @__PURE__ */ new Set()).add(l));
  for (_ = 0; _ < f; _ += 1) {
    if (I = r[_], $ = o(I, _), l = /** @type {EachItem} */
    c.get($).e, t.outrogroups !== null)
      for (const Y of t.outrogroups)
        Y.pending.delete(l), Y.done.delete(l);
    if ((l.f & Z) !== 0)
      if (l.f ^= Z, l === d)
        ge(l, null, s);
      else {
        var R = p ? p.next : d;
        l === t.effect.last && (t.effect.last = l.prev), l.prev && (l.prev.next = l.next), l.next && (l.next.prev = l.prev), ae(t, p, l), ae(t, l, R), ge(l, R, s), p = l, k = [], x = [], d = be(p.next);
        continue;
      }
    if ((l.f & Le) !== 0 && (Be(l), n && (l.nodes?.a?.unfix(), (m ??= /* @__PURE__ */ new Set()).delete(l))), l !== d) {
      if (v !== void 0 && v.has(l)) {
        if (k.length < x.length) {
          var T = x[0], y;
          p = T.prev;
          var M = k[0], H = k[k.length - 1];
          for (y = 0; y < k.length; y += 1)
            ge(k[y], T, s);
          for (y = 0; y < x.length; y += 1)
            v.delete(x[y]);
          ae(t, M.prev, H.next), ae(t, p, M), ae(t, H, T), d = T, p = H, _ -= 1, k = [], x = [];
        } else
          v.delete(l), ge(l, d, s), ae(t, l.prev, l.next), ae(t, l, p === null ? t.effect.first : p.next), ae(t, p, l), p = l;
        continue;
      }
      for (k = [], x = []; d !== null && d !== l; )
        (v ??= /* @__PURE__ */ new Set()).add(d), x.push(d), d = be(d.next);
      if (d === null)
        continue;
    }
    (l.f & Z) === 0 && k.push(l), p = l, d = be(l.next);
  }
  if (t.outrogroups !== null) {
    for (const Y of t.outrogroups)
      Y.pending.size === 0 && (Pe(Ue(Y.done)), t.outrogroups?.delete(Y));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (d !== null || v !== void 0) {
    var S = [];
    if (v !== void 0)
      for (l of v)
        (l.f & Le) === 0 && S.push(l);
    for (; d !== null; )
      (d.f & Le) === 0 && d !== t.fallback && S.push(d), d = be(d.next);
    var E = S.length;
    if (E > 0) {
      var B = (a & St) !== 0 && f === 0 ? s : null;
      if (n) {
        for (_ = 0; _ < E; _ += 1)
          S[_].nodes?.a?.measure();
        for (_ = 0; _ < E; _ += 1)
          S[_].nodes?.a?.fix();
      }
      Nr(t, S, B);
    }
  }
  n && zt(() => {
    if (m !== void 0)
      for (l of m)
        l.nodes?.a?.apply();
  });
}
function Rr(t, r, s, a, o, n, f, c) {
  var d = (f & ir) !== 0 ? (f & or) === 0 ? fr(s, !1, !1) : dt(s) : null, v = (f & lr) !== 0 ? dt(o) : null;
  return {
    v: d,
    i: v,
    e: me(() => (n(r, d ?? s, v ?? o, c), () => {
      t.delete(a);
    }))
  };
}
function ge(t, r, s) {
  if (t.nodes)
    for (var a = t.nodes.start, o = t.nodes.end, n = r && (r.f & Z) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : s; a !== null; ) {
      var f = (
        /** @type {TemplateNode} */
        ur(a)
      );
      if (n.before(a), a === o)
        return;
      a = f;
    }
}
function ae(t, r, s) {
  r === null ? t.effect.first = s : r.next = s, s === null ? t.effect.last = r : s.prev = r;
}
const vt = [...` 	
\r\f \v\uFEFF`];
function Dr(t, r, s) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), s) {
    for (var o in s)
      if (s[o])
        a = a ? a + " " + o : o;
      else if (a.length)
        for (var n = o.length, f = 0; (f = a.indexOf(o, f)) >= 0; ) {
          var c = f + n;
          (f === 0 || vt.includes(a[f - 1])) && (c === a.length || vt.includes(a[c])) ? a = (f === 0 ? "" : a.substring(0, f)) + a.substring(c + 1) : f = c;
        }
  }
  return a === "" ? null : a;
}
function Lr(t, r) {
  return t == null ? null : String(t);
}
function le(t, r, s, a, o, n) {
  var f = t.__className;
  if (f !== s || f === void 0) {
    var c = Dr(s, a, n);
    c == null ? t.removeAttribute("class") : t.className = c, t.__className = s;
  } else if (n && o !== n)
    for (var d in n) {
      var v = !!n[d];
      (o == null || v !== !!o[d]) && t.classList.toggle(d, v);
    }
  return n;
}
function bt(t, r, s, a) {
  var o = t.__style;
  if (o !== r) {
    var n = Lr(r);
    n == null ? t.removeAttribute("style") : t.style.cssText = n, t.__style = r;
  }
  return a;
}
const Or = /* @__PURE__ */ Symbol("is custom element"), Hr = /* @__PURE__ */ Symbol("is html");
function h(t, r, s, a) {
  var o = Fr(t);
  o[r] !== (o[r] = s) && (r === "loading" && (t[pr] = s), s == null ? t.removeAttribute(r) : typeof s != "string" && Pr(t).includes(r) ? t[r] = s : t.setAttribute(r, s));
}
function Fr(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [Or]: t.nodeName.includes("-"),
      [Hr]: t.namespaceURI === _r
    }
  );
}
var gt = /* @__PURE__ */ new Map();
function Pr(t) {
  var r = t.getAttribute("is") || t.nodeName, s = gt.get(r);
  if (s) return s;
  gt.set(r, s = []);
  for (var a, o = t, n = Element.prototype; n !== o; ) {
    a = vr(o);
    for (var f in a)
      a[f].set && s.push(f);
    o = xt(o);
  }
  return s;
}
function mt(t, r) {
  return t === r || t?.[mr] === r;
}
function Oe(t = {}, r, s, a) {
  return br(() => {
    var o, n;
    return gr(() => {
      o = n, n = [], de(() => {
        t !== s(...n) && (r(t, ...n), o && mt(s(...o), t) && r(null, ...o));
      });
    }), () => {
      zt(() => {
        n && mt(s(...n), t) && r(null, ...n);
      });
    };
  }), t;
}
function Br(t, r, s) {
  if (t == null)
    return r(void 0), yr;
  const a = de(
    () => t.subscribe(
      r,
      // @ts-expect-error
      s
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function Kr(t) {
  let r;
  return Br(t, (s) => r = s)(), r;
}
const Ur = {
  get(t, r) {
    if (!t.exclude.includes(r))
      return t.props[r];
  },
  set(t, r) {
    return !1;
  },
  getOwnPropertyDescriptor(t, r) {
    if (!t.exclude.includes(r) && r in t.props)
      return {
        enumerable: !0,
        configurable: !0,
        value: t.props[r]
      };
  },
  has(t, r) {
    return t.exclude.includes(r) ? !1 : r in t.props;
  },
  ownKeys(t) {
    return Reflect.ownKeys(t.props).filter((r) => !t.exclude.includes(r));
  }
};
// @__NO_SIDE_EFFECTS__
function Yr(t, r, s) {
  return new Proxy(
    { props: t, exclude: r },
    Ur
  );
}
const Xr = [
  { color: "red", primary: 600, secondary: 100 },
  { color: "green", primary: 600, secondary: 100 },
  { color: "blue", primary: 600, secondary: 100 },
  { color: "yellow", primary: 500, secondary: 100 },
  { color: "purple", primary: 600, secondary: 100 },
  { color: "teal", primary: 600, secondary: 100 },
  { color: "orange", primary: 600, secondary: 100 },
  { color: "cyan", primary: 600, secondary: 100 },
  { color: "lime", primary: 500, secondary: 100 },
  { color: "pink", primary: 600, secondary: 100 }
], yt = {
  inherit: "inherit",
  current: "currentColor",
  transparent: "transparent",
  black: "#000",
  white: "#fff",
  slate: {
    50: "#f8fafc",
    100: "#f1f5f9",
    200: "#e2e8f0",
    300: "#cbd5e1",
    400: "#94a3b8",
    500: "#64748b",
    600: "#475569",
    700: "#334155",
    800: "#1e293b",
    900: "#0f172a",
    950: "#020617"
  },
  gray: {
    50: "#f9fafb",
    100: "#f3f4f6",
    200: "#e5e7eb",
    300: "#d1d5db",
    400: "#9ca3af",
    500: "#6b7280",
    600: "#4b5563",
    700: "#374151",
    800: "#1f2937",
    900: "#111827",
    950: "#030712"
  },
  zinc: {
    50: "#fafafa",
    100: "#f4f4f5",
    200: "#e4e4e7",
    300: "#d4d4d8",
    400: "#a1a1aa",
    500: "#71717a",
    600: "#52525b",
    700: "#3f3f46",
    800: "#27272a",
    900: "#18181b",
    950: "#09090b"
  },
  neutral: {
    50: "#fafafa",
    100: "#f5f5f5",
    200: "#e5e5e5",
    300: "#d4d4d4",
    400: "#a3a3a3",
    500: "#737373",
    600: "#525252",
    700: "#404040",
    800: "#262626",
    900: "#171717",
    950: "#0a0a0a"
  },
  stone: {
    50: "#fafaf9",
    100: "#f5f5f4",
    200: "#e7e5e4",
    300: "#d6d3d1",
    400: "#a8a29e",
    500: "#78716c",
    600: "#57534e",
    700: "#44403c",
    800: "#292524",
    900: "#1c1917",
    950: "#0c0a09"
  },
  red: {
    50: "#fef2f2",
    100: "#fee2e2",
    200: "#fecaca",
    300: "#fca5a5",
    400: "#f87171",
    500: "#ef4444",
    600: "#dc2626",
    700: "#b91c1c",
    800: "#991b1b",
    900: "#7f1d1d",
    950: "#450a0a"
  },
  orange: {
    50: "#fff7ed",
    100: "#ffedd5",
    200: "#fed7aa",
    300: "#fdba74",
    400: "#fb923c",
    500: "#f97316",
    600: "#ea580c",
    700: "#c2410c",
    800: "#9a3412",
    900: "#7c2d12",
    950: "#431407"
  },
  amber: {
    50: "#fffbeb",
    100: "#fef3c7",
    200: "#fde68a",
    300: "#fcd34d",
    400: "#fbbf24",
    500: "#f59e0b",
    600: "#d97706",
    700: "#b45309",
    800: "#92400e",
    900: "#78350f",
    950: "#451a03"
  },
  yellow: {
    50: "#fefce8",
    100: "#fef9c3",
    200: "#fef08a",
    300: "#fde047",
    400: "#facc15",
    500: "#eab308",
    600: "#ca8a04",
    700: "#a16207",
    800: "#854d0e",
    900: "#713f12",
    950: "#422006"
  },
  lime: {
    50: "#f7fee7",
    100: "#ecfccb",
    200: "#d9f99d",
    300: "#bef264",
    400: "#a3e635",
    500: "#84cc16",
    600: "#65a30d",
    700: "#4d7c0f",
    800: "#3f6212",
    900: "#365314",
    950: "#1a2e05"
  },
  green: {
    50: "#f0fdf4",
    100: "#dcfce7",
    200: "#bbf7d0",
    300: "#86efac",
    400: "#4ade80",
    500: "#22c55e",
    600: "#16a34a",
    700: "#15803d",
    800: "#166534",
    900: "#14532d",
    950: "#052e16"
  },
  emerald: {
    50: "#ecfdf5",
    100: "#d1fae5",
    200: "#a7f3d0",
    300: "#6ee7b7",
    400: "#34d399",
    500: "#10b981",
    600: "#059669",
    700: "#047857",
    800: "#065f46",
    900: "#064e3b",
    950: "#022c22"
  },
  teal: {
    50: "#f0fdfa",
    100: "#ccfbf1",
    200: "#99f6e4",
    300: "#5eead4",
    400: "#2dd4bf",
    500: "#14b8a6",
    600: "#0d9488",
    700: "#0f766e",
    800: "#115e59",
    900: "#134e4a",
    950: "#042f2e"
  },
  cyan: {
    50: "#ecfeff",
    100: "#cffafe",
    200: "#a5f3fc",
    300: "#67e8f9",
    400: "#22d3ee",
    500: "#06b6d4",
    600: "#0891b2",
    700: "#0e7490",
    800: "#155e75",
    900: "#164e63",
    950: "#083344"
  },
  sky: {
    50: "#f0f9ff",
    100: "#e0f2fe",
    200: "#bae6fd",
    300: "#7dd3fc",
    400: "#38bdf8",
    500: "#0ea5e9",
    600: "#0284c7",
    700: "#0369a1",
    800: "#075985",
    900: "#0c4a6e",
    950: "#082f49"
  },
  blue: {
    50: "#eff6ff",
    100: "#dbeafe",
    200: "#bfdbfe",
    300: "#93c5fd",
    400: "#60a5fa",
    500: "#3b82f6",
    600: "#2563eb",
    700: "#1d4ed8",
    800: "#1e40af",
    900: "#1e3a8a",
    950: "#172554"
  },
  indigo: {
    50: "#eef2ff",
    100: "#e0e7ff",
    200: "#c7d2fe",
    300: "#a5b4fc",
    400: "#818cf8",
    500: "#6366f1",
    600: "#4f46e5",
    700: "#4338ca",
    800: "#3730a3",
    900: "#312e81",
    950: "#1e1b4b"
  },
  violet: {
    50: "#f5f3ff",
    100: "#ede9fe",
    200: "#ddd6fe",
    300: "#c4b5fd",
    400: "#a78bfa",
    500: "#8b5cf6",
    600: "#7c3aed",
    700: "#6d28d9",
    800: "#5b21b6",
    900: "#4c1d95",
    950: "#2e1065"
  },
  purple: {
    50: "#faf5ff",
    100: "#f3e8ff",
    200: "#e9d5ff",
    300: "#d8b4fe",
    400: "#c084fc",
    500: "#a855f7",
    600: "#9333ea",
    700: "#7e22ce",
    800: "#6b21a8",
    900: "#581c87",
    950: "#3b0764"
  },
  fuchsia: {
    50: "#fdf4ff",
    100: "#fae8ff",
    200: "#f5d0fe",
    300: "#f0abfc",
    400: "#e879f9",
    500: "#d946ef",
    600: "#c026d3",
    700: "#a21caf",
    800: "#86198f",
    900: "#701a75",
    950: "#4a044e"
  },
  pink: {
    50: "#fdf2f8",
    100: "#fce7f3",
    200: "#fbcfe8",
    300: "#f9a8d4",
    400: "#f472b6",
    500: "#ec4899",
    600: "#db2777",
    700: "#be185d",
    800: "#9d174d",
    900: "#831843",
    950: "#500724"
  },
  rose: {
    50: "#fff1f2",
    100: "#ffe4e6",
    200: "#fecdd3",
    300: "#fda4af",
    400: "#fb7185",
    500: "#f43f5e",
    600: "#e11d48",
    700: "#be123c",
    800: "#9f1239",
    900: "#881337",
    950: "#4c0519"
  }
};
Xr.reduce((t, { color: r, primary: s, secondary: a }) => ({
  ...t,
  [r]: {
    primary: yt[r][s],
    secondary: yt[r][a]
  }
}), {});
function Vr(t) {
  let r;
  const s = wr((o) => {
    let n = !1;
    const f = t.subscribe((c) => {
      r = c, n && o();
    });
    return n = !0, f;
  });
  function a() {
    return kr() ? (s(), r) : Kr(t);
  }
  return "set" in t ? {
    get current() {
      return a();
    },
    set current(o) {
      t.set(o);
    }
  } : {
    get current() {
      return a();
    }
  };
}
const Wr = "__i18n__", Gr = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], Jr = [
  "elem_id",
  "elem_classes",
  "visible",
  "interactive",
  "server_fns",
  "server",
  "id",
  "target",
  "theme_mode",
  "version",
  "root",
  "autoscroll",
  "max_file_size",
  "formatter",
  "client",
  "load_component",
  "scale",
  "min_width",
  "theme",
  "padding",
  "loading_status",
  "label",
  "show_label",
  "validation_error",
  "show_progress",
  "api_prefix",
  "container",
  "attached_events",
  "register_component",
  "unregister_component",
  "dispatcher"
];
function Zr(t) {
  return typeof t == "string" && t.includes(Wr);
}
class Qr {
  load_component;
  #t = O(ut({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    g(this.#t, r, !0);
  }
  #r = O(ut({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    g(this.#r, r, !0);
  }
  #e = O((r) => r);
  get i18n() {
    return e(this.#e);
  }
  set i18n(r) {
    g(this.#e, r, !0);
  }
  i18n_store;
  _i18n_from_store;
  translatable_props = {};
  dispatcher;
  last_update = null;
  shared_props = Jr;
  mounted = !1;
  old_value;
  register_component;
  unregister_component;
  set_data_callback;
  get_data_callback;
  registered_id = null;
  last_shared_props;
  last_props;
  constructor(r, s) {
    for (const a in r.shared_props)
      this.shared[a] = r.shared_props[a];
    for (const a in r.props)
      a !== "i18n_store" && (this.props[a] = r.props[a]);
    if (s)
      for (const a in s)
        this.props[a] === void 0 && (this.props[a] = s[a]);
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? Vr(this.i18n_store) : void 0;
    for (const a of Gr)
      this.shared[a] = this._translate_and_store(
        "shared",
        a,
        // @ts-ignore
        r.shared_props[a]
      ), this.props[a] = this._translate_and_store(
        "props",
        a,
        // @ts-ignore
        r.props[a]
      );
    this.load_component = this.shared.load_component, this.register_component = this.shared.register_component || (() => {
    }), this.unregister_component = this.shared.unregister_component || (() => {
    }), this.dispatcher = this.shared.dispatcher || (() => {
    }), this.set_data_callback = this.set_data.bind(this), this.get_data_callback = this.get_data.bind(this), this.register_component(
      this.shared.id,
      // @ts-ignore
      this.set_data_callback,
      this.get_data_callback
    ), this.registered_id = this.shared.id, this.last_shared_props = r.shared_props, this.last_props = r.props, ne(() => {
      const a = r.shared_props.id;
      if (this.last_shared_props !== r.shared_props) {
        for (const o in r.shared_props) {
          const n = r.shared_props[o];
          n !== void 0 && (this._is_i18n_managed(`shared.${o}`, n) || (this.shared[o] = n));
        }
        this.last_shared_props = r.shared_props;
      }
      if (this.last_props !== r.props) {
        for (const o in r.props) {
          if (o === "i18n_store") continue;
          const n = r.props[o];
          n !== void 0 && (this._is_i18n_managed(`props.${o}`, n) || (this.props[o] = n));
        }
        this.last_props = r.props;
      }
      this.registered_id !== null && this.registered_id !== a && this.unregister_component(this.registered_id, this.set_data_callback), this.register_component(
        a,
        // @ts-ignore
        this.set_data_callback,
        this.get_data_callback
      ), this.registered_id = a, de(() => {
        this.shared.id = a;
      });
    }), ne(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), ne(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, n] of Object.entries(this.translatable_props)) {
        const [f, c] = o.split("."), d = this.i18n(n);
        f === "shared" ? this.shared[c] = d : this.props[c] = d;
      }
    }) : void 0);
  }
  // check if props are translatable
  _is_i18n_managed(r, s) {
    const a = this.translatable_props[r];
    return a ? s === a ? !0 : (delete this.translatable_props[r], !1) : !1;
  }
  _translate_and_store(r, s, a) {
    if (typeof a != "string") return a;
    const o = this.i18n(a);
    return o !== a && (this.translatable_props[`${r}.${s}`] = a), o;
  }
  // Reactive variant of `i18n`. Reading it inside a derived or template
  // subscribes to the live locale store (via Svelte's createSubscriber), so
  // the caller re-runs when the locale changes at runtime. The store is only
  // the reactivity trigger; translation always goes through `this.i18n` so a
  // custom formatter passed via props keeps taking effect.
  live_i18n = (r) => (this._i18n_from_store?.current, this.i18n(r));
  dispatch(r, s) {
    this.dispatcher(this.shared.id, r, s);
  }
  async get_data() {
    return zr(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const s in r) {
      const a = r[s], o = Zr(a) ? this._translate_and_store(this.shared_props.includes(s) ? "shared" : "props", s, a) : a;
      if (this.shared_props.includes(s)) {
        const n = s;
        this.shared[n] = o;
        continue;
      }
      this.props[s] = o;
    }
  }
  watch_for_change() {
    ne(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const jr = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["pan", "h", "Pan"]
], ea = [
  ["V / B / E / H", "click, brush, eraser, pan tool"],
  ["[ / ]", "smaller / larger brush"],
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function kt(t, r, s) {
  let a = 0;
  for (let o = 0; o < t.length; o++) {
    const n = a + t[o];
    o % 2 === 1 && r.fill(s, a, Math.min(n, r.length)), a = n;
  }
}
function ta(t, r, s, a, o, n, f) {
  const c = Math.max(0, Math.floor(Math.min(a[0], o[0]) - n - 1)), d = Math.max(0, Math.floor(Math.min(a[1], o[1]) - n - 1)), v = Math.min(r - 1, Math.ceil(Math.max(a[0], o[0]) + n + 1)), p = Math.min(s - 1, Math.ceil(Math.max(a[1], o[1]) + n + 1));
  if (c > v || d > p) return null;
  const m = o[0] - a[0], k = o[1] - a[1], x = m * m + k * k, I = n * n;
  for (let $ = d; $ <= p; $++) {
    const l = $ + 0.5;
    for (let _ = c; _ <= v; _++) {
      const R = _ + 0.5;
      let T = x > 0 ? ((R - a[0]) * m + (l - a[1]) * k) / x : 0;
      T = T < 0 ? 0 : T > 1 ? 1 : T;
      const y = R - (a[0] + T * m), M = l - (a[1] + T * k);
      y * y + M * M <= I && (t[$ * r + _] = f);
    }
  }
  return [c, d, v - c + 1, p - d + 1];
}
var ra = /* @__PURE__ */ ie('<span class="sam-canvas-label svelte-49zqag"> </span>'), aa = /* @__PURE__ */ ie("<button> </button>"), sa = /* @__PURE__ */ ye('<rect fill="none"></rect>'), na = /* @__PURE__ */ ye('<text class="label" stroke="black" paint-order="stroke"> </text>'), ia = /* @__PURE__ */ ye('<circle fill="none" stroke="#ffd700"></circle>'), oa = /* @__PURE__ */ ye('<circle class="point" stroke="white"></circle>'), fa = /* @__PURE__ */ ye('<circle fill="none"></circle>'), la = /* @__PURE__ */ ie('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!></svg></div>'), ca = /* @__PURE__ */ ie('<div class="empty svelte-49zqag"> </div>'), da = /* @__PURE__ */ ie('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), ua = /* @__PURE__ */ ie('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), ha = /* @__PURE__ */ ie('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function _a(t, r) {
  Er(r, !0);
  const s = /* @__PURE__ */ Yr(r, ["$$slots", "$$events", "$$legacy"]), a = new Qr(s, { value: null, height: 500, shortcuts: [] }), o = V(() => [...a.props.shortcuts ?? [], ...ea]), n = V(() => a.props.value), f = V(() => e(n)?.width ?? 0), c = V(() => e(n)?.height ?? 0), d = V(() => e(n)?.mask_width || e(f)), v = V(() => e(n)?.mask_height || e(c)), p = V(() => e(n)?.image?.url ?? null);
  let m = O(void 0), k = O(void 0), x = O(void 0), I = O(0), $ = O(0), l = O(1), _ = O(0), R = O(0), T = "", y = O("click"), M = O(10), H = O(!0), S = O(!1), E = O(
    null
    // image pixels (floats) while inside
  ), B = null, Y = !1, Q = null, W = O(null), ue = null, se = null, ke = !1, he = null, G = null;
  const qt = 150;
  function $e() {
    !e(f) || !e(c) || !e(I) || !e($) || (g(l, Math.min(e(I) / e(f), e($) / e(c)), !0), g(_, (e(I) - e(f) * e(l)) / 2), g(R, (e($) - e(c) * e(l)) / 2));
  }
  function pe(i, u = e(I) / 2, w = e($) / 2) {
    const z = Math.min(64, Math.max(0.02, e(l) * i));
    g(_, u - (u - e(_)) * z / e(l)), g(R, w - (w - e(R)) * z / e(l)), g(l, z, !0);
  }
  function Xe() {
    const i = e(I) / 2, u = e($) / 2;
    pe(1 / e(l), i, u);
  }
  ne(() => {
    const i = `${e(p)}|${e(f)}x${e(c)}`;
    e(f) && e(c) && e(I) && e($) && i !== T && (T = i, $e());
  });
  function Te(i) {
    const u = e(m).getBoundingClientRect();
    return [
      (i.clientX - u.left - e(_)) / e(l),
      (i.clientY - u.top - e(R)) / e(l)
    ];
  }
  function Ce(i) {
    return i[0] >= 0 && i[1] >= 0 && i[0] < e(f) && i[1] < e(c);
  }
  const Ve = (i) => [
    Math.min(e(f) - 1, Math.max(0, Math.floor(i[0]))),
    Math.min(e(c) - 1, Math.max(0, Math.floor(i[1])))
  ];
  function Nt() {
    if (!e(k) || !e(d) || !e(v)) return;
    const i = e(k).getContext("2d");
    (!G || G.width !== e(d) || G.height !== e(v)) && (G = i.createImageData(e(d), e(v)));
    const u = new Uint32Array(G.data.buffer);
    u.fill(0);
    for (const w of e(n)?.objects ?? []) {
      const [z, F, K] = w.color, D = w.selected ? 150 : 100;
      kt(w.runs, u, (D << 24 | K << 16 | F << 8 | z) >>> 0);
    }
    i.putImageData(G, 0, 0);
  }
  function It() {
    if (!e(x)) return;
    const i = e(x).getContext("2d");
    i.clearRect(0, 0, e(x).width, e(x).height);
    const u = e(n)?.preview;
    if (!u || !se || !e(E) || e(y) !== "click" || u.at[0] !== se[0] || u.at[1] !== se[1]) return;
    const w = i.createImageData(e(d), e(v));
    kt(u.runs, new Uint32Array(w.data.buffer), 2365583560), i.putImageData(w, 0, 0), e(m)?.setAttribute("data-preview", `${u.at[0]},${u.at[1]}`);
  }
  function We() {
    e(x) && e(x).getContext("2d").clearRect(0, 0, e(d), e(v)), e(m)?.removeAttribute("data-preview");
  }
  ne(() => {
    e(n), e(d), e(v), e(k), e(x), de(() => {
      if (ke = !1, Nt(), It(), he) {
        const i = he;
        he = null, Ge(i);
      }
    });
  });
  function Ge(i) {
    if (ke) {
      he = i;
      return;
    }
    ke = !0, setTimeout(() => ke = !1, 3e3), a.dispatch("hover", { x: i[0], y: i[1] });
  }
  function qe() {
    ue && clearTimeout(ue), se = null, We(), !(e(y) !== "click" || !e(E) || !Ce(e(E)) || !e(n)?.image) && (ue = setTimeout(
      () => {
        !e(E) || !Ce(e(E)) || (se = Ve(e(E)), Ge(se));
      },
      qt
    ));
  }
  function Je(i, u, w) {
    if (!G) return;
    const z = e(d) / e(f), F = e(v) / e(c), K = (e(n)?.objects ?? []).find((oe) => oe.selected), [D, U, j] = K ? K.color : [255, 255, 255], ee = w ? 0 : (150 << 24 | j << 16 | U << 8 | D) >>> 0, te = ta(new Uint32Array(G.data.buffer), e(d), e(v), [i[0] * z, i[1] * F], [u[0] * z, u[1] * F], e(M) * z, ee);
    te && e(k).getContext("2d").putImageData(G, 0, 0, ...te);
  }
  function Rt(i) {
    if (!e(n)?.image) return;
    e(m).focus({ preventScroll: !0 });
    const u = Te(i);
    if (i.button === 1 || i.button === 0 && (Y || e(y) === "pan")) {
      B = {
        x: i.clientX,
        y: i.clientY,
        tx: e(_),
        ty: e(R)
      }, e(m).setPointerCapture(i.pointerId), i.preventDefault();
      return;
    }
    if (i.button === 0) {
      if (e(y) === "brush" || e(y) === "eraser") {
        g(W, { points: [u], erase: e(y) === "eraser" }, !0), Je(u, u, e(W).erase), e(m).setPointerCapture(i.pointerId);
        return;
      }
      Q = { x: i.clientX, y: i.clientY, moved: !1 };
    }
  }
  function Dt(i) {
    const u = Te(i);
    if (g(E, u, !0), B) {
      g(_, B.tx + i.clientX - B.x), g(R, B.ty + i.clientY - B.y);
      return;
    }
    if (e(W)) {
      const w = e(W).points[e(W).points.length - 1];
      e(W).points.push(u), Je(w, u, e(W).erase);
      return;
    }
    Q && Math.hypot(i.clientX - Q.x, i.clientY - Q.y) > 4 && (Q.moved = !0), qe();
  }
  function Lt(i) {
    if (B) {
      B = null;
      return;
    }
    if (e(W)) {
      const u = e(W);
      g(W, null), a.dispatch("stroke", {
        points: u.points,
        radius: e(M),
        erase: u.erase
      });
      return;
    }
    if (Q && !Q.moved && i.button === 0) {
      const u = Te(i);
      Ce(u) && a.dispatch("select", { index: Ve(u), value: null, selected: !0 });
    }
    Q = null;
  }
  function Ot() {
    g(E, null), ue && clearTimeout(ue), se = null, he = null, We();
  }
  function Ht(i) {
    if (!e(n)?.image) return;
    i.preventDefault();
    const u = e(m).getBoundingClientRect();
    pe(Math.pow(1.0015, -i.deltaY), i.clientX - u.left, i.clientY - u.top);
  }
  function Ft(i) {
    const u = i;
    return !!u && (u.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(u.tagName) && !["radio", "checkbox"].includes(u.type));
  }
  function we(i) {
    if (!e(m) || e(m).offsetParent === null || !e(n)?.image || i.ctrlKey || i.metaKey || i.altKey || Ft(i.target)) return;
    if (i.key === " ") {
      Y = i.type === "keydown", e(E) && i.preventDefault();
      return;
    }
    if (i.type !== "keydown") return;
    const w = {
      "+": () => pe(1.25),
      "=": () => pe(1.25),
      "-": () => pe(0.8),
      0: $e,
      o: Xe,
      v: () => g(y, "click"),
      b: () => g(y, "brush"),
      e: () => g(y, "eraser"),
      h: () => g(y, "pan"),
      "[": () => g(M, Math.max(1, Math.round(e(M) / 1.25)), !0),
      "]": () => g(M, Math.min(500, Math.round(e(M) * 1.25) + (e(M) < 4 ? 1 : 0)), !0),
      m: () => g(H, !e(H)),
      "?": () => g(S, !e(S)),
      Escape: () => g(S, !1)
    }[i.key];
    !w || i.key === "Escape" && !e(S) || (w(), i.key !== "Escape" && i.preventDefault(), ["v", "b", "e", "h"].includes(i.key) && qe());
  }
  let Ne;
  Ct(() => {
    Ne = new ResizeObserver(() => {
      g(I, e(m).clientWidth, !0), g($, e(m).clientHeight, !0);
    }), Ne.observe(e(m)), document.addEventListener("keydown", we), document.addEventListener("keyup", we);
  }), qr(() => {
    Ne?.disconnect(), document.removeEventListener("keydown", we), document.removeEventListener("keyup", we);
  });
  const Ze = V(() => Math.max(3, 6 / e(l))), xe = V(() => 2 / e(l));
  var Me = ha();
  let Qe;
  var je = N(Me);
  {
    var Pt = (i) => {
      var u = ra(), w = N(u);
      X(() => J(w, a.shared.label)), P(i, u);
    };
    fe(je, (i) => {
      a.shared.show_label && a.shared.label && i(Pt);
    });
  }
  var et = A(je, 2), tt = N(et);
  ve(tt, 17, () => jr, _e, (i, u) => {
    var w = V(() => pt(e(u), 3));
    let z = () => e(w)[0], F = () => e(w)[1], K = () => e(w)[2];
    var D = aa();
    D.__click = () => {
      g(y, z(), !0), qe();
    };
    let U;
    var j = N(D);
    X(
      (ee) => {
        h(D, "title", `${K() ?? ""} (${ee ?? ""})`), h(D, "data-tool", z()), U = le(D, 1, "svelte-49zqag", null, U, { active: e(y) === z() }), J(j, K());
      },
      [() => F().toUpperCase()]
    ), P(i, D);
  });
  var rt = A(tt, 4);
  rt.__click = () => g(M, Math.max(1, Math.round(e(M) / 1.25)), !0);
  var at = A(rt, 2), Bt = N(at), st = A(at, 2);
  st.__click = () => g(M, Math.min(500, Math.round(e(M) * 1.25) + (e(M) < 4 ? 1 : 0)), !0);
  var nt = A(st, 4);
  nt.__click = $e;
  var it = A(nt, 2);
  it.__click = Xe;
  var ot = A(it, 2), Kt = N(ot), Ee = A(ot, 2);
  Ee.__click = () => g(H, !e(H));
  let ft;
  var Ut = N(Ee), Yt = A(Ee, 2);
  Yt.__click = () => g(S, !e(S));
  var q = A(et, 2);
  q.__pointerdown = Rt, q.__pointermove = Dt, q.__pointerup = Lt, q.__contextmenu = (i) => i.preventDefault();
  var lt = N(q);
  {
    var Xt = (i) => {
      var u = la();
      let w;
      var z = N(u), F = A(z, 2);
      let K;
      Oe(F, (C) => g(k, C), () => e(k));
      var D = A(F, 2);
      Oe(D, (C) => g(x, C), () => e(x));
      var U = A(D, 2), j = N(U);
      ve(j, 17, () => e(n)?.boxes ?? [], _e, (C, b) => {
        var L = sa();
        X(() => {
          h(L, "x", e(b)[0]), h(L, "y", e(b)[1]), h(L, "width", e(b)[2] - e(b)[0]), h(L, "height", e(b)[3] - e(b)[1]), h(L, "stroke", `rgb(${e(b)[4] ?? 30 ?? ""},${e(b)[5] ?? 144 ?? ""},${e(b)[6] ?? 255 ?? ""})`), h(L, "stroke-width", e(xe));
        }), P(C, L);
      });
      var ee = A(j);
      ve(ee, 17, () => e(n)?.objects ?? [], _e, (C, b) => {
        var L = Tr(), Jt = Ar(L);
        {
          var Zt = (De) => {
            var re = na(), Qt = N(re);
            X(() => {
              h(re, "x", e(b).at[0]), h(re, "y", e(b).at[1]), h(re, "dy", -4 / e(l)), h(re, "font-size", 13 / e(l)), h(re, "fill", `rgb(${e(b).color[0] ?? ""},${e(b).color[1] ?? ""},${e(b).color[2] ?? ""})`), h(re, "stroke-width", 3 / e(l)), J(Qt, e(b).label);
            }), P(De, re);
          };
          fe(Jt, (De) => {
            e(b).label && De(Zt);
          });
        }
        P(C, L);
      });
      var te = A(ee);
      {
        var oe = (C) => {
          var b = ia();
          X(() => {
            h(b, "cx", e(n).corner[0] + 0.5), h(b, "cy", e(n).corner[1] + 0.5), h(b, "r", e(Ze)), h(b, "stroke-width", e(xe));
          }), P(C, b);
        };
        fe(te, (C) => {
          e(n)?.corner && C(oe);
        });
      }
      var Ae = A(te);
      ve(Ae, 17, () => e(n)?.points ?? [], _e, (C, b) => {
        var L = oa();
        X(() => {
          h(L, "cx", e(b)[0] + 0.5), h(L, "cy", e(b)[1] + 0.5), h(L, "r", e(Ze)), h(L, "fill", e(b)[2] === 1 ? "#00dc3c" : "#e61e1e"), h(L, "stroke-width", e(xe) / 2);
        }), P(C, L);
      });
      var Ie = A(Ae);
      {
        var Re = (C) => {
          var b = fa();
          X(() => {
            h(b, "cx", e(E)[0]), h(b, "cy", e(E)[1]), h(b, "r", e(M)), h(b, "stroke", e(y) === "brush" ? "white" : "#ff5050"), h(b, "stroke-width", e(xe)), h(b, "stroke-dasharray", `${4 / e(l)} ${3 / e(l)}`);
          }), P(C, b);
        };
        fe(Ie, (C) => {
          e(E) && (e(y) === "brush" || e(y) === "eraser") && C(Re);
        });
      }
      X(() => {
        w = le(u, 1, "stage svelte-49zqag", null, w, { pixelated: e(l) >= 2 }), bt(u, `width: ${e(f) ?? ""}px; height: ${e(c) ?? ""}px; transform: translate(${e(_) ?? ""}px, ${e(R) ?? ""}px) scale(${e(l) ?? ""})`), h(z, "src", e(p)), h(z, "width", e(f)), h(z, "height", e(c)), h(F, "width", e(d)), h(F, "height", e(v)), K = le(F, 1, "svelte-49zqag", null, K, { hidden: !e(H) }), h(D, "width", e(d)), h(D, "height", e(v)), h(U, "viewBox", `0 0 ${e(f) ?? ""} ${e(c) ?? ""}`), h(U, "width", e(f)), h(U, "height", e(c));
      }), P(i, u);
    }, Vt = (i) => {
      var u = ca(), w = N(u);
      X(() => J(w, e(n)?.message || "Upload an image or pick an example.")), P(i, u);
    };
    fe(lt, (i) => {
      e(p) ? i(Xt) : i(Vt, !1);
    });
  }
  var Wt = A(lt, 2);
  {
    var Gt = (i) => {
      var u = ua(), w = A(N(u), 2);
      w.__click = () => g(S, !1);
      var z = A(w, 2), F = N(z);
      ve(F, 21, () => e(o), _e, (K, D) => {
        var U = V(() => pt(e(D), 2));
        let j = () => e(U)[0], ee = () => e(U)[1];
        var te = da(), oe = N(te), Ae = N(oe), Ie = N(Ae), Re = A(oe), C = N(Re);
        X(() => {
          J(Ie, j()), J(C, ee());
        }), P(K, te);
      }), P(i, u);
    };
    fe(Wt, (i) => {
      e(S) && i(Gt);
    });
  }
  Oe(q, (i) => g(m, i), () => e(m)), X(
    (i) => {
      Qe = le(Me, 1, "sam-canvas-block svelte-49zqag", null, Qe, { hidden: a.shared.visible === !1 }), h(Me, "id", a.shared.elem_id), J(Bt, `r ${e(M) ?? ""}`), J(Kt, `${i ?? ""} %`), ft = le(Ee, 1, "svelte-49zqag", null, ft, { active: !e(H) }), J(Ut, e(H) ? "Hide masks" : "Show masks"), le(q, 1, `viewport tool-${e(y) ?? ""}`, "svelte-49zqag"), bt(q, `height: ${a.props.height ?? ""}px`), h(q, "data-scale", e(l)), h(q, "data-tx", e(_)), h(q, "data-ty", e(R)), h(q, "data-width", e(f)), h(q, "data-height", e(c)), h(q, "data-tool", e(y)), h(q, "data-radius", e(M)), h(q, "data-masks", e(H) ? "shown" : "hidden");
    },
    [() => Math.round(e(l) * 100)]
  ), ht("pointerleave", q, Ot), ht("wheel", q, Ht), P(t, Me), Mr();
}
xr([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "contextmenu"
]);
export {
  _a as default
};
