import { i as It, g as Rt, o as hr, a as ke, b as pr, T as _r, c as vr, d as ye, e as gr, f as je, r as tt, h as Le, p as rt, j as Se, m as br, s as Dt, k as Lt, u as he, l as pe, n as Ot, E as mr, q as e, t as yt, v as ae, w as wr, x as kr, y as yr, z as xr, A as xt, B as Mr, I as Ze, C as Er, D as $r, F as at, G as Ar, H as Ht, J as Ft, K as Tr, L as Sr, N as zr, M as Cr, O as Nr, P as qr, S as Ir, Q as Rr, R as Dr, U as Lr, V as C, W as Mt, X as g, Y as Or, Z as U, _ as Je, $ as Hr, a0 as S, a1 as Y, a2 as Fr, a3 as re, a4 as D, a5 as Et, a6 as $t } from "./render-PvzomQOh.js";
function Pt(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const Pr = [];
function Bt(t, r = !1, n = !1) {
  return Oe(t, /* @__PURE__ */ new Map(), "", Pr, null, n);
}
function Oe(t, r, n, a, o = null, s = !1) {
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
    if (It(t)) {
      var d = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, d), o !== null && r.set(o, d);
      for (var c = 0; c < t.length; c += 1) {
        var _ = t[c];
        c in t && (d[c] = Oe(_, r, n, a, null, s));
      }
      return d;
    }
    if (Rt(t) === hr) {
      d = {}, r.set(t, d), o !== null && r.set(o, d);
      for (var p in t)
        d[p] = Oe(
          // @ts-expect-error
          t[p],
          r,
          n,
          a,
          null,
          s
        );
      return d;
    }
    if (t instanceof Date)
      return (
        /** @type {Snapshot<T>} */
        structuredClone(t)
      );
    if (typeof /** @type {T & { toJSON?: any } } */
    t.toJSON == "function" && !s)
      return Oe(
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
function Kt(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function He(t, r) {
  var n = (
    /** @type {Effect} */
    vr
  );
  n.nodes === null && (n.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function _e(t, r) {
  var n = (r & _r) !== 0, a, o = !t.startsWith("<!>");
  return () => {
    a === void 0 && (a = Kt(o ? t : "<!>" + t), a = /** @type {TemplateNode} */
    ke(a));
    var s = (
      /** @type {TemplateNode} */
      n || pr ? document.importNode(a, !0) : a.cloneNode(!0)
    );
    return He(s, s), s;
  };
}
// @__NO_SIDE_EFFECTS__
function Br(t, r, n = "svg") {
  var a = !t.startsWith("<!>"), o = (r & gr) !== 0, s = `<${n}>${a ? t : "<!>" + t}</${n}>`, f;
  return () => {
    if (!f) {
      var d = (
        /** @type {DocumentFragment} */
        Kt(s)
      ), c = (
        /** @type {Element} */
        ke(d)
      );
      if (o)
        for (f = document.createDocumentFragment(); ke(c); )
          f.appendChild(
            /** @type {TemplateNode} */
            ke(c)
          );
      else
        f = /** @type {Element} */
        ke(c);
    }
    var _ = (
      /** @type {TemplateNode} */
      f.cloneNode(!0)
    );
    if (o) {
      var p = (
        /** @type {TemplateNode} */
        ke(_)
      ), x = (
        /** @type {TemplateNode} */
        _.lastChild
      );
      He(p, x);
    } else
      He(_, _);
    return _;
  };
}
// @__NO_SIDE_EFFECTS__
function ve(t, r) {
  return /* @__PURE__ */ Br(t, r, "svg");
}
function Kr() {
  var t = document.createDocumentFragment(), r = document.createComment(""), n = ye();
  return t.append(r, n), He(r, n), t;
}
function B(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class Ur {
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
      je
    );
    if (this.#t.has(r)) {
      var n = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(n);
      if (a)
        tt(a), this.#a.delete(n);
      else {
        var o = this.#e.get(n);
        o && (this.#r.set(n, o.effect), this.#e.delete(n), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), a = o.effect);
      }
      for (const [s, f] of this.#t) {
        if (this.#t.delete(s), s === r)
          break;
        const d = this.#e.get(f);
        d && (Le(d.effect), this.#e.delete(f));
      }
      for (const [s, f] of this.#r) {
        if (s === n || this.#a.has(s)) continue;
        const d = () => {
          if (Array.from(this.#t.values()).includes(s)) {
            var _ = document.createDocumentFragment();
            br(f, _), _.append(ye()), this.#e.set(s, { effect: f, fragment: _ });
          } else
            Le(f);
          this.#a.delete(s), this.#r.delete(s);
        };
        this.#s || !a ? (this.#a.add(s), rt(f, d, !1)) : d();
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
      n.includes(a) || (Le(o.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, n) {
    var a = (
      /** @type {Batch} */
      je
    ), o = Dt();
    if (n && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var s = document.createDocumentFragment(), f = ye();
        s.append(f), this.#e.set(r, {
          effect: Se(() => n(f)),
          fragment: s
        });
      } else
        this.#r.set(
          r,
          Se(() => n(this.anchor))
        );
    if (this.#t.set(a, r), o) {
      for (const [d, c] of this.#r)
        d === r ? a.skipped_effects.delete(c) : a.skipped_effects.add(c);
      for (const [d, c] of this.#e)
        d === r ? a.skipped_effects.delete(c.effect) : a.skipped_effects.add(c.effect);
      a.oncommit(this.#n), a.ondiscard(this.#i);
    } else
      this.#n();
  }
}
function Ut(t) {
  Lt === null && Pt(), he(() => {
    const r = pe(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function Yr(t) {
  Lt === null && Pt(), Ut(() => () => pe(t));
}
function de(t, r, n = !1) {
  var a = new Ur(t), o = n ? mr : 0;
  function s(f, d) {
    a.ensure(f, d);
  }
  Ot(() => {
    var f = !1;
    r((d, c = !0) => {
      f = !0, s(c, d);
    }), f || s(!1, null);
  }, o);
}
function Ee(t, r) {
  return r;
}
function Vr(t, r, n) {
  for (var a = [], o = r.length, s, f = r.length, d = 0; d < o; d++) {
    let x = r[d];
    rt(
      x,
      () => {
        if (s) {
          if (s.pending.delete(x), s.done.add(x), s.pending.size === 0) {
            var w = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            et(at(s.done)), w.delete(s), w.size === 0 && (t.outrogroups = null);
          }
        } else
          f -= 1;
      },
      !1
    );
  }
  if (f === 0) {
    var c = a.length === 0 && n !== null;
    if (c) {
      var _ = (
        /** @type {Element} */
        n
      ), p = (
        /** @type {Element} */
        _.parentNode
      );
      $r(p), p.append(_), t.items.clear();
    }
    et(r, !c);
  } else
    s = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(s);
}
function et(t, r = !0) {
  for (var n = 0; n < t.length; n++)
    Le(t[n], r);
}
var At;
function $e(t, r, n, a, o, s = null) {
  var f = t, d = /* @__PURE__ */ new Map(), c = (r & Ht) !== 0;
  if (c) {
    var _ = (
      /** @type {Element} */
      t
    );
    f = _.appendChild(ye());
  }
  var p = null, x = wr(() => {
    var m = n();
    return It(m) ? m : m == null ? [] : at(m);
  }), w, E = !0;
  function $() {
    u.fallback = p, Xr(u, w, f, r, a), p !== null && (w.length === 0 ? (p.f & ae) === 0 ? tt(p) : (p.f ^= ae, Te(p, null, f)) : rt(p, () => {
      p = null;
    }));
  }
  var R = Ot(() => {
    w = /** @type {V[]} */
    e(x);
    for (var m = w.length, H = /* @__PURE__ */ new Set(), b = (
      /** @type {Batch} */
      je
    ), z = Dt(), N = 0; N < m; N += 1) {
      var W = w[N], y = a(W, N), F = E ? null : d.get(y);
      F ? (F.v && yt(F.v, W), F.i && yt(F.i, N), z && b.skipped_effects.delete(F.e)) : (F = Wr(
        d,
        E ? f : At ??= ye(),
        W,
        y,
        N,
        o,
        r,
        n
      ), E || (F.e.f |= ae), d.set(y, F)), H.add(y);
    }
    if (m === 0 && s && !p && (E ? p = Se(() => s(f)) : (p = Se(() => s(At ??= ye())), p.f |= ae)), !E)
      if (z) {
        for (const [I, L] of d)
          H.has(I) || b.skipped_effects.add(L.e);
        b.oncommit($), b.ondiscard(() => {
        });
      } else
        $();
    e(x);
  }), u = { effect: R, items: d, outrogroups: null, fallback: p };
  E = !1;
}
function Ae(t) {
  for (; t !== null && (t.f & Er) === 0; )
    t = t.next;
  return t;
}
function Xr(t, r, n, a, o) {
  var s = (a & Tr) !== 0, f = r.length, d = t.items, c = Ae(t.effect.first), _, p = null, x, w = [], E = [], $, R, u, m;
  if (s)
    for (m = 0; m < f; m += 1)
      $ = r[m], R = o($, m), u = /** @type {EachItem} */
      d.get(R).e, (u.f & ae) === 0 && (u.nodes?.a?.measure(), (x ??= /* @__PURE__ */ new Set()).add(u));
  for (m = 0; m < f; m += 1) {
    if ($ = r[m], R = o($, m), u = /** @type {EachItem} */
    d.get(R).e, t.outrogroups !== null)
      for (const L of t.outrogroups)
        L.pending.delete(u), L.done.delete(u);
    if ((u.f & ae) !== 0)
      if (u.f ^= ae, u === c)
        Te(u, null, n);
      else {
        var H = p ? p.next : c;
        u === t.effect.last && (t.effect.last = u.prev), u.prev && (u.prev.next = u.next), u.next && (u.next.prev = u.prev), ue(t, p, u), ue(t, u, H), Te(u, H, n), p = u, w = [], E = [], c = Ae(p.next);
        continue;
      }
    if ((u.f & Ze) !== 0 && (tt(u), s && (u.nodes?.a?.unfix(), (x ??= /* @__PURE__ */ new Set()).delete(u))), u !== c) {
      if (_ !== void 0 && _.has(u)) {
        if (w.length < E.length) {
          var b = E[0], z;
          p = b.prev;
          var N = w[0], W = w[w.length - 1];
          for (z = 0; z < w.length; z += 1)
            Te(w[z], b, n);
          for (z = 0; z < E.length; z += 1)
            _.delete(E[z]);
          ue(t, N.prev, W.next), ue(t, p, N), ue(t, W, b), c = b, p = W, m -= 1, w = [], E = [];
        } else
          _.delete(u), Te(u, c, n), ue(t, u.prev, u.next), ue(t, u, p === null ? t.effect.first : p.next), ue(t, p, u), p = u;
        continue;
      }
      for (w = [], E = []; c !== null && c !== u; )
        (_ ??= /* @__PURE__ */ new Set()).add(c), E.push(c), c = Ae(c.next);
      if (c === null)
        continue;
    }
    (u.f & ae) === 0 && w.push(u), p = u, c = Ae(u.next);
  }
  if (t.outrogroups !== null) {
    for (const L of t.outrogroups)
      L.pending.size === 0 && (et(at(L.done)), t.outrogroups?.delete(L));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (c !== null || _ !== void 0) {
    var y = [];
    if (_ !== void 0)
      for (u of _)
        (u.f & Ze) === 0 && y.push(u);
    for (; c !== null; )
      (c.f & Ze) === 0 && c !== t.fallback && y.push(c), c = Ae(c.next);
    var F = y.length;
    if (F > 0) {
      var I = (a & Ht) !== 0 && f === 0 ? n : null;
      if (s) {
        for (m = 0; m < F; m += 1)
          y[m].nodes?.a?.measure();
        for (m = 0; m < F; m += 1)
          y[m].nodes?.a?.fix();
      }
      Vr(t, y, I);
    }
  }
  s && Ft(() => {
    if (x !== void 0)
      for (u of x)
        u.nodes?.a?.apply();
  });
}
function Wr(t, r, n, a, o, s, f, d) {
  var c = (f & kr) !== 0 ? (f & yr) === 0 ? xr(n, !1, !1) : xt(n) : null, _ = (f & Mr) !== 0 ? xt(o) : null;
  return {
    v: c,
    i: _,
    e: Se(() => (s(r, c ?? n, _ ?? o, d), () => {
      t.delete(a);
    }))
  };
}
function Te(t, r, n) {
  if (t.nodes)
    for (var a = t.nodes.start, o = t.nodes.end, s = r && (r.f & ae) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : n; a !== null; ) {
      var f = (
        /** @type {TemplateNode} */
        Ar(a)
      );
      if (s.before(a), a === o)
        return;
      a = f;
    }
}
function ue(t, r, n) {
  r === null ? t.effect.first = n : r.next = n, n === null ? t.effect.last = r : n.prev = r;
}
const Tt = [...` 	
\r\f \v\uFEFF`];
function Gr(t, r, n) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), n) {
    for (var o in n)
      if (n[o])
        a = a ? a + " " + o : o;
      else if (a.length)
        for (var s = o.length, f = 0; (f = a.indexOf(o, f)) >= 0; ) {
          var d = f + s;
          (f === 0 || Tt.includes(a[f - 1])) && (d === a.length || Tt.includes(a[d])) ? a = (f === 0 ? "" : a.substring(0, f)) + a.substring(d + 1) : f = d;
        }
  }
  return a === "" ? null : a;
}
function Zr(t, r) {
  return t == null ? null : String(t);
}
function we(t, r, n, a, o, s) {
  var f = t.__className;
  if (f !== n || f === void 0) {
    var d = Gr(n, a, s);
    d == null ? t.removeAttribute("class") : t.className = d, t.__className = n;
  } else if (s && o !== s)
    for (var c in s) {
      var _ = !!s[c];
      (o == null || _ !== !!o[c]) && t.classList.toggle(c, _);
    }
  return s;
}
function St(t, r, n, a) {
  var o = t.__style;
  if (o !== r) {
    var s = Zr(r);
    s == null ? t.removeAttribute("style") : t.style.cssText = s, t.__style = r;
  }
  return a;
}
const Jr = /* @__PURE__ */ Symbol("is custom element"), Qr = /* @__PURE__ */ Symbol("is html");
function h(t, r, n, a) {
  var o = jr(t);
  o[r] !== (o[r] = n) && (r === "loading" && (t[Sr] = n), n == null ? t.removeAttribute(r) : typeof n != "string" && ea(t).includes(r) ? t[r] = n : t.setAttribute(r, n));
}
function jr(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [Jr]: t.nodeName.includes("-"),
      [Qr]: t.namespaceURI === zr
    }
  );
}
var zt = /* @__PURE__ */ new Map();
function ea(t) {
  var r = t.getAttribute("is") || t.nodeName, n = zt.get(r);
  if (n) return n;
  zt.set(r, n = []);
  for (var a, o = t, s = Element.prototype; s !== o; ) {
    a = Cr(o);
    for (var f in a)
      a[f].set && n.push(f);
    o = Rt(o);
  }
  return n;
}
function Ct(t, r) {
  return t === r || t?.[Ir] === r;
}
function Qe(t = {}, r, n, a) {
  return Nr(() => {
    var o, s;
    return qr(() => {
      o = s, s = [], pe(() => {
        t !== n(...s) && (r(t, ...s), o && Ct(n(...o), t) && r(null, ...o));
      });
    }), () => {
      Ft(() => {
        s && Ct(n(...s), t) && r(null, ...s);
      });
    };
  }), t;
}
function ta(t, r, n) {
  if (t == null)
    return r(void 0), Rr;
  const a = pe(
    () => t.subscribe(
      r,
      // @ts-expect-error
      n
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function ra(t) {
  let r;
  return ta(t, (n) => r = n)(), r;
}
const aa = {
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
function sa(t, r, n) {
  return new Proxy(
    { props: t, exclude: r },
    aa
  );
}
const na = [
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
], Nt = {
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
na.reduce((t, { color: r, primary: n, secondary: a }) => ({
  ...t,
  [r]: {
    primary: Nt[r][n],
    secondary: Nt[r][a]
  }
}), {});
function ia(t) {
  let r;
  const n = Lr((o) => {
    let s = !1;
    const f = t.subscribe((d) => {
      r = d, s && o();
    });
    return s = !0, f;
  });
  function a() {
    return Dr() ? (n(), r) : ra(t);
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
const oa = "__i18n__", la = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], fa = [
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
function ca(t) {
  return typeof t == "string" && t.includes(oa);
}
class da {
  load_component;
  #t = C(Mt({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    g(this.#t, r, !0);
  }
  #r = C(Mt({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    g(this.#r, r, !0);
  }
  #e = C((r) => r);
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
  shared_props = fa;
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
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? ia(this.i18n_store) : void 0;
    for (const a of la)
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
    ), this.registered_id = this.shared.id, this.last_shared_props = r.shared_props, this.last_props = r.props, he(() => {
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
      ), this.registered_id = a, pe(() => {
        this.shared.id = a;
      });
    }), he(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), he(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, s] of Object.entries(this.translatable_props)) {
        const [f, d] = o.split("."), c = this.i18n(s);
        f === "shared" ? this.shared[d] = c : this.props[d] = c;
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
    return Bt(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const n in r) {
      const a = r[n], o = ca(a) ? this._translate_and_store(this.shared_props.includes(n) ? "shared" : "props", n, a) : a;
      if (this.shared_props.includes(n)) {
        const s = n;
        this.shared[s] = o;
        continue;
      }
      this.props[n] = o;
    }
  }
  watch_for_change() {
    he(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const ua = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["pan", "h", "Pan"],
  ["region", "i", "Region"]
], ha = [
  ["V / B / E / H", "click, brush, eraser, pan tool"],
  ["I", "region tool: drag a region to segment inside it at full resolution; click: whole image"],
  ["[ / ]", "smaller / larger brush"],
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function qt(t, r, n) {
  let a = 0;
  for (let o = 0; o < t.length; o++) {
    const s = a + t[o];
    o % 2 === 1 && r.fill(n, a, Math.min(s, r.length)), a = s;
  }
}
function pa(t, r, n, a, o, s, f) {
  const d = Math.max(0, Math.floor(Math.min(a[0], o[0]) - s - 1)), c = Math.max(0, Math.floor(Math.min(a[1], o[1]) - s - 1)), _ = Math.min(r - 1, Math.ceil(Math.max(a[0], o[0]) + s + 1)), p = Math.min(n - 1, Math.ceil(Math.max(a[1], o[1]) + s + 1));
  if (d > _ || c > p) return null;
  const x = o[0] - a[0], w = o[1] - a[1], E = x * x + w * w, $ = s * s;
  for (let R = c; R <= p; R++) {
    const u = R + 0.5;
    for (let m = d; m <= _; m++) {
      const H = m + 0.5;
      let b = E > 0 ? ((H - a[0]) * x + (u - a[1]) * w) / E : 0;
      b = b < 0 ? 0 : b > 1 ? 1 : b;
      const z = H - (a[0] + b * x), N = u - (a[1] + b * w);
      z * z + N * N <= $ && (t[R * r + m] = f);
    }
  }
  return [d, c, _ - d + 1, p - c + 1];
}
var _a = /* @__PURE__ */ _e('<span class="sam-canvas-label svelte-49zqag"> </span>'), va = /* @__PURE__ */ _e("<button> </button>"), ga = /* @__PURE__ */ ve('<rect fill="none"></rect>'), ba = /* @__PURE__ */ ve('<text class="label" stroke="black" paint-order="stroke"> </text>'), ma = /* @__PURE__ */ ve('<circle fill="none" stroke="#ffd700"></circle>'), wa = /* @__PURE__ */ ve('<circle class="point" stroke="white"></circle>'), ka = /* @__PURE__ */ ve('<path fill="rgba(0,0,0,0.45)" fill-rule="evenodd" class="outside"></path><rect fill="none" stroke="#ffd700" class="region"></rect>', 1), ya = /* @__PURE__ */ ve('<rect fill="rgba(255,215,0,0.1)" stroke="#ffd700"></rect>'), xa = /* @__PURE__ */ ve('<circle fill="none"></circle>'), Ma = /* @__PURE__ */ _e('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!><!><!></svg></div>'), Ea = /* @__PURE__ */ _e('<div class="empty svelte-49zqag"> </div>'), $a = /* @__PURE__ */ _e('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), Aa = /* @__PURE__ */ _e('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), Ta = /* @__PURE__ */ _e('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function za(t, r) {
  Fr(r, !0);
  const n = /* @__PURE__ */ sa(r, ["$$slots", "$$events", "$$legacy"]), a = new da(n, { value: null, height: 500, shortcuts: [] }), o = Y(() => [...a.props.shortcuts ?? [], ...ha]);
  let s = C(
    null
    // a plain copy: reading 10^5 runs through a reactive proxy is slow
  ), f = 0;
  const d = /* @__PURE__ */ new Map();
  let c = !1;
  const _ = Y(() => e(s)?.width ?? 0), p = Y(() => e(s)?.height ?? 0), x = Y(() => e(s)?.mask_width || e(_)), w = Y(() => e(s)?.mask_height || e(p)), E = Y(() => e(s)?.image?.url ?? null);
  let $ = C(void 0), R = C(void 0), u = C(void 0), m = C(0), H = C(0), b = C(1), z = C(0), N = C(0), W = C(
    ""
    // the picture the view was fitted to (the first fit waits for the layout)
  ), y = C("click"), F = C(null), I = C(10), L = C(!0), se = C(!1), V = C(
    null
    // image pixels (floats) while inside
  ), ne = null, st = !1, ie = null, J = C(null), G = C(
    null
    // a region being drawn
  ), ee = null, oe = null, ze = !1, ge = null, te = null, Fe = C(0);
  const Yt = 150;
  function Pe() {
    !e(_) || !e(p) || !e(m) || !e(H) || (g(b, Math.min(e(m) / e(_), e(H) / e(p)), !0), g(z, (e(m) - e(_) * e(b)) / 2), g(N, (e(H) - e(p) * e(b)) / 2));
  }
  function xe(i, l = e(m) / 2, k = e(H) / 2) {
    const M = Math.min(64, Math.max(0.02, e(b) * i));
    g(z, l - (l - e(z)) * M / e(b)), g(N, k - (k - e(N)) * M / e(b)), g(b, M, !0);
  }
  function nt() {
    const i = e(m) / 2, l = e(H) / 2;
    xe(1 / e(b), i, l);
  }
  he(() => {
    const i = `${e(E)}|${e(_)}x${e(p)}`;
    e(_) && e(p) && e(m) && e(H) && i !== e(W) && (g(W, i), Pe());
  });
  function Be(i) {
    const l = e($).getBoundingClientRect();
    return [
      (i.clientX - l.left - e(z)) / e(b),
      (i.clientY - l.top - e(N)) / e(b)
    ];
  }
  function Ke(i) {
    return i[0] >= 0 && i[1] >= 0 && i[0] < e(_) && i[1] < e(p);
  }
  const it = (i) => [
    Math.min(e(_) - 1, Math.max(0, Math.floor(i[0]))),
    Math.min(e(p) - 1, Math.max(0, Math.floor(i[1])))
  ];
  function Vt() {
    if (!e(R) || !e(x) || !e(w)) return;
    const i = e(R).getContext("2d");
    (!te || te.width !== e(x) || te.height !== e(w)) && (te = i.createImageData(e(x), e(w)));
    const l = new Uint32Array(te.data.buffer);
    l.fill(0);
    for (const k of e(s)?.objects ?? []) {
      const [M, P, K] = k.color, O = k.selected ? 150 : 100;
      qt(k.runs, l, (O << 24 | K << 16 | P << 8 | M) >>> 0);
    }
    i.putImageData(te, 0, 0), g(
      Fe,
      // data-drawn: how many times the masks were drawn (the benchmark waits on it)
      e(Fe) + 1
    );
  }
  function Xt() {
    if (!e(u)) return;
    const i = e(u).getContext("2d");
    i.clearRect(0, 0, e(u).width, e(u).height);
    const l = e(s)?.preview;
    if (!l || !oe || !e(V) || e(y) !== "click" || l.at[0] !== oe[0] || l.at[1] !== oe[1]) return;
    const k = i.createImageData(e(x), e(w));
    qt(l.runs, new Uint32Array(k.data.buffer), 2365583560), i.putImageData(k, 0, 0), e($)?.setAttribute("data-preview", `${l.at[0]},${l.at[1]}`);
  }
  function Ue() {
    e(u) && e(u).getContext("2d").clearRect(0, 0, e(x), e(w)), e($)?.removeAttribute("data-preview");
  }
  function Wt(i) {
    ze = !1, !(i?.preview && d.get(`${i.preview.at}`) !== f) && (c = !1, g(s, Bt(i)));
  }
  he(() => {
    const i = a.props.value;
    pe(() => Wt(i));
  }), he(() => {
    e(s), e(x), e(w), e(R), e(u), pe(() => {
      if (Vt(), Xt(), ge) {
        const i = ge;
        ge = null, ot(i);
      }
    });
  });
  function Ye(i, l) {
    f += 1, d.clear(), c = !0, setTimeout(() => c = !1, 5e3), ee && clearTimeout(ee), oe = null, ge = null, Ue(), a.dispatch(i, l);
  }
  function ot(i) {
    if (!c) {
      if (ze) {
        ge = i;
        return;
      }
      ze = !0, setTimeout(() => ze = !1, 3e3), d.set(`${i}`, f), a.dispatch("hover", { x: i[0], y: i[1] });
    }
  }
  function Ve() {
    ee && clearTimeout(ee), oe = null, Ue(), !(e(y) !== "click" || !e(V) || !Ke(e(V)) || !e(s)?.image) && (ee = setTimeout(
      () => {
        !e(V) || !Ke(e(V)) || (oe = it(e(V)), ot(oe));
      },
      Yt
    ));
  }
  function lt(i, l, k) {
    if (!te) return;
    const M = e(x) / e(_), P = e(w) / e(p), K = (e(s)?.objects ?? []).find((me) => me.selected), [O, X, le] = K ? K.color : [255, 255, 255], fe = k ? 0 : (150 << 24 | le << 16 | X << 8 | O) >>> 0, ce = pa(new Uint32Array(te.data.buffer), e(x), e(w), [i[0] * M, i[1] * P], [l[0] * M, l[1] * P], e(I) * M, fe);
    ce && e(R).getContext("2d").putImageData(te, 0, 0, ...ce);
  }
  function Gt(i) {
    if (!e(s)?.image) return;
    e($).focus({ preventScroll: !0 });
    const l = Be(i);
    if (i.button === 1 || i.button === 0 && (st || e(y) === "pan")) {
      ne = {
        x: i.clientX,
        y: i.clientY,
        tx: e(z),
        ty: e(N)
      }, e($).setPointerCapture(i.pointerId), i.preventDefault();
      return;
    }
    if (i.button === 0) {
      if (ee && clearTimeout(ee), e(y) === "region") {
        g(G, { from: l, to: l }, !0), e($).setPointerCapture(i.pointerId);
        return;
      }
      if (e(y) === "brush" || e(y) === "eraser") {
        g(J, { points: [l], erase: e(y) === "eraser" }, !0), lt(l, l, e(J).erase), e($).setPointerCapture(i.pointerId);
        return;
      }
      ie = { x: i.clientX, y: i.clientY, moved: !1 };
    }
  }
  function Zt(i) {
    const l = Be(i);
    if (g(V, l, !0), ne) {
      g(z, ne.tx + i.clientX - ne.x), g(N, ne.ty + i.clientY - ne.y);
      return;
    }
    if (e(G)) {
      g(G, { from: e(G).from, to: l }, !0);
      return;
    }
    if (e(J)) {
      const k = e(J).points[e(J).points.length - 1];
      e(J).points.push(l), lt(k, l, e(J).erase);
      return;
    }
    ie && Math.hypot(i.clientX - ie.x, i.clientY - ie.y) > 4 && (ie.moved = !0), Ve();
  }
  function Jt(i) {
    if (ne) {
      ne = null;
      return;
    }
    if (e(G)) {
      const [l, k] = [e(G).from, e(G).to];
      g(G, null);
      const M = [
        Math.floor(Math.min(l[0], k[0])),
        Math.floor(Math.min(l[1], k[1])),
        Math.ceil(Math.max(l[0], k[0])),
        Math.ceil(Math.max(l[1], k[1]))
      ], P = [
        Math.max(0, M[0]),
        Math.max(0, M[1]),
        Math.min(e(_), M[2]),
        Math.min(e(p), M[3])
      ], K = (M[2] - M[0]) * e(b) < 4 && (M[3] - M[1]) * e(b) < 4;
      Ye("region", { box: K ? null : P }), g(
        y,
        "click"
        // what comes next is clicking inside it
      );
      return;
    }
    if (e(J)) {
      const l = e(J);
      g(J, null), Ye("stroke", {
        points: l.points,
        radius: e(I),
        erase: l.erase
      });
      return;
    }
    if (ie && !ie.moved && i.button === 0) {
      const l = Be(i);
      Ke(l) && Ye("select", { index: it(l), value: null, selected: !0 });
    }
    ie = null;
  }
  function Qt() {
    g(V, null), ee && clearTimeout(ee), oe = null, ge = null, Ue();
  }
  function jt(i) {
    if (!e(s)?.image) return;
    i.preventDefault();
    const l = e($).getBoundingClientRect();
    xe(Math.pow(1.0015, -i.deltaY), i.clientX - l.left, i.clientY - l.top);
  }
  function er(i) {
    const l = i;
    return !!l && (l.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(l.tagName) && !["radio", "checkbox"].includes(l.type));
  }
  function Ce(i) {
    if (!e($) || e($).offsetParent === null || !e(s)?.image || i.ctrlKey || i.metaKey || i.altKey || er(i.target)) return;
    if (i.key === " ") {
      st = i.type === "keydown", e(V) && i.preventDefault();
      return;
    }
    if (i.type !== "keydown") return;
    const k = {
      "+": () => xe(1.25),
      "=": () => xe(1.25),
      "-": () => xe(0.8),
      0: Pe,
      o: nt,
      v: () => g(y, "click"),
      b: () => g(y, "brush"),
      e: () => g(y, "eraser"),
      h: () => g(y, "pan"),
      i: () => g(y, "region"),
      "[": () => g(I, Math.max(1, Math.round(e(I) / 1.25)), !0),
      "]": () => g(I, Math.min(500, Math.round(e(I) * 1.25) + (e(I) < 4 ? 1 : 0)), !0),
      m: () => g(L, !e(L)),
      "?": () => g(se, !e(se)),
      Escape: () => g(se, !1)
    }[i.key];
    !k || i.key === "Escape" && !e(se) || (k(), i.key !== "Escape" && i.preventDefault(), ["v", "b", "e", "h", "i"].includes(i.key) && Ve());
  }
  let Xe;
  Ut(() => {
    Xe = new ResizeObserver(() => {
      g(m, e($).clientWidth, !0), g(H, e($).clientHeight, !0);
    }), Xe.observe(e($)), document.addEventListener("keydown", Ce), document.addEventListener("keyup", Ce);
  }), Yr(() => {
    Xe?.disconnect(), document.removeEventListener("keydown", Ce), document.removeEventListener("keyup", Ce);
  });
  const ft = Y(() => Math.max(3, 6 / e(b))), be = Y(() => 2 / e(b));
  var Ne = Ta();
  let ct;
  var dt = D(Ne);
  {
    var tr = (i) => {
      var l = _a(), k = D(l);
      U(() => re(k, a.shared.label)), B(i, l);
    };
    de(dt, (i) => {
      a.shared.show_label && a.shared.label && i(tr);
    });
  }
  var ut = S(dt, 2), ht = D(ut);
  $e(ht, 17, () => ua, Ee, (i, l) => {
    var k = Y(() => $t(e(l), 3));
    let M = () => e(k)[0], P = () => e(k)[1], K = () => e(k)[2];
    var O = va();
    O.__click = () => {
      g(y, M(), !0), Ve();
    };
    let X;
    var le = D(O);
    U(
      (fe) => {
        h(O, "title", `${K() ?? ""} (${fe ?? ""})`), h(O, "data-tool", M()), X = we(O, 1, "svelte-49zqag", null, X, { active: e(y) === M() }), re(le, K());
      },
      [() => P().toUpperCase()]
    ), B(i, O);
  });
  var pt = S(ht, 4);
  pt.__click = () => g(I, Math.max(1, Math.round(e(I) / 1.25)), !0);
  var _t = S(pt, 2), rr = D(_t), vt = S(_t, 2);
  vt.__click = () => g(I, Math.min(500, Math.round(e(I) * 1.25) + (e(I) < 4 ? 1 : 0)), !0);
  var gt = S(vt, 4);
  gt.__click = Pe;
  var bt = S(gt, 2);
  bt.__click = nt;
  var mt = S(bt, 2), ar = D(mt), qe = S(mt, 2);
  qe.__click = () => g(L, !e(L));
  let wt;
  var sr = D(qe), nr = S(qe, 2);
  nr.__click = () => g(se, !e(se));
  var q = S(ut, 2);
  q.__pointerdown = Gt, q.__pointermove = Zt, q.__pointerup = Jt, q.__contextmenu = (i) => i.preventDefault();
  var kt = D(q);
  {
    var ir = (i) => {
      var l = Ma();
      let k;
      var M = D(l), P = S(M, 2);
      let K;
      Qe(P, (A) => g(R, A), () => e(R));
      var O = S(P, 2);
      Qe(O, (A) => g(u, A), () => e(u));
      var X = S(O, 2), le = D(X);
      $e(le, 17, () => e(s)?.boxes ?? [], Ee, (A, v) => {
        var T = ga();
        U(() => {
          h(T, "x", e(v)[0]), h(T, "y", e(v)[1]), h(T, "width", e(v)[2] - e(v)[0]), h(T, "height", e(v)[3] - e(v)[1]), h(T, "stroke", `rgb(${e(v)[4] ?? 30 ?? ""},${e(v)[5] ?? 144 ?? ""},${e(v)[6] ?? 255 ?? ""})`), h(T, "stroke-width", e(be));
        }), B(A, T);
      });
      var fe = S(le);
      $e(fe, 17, () => e(s)?.objects ?? [], Ee, (A, v) => {
        var T = Kr(), Z = Et(T);
        {
          var Q = (Me) => {
            var j = ba(), Ge = D(j);
            U(() => {
              h(j, "x", e(v).at[0]), h(j, "y", e(v).at[1]), h(j, "dy", -4 / e(b)), h(j, "font-size", 13 / e(b)), h(j, "fill", `rgb(${e(v).color[0] ?? ""},${e(v).color[1] ?? ""},${e(v).color[2] ?? ""})`), h(j, "stroke-width", 3 / e(b)), re(Ge, e(v).label);
            }), B(Me, j);
          };
          de(Z, (Me) => {
            e(v).label && Me(Q);
          });
        }
        B(A, T);
      });
      var ce = S(fe);
      {
        var me = (A) => {
          var v = ma();
          U(() => {
            h(v, "cx", e(s).corner[0] + 0.5), h(v, "cy", e(s).corner[1] + 0.5), h(v, "r", e(ft)), h(v, "stroke-width", e(be));
          }), B(A, v);
        };
        de(ce, (A) => {
          e(s)?.corner && A(me);
        });
      }
      var Ie = S(ce);
      $e(Ie, 17, () => e(s)?.points ?? [], Ee, (A, v) => {
        var T = wa();
        U(() => {
          h(T, "cx", e(v)[0] + 0.5), h(T, "cy", e(v)[1] + 0.5), h(T, "r", e(ft)), h(T, "fill", e(v)[2] === 1 ? "#00dc3c" : "#e61e1e"), h(T, "stroke-width", e(be) / 2);
        }), B(A, T);
      });
      var Re = S(Ie);
      {
        var We = (A) => {
          const v = Y(() => e(s).region);
          var T = ka(), Z = Et(T), Q = S(Z);
          U(() => {
            h(Z, "d", `M0 0H${e(_) ?? ""}V${e(p) ?? ""}H0Z M${e(v)[0] ?? ""} ${e(v)[1] ?? ""}V${e(v)[3] ?? ""}H${e(v)[2] ?? ""}V${e(v)[1] ?? ""}Z`), h(Q, "x", e(v)[0]), h(Q, "y", e(v)[1]), h(Q, "width", e(v)[2] - e(v)[0]), h(Q, "height", e(v)[3] - e(v)[1]), h(Q, "stroke-width", e(be)), h(Q, "stroke-dasharray", `${6 / e(b)} ${4 / e(b)}`);
          }), B(A, T);
        };
        de(Re, (A) => {
          e(s)?.region && A(We);
        });
      }
      var De = S(Re);
      {
        var cr = (A) => {
          const v = Y(() => e(G).from), T = Y(() => e(G).to);
          var Z = ya();
          U(
            (Q, Me, j, Ge) => {
              h(Z, "x", Q), h(Z, "y", Me), h(Z, "width", j), h(Z, "height", Ge), h(Z, "stroke-width", e(be));
            },
            [
              () => Math.min(e(v)[0], e(T)[0]),
              () => Math.min(e(v)[1], e(T)[1]),
              () => Math.abs(e(T)[0] - e(v)[0]),
              () => Math.abs(e(T)[1] - e(v)[1])
            ]
          ), B(A, Z);
        };
        de(De, (A) => {
          e(G) && A(cr);
        });
      }
      var dr = S(De);
      {
        var ur = (A) => {
          var v = xa();
          U(() => {
            h(v, "cx", e(V)[0]), h(v, "cy", e(V)[1]), h(v, "r", e(I)), h(v, "stroke", e(y) === "brush" ? "white" : "#ff5050"), h(v, "stroke-width", e(be)), h(v, "stroke-dasharray", `${4 / e(b)} ${3 / e(b)}`);
          }), B(A, v);
        };
        de(dr, (A) => {
          e(V) && (e(y) === "brush" || e(y) === "eraser") && A(ur);
        });
      }
      U(() => {
        k = we(l, 1, "stage svelte-49zqag", null, k, { pixelated: e(b) >= 2 }), St(l, `width: ${e(_) ?? ""}px; height: ${e(p) ?? ""}px; transform: translate(${e(z) ?? ""}px, ${e(N) ?? ""}px) scale(${e(b) ?? ""})`), h(M, "src", e(E)), h(M, "width", e(_)), h(M, "height", e(p)), h(P, "width", e(x)), h(P, "height", e(w)), K = we(P, 1, "svelte-49zqag", null, K, { hidden: !e(L) }), h(O, "width", e(x)), h(O, "height", e(w)), h(X, "viewBox", `0 0 ${e(_) ?? ""} ${e(p) ?? ""}`), h(X, "width", e(_)), h(X, "height", e(p));
      }), Je("load", M, () => g(F, e(E), !0)), B(i, l);
    }, or = (i) => {
      var l = Ea(), k = D(l);
      U(() => re(k, e(s)?.message || "Upload an image or pick an example.")), B(i, l);
    };
    de(kt, (i) => {
      e(E) ? i(ir) : i(or, !1);
    });
  }
  var lr = S(kt, 2);
  {
    var fr = (i) => {
      var l = Aa(), k = S(D(l), 2);
      k.__click = () => g(se, !1);
      var M = S(k, 2), P = D(M);
      $e(P, 21, () => e(o), Ee, (K, O) => {
        var X = Y(() => $t(e(O), 2));
        let le = () => e(X)[0], fe = () => e(X)[1];
        var ce = $a(), me = D(ce), Ie = D(me), Re = D(Ie), We = S(me), De = D(We);
        U(() => {
          re(Re, le()), re(De, fe());
        }), B(K, ce);
      }), B(i, l);
    };
    de(lr, (i) => {
      e(se) && i(fr);
    });
  }
  Qe(q, (i) => g($, i), () => e($)), U(
    (i) => {
      ct = we(Ne, 1, "sam-canvas-block svelte-49zqag", null, ct, { hidden: a.shared.visible === !1 }), h(Ne, "id", a.shared.elem_id), re(rr, `r ${e(I) ?? ""}`), re(ar, `${i ?? ""} %`), wt = we(qe, 1, "svelte-49zqag", null, wt, { active: !e(L) }), re(sr, e(L) ? "Hide masks" : "Show masks"), we(q, 1, `viewport tool-${e(y) ?? ""}`, "svelte-49zqag"), St(q, `height: ${a.props.height ?? ""}px`), h(q, "data-scale", e(b)), h(q, "data-tx", e(z)), h(q, "data-ty", e(N)), h(q, "data-width", e(_)), h(q, "data-height", e(p)), h(q, "data-tool", e(y)), h(q, "data-radius", e(I)), h(q, "data-masks", e(L) ? "shown" : "hidden"), h(q, "data-drawn", e(Fe)), h(q, "data-ready", e(E) && e(W) === `${e(E)}|${e(_)}x${e(p)}` && e(F) === e(E) ? "yes" : "no");
    },
    [() => Math.round(e(b) * 100)]
  ), Je("pointerleave", q, Qt), Je("wheel", q, jt), B(t, Ne), Hr();
}
Or([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "contextmenu"
]);
export {
  za as default
};
