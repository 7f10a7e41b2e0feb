import { i as yt, g as wt, o as Gt, a as Le, b as Jt, T as Zt, c as Qt, d as De, r as Be, e as Ee, p as Pe, f as ve, h as be, m as jt, s as kt, j as xt, u as ie, k as le, l as Mt, E as er, n as e, q as ft, t as J, v as tr, w as rr, x as sr, y as ar, z as lt, A as nr, I as Oe, B as ir, C as or, D as Fe, F as fr, G as Et, H as At, J as lr, L as cr, N as dr, K as ur, M as hr, O as pr, S as _r, P as vr, Q as br, R as gr, U as L, V as ct, W as b, X as mr, Y as W, Z as dt, _ as yr, $ as z, a0 as U, a1 as wr, a2 as ee, a3 as R, a4 as ut } from "./render-5dQE-hsZ.js";
function St(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const kr = [];
function xr(t, r = !1, n = !1) {
  return Ae(t, /* @__PURE__ */ new Map(), "", kr, null, n);
}
function Ae(t, r, n, s, o = null, a = !1) {
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
    if (yt(t)) {
      var l = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, l), o !== null && r.set(o, l);
      for (var c = 0; c < t.length; c += 1) {
        var v = t[c];
        c in t && (l[c] = Ae(v, r, n, s, null, a));
      }
      return l;
    }
    if (wt(t) === Gt) {
      l = {}, r.set(t, l), o !== null && r.set(o, l);
      for (var p in t)
        l[p] = Ae(
          // @ts-expect-error
          t[p],
          r,
          n,
          s,
          null,
          a
        );
      return l;
    }
    if (t instanceof Date)
      return (
        /** @type {Snapshot<T>} */
        structuredClone(t)
      );
    if (typeof /** @type {T & { toJSON?: any } } */
    t.toJSON == "function" && !a)
      return Ae(
        /** @type {T & { toJSON(): any } } */
        t.toJSON(),
        r,
        n,
        s,
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
function zt(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function Tt(t, r) {
  var n = (
    /** @type {Effect} */
    Qt
  );
  n.nodes === null && (n.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function oe(t, r) {
  var n = (r & Zt) !== 0, s, o = !t.startsWith("<!>");
  return () => {
    s === void 0 && (s = zt(o ? t : "<!>" + t), s = /** @type {TemplateNode} */
    Le(s));
    var a = (
      /** @type {TemplateNode} */
      n || Jt ? document.importNode(s, !0) : s.cloneNode(!0)
    );
    return Tt(a, a), a;
  };
}
// @__NO_SIDE_EFFECTS__
function Mr(t, r, n = "svg") {
  var s = !t.startsWith("<!>"), o = `<${n}>${s ? t : "<!>" + t}</${n}>`, a;
  return () => {
    if (!a) {
      var f = (
        /** @type {DocumentFragment} */
        zt(o)
      ), l = (
        /** @type {Element} */
        Le(f)
      );
      a = /** @type {Element} */
      Le(l);
    }
    var c = (
      /** @type {TemplateNode} */
      a.cloneNode(!0)
    );
    return Tt(c, c), c;
  };
}
// @__NO_SIDE_EFFECTS__
function Se(t, r) {
  return /* @__PURE__ */ Mr(t, r, "svg");
}
function Y(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class Er {
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
  #s = /* @__PURE__ */ new Set();
  /**
   * Whether to pause (i.e. outro) on change, or destroy immediately.
   * This is necessary for `<svelte:element>`
   */
  #a = !0;
  /**
   * @param {TemplateNode} anchor
   * @param {boolean} transition
   */
  constructor(r, n = !0) {
    this.anchor = r, this.#a = n;
  }
  #n = () => {
    var r = (
      /** @type {Batch} */
      De
    );
    if (this.#t.has(r)) {
      var n = (
        /** @type {Key} */
        this.#t.get(r)
      ), s = this.#r.get(n);
      if (s)
        Be(s), this.#s.delete(n);
      else {
        var o = this.#e.get(n);
        o && (this.#r.set(n, o.effect), this.#e.delete(n), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), s = o.effect);
      }
      for (const [a, f] of this.#t) {
        if (this.#t.delete(a), a === r)
          break;
        const l = this.#e.get(f);
        l && (Ee(l.effect), this.#e.delete(f));
      }
      for (const [a, f] of this.#r) {
        if (a === n || this.#s.has(a)) continue;
        const l = () => {
          if (Array.from(this.#t.values()).includes(a)) {
            var v = document.createDocumentFragment();
            jt(f, v), v.append(ve()), this.#e.set(a, { effect: f, fragment: v });
          } else
            Ee(f);
          this.#s.delete(a), this.#r.delete(a);
        };
        this.#a || !s ? (this.#s.add(a), Pe(f, l, !1)) : l();
      }
    }
  };
  /**
   * @param {Batch} batch
   */
  #i = (r) => {
    this.#t.delete(r);
    const n = Array.from(this.#t.values());
    for (const [s, o] of this.#e)
      n.includes(s) || (Ee(o.effect), this.#e.delete(s));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, n) {
    var s = (
      /** @type {Batch} */
      De
    ), o = kt();
    if (n && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var a = document.createDocumentFragment(), f = ve();
        a.append(f), this.#e.set(r, {
          effect: be(() => n(f)),
          fragment: a
        });
      } else
        this.#r.set(
          r,
          be(() => n(this.anchor))
        );
    if (this.#t.set(s, r), o) {
      for (const [l, c] of this.#r)
        l === r ? s.skipped_effects.delete(c) : s.skipped_effects.add(c);
      for (const [l, c] of this.#e)
        l === r ? s.skipped_effects.delete(c.effect) : s.skipped_effects.add(c.effect);
      s.oncommit(this.#n), s.ondiscard(this.#i);
    } else
      this.#n();
  }
}
function $t(t) {
  xt === null && St(), ie(() => {
    const r = le(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function Ar(t) {
  xt === null && St(), $t(() => () => le(t));
}
function he(t, r, n = !1) {
  var s = new Er(t), o = n ? er : 0;
  function a(f, l) {
    s.ensure(f, l);
  }
  Mt(() => {
    var f = !1;
    r((l, c = !0) => {
      f = !0, a(c, l);
    }), f || a(!1, null);
  }, o);
}
function xe(t, r) {
  return r;
}
function Sr(t, r, n) {
  for (var s = [], o = r.length, a, f = r.length, l = 0; l < o; l++) {
    let g = r[l];
    Pe(
      g,
      () => {
        if (a) {
          if (a.pending.delete(g), a.done.add(g), a.pending.size === 0) {
            var y = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            He(Fe(a.done)), y.delete(a), y.size === 0 && (t.outrogroups = null);
          }
        } else
          f -= 1;
      },
      !1
    );
  }
  if (f === 0) {
    var c = s.length === 0 && n !== null;
    if (c) {
      var v = (
        /** @type {Element} */
        n
      ), p = (
        /** @type {Element} */
        v.parentNode
      );
      or(p), p.append(v), t.items.clear();
    }
    He(r, !c);
  } else
    a = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(a);
}
function He(t, r = !0) {
  for (var n = 0; n < t.length; n++)
    Ee(t[n], r);
}
var ht;
function Me(t, r, n, s, o, a = null) {
  var f = t, l = /* @__PURE__ */ new Map(), c = (r & Et) !== 0;
  if (c) {
    var v = (
      /** @type {Element} */
      t
    );
    f = v.appendChild(ve());
  }
  var p = null, g = tr(() => {
    var _ = n();
    return yt(_) ? _ : _ == null ? [] : Fe(_);
  }), y, k = !0;
  function q() {
    d.fallback = p, zr(d, y, f, r, s), p !== null && (y.length === 0 ? (p.f & J) === 0 ? Be(p) : (p.f ^= J, _e(p, null, f)) : Pe(p, () => {
      p = null;
    }));
  }
  var T = Mt(() => {
    y = /** @type {V[]} */
    e(g);
    for (var _ = y.length, N = /* @__PURE__ */ new Set(), $ = (
      /** @type {Batch} */
      De
    ), m = kt(), x = 0; x < _; x += 1) {
      var D = y[x], A = s(D, x), E = k ? null : l.get(A);
      E ? (E.v && ft(E.v, D), E.i && ft(E.i, x), m && $.skipped_effects.delete(E.e)) : (E = Tr(
        l,
        k ? f : ht ??= ve(),
        D,
        A,
        x,
        o,
        r,
        n
      ), k || (E.e.f |= J), l.set(A, E)), N.add(A);
    }
    if (_ === 0 && a && !p && (k ? p = be(() => a(f)) : (p = be(() => a(ht ??= ve())), p.f |= J)), !k)
      if (m) {
        for (const [B, K] of l)
          N.has(B) || $.skipped_effects.add(K.e);
        $.oncommit(q), $.ondiscard(() => {
        });
      } else
        q();
    e(g);
  }), d = { effect: T, items: l, outrogroups: null, fallback: p };
  k = !1;
}
function pe(t) {
  for (; t !== null && (t.f & ir) === 0; )
    t = t.next;
  return t;
}
function zr(t, r, n, s, o) {
  var a = (s & lr) !== 0, f = r.length, l = t.items, c = pe(t.effect.first), v, p = null, g, y = [], k = [], q, T, d, _;
  if (a)
    for (_ = 0; _ < f; _ += 1)
      q = r[_], T = o(q, _), d = /** @type {EachItem} */
      l.get(T).e, (d.f & J) === 0 && (d.nodes?.a?.measure(), (g ??= /* @__PURE__ */ new Set()).add(d));
  for (_ = 0; _ < f; _ += 1) {
    if (q = r[_], T = o(q, _), d = /** @type {EachItem} */
    l.get(T).e, t.outrogroups !== null)
      for (const K of t.outrogroups)
        K.pending.delete(d), K.done.delete(d);
    if ((d.f & J) !== 0)
      if (d.f ^= J, d === c)
        _e(d, null, n);
      else {
        var N = p ? p.next : c;
        d === t.effect.last && (t.effect.last = d.prev), d.prev && (d.prev.next = d.next), d.next && (d.next.prev = d.prev), te(t, p, d), te(t, d, N), _e(d, N, n), p = d, y = [], k = [], c = pe(p.next);
        continue;
      }
    if ((d.f & Oe) !== 0 && (Be(d), a && (d.nodes?.a?.unfix(), (g ??= /* @__PURE__ */ new Set()).delete(d))), d !== c) {
      if (v !== void 0 && v.has(d)) {
        if (y.length < k.length) {
          var $ = k[0], m;
          p = $.prev;
          var x = y[0], D = y[y.length - 1];
          for (m = 0; m < y.length; m += 1)
            _e(y[m], $, n);
          for (m = 0; m < k.length; m += 1)
            v.delete(k[m]);
          te(t, x.prev, D.next), te(t, p, x), te(t, D, $), c = $, p = D, _ -= 1, y = [], k = [];
        } else
          v.delete(d), _e(d, c, n), te(t, d.prev, d.next), te(t, d, p === null ? t.effect.first : p.next), te(t, p, d), p = d;
        continue;
      }
      for (y = [], k = []; c !== null && c !== d; )
        (v ??= /* @__PURE__ */ new Set()).add(c), k.push(c), c = pe(c.next);
      if (c === null)
        continue;
    }
    (d.f & J) === 0 && y.push(d), p = d, c = pe(d.next);
  }
  if (t.outrogroups !== null) {
    for (const K of t.outrogroups)
      K.pending.size === 0 && (He(Fe(K.done)), t.outrogroups?.delete(K));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (c !== null || v !== void 0) {
    var A = [];
    if (v !== void 0)
      for (d of v)
        (d.f & Oe) === 0 && A.push(d);
    for (; c !== null; )
      (c.f & Oe) === 0 && c !== t.fallback && A.push(c), c = pe(c.next);
    var E = A.length;
    if (E > 0) {
      var B = (s & Et) !== 0 && f === 0 ? n : null;
      if (a) {
        for (_ = 0; _ < E; _ += 1)
          A[_].nodes?.a?.measure();
        for (_ = 0; _ < E; _ += 1)
          A[_].nodes?.a?.fix();
      }
      Sr(t, A, B);
    }
  }
  a && At(() => {
    if (g !== void 0)
      for (d of g)
        d.nodes?.a?.apply();
  });
}
function Tr(t, r, n, s, o, a, f, l) {
  var c = (f & rr) !== 0 ? (f & sr) === 0 ? ar(n, !1, !1) : lt(n) : null, v = (f & nr) !== 0 ? lt(o) : null;
  return {
    v: c,
    i: v,
    e: be(() => (a(r, c ?? n, v ?? o, l), () => {
      t.delete(s);
    }))
  };
}
function _e(t, r, n) {
  if (t.nodes)
    for (var s = t.nodes.start, o = t.nodes.end, a = r && (r.f & J) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : n; s !== null; ) {
      var f = (
        /** @type {TemplateNode} */
        fr(s)
      );
      if (a.before(s), s === o)
        return;
      s = f;
    }
}
function te(t, r, n) {
  r === null ? t.effect.first = n : r.next = n, n === null ? t.effect.last = r : n.prev = r;
}
const pt = [...` 	
\r\f \v\uFEFF`];
function $r(t, r, n) {
  var s = t == null ? "" : "" + t;
  if (r && (s = s ? s + " " + r : r), n) {
    for (var o in n)
      if (n[o])
        s = s ? s + " " + o : o;
      else if (s.length)
        for (var a = o.length, f = 0; (f = s.indexOf(o, f)) >= 0; ) {
          var l = f + a;
          (f === 0 || pt.includes(s[f - 1])) && (l === s.length || pt.includes(s[l])) ? s = (f === 0 ? "" : s.substring(0, f)) + s.substring(l + 1) : f = l;
        }
  }
  return s === "" ? null : s;
}
function Cr(t, r) {
  return t == null ? null : String(t);
}
function fe(t, r, n, s, o, a) {
  var f = t.__className;
  if (f !== n || f === void 0) {
    var l = $r(n, s, a);
    l == null ? t.removeAttribute("class") : t.className = l, t.__className = n;
  } else if (a && o !== a)
    for (var c in a) {
      var v = !!a[c];
      (o == null || v !== !!o[c]) && t.classList.toggle(c, v);
    }
  return a;
}
function _t(t, r, n, s) {
  var o = t.__style;
  if (o !== r) {
    var a = Cr(r);
    a == null ? t.removeAttribute("style") : t.style.cssText = a, t.__style = r;
  }
  return s;
}
const qr = /* @__PURE__ */ Symbol("is custom element"), Nr = /* @__PURE__ */ Symbol("is html");
function h(t, r, n, s) {
  var o = Ir(t);
  o[r] !== (o[r] = n) && (r === "loading" && (t[cr] = n), n == null ? t.removeAttribute(r) : typeof n != "string" && Or(t).includes(r) ? t[r] = n : t.setAttribute(r, n));
}
function Ir(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [qr]: t.nodeName.includes("-"),
      [Nr]: t.namespaceURI === dr
    }
  );
}
var vt = /* @__PURE__ */ new Map();
function Or(t) {
  var r = t.getAttribute("is") || t.nodeName, n = vt.get(r);
  if (n) return n;
  vt.set(r, n = []);
  for (var s, o = t, a = Element.prototype; a !== o; ) {
    s = ur(o);
    for (var f in s)
      s[f].set && n.push(f);
    o = wt(o);
  }
  return n;
}
function bt(t, r) {
  return t === r || t?.[_r] === r;
}
function Re(t = {}, r, n, s) {
  return hr(() => {
    var o, a;
    return pr(() => {
      o = a, a = [], le(() => {
        t !== n(...a) && (r(t, ...a), o && bt(n(...o), t) && r(null, ...o));
      });
    }), () => {
      At(() => {
        a && bt(n(...a), t) && r(null, ...a);
      });
    };
  }), t;
}
function Rr(t, r, n) {
  if (t == null)
    return r(void 0), vr;
  const s = le(
    () => t.subscribe(
      r,
      // @ts-expect-error
      n
    )
  );
  return s.unsubscribe ? () => s.unsubscribe() : s;
}
function Lr(t) {
  let r;
  return Rr(t, (n) => r = n)(), r;
}
const Dr = {
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
function Hr(t, r, n) {
  return new Proxy(
    { props: t, exclude: r },
    Dr
  );
}
const Br = [
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
], gt = {
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
Br.reduce((t, { color: r, primary: n, secondary: s }) => ({
  ...t,
  [r]: {
    primary: gt[r][n],
    secondary: gt[r][s]
  }
}), {});
function Pr(t) {
  let r;
  const n = gr((o) => {
    let a = !1;
    const f = t.subscribe((l) => {
      r = l, a && o();
    });
    return a = !0, f;
  });
  function s() {
    return br() ? (n(), r) : Lr(t);
  }
  return "set" in t ? {
    get current() {
      return s();
    },
    set current(o) {
      t.set(o);
    }
  } : {
    get current() {
      return s();
    }
  };
}
const Fr = "__i18n__", Ur = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], Kr = [
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
function Yr(t) {
  return typeof t == "string" && t.includes(Fr);
}
class Xr {
  load_component;
  #t = L(ct({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    b(this.#t, r, !0);
  }
  #r = L(ct({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    b(this.#r, r, !0);
  }
  #e = L((r) => r);
  get i18n() {
    return e(this.#e);
  }
  set i18n(r) {
    b(this.#e, r, !0);
  }
  i18n_store;
  _i18n_from_store;
  translatable_props = {};
  dispatcher;
  last_update = null;
  shared_props = Kr;
  mounted = !1;
  old_value;
  register_component;
  unregister_component;
  set_data_callback;
  get_data_callback;
  registered_id = null;
  last_shared_props;
  last_props;
  constructor(r, n) {
    for (const s in r.shared_props)
      this.shared[s] = r.shared_props[s];
    for (const s in r.props)
      s !== "i18n_store" && (this.props[s] = r.props[s]);
    if (n)
      for (const s in n)
        this.props[s] === void 0 && (this.props[s] = n[s]);
    this.i18n = this.props.i18n ?? ((s) => s), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? Pr(this.i18n_store) : void 0;
    for (const s of Ur)
      this.shared[s] = this._translate_and_store(
        "shared",
        s,
        // @ts-ignore
        r.shared_props[s]
      ), this.props[s] = this._translate_and_store(
        "props",
        s,
        // @ts-ignore
        r.props[s]
      );
    this.load_component = this.shared.load_component, this.register_component = this.shared.register_component || (() => {
    }), this.unregister_component = this.shared.unregister_component || (() => {
    }), this.dispatcher = this.shared.dispatcher || (() => {
    }), this.set_data_callback = this.set_data.bind(this), this.get_data_callback = this.get_data.bind(this), this.register_component(
      this.shared.id,
      // @ts-ignore
      this.set_data_callback,
      this.get_data_callback
    ), this.registered_id = this.shared.id, this.last_shared_props = r.shared_props, this.last_props = r.props, ie(() => {
      const s = r.shared_props.id;
      if (this.last_shared_props !== r.shared_props) {
        for (const o in r.shared_props) {
          const a = r.shared_props[o];
          a !== void 0 && (this._is_i18n_managed(`shared.${o}`, a) || (this.shared[o] = a));
        }
        this.last_shared_props = r.shared_props;
      }
      if (this.last_props !== r.props) {
        for (const o in r.props) {
          if (o === "i18n_store") continue;
          const a = r.props[o];
          a !== void 0 && (this._is_i18n_managed(`props.${o}`, a) || (this.props[o] = a));
        }
        this.last_props = r.props;
      }
      this.registered_id !== null && this.registered_id !== s && this.unregister_component(this.registered_id, this.set_data_callback), this.register_component(
        s,
        // @ts-ignore
        this.set_data_callback,
        this.get_data_callback
      ), this.registered_id = s, le(() => {
        this.shared.id = s;
      });
    }), ie(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), ie(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, a] of Object.entries(this.translatable_props)) {
        const [f, l] = o.split("."), c = this.i18n(a);
        f === "shared" ? this.shared[l] = c : this.props[l] = c;
      }
    }) : void 0);
  }
  // check if props are translatable
  _is_i18n_managed(r, n) {
    const s = this.translatable_props[r];
    return s ? n === s ? !0 : (delete this.translatable_props[r], !1) : !1;
  }
  _translate_and_store(r, n, s) {
    if (typeof s != "string") return s;
    const o = this.i18n(s);
    return o !== s && (this.translatable_props[`${r}.${n}`] = s), o;
  }
  // Reactive variant of `i18n`. Reading it inside a derived or template
  // subscribes to the live locale store (via Svelte's createSubscriber), so
  // the caller re-runs when the locale changes at runtime. The store is only
  // the reactivity trigger; translation always goes through `this.i18n` so a
  // custom formatter passed via props keeps taking effect.
  live_i18n = (r) => (this._i18n_from_store?.current, this.i18n(r));
  dispatch(r, n) {
    this.dispatcher(this.shared.id, r, n);
  }
  async get_data() {
    return xr(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const n in r) {
      const s = r[n], o = Yr(s) ? this._translate_and_store(this.shared_props.includes(n) ? "shared" : "props", n, s) : s;
      if (this.shared_props.includes(n)) {
        const a = n;
        this.shared[a] = o;
        continue;
      }
      this.props[n] = o;
    }
  }
  watch_for_change() {
    ie(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const Vr = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["pan", "h", "Pan"]
], Wr = [
  ["V / B / E / H", "click, brush, eraser, pan tool"],
  ["[ / ]", "smaller / larger brush"],
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function mt(t, r, n) {
  let s = 0;
  for (let o = 0; o < t.length; o++) {
    const a = s + t[o];
    o % 2 === 1 && r.fill(n, s, Math.min(a, r.length)), s = a;
  }
}
function Gr(t, r, n, s, o, a, f) {
  const l = Math.max(0, Math.floor(Math.min(s[0], o[0]) - a - 1)), c = Math.max(0, Math.floor(Math.min(s[1], o[1]) - a - 1)), v = Math.min(r - 1, Math.ceil(Math.max(s[0], o[0]) + a + 1)), p = Math.min(n - 1, Math.ceil(Math.max(s[1], o[1]) + a + 1));
  if (l > v || c > p) return null;
  const g = o[0] - s[0], y = o[1] - s[1], k = g * g + y * y, q = a * a;
  for (let T = c; T <= p; T++) {
    const d = T + 0.5;
    for (let _ = l; _ <= v; _++) {
      const N = _ + 0.5;
      let $ = k > 0 ? ((N - s[0]) * g + (d - s[1]) * y) / k : 0;
      $ = $ < 0 ? 0 : $ > 1 ? 1 : $;
      const m = N - (s[0] + $ * g), x = d - (s[1] + $ * y);
      m * m + x * x <= q && (t[T * r + _] = f);
    }
  }
  return [l, c, v - l + 1, p - c + 1];
}
var Jr = /* @__PURE__ */ oe('<span class="sam-canvas-label svelte-49zqag"> </span>'), Zr = /* @__PURE__ */ oe("<button> </button>"), Qr = /* @__PURE__ */ Se('<rect fill="none"></rect>'), jr = /* @__PURE__ */ Se('<circle fill="none" stroke="#ffd700"></circle>'), es = /* @__PURE__ */ Se('<circle class="point" stroke="white"></circle>'), ts = /* @__PURE__ */ Se('<circle fill="none"></circle>'), rs = /* @__PURE__ */ oe('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!></svg></div>'), ss = /* @__PURE__ */ oe('<div class="empty svelte-49zqag"> </div>'), as = /* @__PURE__ */ oe('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), ns = /* @__PURE__ */ oe('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), is = /* @__PURE__ */ oe('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function fs(t, r) {
  wr(r, !0);
  const n = /* @__PURE__ */ Hr(r, ["$$slots", "$$events", "$$legacy"]), s = new Xr(n, { value: null, height: 500, shortcuts: [] }), o = U(() => [...s.props.shortcuts ?? [], ...Wr]), a = U(() => s.props.value), f = U(() => e(a)?.width ?? 0), l = U(() => e(a)?.height ?? 0), c = U(() => e(a)?.mask_width || e(f)), v = U(() => e(a)?.mask_height || e(l)), p = U(() => e(a)?.image?.url ?? null);
  let g = L(void 0), y = L(void 0), k = L(void 0), q = L(0), T = L(0), d = L(1), _ = L(0), N = L(0), $ = "", m = L("click"), x = L(10), D = L(!0), A = L(!1), E = L(
    null
    // image pixels (floats) while inside
  ), B = null, K = !1, Z = null, X = L(null), ce = null, re = null, ge = !1, de = null, G = null;
  const Ct = 150;
  function ze() {
    !e(f) || !e(l) || !e(q) || !e(T) || (b(d, Math.min(e(q) / e(f), e(T) / e(l)), !0), b(_, (e(q) - e(f) * e(d)) / 2), b(N, (e(T) - e(l) * e(d)) / 2));
  }
  function ue(i, u = e(q) / 2, w = e(T) / 2) {
    const S = Math.min(64, Math.max(0.02, e(d) * i));
    b(_, u - (u - e(_)) * S / e(d)), b(N, w - (w - e(N)) * S / e(d)), b(d, S, !0);
  }
  function Ue() {
    const i = e(q) / 2, u = e(T) / 2;
    ue(1 / e(d), i, u);
  }
  ie(() => {
    const i = `${e(p)}|${e(f)}x${e(l)}`;
    e(f) && e(l) && e(q) && e(T) && i !== $ && ($ = i, ze());
  });
  function Te(i) {
    const u = e(g).getBoundingClientRect();
    return [
      (i.clientX - u.left - e(_)) / e(d),
      (i.clientY - u.top - e(N)) / e(d)
    ];
  }
  function $e(i) {
    return i[0] >= 0 && i[1] >= 0 && i[0] < e(f) && i[1] < e(l);
  }
  const Ke = (i) => [
    Math.min(e(f) - 1, Math.max(0, Math.floor(i[0]))),
    Math.min(e(l) - 1, Math.max(0, Math.floor(i[1])))
  ];
  function qt() {
    if (!e(y) || !e(c) || !e(v)) return;
    const i = e(y).getContext("2d");
    (!G || G.width !== e(c) || G.height !== e(v)) && (G = i.createImageData(e(c), e(v)));
    const u = new Uint32Array(G.data.buffer);
    u.fill(0);
    for (const w of e(a)?.objects ?? []) {
      const [S, H, P] = w.color, I = w.selected ? 150 : 100;
      mt(w.runs, u, (I << 24 | P << 16 | H << 8 | S) >>> 0);
    }
    i.putImageData(G, 0, 0);
  }
  function Nt() {
    if (!e(k)) return;
    const i = e(k).getContext("2d");
    i.clearRect(0, 0, e(k).width, e(k).height);
    const u = e(a)?.preview;
    if (!u || !re || !e(E) || e(m) !== "click" || u.at[0] !== re[0] || u.at[1] !== re[1]) return;
    const w = i.createImageData(e(c), e(v));
    mt(u.runs, new Uint32Array(w.data.buffer), 2365583560), i.putImageData(w, 0, 0), e(g)?.setAttribute("data-preview", `${u.at[0]},${u.at[1]}`);
  }
  function Ye() {
    e(k) && e(k).getContext("2d").clearRect(0, 0, e(c), e(v)), e(g)?.removeAttribute("data-preview");
  }
  ie(() => {
    e(a), e(c), e(v), e(y), e(k), le(() => {
      if (ge = !1, qt(), Nt(), de) {
        const i = de;
        de = null, Xe(i);
      }
    });
  });
  function Xe(i) {
    if (ge) {
      de = i;
      return;
    }
    ge = !0, setTimeout(() => ge = !1, 3e3), s.dispatch("hover", { x: i[0], y: i[1] });
  }
  function Ce() {
    ce && clearTimeout(ce), re = null, Ye(), !(e(m) !== "click" || !e(E) || !$e(e(E)) || !e(a)?.image) && (ce = setTimeout(
      () => {
        !e(E) || !$e(e(E)) || (re = Ke(e(E)), Xe(re));
      },
      Ct
    ));
  }
  function Ve(i, u, w) {
    if (!G) return;
    const S = e(c) / e(f), H = e(v) / e(l), P = (e(a)?.objects ?? []).find((ae) => ae.selected), [I, F, Q] = P ? P.color : [255, 255, 255], j = w ? 0 : (150 << 24 | Q << 16 | F << 8 | I) >>> 0, se = Gr(new Uint32Array(G.data.buffer), e(c), e(v), [i[0] * S, i[1] * H], [u[0] * S, u[1] * H], e(x) * S, j);
    se && e(y).getContext("2d").putImageData(G, 0, 0, ...se);
  }
  function It(i) {
    if (!e(a)?.image) return;
    e(g).focus({ preventScroll: !0 });
    const u = Te(i);
    if (i.button === 1 || i.button === 0 && (K || e(m) === "pan")) {
      B = {
        x: i.clientX,
        y: i.clientY,
        tx: e(_),
        ty: e(N)
      }, e(g).setPointerCapture(i.pointerId), i.preventDefault();
      return;
    }
    if (i.button === 0) {
      if (e(m) === "brush" || e(m) === "eraser") {
        b(X, { points: [u], erase: e(m) === "eraser" }, !0), Ve(u, u, e(X).erase), e(g).setPointerCapture(i.pointerId);
        return;
      }
      Z = { x: i.clientX, y: i.clientY, moved: !1 };
    }
  }
  function Ot(i) {
    const u = Te(i);
    if (b(E, u, !0), B) {
      b(_, B.tx + i.clientX - B.x), b(N, B.ty + i.clientY - B.y);
      return;
    }
    if (e(X)) {
      const w = e(X).points[e(X).points.length - 1];
      e(X).points.push(u), Ve(w, u, e(X).erase);
      return;
    }
    Z && Math.hypot(i.clientX - Z.x, i.clientY - Z.y) > 4 && (Z.moved = !0), Ce();
  }
  function Rt(i) {
    if (B) {
      B = null;
      return;
    }
    if (e(X)) {
      const u = e(X);
      b(X, null), s.dispatch("stroke", {
        points: u.points,
        radius: e(x),
        erase: u.erase
      });
      return;
    }
    if (Z && !Z.moved && i.button === 0) {
      const u = Te(i);
      $e(u) && s.dispatch("select", { index: Ke(u), value: null, selected: !0 });
    }
    Z = null;
  }
  function Lt() {
    b(E, null), ce && clearTimeout(ce), re = null, de = null, Ye();
  }
  function Dt(i) {
    if (!e(a)?.image) return;
    i.preventDefault();
    const u = e(g).getBoundingClientRect();
    ue(Math.pow(1.0015, -i.deltaY), i.clientX - u.left, i.clientY - u.top);
  }
  function Ht(i) {
    const u = i;
    return !!u && (u.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(u.tagName) && !["radio", "checkbox"].includes(u.type));
  }
  function me(i) {
    if (!e(g) || e(g).offsetParent === null || !e(a)?.image || i.ctrlKey || i.metaKey || i.altKey || Ht(i.target)) return;
    if (i.key === " ") {
      K = i.type === "keydown", e(E) && i.preventDefault();
      return;
    }
    if (i.type !== "keydown") return;
    const w = {
      "+": () => ue(1.25),
      "=": () => ue(1.25),
      "-": () => ue(0.8),
      0: ze,
      o: Ue,
      v: () => b(m, "click"),
      b: () => b(m, "brush"),
      e: () => b(m, "eraser"),
      h: () => b(m, "pan"),
      "[": () => b(x, Math.max(1, Math.round(e(x) / 1.25)), !0),
      "]": () => b(x, Math.min(500, Math.round(e(x) * 1.25) + (e(x) < 4 ? 1 : 0)), !0),
      m: () => b(D, !e(D)),
      "?": () => b(A, !e(A)),
      Escape: () => b(A, !1)
    }[i.key];
    !w || i.key === "Escape" && !e(A) || (w(), i.key !== "Escape" && i.preventDefault(), ["v", "b", "e", "h"].includes(i.key) && Ce());
  }
  let qe;
  $t(() => {
    qe = new ResizeObserver(() => {
      b(q, e(g).clientWidth, !0), b(T, e(g).clientHeight, !0);
    }), qe.observe(e(g)), document.addEventListener("keydown", me), document.addEventListener("keyup", me);
  }), Ar(() => {
    qe?.disconnect(), document.removeEventListener("keydown", me), document.removeEventListener("keyup", me);
  });
  const We = U(() => Math.max(3, 6 / e(d))), ye = U(() => 2 / e(d)), Ge = [
    [30, 144, 255],
    [255, 140, 0],
    [50, 205, 50],
    [220, 20, 60],
    [148, 0, 211],
    [0, 206, 209],
    [255, 215, 0],
    [255, 105, 180]
  ];
  var we = is();
  let Je;
  var Ze = R(we);
  {
    var Bt = (i) => {
      var u = Jr(), w = R(u);
      W(() => ee(w, s.shared.label)), Y(i, u);
    };
    he(Ze, (i) => {
      s.shared.show_label && s.shared.label && i(Bt);
    });
  }
  var Qe = z(Ze, 2), je = R(Qe);
  Me(je, 17, () => Vr, xe, (i, u) => {
    var w = U(() => ut(e(u), 3));
    let S = () => e(w)[0], H = () => e(w)[1], P = () => e(w)[2];
    var I = Zr();
    I.__click = () => {
      b(m, S(), !0), Ce();
    };
    let F;
    var Q = R(I);
    W(
      (j) => {
        h(I, "title", `${P() ?? ""} (${j ?? ""})`), h(I, "data-tool", S()), F = fe(I, 1, "svelte-49zqag", null, F, { active: e(m) === S() }), ee(Q, P());
      },
      [() => H().toUpperCase()]
    ), Y(i, I);
  });
  var et = z(je, 4);
  et.__click = () => b(x, Math.max(1, Math.round(e(x) / 1.25)), !0);
  var tt = z(et, 2), Pt = R(tt), rt = z(tt, 2);
  rt.__click = () => b(x, Math.min(500, Math.round(e(x) * 1.25) + (e(x) < 4 ? 1 : 0)), !0);
  var st = z(rt, 4);
  st.__click = ze;
  var at = z(st, 2);
  at.__click = Ue;
  var nt = z(at, 2), Ft = R(nt), ke = z(nt, 2);
  ke.__click = () => b(D, !e(D));
  let it;
  var Ut = R(ke), Kt = z(ke, 2);
  Kt.__click = () => b(A, !e(A));
  var C = z(Qe, 2);
  C.__pointerdown = It, C.__pointermove = Ot, C.__pointerup = Rt, C.__contextmenu = (i) => i.preventDefault();
  var ot = R(C);
  {
    var Yt = (i) => {
      var u = rs();
      let w;
      var S = R(u), H = z(S, 2);
      let P;
      Re(H, (O) => b(y, O), () => e(y));
      var I = z(H, 2);
      Re(I, (O) => b(k, O), () => e(k));
      var F = z(I, 2), Q = R(F);
      Me(Q, 17, () => e(a)?.boxes ?? [], xe, (O, M) => {
        const V = U(() => Ge[(e(M)[4] ?? 0) % Ge.length]);
        var ne = Qr();
        W(() => {
          h(ne, "x", e(M)[0]), h(ne, "y", e(M)[1]), h(ne, "width", e(M)[2] - e(M)[0]), h(ne, "height", e(M)[3] - e(M)[1]), h(ne, "stroke", `rgb(${e(V)[0] ?? ""},${e(V)[1] ?? ""},${e(V)[2] ?? ""})`), h(ne, "stroke-width", e(ye));
        }), Y(O, ne);
      });
      var j = z(Q);
      {
        var se = (O) => {
          var M = jr();
          W(() => {
            h(M, "cx", e(a).corner[0] + 0.5), h(M, "cy", e(a).corner[1] + 0.5), h(M, "r", e(We)), h(M, "stroke-width", e(ye));
          }), Y(O, M);
        };
        he(j, (O) => {
          e(a)?.corner && O(se);
        });
      }
      var ae = z(j);
      Me(ae, 17, () => e(a)?.points ?? [], xe, (O, M) => {
        var V = es();
        W(() => {
          h(V, "cx", e(M)[0] + 0.5), h(V, "cy", e(M)[1] + 0.5), h(V, "r", e(We)), h(V, "fill", e(M)[2] === 1 ? "#00dc3c" : "#e61e1e"), h(V, "stroke-width", e(ye) / 2);
        }), Y(O, V);
      });
      var Ne = z(ae);
      {
        var Ie = (O) => {
          var M = ts();
          W(() => {
            h(M, "cx", e(E)[0]), h(M, "cy", e(E)[1]), h(M, "r", e(x)), h(M, "stroke", e(m) === "brush" ? "white" : "#ff5050"), h(M, "stroke-width", e(ye)), h(M, "stroke-dasharray", `${4 / e(d)} ${3 / e(d)}`);
          }), Y(O, M);
        };
        he(Ne, (O) => {
          e(E) && (e(m) === "brush" || e(m) === "eraser") && O(Ie);
        });
      }
      W(() => {
        w = fe(u, 1, "stage svelte-49zqag", null, w, { pixelated: e(d) >= 2 }), _t(u, `width: ${e(f) ?? ""}px; height: ${e(l) ?? ""}px; transform: translate(${e(_) ?? ""}px, ${e(N) ?? ""}px) scale(${e(d) ?? ""})`), h(S, "src", e(p)), h(S, "width", e(f)), h(S, "height", e(l)), h(H, "width", e(c)), h(H, "height", e(v)), P = fe(H, 1, "svelte-49zqag", null, P, { hidden: !e(D) }), h(I, "width", e(c)), h(I, "height", e(v)), h(F, "viewBox", `0 0 ${e(f) ?? ""} ${e(l) ?? ""}`), h(F, "width", e(f)), h(F, "height", e(l));
      }), Y(i, u);
    }, Xt = (i) => {
      var u = ss(), w = R(u);
      W(() => ee(w, e(a)?.message || "Upload an image or pick an example.")), Y(i, u);
    };
    he(ot, (i) => {
      e(p) ? i(Yt) : i(Xt, !1);
    });
  }
  var Vt = z(ot, 2);
  {
    var Wt = (i) => {
      var u = ns(), w = z(R(u), 2);
      w.__click = () => b(A, !1);
      var S = z(w, 2), H = R(S);
      Me(H, 21, () => e(o), xe, (P, I) => {
        var F = U(() => ut(e(I), 2));
        let Q = () => e(F)[0], j = () => e(F)[1];
        var se = as(), ae = R(se), Ne = R(ae), Ie = R(Ne), O = z(ae), M = R(O);
        W(() => {
          ee(Ie, Q()), ee(M, j());
        }), Y(P, se);
      }), Y(i, u);
    };
    he(Vt, (i) => {
      e(A) && i(Wt);
    });
  }
  Re(C, (i) => b(g, i), () => e(g)), W(
    (i) => {
      Je = fe(we, 1, "sam-canvas-block svelte-49zqag", null, Je, { hidden: s.shared.visible === !1 }), h(we, "id", s.shared.elem_id), ee(Pt, `r ${e(x) ?? ""}`), ee(Ft, `${i ?? ""} %`), it = fe(ke, 1, "svelte-49zqag", null, it, { active: !e(D) }), ee(Ut, e(D) ? "Hide masks" : "Show masks"), fe(C, 1, `viewport tool-${e(m) ?? ""}`, "svelte-49zqag"), _t(C, `height: ${s.props.height ?? ""}px`), h(C, "data-scale", e(d)), h(C, "data-tx", e(_)), h(C, "data-ty", e(N)), h(C, "data-width", e(f)), h(C, "data-height", e(l)), h(C, "data-tool", e(m)), h(C, "data-radius", e(x)), h(C, "data-masks", e(D) ? "shown" : "hidden");
    },
    [() => Math.round(e(d) * 100)]
  ), dt("pointerleave", C, Lt), dt("wheel", C, Dt), Y(t, we), yr();
}
mr([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "contextmenu"
]);
export {
  fs as default
};
