import { i as At, g as St, o as nr, a as Ue, b as ir, T as or, c as lr, d as ve, e as Ye, r as Ve, f as ze, p as We, h as we, m as fr, s as Tt, j as zt, u as fe, k as ce, l as Ct, E as cr, n as e, q as vt, t as j, v as dr, w as ur, x as hr, y as pr, z as bt, A as _r, I as Pe, B as vr, C as br, D as Ge, F as gr, G as qt, H as Nt, J as mr, L as yr, N as kr, K as wr, M as xr, O as Mr, S as Er, P as $r, Q as Ar, R as Sr, U as z, V as gt, W as g, X as Tr, Y as V, Z as Be, _ as zr, $ as T, a0 as G, a1 as Cr, a2 as Q, a3 as R, a4 as qr, a5 as mt } from "./render-CdUuqyie.js";
function It(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const Nr = [];
function Ir(t, r = !1, n = !1) {
  return Ce(t, /* @__PURE__ */ new Map(), "", Nr, null, n);
}
function Ce(t, r, n, a, o = null, s = !1) {
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
    if (At(t)) {
      var c = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, c), o !== null && r.set(o, c);
      for (var l = 0; l < t.length; l += 1) {
        var _ = t[l];
        l in t && (c[l] = Ce(_, r, n, a, null, s));
      }
      return c;
    }
    if (St(t) === nr) {
      c = {}, r.set(t, c), o !== null && r.set(o, c);
      for (var h in t)
        c[h] = Ce(
          // @ts-expect-error
          t[h],
          r,
          n,
          a,
          null,
          s
        );
      return c;
    }
    if (t instanceof Date)
      return (
        /** @type {Snapshot<T>} */
        structuredClone(t)
      );
    if (typeof /** @type {T & { toJSON?: any } } */
    t.toJSON == "function" && !s)
      return Ce(
        /** @type {T & { toJSON(): any } } */
        t.toJSON(),
        r,
        n,
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
function Rt(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function Je(t, r) {
  var n = (
    /** @type {Effect} */
    lr
  );
  n.nodes === null && (n.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function de(t, r) {
  var n = (r & or) !== 0, a, o = !t.startsWith("<!>");
  return () => {
    a === void 0 && (a = Rt(o ? t : "<!>" + t), a = /** @type {TemplateNode} */
    Ue(a));
    var s = (
      /** @type {TemplateNode} */
      n || ir ? document.importNode(a, !0) : a.cloneNode(!0)
    );
    return Je(s, s), s;
  };
}
// @__NO_SIDE_EFFECTS__
function Rr(t, r, n = "svg") {
  var a = !t.startsWith("<!>"), o = `<${n}>${a ? t : "<!>" + t}</${n}>`, s;
  return () => {
    if (!s) {
      var f = (
        /** @type {DocumentFragment} */
        Rt(o)
      ), c = (
        /** @type {Element} */
        Ue(f)
      );
      s = /** @type {Element} */
      Ue(c);
    }
    var l = (
      /** @type {TemplateNode} */
      s.cloneNode(!0)
    );
    return Je(l, l), l;
  };
}
// @__NO_SIDE_EFFECTS__
function xe(t, r) {
  return /* @__PURE__ */ Rr(t, r, "svg");
}
function Dr() {
  var t = document.createDocumentFragment(), r = document.createComment(""), n = ve();
  return t.append(r, n), Je(r, n), t;
}
function B(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class Lr {
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
  constructor(r, n = !0) {
    this.anchor = r, this.#s = n;
  }
  #n = () => {
    var r = (
      /** @type {Batch} */
      Ye
    );
    if (this.#t.has(r)) {
      var n = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(n);
      if (a)
        Ve(a), this.#a.delete(n);
      else {
        var o = this.#e.get(n);
        o && (this.#r.set(n, o.effect), this.#e.delete(n), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), a = o.effect);
      }
      for (const [s, f] of this.#t) {
        if (this.#t.delete(s), s === r)
          break;
        const c = this.#e.get(f);
        c && (ze(c.effect), this.#e.delete(f));
      }
      for (const [s, f] of this.#r) {
        if (s === n || this.#a.has(s)) continue;
        const c = () => {
          if (Array.from(this.#t.values()).includes(s)) {
            var _ = document.createDocumentFragment();
            fr(f, _), _.append(ve()), this.#e.set(s, { effect: f, fragment: _ });
          } else
            ze(f);
          this.#a.delete(s), this.#r.delete(s);
        };
        this.#s || !a ? (this.#a.add(s), We(f, c, !1)) : c();
      }
    }
  };
  /**
   * @param {Batch} batch
   */
  #i = (r) => {
    this.#t.delete(r);
    const n = Array.from(this.#t.values());
    for (const [a, o] of this.#e)
      n.includes(a) || (ze(o.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, n) {
    var a = (
      /** @type {Batch} */
      Ye
    ), o = Tt();
    if (n && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var s = document.createDocumentFragment(), f = ve();
        s.append(f), this.#e.set(r, {
          effect: we(() => n(f)),
          fragment: s
        });
      } else
        this.#r.set(
          r,
          we(() => n(this.anchor))
        );
    if (this.#t.set(a, r), o) {
      for (const [c, l] of this.#r)
        c === r ? a.skipped_effects.delete(l) : a.skipped_effects.add(l);
      for (const [c, l] of this.#e)
        c === r ? a.skipped_effects.delete(l.effect) : a.skipped_effects.add(l.effect);
      a.oncommit(this.#n), a.ondiscard(this.#i);
    } else
      this.#n();
  }
}
function Dt(t) {
  zt === null && It(), fe(() => {
    const r = ce(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function Or(t) {
  zt === null && It(), Dt(() => () => ce(t));
}
function pe(t, r, n = !1) {
  var a = new Lr(t), o = n ? cr : 0;
  function s(f, c) {
    a.ensure(f, c);
  }
  Ct(() => {
    var f = !1;
    r((c, l = !0) => {
      f = !0, s(l, c);
    }), f || s(!1, null);
  }, o);
}
function ge(t, r) {
  return r;
}
function Hr(t, r, n) {
  for (var a = [], o = r.length, s, f = r.length, c = 0; c < o; c++) {
    let x = r[c];
    We(
      x,
      () => {
        if (s) {
          if (s.pending.delete(x), s.done.add(x), s.pending.size === 0) {
            var m = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            Xe(Ge(s.done)), m.delete(s), m.size === 0 && (t.outrogroups = null);
          }
        } else
          f -= 1;
      },
      !1
    );
  }
  if (f === 0) {
    var l = a.length === 0 && n !== null;
    if (l) {
      var _ = (
        /** @type {Element} */
        n
      ), h = (
        /** @type {Element} */
        _.parentNode
      );
      br(h), h.append(_), t.items.clear();
    }
    Xe(r, !l);
  } else
    s = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(s);
}
function Xe(t, r = !0) {
  for (var n = 0; n < t.length; n++)
    ze(t[n], r);
}
var yt;
function me(t, r, n, a, o, s = null) {
  var f = t, c = /* @__PURE__ */ new Map(), l = (r & qt) !== 0;
  if (l) {
    var _ = (
      /** @type {Element} */
      t
    );
    f = _.appendChild(ve());
  }
  var h = null, x = dr(() => {
    var v = n();
    return At(v) ? v : v == null ? [] : Ge(v);
  }), m, M = !0;
  function E() {
    d.fallback = h, Fr(d, m, f, r, a), h !== null && (m.length === 0 ? (h.f & j) === 0 ? Ve(h) : (h.f ^= j, ke(h, null, f)) : We(h, () => {
      h = null;
    }));
  }
  var I = Ct(() => {
    m = /** @type {V[]} */
    e(x);
    for (var v = m.length, H = /* @__PURE__ */ new Set(), b = (
      /** @type {Batch} */
      Ye
    ), $ = Tt(), A = 0; A < v; A += 1) {
      var X = m[A], w = a(X, A), F = M ? null : c.get(w);
      F ? (F.v && vt(F.v, X), F.i && vt(F.i, A), $ && b.skipped_effects.delete(F.e)) : (F = Pr(
        c,
        M ? f : yt ??= ve(),
        X,
        w,
        A,
        o,
        r,
        n
      ), M || (F.e.f |= j), c.set(w, F)), H.add(w);
    }
    if (v === 0 && s && !h && (M ? h = we(() => s(f)) : (h = we(() => s(yt ??= ve())), h.f |= j)), !M)
      if ($) {
        for (const [C, D] of c)
          H.has(C) || b.skipped_effects.add(D.e);
        b.oncommit(E), b.ondiscard(() => {
        });
      } else
        E();
    e(x);
  }), d = { effect: I, items: c, outrogroups: null, fallback: h };
  M = !1;
}
function ye(t) {
  for (; t !== null && (t.f & vr) === 0; )
    t = t.next;
  return t;
}
function Fr(t, r, n, a, o) {
  var s = (a & mr) !== 0, f = r.length, c = t.items, l = ye(t.effect.first), _, h = null, x, m = [], M = [], E, I, d, v;
  if (s)
    for (v = 0; v < f; v += 1)
      E = r[v], I = o(E, v), d = /** @type {EachItem} */
      c.get(I).e, (d.f & j) === 0 && (d.nodes?.a?.measure(), (x ??= /* @__PURE__ */ new Set()).add(d));
  for (v = 0; v < f; v += 1) {
    if (E = r[v], I = o(E, v), d = /** @type {EachItem} */
    c.get(I).e, t.outrogroups !== null)
      for (const D of t.outrogroups)
        D.pending.delete(d), D.done.delete(d);
    if ((d.f & j) !== 0)
      if (d.f ^= j, d === l)
        ke(d, null, n);
      else {
        var H = h ? h.next : l;
        d === t.effect.last && (t.effect.last = d.prev), d.prev && (d.prev.next = d.next), d.next && (d.next.prev = d.prev), le(t, h, d), le(t, d, H), ke(d, H, n), h = d, m = [], M = [], l = ye(h.next);
        continue;
      }
    if ((d.f & Pe) !== 0 && (Ve(d), s && (d.nodes?.a?.unfix(), (x ??= /* @__PURE__ */ new Set()).delete(d))), d !== l) {
      if (_ !== void 0 && _.has(d)) {
        if (m.length < M.length) {
          var b = M[0], $;
          h = b.prev;
          var A = m[0], X = m[m.length - 1];
          for ($ = 0; $ < m.length; $ += 1)
            ke(m[$], b, n);
          for ($ = 0; $ < M.length; $ += 1)
            _.delete(M[$]);
          le(t, A.prev, X.next), le(t, h, A), le(t, X, b), l = b, h = X, v -= 1, m = [], M = [];
        } else
          _.delete(d), ke(d, l, n), le(t, d.prev, d.next), le(t, d, h === null ? t.effect.first : h.next), le(t, h, d), h = d;
        continue;
      }
      for (m = [], M = []; l !== null && l !== d; )
        (_ ??= /* @__PURE__ */ new Set()).add(l), M.push(l), l = ye(l.next);
      if (l === null)
        continue;
    }
    (d.f & j) === 0 && m.push(d), h = d, l = ye(d.next);
  }
  if (t.outrogroups !== null) {
    for (const D of t.outrogroups)
      D.pending.size === 0 && (Xe(Ge(D.done)), t.outrogroups?.delete(D));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (l !== null || _ !== void 0) {
    var w = [];
    if (_ !== void 0)
      for (d of _)
        (d.f & Pe) === 0 && w.push(d);
    for (; l !== null; )
      (l.f & Pe) === 0 && l !== t.fallback && w.push(l), l = ye(l.next);
    var F = w.length;
    if (F > 0) {
      var C = (a & qt) !== 0 && f === 0 ? n : null;
      if (s) {
        for (v = 0; v < F; v += 1)
          w[v].nodes?.a?.measure();
        for (v = 0; v < F; v += 1)
          w[v].nodes?.a?.fix();
      }
      Hr(t, w, C);
    }
  }
  s && Nt(() => {
    if (x !== void 0)
      for (d of x)
        d.nodes?.a?.apply();
  });
}
function Pr(t, r, n, a, o, s, f, c) {
  var l = (f & ur) !== 0 ? (f & hr) === 0 ? pr(n, !1, !1) : bt(n) : null, _ = (f & _r) !== 0 ? bt(o) : null;
  return {
    v: l,
    i: _,
    e: we(() => (s(r, l ?? n, _ ?? o, c), () => {
      t.delete(a);
    }))
  };
}
function ke(t, r, n) {
  if (t.nodes)
    for (var a = t.nodes.start, o = t.nodes.end, s = r && (r.f & j) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : n; a !== null; ) {
      var f = (
        /** @type {TemplateNode} */
        gr(a)
      );
      if (s.before(a), a === o)
        return;
      a = f;
    }
}
function le(t, r, n) {
  r === null ? t.effect.first = n : r.next = n, n === null ? t.effect.last = r : n.prev = r;
}
const kt = [...` 	
\r\f \v\uFEFF`];
function Br(t, r, n) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), n) {
    for (var o in n)
      if (n[o])
        a = a ? a + " " + o : o;
      else if (a.length)
        for (var s = o.length, f = 0; (f = a.indexOf(o, f)) >= 0; ) {
          var c = f + s;
          (f === 0 || kt.includes(a[f - 1])) && (c === a.length || kt.includes(a[c])) ? a = (f === 0 ? "" : a.substring(0, f)) + a.substring(c + 1) : f = c;
        }
  }
  return a === "" ? null : a;
}
function Kr(t, r) {
  return t == null ? null : String(t);
}
function _e(t, r, n, a, o, s) {
  var f = t.__className;
  if (f !== n || f === void 0) {
    var c = Br(n, a, s);
    c == null ? t.removeAttribute("class") : t.className = c, t.__className = n;
  } else if (s && o !== s)
    for (var l in s) {
      var _ = !!s[l];
      (o == null || _ !== !!o[l]) && t.classList.toggle(l, _);
    }
  return s;
}
function wt(t, r, n, a) {
  var o = t.__style;
  if (o !== r) {
    var s = Kr(r);
    s == null ? t.removeAttribute("style") : t.style.cssText = s, t.__style = r;
  }
  return a;
}
const Ur = /* @__PURE__ */ Symbol("is custom element"), Yr = /* @__PURE__ */ Symbol("is html");
function p(t, r, n, a) {
  var o = Xr(t);
  o[r] !== (o[r] = n) && (r === "loading" && (t[yr] = n), n == null ? t.removeAttribute(r) : typeof n != "string" && Vr(t).includes(r) ? t[r] = n : t.setAttribute(r, n));
}
function Xr(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [Ur]: t.nodeName.includes("-"),
      [Yr]: t.namespaceURI === kr
    }
  );
}
var xt = /* @__PURE__ */ new Map();
function Vr(t) {
  var r = t.getAttribute("is") || t.nodeName, n = xt.get(r);
  if (n) return n;
  xt.set(r, n = []);
  for (var a, o = t, s = Element.prototype; s !== o; ) {
    a = wr(o);
    for (var f in a)
      a[f].set && n.push(f);
    o = St(o);
  }
  return n;
}
function Mt(t, r) {
  return t === r || t?.[Er] === r;
}
function Ke(t = {}, r, n, a) {
  return xr(() => {
    var o, s;
    return Mr(() => {
      o = s, s = [], ce(() => {
        t !== n(...s) && (r(t, ...s), o && Mt(n(...o), t) && r(null, ...o));
      });
    }), () => {
      Nt(() => {
        s && Mt(n(...s), t) && r(null, ...s);
      });
    };
  }), t;
}
function Wr(t, r, n) {
  if (t == null)
    return r(void 0), $r;
  const a = ce(
    () => t.subscribe(
      r,
      // @ts-expect-error
      n
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function Gr(t) {
  let r;
  return Wr(t, (n) => r = n)(), r;
}
const Jr = {
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
function Zr(t, r, n) {
  return new Proxy(
    { props: t, exclude: r },
    Jr
  );
}
const Qr = [
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
], Et = {
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
Qr.reduce((t, { color: r, primary: n, secondary: a }) => ({
  ...t,
  [r]: {
    primary: Et[r][n],
    secondary: Et[r][a]
  }
}), {});
function jr(t) {
  let r;
  const n = Sr((o) => {
    let s = !1;
    const f = t.subscribe((c) => {
      r = c, s && o();
    });
    return s = !0, f;
  });
  function a() {
    return Ar() ? (n(), r) : Gr(t);
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
const ea = "__i18n__", ta = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], ra = [
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
function aa(t) {
  return typeof t == "string" && t.includes(ea);
}
class sa {
  load_component;
  #t = z(gt({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    g(this.#t, r, !0);
  }
  #r = z(gt({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    g(this.#r, r, !0);
  }
  #e = z((r) => r);
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
  shared_props = ra;
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
    for (const a in r.shared_props)
      this.shared[a] = r.shared_props[a];
    for (const a in r.props)
      a !== "i18n_store" && (this.props[a] = r.props[a]);
    if (n)
      for (const a in n)
        this.props[a] === void 0 && (this.props[a] = n[a]);
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? jr(this.i18n_store) : void 0;
    for (const a of ta)
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
    ), this.registered_id = this.shared.id, this.last_shared_props = r.shared_props, this.last_props = r.props, fe(() => {
      const a = r.shared_props.id;
      if (this.last_shared_props !== r.shared_props) {
        for (const o in r.shared_props) {
          const s = r.shared_props[o];
          s !== void 0 && (this._is_i18n_managed(`shared.${o}`, s) || (this.shared[o] = s));
        }
        this.last_shared_props = r.shared_props;
      }
      if (this.last_props !== r.props) {
        for (const o in r.props) {
          if (o === "i18n_store") continue;
          const s = r.props[o];
          s !== void 0 && (this._is_i18n_managed(`props.${o}`, s) || (this.props[o] = s));
        }
        this.last_props = r.props;
      }
      this.registered_id !== null && this.registered_id !== a && this.unregister_component(this.registered_id, this.set_data_callback), this.register_component(
        a,
        // @ts-ignore
        this.set_data_callback,
        this.get_data_callback
      ), this.registered_id = a, ce(() => {
        this.shared.id = a;
      });
    }), fe(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), fe(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, s] of Object.entries(this.translatable_props)) {
        const [f, c] = o.split("."), l = this.i18n(s);
        f === "shared" ? this.shared[c] = l : this.props[c] = l;
      }
    }) : void 0);
  }
  // check if props are translatable
  _is_i18n_managed(r, n) {
    const a = this.translatable_props[r];
    return a ? n === a ? !0 : (delete this.translatable_props[r], !1) : !1;
  }
  _translate_and_store(r, n, a) {
    if (typeof a != "string") return a;
    const o = this.i18n(a);
    return o !== a && (this.translatable_props[`${r}.${n}`] = a), o;
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
    return Ir(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const n in r) {
      const a = r[n], o = aa(a) ? this._translate_and_store(this.shared_props.includes(n) ? "shared" : "props", n, a) : a;
      if (this.shared_props.includes(n)) {
        const s = n;
        this.shared[s] = o;
        continue;
      }
      this.props[n] = o;
    }
  }
  watch_for_change() {
    fe(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const na = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["pan", "h", "Pan"]
], ia = [
  ["V / B / E / H", "click, brush, eraser, pan tool"],
  ["[ / ]", "smaller / larger brush"],
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function $t(t, r, n) {
  let a = 0;
  for (let o = 0; o < t.length; o++) {
    const s = a + t[o];
    o % 2 === 1 && r.fill(n, a, Math.min(s, r.length)), a = s;
  }
}
function oa(t, r, n, a, o, s, f) {
  const c = Math.max(0, Math.floor(Math.min(a[0], o[0]) - s - 1)), l = Math.max(0, Math.floor(Math.min(a[1], o[1]) - s - 1)), _ = Math.min(r - 1, Math.ceil(Math.max(a[0], o[0]) + s + 1)), h = Math.min(n - 1, Math.ceil(Math.max(a[1], o[1]) + s + 1));
  if (c > _ || l > h) return null;
  const x = o[0] - a[0], m = o[1] - a[1], M = x * x + m * m, E = s * s;
  for (let I = l; I <= h; I++) {
    const d = I + 0.5;
    for (let v = c; v <= _; v++) {
      const H = v + 0.5;
      let b = M > 0 ? ((H - a[0]) * x + (d - a[1]) * m) / M : 0;
      b = b < 0 ? 0 : b > 1 ? 1 : b;
      const $ = H - (a[0] + b * x), A = d - (a[1] + b * m);
      $ * $ + A * A <= E && (t[I * r + v] = f);
    }
  }
  return [c, l, _ - c + 1, h - l + 1];
}
var la = /* @__PURE__ */ de('<span class="sam-canvas-label svelte-49zqag"> </span>'), fa = /* @__PURE__ */ de("<button> </button>"), ca = /* @__PURE__ */ xe('<rect fill="none"></rect>'), da = /* @__PURE__ */ xe('<text class="label" stroke="black" paint-order="stroke"> </text>'), ua = /* @__PURE__ */ xe('<circle fill="none" stroke="#ffd700"></circle>'), ha = /* @__PURE__ */ xe('<circle class="point" stroke="white"></circle>'), pa = /* @__PURE__ */ xe('<circle fill="none"></circle>'), _a = /* @__PURE__ */ de('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!></svg></div>'), va = /* @__PURE__ */ de('<div class="empty svelte-49zqag"> </div>'), ba = /* @__PURE__ */ de('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), ga = /* @__PURE__ */ de('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), ma = /* @__PURE__ */ de('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function ka(t, r) {
  Cr(r, !0);
  const n = /* @__PURE__ */ Zr(r, ["$$slots", "$$events", "$$legacy"]), a = new sa(n, { value: null, height: 500, shortcuts: [] }), o = G(() => [...a.props.shortcuts ?? [], ...ia]);
  let s = z(null), f = 0;
  const c = /* @__PURE__ */ new Map();
  let l = !1;
  const _ = G(() => e(s)?.width ?? 0), h = G(() => e(s)?.height ?? 0), x = G(() => e(s)?.mask_width || e(_)), m = G(() => e(s)?.mask_height || e(h)), M = G(() => e(s)?.image?.url ?? null);
  let E = z(void 0), I = z(void 0), d = z(void 0), v = z(0), H = z(0), b = z(1), $ = z(0), A = z(0), X = z(
    ""
    // the picture the view was fitted to (the first fit waits for the layout)
  ), w = z("click"), F = z(null), C = z(10), D = z(!0), ee = z(!1), K = z(
    null
    // image pixels (floats) while inside
  ), te = null, Ze = !1, re = null, W = z(null), J = null, ae = null, Me = !1, ue = null, Z = null;
  const Lt = 150;
  function qe() {
    !e(_) || !e(h) || !e(v) || !e(H) || (g(b, Math.min(e(v) / e(_), e(H) / e(h)), !0), g($, (e(v) - e(_) * e(b)) / 2), g(A, (e(H) - e(h) * e(b)) / 2));
  }
  function be(i, u = e(v) / 2, k = e(H) / 2) {
    const S = Math.min(64, Math.max(0.02, e(b) * i));
    g($, u - (u - e($)) * S / e(b)), g(A, k - (k - e(A)) * S / e(b)), g(b, S, !0);
  }
  function Qe() {
    const i = e(v) / 2, u = e(H) / 2;
    be(1 / e(b), i, u);
  }
  fe(() => {
    const i = `${e(M)}|${e(_)}x${e(h)}`;
    e(_) && e(h) && e(v) && e(H) && i !== e(X) && (g(X, i), qe());
  });
  function Ne(i) {
    const u = e(E).getBoundingClientRect();
    return [
      (i.clientX - u.left - e($)) / e(b),
      (i.clientY - u.top - e(A)) / e(b)
    ];
  }
  function Ie(i) {
    return i[0] >= 0 && i[1] >= 0 && i[0] < e(_) && i[1] < e(h);
  }
  const je = (i) => [
    Math.min(e(_) - 1, Math.max(0, Math.floor(i[0]))),
    Math.min(e(h) - 1, Math.max(0, Math.floor(i[1])))
  ];
  function Ot() {
    if (!e(I) || !e(x) || !e(m)) return;
    const i = e(I).getContext("2d");
    (!Z || Z.width !== e(x) || Z.height !== e(m)) && (Z = i.createImageData(e(x), e(m)));
    const u = new Uint32Array(Z.data.buffer);
    u.fill(0);
    for (const k of e(s)?.objects ?? []) {
      const [S, P, U] = k.color, L = k.selected ? 150 : 100;
      $t(k.runs, u, (L << 24 | U << 16 | P << 8 | S) >>> 0);
    }
    i.putImageData(Z, 0, 0);
  }
  function Ht() {
    if (!e(d)) return;
    const i = e(d).getContext("2d");
    i.clearRect(0, 0, e(d).width, e(d).height);
    const u = e(s)?.preview;
    if (!u || !ae || !e(K) || e(w) !== "click" || u.at[0] !== ae[0] || u.at[1] !== ae[1]) return;
    const k = i.createImageData(e(x), e(m));
    $t(u.runs, new Uint32Array(k.data.buffer), 2365583560), i.putImageData(k, 0, 0), e(E)?.setAttribute("data-preview", `${u.at[0]},${u.at[1]}`);
  }
  function Re() {
    e(d) && e(d).getContext("2d").clearRect(0, 0, e(x), e(m)), e(E)?.removeAttribute("data-preview");
  }
  function Ft(i) {
    Me = !1, !(i?.preview && c.get(`${i.preview.at}`) !== f) && (l = !1, g(s, i, !0));
  }
  fe(() => {
    const i = a.props.value;
    ce(() => Ft(i));
  }), fe(() => {
    e(s), e(x), e(m), e(I), e(d), ce(() => {
      if (Ot(), Ht(), ue) {
        const i = ue;
        ue = null, tt(i);
      }
    });
  });
  function et(i, u) {
    f += 1, c.clear(), l = !0, setTimeout(() => l = !1, 5e3), J && clearTimeout(J), ae = null, ue = null, Re(), a.dispatch(i, u);
  }
  function tt(i) {
    if (!l) {
      if (Me) {
        ue = i;
        return;
      }
      Me = !0, setTimeout(() => Me = !1, 3e3), c.set(`${i}`, f), a.dispatch("hover", { x: i[0], y: i[1] });
    }
  }
  function De() {
    J && clearTimeout(J), ae = null, Re(), !(e(w) !== "click" || !e(K) || !Ie(e(K)) || !e(s)?.image) && (J = setTimeout(
      () => {
        !e(K) || !Ie(e(K)) || (ae = je(e(K)), tt(ae));
      },
      Lt
    ));
  }
  function rt(i, u, k) {
    if (!Z) return;
    const S = e(x) / e(_), P = e(m) / e(h), U = (e(s)?.objects ?? []).find((he) => he.selected), [L, Y, se] = U ? U.color : [255, 255, 255], ne = k ? 0 : (150 << 24 | se << 16 | Y << 8 | L) >>> 0, ie = oa(new Uint32Array(Z.data.buffer), e(x), e(m), [i[0] * S, i[1] * P], [u[0] * S, u[1] * P], e(C) * S, ne);
    ie && e(I).getContext("2d").putImageData(Z, 0, 0, ...ie);
  }
  function Pt(i) {
    if (!e(s)?.image) return;
    e(E).focus({ preventScroll: !0 });
    const u = Ne(i);
    if (i.button === 1 || i.button === 0 && (Ze || e(w) === "pan")) {
      te = {
        x: i.clientX,
        y: i.clientY,
        tx: e($),
        ty: e(A)
      }, e(E).setPointerCapture(i.pointerId), i.preventDefault();
      return;
    }
    if (i.button === 0) {
      if (J && clearTimeout(J), e(w) === "brush" || e(w) === "eraser") {
        g(W, { points: [u], erase: e(w) === "eraser" }, !0), rt(u, u, e(W).erase), e(E).setPointerCapture(i.pointerId);
        return;
      }
      re = { x: i.clientX, y: i.clientY, moved: !1 };
    }
  }
  function Bt(i) {
    const u = Ne(i);
    if (g(K, u, !0), te) {
      g($, te.tx + i.clientX - te.x), g(A, te.ty + i.clientY - te.y);
      return;
    }
    if (e(W)) {
      const k = e(W).points[e(W).points.length - 1];
      e(W).points.push(u), rt(k, u, e(W).erase);
      return;
    }
    re && Math.hypot(i.clientX - re.x, i.clientY - re.y) > 4 && (re.moved = !0), De();
  }
  function Kt(i) {
    if (te) {
      te = null;
      return;
    }
    if (e(W)) {
      const u = e(W);
      g(W, null), et("stroke", {
        points: u.points,
        radius: e(C),
        erase: u.erase
      });
      return;
    }
    if (re && !re.moved && i.button === 0) {
      const u = Ne(i);
      Ie(u) && et("select", { index: je(u), value: null, selected: !0 });
    }
    re = null;
  }
  function Ut() {
    g(K, null), J && clearTimeout(J), ae = null, ue = null, Re();
  }
  function Yt(i) {
    if (!e(s)?.image) return;
    i.preventDefault();
    const u = e(E).getBoundingClientRect();
    be(Math.pow(1.0015, -i.deltaY), i.clientX - u.left, i.clientY - u.top);
  }
  function Xt(i) {
    const u = i;
    return !!u && (u.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(u.tagName) && !["radio", "checkbox"].includes(u.type));
  }
  function Ee(i) {
    if (!e(E) || e(E).offsetParent === null || !e(s)?.image || i.ctrlKey || i.metaKey || i.altKey || Xt(i.target)) return;
    if (i.key === " ") {
      Ze = i.type === "keydown", e(K) && i.preventDefault();
      return;
    }
    if (i.type !== "keydown") return;
    const k = {
      "+": () => be(1.25),
      "=": () => be(1.25),
      "-": () => be(0.8),
      0: qe,
      o: Qe,
      v: () => g(w, "click"),
      b: () => g(w, "brush"),
      e: () => g(w, "eraser"),
      h: () => g(w, "pan"),
      "[": () => g(C, Math.max(1, Math.round(e(C) / 1.25)), !0),
      "]": () => g(C, Math.min(500, Math.round(e(C) * 1.25) + (e(C) < 4 ? 1 : 0)), !0),
      m: () => g(D, !e(D)),
      "?": () => g(ee, !e(ee)),
      Escape: () => g(ee, !1)
    }[i.key];
    !k || i.key === "Escape" && !e(ee) || (k(), i.key !== "Escape" && i.preventDefault(), ["v", "b", "e", "h"].includes(i.key) && De());
  }
  let Le;
  Dt(() => {
    Le = new ResizeObserver(() => {
      g(v, e(E).clientWidth, !0), g(H, e(E).clientHeight, !0);
    }), Le.observe(e(E)), document.addEventListener("keydown", Ee), document.addEventListener("keyup", Ee);
  }), Or(() => {
    Le?.disconnect(), document.removeEventListener("keydown", Ee), document.removeEventListener("keyup", Ee);
  });
  const at = G(() => Math.max(3, 6 / e(b))), $e = G(() => 2 / e(b));
  var Ae = ma();
  let st;
  var nt = R(Ae);
  {
    var Vt = (i) => {
      var u = la(), k = R(u);
      V(() => Q(k, a.shared.label)), B(i, u);
    };
    pe(nt, (i) => {
      a.shared.show_label && a.shared.label && i(Vt);
    });
  }
  var it = T(nt, 2), ot = R(it);
  me(ot, 17, () => na, ge, (i, u) => {
    var k = G(() => mt(e(u), 3));
    let S = () => e(k)[0], P = () => e(k)[1], U = () => e(k)[2];
    var L = fa();
    L.__click = () => {
      g(w, S(), !0), De();
    };
    let Y;
    var se = R(L);
    V(
      (ne) => {
        p(L, "title", `${U() ?? ""} (${ne ?? ""})`), p(L, "data-tool", S()), Y = _e(L, 1, "svelte-49zqag", null, Y, { active: e(w) === S() }), Q(se, U());
      },
      [() => P().toUpperCase()]
    ), B(i, L);
  });
  var lt = T(ot, 4);
  lt.__click = () => g(C, Math.max(1, Math.round(e(C) / 1.25)), !0);
  var ft = T(lt, 2), Wt = R(ft), ct = T(ft, 2);
  ct.__click = () => g(C, Math.min(500, Math.round(e(C) * 1.25) + (e(C) < 4 ? 1 : 0)), !0);
  var dt = T(ct, 4);
  dt.__click = qe;
  var ut = T(dt, 2);
  ut.__click = Qe;
  var ht = T(ut, 2), Gt = R(ht), Se = T(ht, 2);
  Se.__click = () => g(D, !e(D));
  let pt;
  var Jt = R(Se), Zt = T(Se, 2);
  Zt.__click = () => g(ee, !e(ee));
  var q = T(it, 2);
  q.__pointerdown = Pt, q.__pointermove = Bt, q.__pointerup = Kt, q.__contextmenu = (i) => i.preventDefault();
  var _t = R(q);
  {
    var Qt = (i) => {
      var u = _a();
      let k;
      var S = R(u), P = T(S, 2);
      let U;
      Ke(P, (N) => g(I, N), () => e(I));
      var L = T(P, 2);
      Ke(L, (N) => g(d, N), () => e(d));
      var Y = T(L, 2), se = R(Y);
      me(se, 17, () => e(s)?.boxes ?? [], ge, (N, y) => {
        var O = ca();
        V(() => {
          p(O, "x", e(y)[0]), p(O, "y", e(y)[1]), p(O, "width", e(y)[2] - e(y)[0]), p(O, "height", e(y)[3] - e(y)[1]), p(O, "stroke", `rgb(${e(y)[4] ?? 30 ?? ""},${e(y)[5] ?? 144 ?? ""},${e(y)[6] ?? 255 ?? ""})`), p(O, "stroke-width", e($e));
        }), B(N, O);
      });
      var ne = T(se);
      me(ne, 17, () => e(s)?.objects ?? [], ge, (N, y) => {
        var O = Dr(), rr = qr(O);
        {
          var ar = (Fe) => {
            var oe = da(), sr = R(oe);
            V(() => {
              p(oe, "x", e(y).at[0]), p(oe, "y", e(y).at[1]), p(oe, "dy", -4 / e(b)), p(oe, "font-size", 13 / e(b)), p(oe, "fill", `rgb(${e(y).color[0] ?? ""},${e(y).color[1] ?? ""},${e(y).color[2] ?? ""})`), p(oe, "stroke-width", 3 / e(b)), Q(sr, e(y).label);
            }), B(Fe, oe);
          };
          pe(rr, (Fe) => {
            e(y).label && Fe(ar);
          });
        }
        B(N, O);
      });
      var ie = T(ne);
      {
        var he = (N) => {
          var y = ua();
          V(() => {
            p(y, "cx", e(s).corner[0] + 0.5), p(y, "cy", e(s).corner[1] + 0.5), p(y, "r", e(at)), p(y, "stroke-width", e($e));
          }), B(N, y);
        };
        pe(ie, (N) => {
          e(s)?.corner && N(he);
        });
      }
      var Te = T(ie);
      me(Te, 17, () => e(s)?.points ?? [], ge, (N, y) => {
        var O = ha();
        V(() => {
          p(O, "cx", e(y)[0] + 0.5), p(O, "cy", e(y)[1] + 0.5), p(O, "r", e(at)), p(O, "fill", e(y)[2] === 1 ? "#00dc3c" : "#e61e1e"), p(O, "stroke-width", e($e) / 2);
        }), B(N, O);
      });
      var Oe = T(Te);
      {
        var He = (N) => {
          var y = pa();
          V(() => {
            p(y, "cx", e(K)[0]), p(y, "cy", e(K)[1]), p(y, "r", e(C)), p(y, "stroke", e(w) === "brush" ? "white" : "#ff5050"), p(y, "stroke-width", e($e)), p(y, "stroke-dasharray", `${4 / e(b)} ${3 / e(b)}`);
          }), B(N, y);
        };
        pe(Oe, (N) => {
          e(K) && (e(w) === "brush" || e(w) === "eraser") && N(He);
        });
      }
      V(() => {
        k = _e(u, 1, "stage svelte-49zqag", null, k, { pixelated: e(b) >= 2 }), wt(u, `width: ${e(_) ?? ""}px; height: ${e(h) ?? ""}px; transform: translate(${e($) ?? ""}px, ${e(A) ?? ""}px) scale(${e(b) ?? ""})`), p(S, "src", e(M)), p(S, "width", e(_)), p(S, "height", e(h)), p(P, "width", e(x)), p(P, "height", e(m)), U = _e(P, 1, "svelte-49zqag", null, U, { hidden: !e(D) }), p(L, "width", e(x)), p(L, "height", e(m)), p(Y, "viewBox", `0 0 ${e(_) ?? ""} ${e(h) ?? ""}`), p(Y, "width", e(_)), p(Y, "height", e(h));
      }), Be("load", S, () => g(F, e(M), !0)), B(i, u);
    }, jt = (i) => {
      var u = va(), k = R(u);
      V(() => Q(k, e(s)?.message || "Upload an image or pick an example.")), B(i, u);
    };
    pe(_t, (i) => {
      e(M) ? i(Qt) : i(jt, !1);
    });
  }
  var er = T(_t, 2);
  {
    var tr = (i) => {
      var u = ga(), k = T(R(u), 2);
      k.__click = () => g(ee, !1);
      var S = T(k, 2), P = R(S);
      me(P, 21, () => e(o), ge, (U, L) => {
        var Y = G(() => mt(e(L), 2));
        let se = () => e(Y)[0], ne = () => e(Y)[1];
        var ie = ba(), he = R(ie), Te = R(he), Oe = R(Te), He = T(he), N = R(He);
        V(() => {
          Q(Oe, se()), Q(N, ne());
        }), B(U, ie);
      }), B(i, u);
    };
    pe(er, (i) => {
      e(ee) && i(tr);
    });
  }
  Ke(q, (i) => g(E, i), () => e(E)), V(
    (i) => {
      st = _e(Ae, 1, "sam-canvas-block svelte-49zqag", null, st, { hidden: a.shared.visible === !1 }), p(Ae, "id", a.shared.elem_id), Q(Wt, `r ${e(C) ?? ""}`), Q(Gt, `${i ?? ""} %`), pt = _e(Se, 1, "svelte-49zqag", null, pt, { active: !e(D) }), Q(Jt, e(D) ? "Hide masks" : "Show masks"), _e(q, 1, `viewport tool-${e(w) ?? ""}`, "svelte-49zqag"), wt(q, `height: ${a.props.height ?? ""}px`), p(q, "data-scale", e(b)), p(q, "data-tx", e($)), p(q, "data-ty", e(A)), p(q, "data-width", e(_)), p(q, "data-height", e(h)), p(q, "data-tool", e(w)), p(q, "data-radius", e(C)), p(q, "data-masks", e(D) ? "shown" : "hidden"), p(q, "data-ready", e(M) && e(X) === `${e(M)}|${e(_)}x${e(h)}` && e(F) === e(M) ? "yes" : "no");
    },
    [() => Math.round(e(b) * 100)]
  ), Be("pointerleave", q, Ut), Be("wheel", q, Yt), B(t, Ae), zr();
}
Tr([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "contextmenu"
]);
export {
  ka as default
};
