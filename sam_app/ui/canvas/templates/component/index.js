import { i as At, g as $t, o as sr, a as Be, b as nr, T as ir, c as or, d as _e, e as Ke, r as Ye, f as Te, p as Xe, h as ke, m as fr, s as St, j as Tt, u as fe, k as le, l as zt, E as lr, n as e, q as pt, t as j, v as cr, w as dr, x as ur, y as hr, z as _t, A as pr, I as Fe, B as _r, C as vr, D as Ve, F as br, G as Ct, H as qt, J as gr, L as mr, N as yr, K as kr, M as wr, O as xr, S as Mr, P as Er, Q as Ar, R as $r, U as R, V as vt, W as g, X as Sr, Y as X, Z as bt, _ as Tr, $ as T, a0 as G, a1 as zr, a2 as Q, a3 as I, a4 as Cr, a5 as gt } from "./render-CdUuqyie.js";
function Nt(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const qr = [];
function Nr(t, r = !1, n = !1) {
  return ze(t, /* @__PURE__ */ new Map(), "", qr, null, n);
}
function ze(t, r, n, a, o = null, s = !1) {
  if (typeof t == "object" && t !== null) {
    var l = r.get(t);
    if (l !== void 0) return l;
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
      for (var f = 0; f < t.length; f += 1) {
        var _ = t[f];
        f in t && (c[f] = ze(_, r, n, a, null, s));
      }
      return c;
    }
    if ($t(t) === sr) {
      c = {}, r.set(t, c), o !== null && r.set(o, c);
      for (var h in t)
        c[h] = ze(
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
      return ze(
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
function It(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function We(t, r) {
  var n = (
    /** @type {Effect} */
    or
  );
  n.nodes === null && (n.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function ce(t, r) {
  var n = (r & ir) !== 0, a, o = !t.startsWith("<!>");
  return () => {
    a === void 0 && (a = It(o ? t : "<!>" + t), a = /** @type {TemplateNode} */
    Be(a));
    var s = (
      /** @type {TemplateNode} */
      n || nr ? document.importNode(a, !0) : a.cloneNode(!0)
    );
    return We(s, s), s;
  };
}
// @__NO_SIDE_EFFECTS__
function Ir(t, r, n = "svg") {
  var a = !t.startsWith("<!>"), o = `<${n}>${a ? t : "<!>" + t}</${n}>`, s;
  return () => {
    if (!s) {
      var l = (
        /** @type {DocumentFragment} */
        It(o)
      ), c = (
        /** @type {Element} */
        Be(l)
      );
      s = /** @type {Element} */
      Be(c);
    }
    var f = (
      /** @type {TemplateNode} */
      s.cloneNode(!0)
    );
    return We(f, f), f;
  };
}
// @__NO_SIDE_EFFECTS__
function we(t, r) {
  return /* @__PURE__ */ Ir(t, r, "svg");
}
function Rr() {
  var t = document.createDocumentFragment(), r = document.createComment(""), n = _e();
  return t.append(r, n), We(r, n), t;
}
function P(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class Dr {
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
      Ke
    );
    if (this.#t.has(r)) {
      var n = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(n);
      if (a)
        Ye(a), this.#a.delete(n);
      else {
        var o = this.#e.get(n);
        o && (this.#r.set(n, o.effect), this.#e.delete(n), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), a = o.effect);
      }
      for (const [s, l] of this.#t) {
        if (this.#t.delete(s), s === r)
          break;
        const c = this.#e.get(l);
        c && (Te(c.effect), this.#e.delete(l));
      }
      for (const [s, l] of this.#r) {
        if (s === n || this.#a.has(s)) continue;
        const c = () => {
          if (Array.from(this.#t.values()).includes(s)) {
            var _ = document.createDocumentFragment();
            fr(l, _), _.append(_e()), this.#e.set(s, { effect: l, fragment: _ });
          } else
            Te(l);
          this.#a.delete(s), this.#r.delete(s);
        };
        this.#s || !a ? (this.#a.add(s), Xe(l, c, !1)) : c();
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
      n.includes(a) || (Te(o.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, n) {
    var a = (
      /** @type {Batch} */
      Ke
    ), o = St();
    if (n && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var s = document.createDocumentFragment(), l = _e();
        s.append(l), this.#e.set(r, {
          effect: ke(() => n(l)),
          fragment: s
        });
      } else
        this.#r.set(
          r,
          ke(() => n(this.anchor))
        );
    if (this.#t.set(a, r), o) {
      for (const [c, f] of this.#r)
        c === r ? a.skipped_effects.delete(f) : a.skipped_effects.add(f);
      for (const [c, f] of this.#e)
        c === r ? a.skipped_effects.delete(f.effect) : a.skipped_effects.add(f.effect);
      a.oncommit(this.#n), a.ondiscard(this.#i);
    } else
      this.#n();
  }
}
function Rt(t) {
  Tt === null && Nt(), fe(() => {
    const r = le(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function Lr(t) {
  Tt === null && Nt(), Rt(() => () => le(t));
}
function he(t, r, n = !1) {
  var a = new Dr(t), o = n ? lr : 0;
  function s(l, c) {
    a.ensure(l, c);
  }
  zt(() => {
    var l = !1;
    r((c, f = !0) => {
      l = !0, s(f, c);
    }), l || s(!1, null);
  }, o);
}
function be(t, r) {
  return r;
}
function Or(t, r, n) {
  for (var a = [], o = r.length, s, l = r.length, c = 0; c < o; c++) {
    let M = r[c];
    Xe(
      M,
      () => {
        if (s) {
          if (s.pending.delete(M), s.done.add(M), s.pending.size === 0) {
            var m = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            Ue(Ve(s.done)), m.delete(s), m.size === 0 && (t.outrogroups = null);
          }
        } else
          l -= 1;
      },
      !1
    );
  }
  if (l === 0) {
    var f = a.length === 0 && n !== null;
    if (f) {
      var _ = (
        /** @type {Element} */
        n
      ), h = (
        /** @type {Element} */
        _.parentNode
      );
      vr(h), h.append(_), t.items.clear();
    }
    Ue(r, !f);
  } else
    s = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(s);
}
function Ue(t, r = !0) {
  for (var n = 0; n < t.length; n++)
    Te(t[n], r);
}
var mt;
function ge(t, r, n, a, o, s = null) {
  var l = t, c = /* @__PURE__ */ new Map(), f = (r & Ct) !== 0;
  if (f) {
    var _ = (
      /** @type {Element} */
      t
    );
    l = _.appendChild(_e());
  }
  var h = null, M = cr(() => {
    var v = n();
    return At(v) ? v : v == null ? [] : Ve(v);
  }), m, $ = !0;
  function E() {
    d.fallback = h, Hr(d, m, l, r, a), h !== null && (m.length === 0 ? (h.f & j) === 0 ? Ye(h) : (h.f ^= j, ye(h, null, l)) : Xe(h, () => {
      h = null;
    }));
  }
  var q = zt(() => {
    m = /** @type {V[]} */
    e(M);
    for (var v = m.length, H = /* @__PURE__ */ new Set(), b = (
      /** @type {Batch} */
      Ke
    ), A = St(), S = 0; S < v; S += 1) {
      var V = m[S], w = a(V, S), x = $ ? null : c.get(w);
      x ? (x.v && pt(x.v, V), x.i && pt(x.i, S), A && b.skipped_effects.delete(x.e)) : (x = Fr(
        c,
        $ ? l : mt ??= _e(),
        V,
        w,
        S,
        o,
        r,
        n
      ), $ || (x.e.f |= j), c.set(w, x)), H.add(w);
    }
    if (v === 0 && s && !h && ($ ? h = ke(() => s(l)) : (h = ke(() => s(mt ??= _e())), h.f |= j)), !$)
      if (A) {
        for (const [B, D] of c)
          H.has(B) || b.skipped_effects.add(D.e);
        b.oncommit(E), b.ondiscard(() => {
        });
      } else
        E();
    e(M);
  }), d = { effect: q, items: c, outrogroups: null, fallback: h };
  $ = !1;
}
function me(t) {
  for (; t !== null && (t.f & _r) === 0; )
    t = t.next;
  return t;
}
function Hr(t, r, n, a, o) {
  var s = (a & gr) !== 0, l = r.length, c = t.items, f = me(t.effect.first), _, h = null, M, m = [], $ = [], E, q, d, v;
  if (s)
    for (v = 0; v < l; v += 1)
      E = r[v], q = o(E, v), d = /** @type {EachItem} */
      c.get(q).e, (d.f & j) === 0 && (d.nodes?.a?.measure(), (M ??= /* @__PURE__ */ new Set()).add(d));
  for (v = 0; v < l; v += 1) {
    if (E = r[v], q = o(E, v), d = /** @type {EachItem} */
    c.get(q).e, t.outrogroups !== null)
      for (const D of t.outrogroups)
        D.pending.delete(d), D.done.delete(d);
    if ((d.f & j) !== 0)
      if (d.f ^= j, d === f)
        ye(d, null, n);
      else {
        var H = h ? h.next : f;
        d === t.effect.last && (t.effect.last = d.prev), d.prev && (d.prev.next = d.next), d.next && (d.next.prev = d.prev), oe(t, h, d), oe(t, d, H), ye(d, H, n), h = d, m = [], $ = [], f = me(h.next);
        continue;
      }
    if ((d.f & Fe) !== 0 && (Ye(d), s && (d.nodes?.a?.unfix(), (M ??= /* @__PURE__ */ new Set()).delete(d))), d !== f) {
      if (_ !== void 0 && _.has(d)) {
        if (m.length < $.length) {
          var b = $[0], A;
          h = b.prev;
          var S = m[0], V = m[m.length - 1];
          for (A = 0; A < m.length; A += 1)
            ye(m[A], b, n);
          for (A = 0; A < $.length; A += 1)
            _.delete($[A]);
          oe(t, S.prev, V.next), oe(t, h, S), oe(t, V, b), f = b, h = V, v -= 1, m = [], $ = [];
        } else
          _.delete(d), ye(d, f, n), oe(t, d.prev, d.next), oe(t, d, h === null ? t.effect.first : h.next), oe(t, h, d), h = d;
        continue;
      }
      for (m = [], $ = []; f !== null && f !== d; )
        (_ ??= /* @__PURE__ */ new Set()).add(f), $.push(f), f = me(f.next);
      if (f === null)
        continue;
    }
    (d.f & j) === 0 && m.push(d), h = d, f = me(d.next);
  }
  if (t.outrogroups !== null) {
    for (const D of t.outrogroups)
      D.pending.size === 0 && (Ue(Ve(D.done)), t.outrogroups?.delete(D));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (f !== null || _ !== void 0) {
    var w = [];
    if (_ !== void 0)
      for (d of _)
        (d.f & Fe) === 0 && w.push(d);
    for (; f !== null; )
      (f.f & Fe) === 0 && f !== t.fallback && w.push(f), f = me(f.next);
    var x = w.length;
    if (x > 0) {
      var B = (a & Ct) !== 0 && l === 0 ? n : null;
      if (s) {
        for (v = 0; v < x; v += 1)
          w[v].nodes?.a?.measure();
        for (v = 0; v < x; v += 1)
          w[v].nodes?.a?.fix();
      }
      Or(t, w, B);
    }
  }
  s && qt(() => {
    if (M !== void 0)
      for (d of M)
        d.nodes?.a?.apply();
  });
}
function Fr(t, r, n, a, o, s, l, c) {
  var f = (l & dr) !== 0 ? (l & ur) === 0 ? hr(n, !1, !1) : _t(n) : null, _ = (l & pr) !== 0 ? _t(o) : null;
  return {
    v: f,
    i: _,
    e: ke(() => (s(r, f ?? n, _ ?? o, c), () => {
      t.delete(a);
    }))
  };
}
function ye(t, r, n) {
  if (t.nodes)
    for (var a = t.nodes.start, o = t.nodes.end, s = r && (r.f & j) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : n; a !== null; ) {
      var l = (
        /** @type {TemplateNode} */
        br(a)
      );
      if (s.before(a), a === o)
        return;
      a = l;
    }
}
function oe(t, r, n) {
  r === null ? t.effect.first = n : r.next = n, n === null ? t.effect.last = r : n.prev = r;
}
const yt = [...` 	
\r\f \v\uFEFF`];
function Pr(t, r, n) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), n) {
    for (var o in n)
      if (n[o])
        a = a ? a + " " + o : o;
      else if (a.length)
        for (var s = o.length, l = 0; (l = a.indexOf(o, l)) >= 0; ) {
          var c = l + s;
          (l === 0 || yt.includes(a[l - 1])) && (c === a.length || yt.includes(a[c])) ? a = (l === 0 ? "" : a.substring(0, l)) + a.substring(c + 1) : l = c;
        }
  }
  return a === "" ? null : a;
}
function Br(t, r) {
  return t == null ? null : String(t);
}
function pe(t, r, n, a, o, s) {
  var l = t.__className;
  if (l !== n || l === void 0) {
    var c = Pr(n, a, s);
    c == null ? t.removeAttribute("class") : t.className = c, t.__className = n;
  } else if (s && o !== s)
    for (var f in s) {
      var _ = !!s[f];
      (o == null || _ !== !!o[f]) && t.classList.toggle(f, _);
    }
  return s;
}
function kt(t, r, n, a) {
  var o = t.__style;
  if (o !== r) {
    var s = Br(r);
    s == null ? t.removeAttribute("style") : t.style.cssText = s, t.__style = r;
  }
  return a;
}
const Kr = /* @__PURE__ */ Symbol("is custom element"), Ur = /* @__PURE__ */ Symbol("is html");
function p(t, r, n, a) {
  var o = Yr(t);
  o[r] !== (o[r] = n) && (r === "loading" && (t[mr] = n), n == null ? t.removeAttribute(r) : typeof n != "string" && Xr(t).includes(r) ? t[r] = n : t.setAttribute(r, n));
}
function Yr(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [Kr]: t.nodeName.includes("-"),
      [Ur]: t.namespaceURI === yr
    }
  );
}
var wt = /* @__PURE__ */ new Map();
function Xr(t) {
  var r = t.getAttribute("is") || t.nodeName, n = wt.get(r);
  if (n) return n;
  wt.set(r, n = []);
  for (var a, o = t, s = Element.prototype; s !== o; ) {
    a = kr(o);
    for (var l in a)
      a[l].set && n.push(l);
    o = $t(o);
  }
  return n;
}
function xt(t, r) {
  return t === r || t?.[Mr] === r;
}
function Pe(t = {}, r, n, a) {
  return wr(() => {
    var o, s;
    return xr(() => {
      o = s, s = [], le(() => {
        t !== n(...s) && (r(t, ...s), o && xt(n(...o), t) && r(null, ...o));
      });
    }), () => {
      qt(() => {
        s && xt(n(...s), t) && r(null, ...s);
      });
    };
  }), t;
}
function Vr(t, r, n) {
  if (t == null)
    return r(void 0), Er;
  const a = le(
    () => t.subscribe(
      r,
      // @ts-expect-error
      n
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function Wr(t) {
  let r;
  return Vr(t, (n) => r = n)(), r;
}
const Gr = {
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
function Jr(t, r, n) {
  return new Proxy(
    { props: t, exclude: r },
    Gr
  );
}
const Zr = [
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
], Mt = {
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
Zr.reduce((t, { color: r, primary: n, secondary: a }) => ({
  ...t,
  [r]: {
    primary: Mt[r][n],
    secondary: Mt[r][a]
  }
}), {});
function Qr(t) {
  let r;
  const n = $r((o) => {
    let s = !1;
    const l = t.subscribe((c) => {
      r = c, s && o();
    });
    return s = !0, l;
  });
  function a() {
    return Ar() ? (n(), r) : Wr(t);
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
const jr = "__i18n__", ea = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], ta = [
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
function ra(t) {
  return typeof t == "string" && t.includes(jr);
}
class aa {
  load_component;
  #t = R(vt({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    g(this.#t, r, !0);
  }
  #r = R(vt({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    g(this.#r, r, !0);
  }
  #e = R((r) => r);
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
  shared_props = ta;
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
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? Qr(this.i18n_store) : void 0;
    for (const a of ea)
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
      ), this.registered_id = a, le(() => {
        this.shared.id = a;
      });
    }), fe(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), fe(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, s] of Object.entries(this.translatable_props)) {
        const [l, c] = o.split("."), f = this.i18n(s);
        l === "shared" ? this.shared[c] = f : this.props[c] = f;
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
    return Nr(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const n in r) {
      const a = r[n], o = ra(a) ? this._translate_and_store(this.shared_props.includes(n) ? "shared" : "props", n, a) : a;
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
const sa = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["pan", "h", "Pan"]
], na = [
  ["V / B / E / H", "click, brush, eraser, pan tool"],
  ["[ / ]", "smaller / larger brush"],
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function Et(t, r, n) {
  let a = 0;
  for (let o = 0; o < t.length; o++) {
    const s = a + t[o];
    o % 2 === 1 && r.fill(n, a, Math.min(s, r.length)), a = s;
  }
}
function ia(t, r, n, a, o, s, l) {
  const c = Math.max(0, Math.floor(Math.min(a[0], o[0]) - s - 1)), f = Math.max(0, Math.floor(Math.min(a[1], o[1]) - s - 1)), _ = Math.min(r - 1, Math.ceil(Math.max(a[0], o[0]) + s + 1)), h = Math.min(n - 1, Math.ceil(Math.max(a[1], o[1]) + s + 1));
  if (c > _ || f > h) return null;
  const M = o[0] - a[0], m = o[1] - a[1], $ = M * M + m * m, E = s * s;
  for (let q = f; q <= h; q++) {
    const d = q + 0.5;
    for (let v = c; v <= _; v++) {
      const H = v + 0.5;
      let b = $ > 0 ? ((H - a[0]) * M + (d - a[1]) * m) / $ : 0;
      b = b < 0 ? 0 : b > 1 ? 1 : b;
      const A = H - (a[0] + b * M), S = d - (a[1] + b * m);
      A * A + S * S <= E && (t[q * r + v] = l);
    }
  }
  return [c, f, _ - c + 1, h - f + 1];
}
var oa = /* @__PURE__ */ ce('<span class="sam-canvas-label svelte-49zqag"> </span>'), fa = /* @__PURE__ */ ce("<button> </button>"), la = /* @__PURE__ */ we('<rect fill="none"></rect>'), ca = /* @__PURE__ */ we('<text class="label" stroke="black" paint-order="stroke"> </text>'), da = /* @__PURE__ */ we('<circle fill="none" stroke="#ffd700"></circle>'), ua = /* @__PURE__ */ we('<circle class="point" stroke="white"></circle>'), ha = /* @__PURE__ */ we('<circle fill="none"></circle>'), pa = /* @__PURE__ */ ce('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!></svg></div>'), _a = /* @__PURE__ */ ce('<div class="empty svelte-49zqag"> </div>'), va = /* @__PURE__ */ ce('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), ba = /* @__PURE__ */ ce('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), ga = /* @__PURE__ */ ce('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function ya(t, r) {
  zr(r, !0);
  const n = /* @__PURE__ */ Jr(r, ["$$slots", "$$events", "$$legacy"]), a = new aa(n, { value: null, height: 500, shortcuts: [] }), o = G(() => [...a.props.shortcuts ?? [], ...na]);
  let s = R(null), l = 0;
  const c = /* @__PURE__ */ new Map();
  let f = !1;
  const _ = G(() => e(s)?.width ?? 0), h = G(() => e(s)?.height ?? 0), M = G(() => e(s)?.mask_width || e(_)), m = G(() => e(s)?.mask_height || e(h)), $ = G(() => e(s)?.image?.url ?? null);
  let E = R(void 0), q = R(void 0), d = R(void 0), v = R(0), H = R(0), b = R(1), A = R(0), S = R(0), V = "", w = R("click"), x = R(10), B = R(!0), D = R(!1), K = R(
    null
    // image pixels (floats) while inside
  ), ee = null, Ge = !1, te = null, W = R(null), J = null, re = null, xe = !1, de = null, Z = null;
  const Dt = 150;
  function Ce() {
    !e(_) || !e(h) || !e(v) || !e(H) || (g(b, Math.min(e(v) / e(_), e(H) / e(h)), !0), g(A, (e(v) - e(_) * e(b)) / 2), g(S, (e(H) - e(h) * e(b)) / 2));
  }
  function ve(i, u = e(v) / 2, k = e(H) / 2) {
    const z = Math.min(64, Math.max(0.02, e(b) * i));
    g(A, u - (u - e(A)) * z / e(b)), g(S, k - (k - e(S)) * z / e(b)), g(b, z, !0);
  }
  function Je() {
    const i = e(v) / 2, u = e(H) / 2;
    ve(1 / e(b), i, u);
  }
  fe(() => {
    const i = `${e($)}|${e(_)}x${e(h)}`;
    e(_) && e(h) && e(v) && e(H) && i !== V && (V = i, Ce());
  });
  function qe(i) {
    const u = e(E).getBoundingClientRect();
    return [
      (i.clientX - u.left - e(A)) / e(b),
      (i.clientY - u.top - e(S)) / e(b)
    ];
  }
  function Ne(i) {
    return i[0] >= 0 && i[1] >= 0 && i[0] < e(_) && i[1] < e(h);
  }
  const Ze = (i) => [
    Math.min(e(_) - 1, Math.max(0, Math.floor(i[0]))),
    Math.min(e(h) - 1, Math.max(0, Math.floor(i[1])))
  ];
  function Lt() {
    if (!e(q) || !e(M) || !e(m)) return;
    const i = e(q).getContext("2d");
    (!Z || Z.width !== e(M) || Z.height !== e(m)) && (Z = i.createImageData(e(M), e(m)));
    const u = new Uint32Array(Z.data.buffer);
    u.fill(0);
    for (const k of e(s)?.objects ?? []) {
      const [z, F, U] = k.color, L = k.selected ? 150 : 100;
      Et(k.runs, u, (L << 24 | U << 16 | F << 8 | z) >>> 0);
    }
    i.putImageData(Z, 0, 0);
  }
  function Ot() {
    if (!e(d)) return;
    const i = e(d).getContext("2d");
    i.clearRect(0, 0, e(d).width, e(d).height);
    const u = e(s)?.preview;
    if (!u || !re || !e(K) || e(w) !== "click" || u.at[0] !== re[0] || u.at[1] !== re[1]) return;
    const k = i.createImageData(e(M), e(m));
    Et(u.runs, new Uint32Array(k.data.buffer), 2365583560), i.putImageData(k, 0, 0), e(E)?.setAttribute("data-preview", `${u.at[0]},${u.at[1]}`);
  }
  function Ie() {
    e(d) && e(d).getContext("2d").clearRect(0, 0, e(M), e(m)), e(E)?.removeAttribute("data-preview");
  }
  function Ht(i) {
    xe = !1, !(i?.preview && c.get(`${i.preview.at}`) !== l) && (f = !1, g(s, i, !0));
  }
  fe(() => {
    const i = a.props.value;
    le(() => Ht(i));
  }), fe(() => {
    e(s), e(M), e(m), e(q), e(d), le(() => {
      if (Lt(), Ot(), de) {
        const i = de;
        de = null, je(i);
      }
    });
  });
  function Qe(i, u) {
    l += 1, c.clear(), f = !0, setTimeout(() => f = !1, 5e3), J && clearTimeout(J), re = null, de = null, Ie(), a.dispatch(i, u);
  }
  function je(i) {
    if (!f) {
      if (xe) {
        de = i;
        return;
      }
      xe = !0, setTimeout(() => xe = !1, 3e3), c.set(`${i}`, l), a.dispatch("hover", { x: i[0], y: i[1] });
    }
  }
  function Re() {
    J && clearTimeout(J), re = null, Ie(), !(e(w) !== "click" || !e(K) || !Ne(e(K)) || !e(s)?.image) && (J = setTimeout(
      () => {
        !e(K) || !Ne(e(K)) || (re = Ze(e(K)), je(re));
      },
      Dt
    ));
  }
  function et(i, u, k) {
    if (!Z) return;
    const z = e(M) / e(_), F = e(m) / e(h), U = (e(s)?.objects ?? []).find((ue) => ue.selected), [L, Y, ae] = U ? U.color : [255, 255, 255], se = k ? 0 : (150 << 24 | ae << 16 | Y << 8 | L) >>> 0, ne = ia(new Uint32Array(Z.data.buffer), e(M), e(m), [i[0] * z, i[1] * F], [u[0] * z, u[1] * F], e(x) * z, se);
    ne && e(q).getContext("2d").putImageData(Z, 0, 0, ...ne);
  }
  function Ft(i) {
    if (!e(s)?.image) return;
    e(E).focus({ preventScroll: !0 });
    const u = qe(i);
    if (i.button === 1 || i.button === 0 && (Ge || e(w) === "pan")) {
      ee = {
        x: i.clientX,
        y: i.clientY,
        tx: e(A),
        ty: e(S)
      }, e(E).setPointerCapture(i.pointerId), i.preventDefault();
      return;
    }
    if (i.button === 0) {
      if (J && clearTimeout(J), e(w) === "brush" || e(w) === "eraser") {
        g(W, { points: [u], erase: e(w) === "eraser" }, !0), et(u, u, e(W).erase), e(E).setPointerCapture(i.pointerId);
        return;
      }
      te = { x: i.clientX, y: i.clientY, moved: !1 };
    }
  }
  function Pt(i) {
    const u = qe(i);
    if (g(K, u, !0), ee) {
      g(A, ee.tx + i.clientX - ee.x), g(S, ee.ty + i.clientY - ee.y);
      return;
    }
    if (e(W)) {
      const k = e(W).points[e(W).points.length - 1];
      e(W).points.push(u), et(k, u, e(W).erase);
      return;
    }
    te && Math.hypot(i.clientX - te.x, i.clientY - te.y) > 4 && (te.moved = !0), Re();
  }
  function Bt(i) {
    if (ee) {
      ee = null;
      return;
    }
    if (e(W)) {
      const u = e(W);
      g(W, null), Qe("stroke", {
        points: u.points,
        radius: e(x),
        erase: u.erase
      });
      return;
    }
    if (te && !te.moved && i.button === 0) {
      const u = qe(i);
      Ne(u) && Qe("select", { index: Ze(u), value: null, selected: !0 });
    }
    te = null;
  }
  function Kt() {
    g(K, null), J && clearTimeout(J), re = null, de = null, Ie();
  }
  function Ut(i) {
    if (!e(s)?.image) return;
    i.preventDefault();
    const u = e(E).getBoundingClientRect();
    ve(Math.pow(1.0015, -i.deltaY), i.clientX - u.left, i.clientY - u.top);
  }
  function Yt(i) {
    const u = i;
    return !!u && (u.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(u.tagName) && !["radio", "checkbox"].includes(u.type));
  }
  function Me(i) {
    if (!e(E) || e(E).offsetParent === null || !e(s)?.image || i.ctrlKey || i.metaKey || i.altKey || Yt(i.target)) return;
    if (i.key === " ") {
      Ge = i.type === "keydown", e(K) && i.preventDefault();
      return;
    }
    if (i.type !== "keydown") return;
    const k = {
      "+": () => ve(1.25),
      "=": () => ve(1.25),
      "-": () => ve(0.8),
      0: Ce,
      o: Je,
      v: () => g(w, "click"),
      b: () => g(w, "brush"),
      e: () => g(w, "eraser"),
      h: () => g(w, "pan"),
      "[": () => g(x, Math.max(1, Math.round(e(x) / 1.25)), !0),
      "]": () => g(x, Math.min(500, Math.round(e(x) * 1.25) + (e(x) < 4 ? 1 : 0)), !0),
      m: () => g(B, !e(B)),
      "?": () => g(D, !e(D)),
      Escape: () => g(D, !1)
    }[i.key];
    !k || i.key === "Escape" && !e(D) || (k(), i.key !== "Escape" && i.preventDefault(), ["v", "b", "e", "h"].includes(i.key) && Re());
  }
  let De;
  Rt(() => {
    De = new ResizeObserver(() => {
      g(v, e(E).clientWidth, !0), g(H, e(E).clientHeight, !0);
    }), De.observe(e(E)), document.addEventListener("keydown", Me), document.addEventListener("keyup", Me);
  }), Lr(() => {
    De?.disconnect(), document.removeEventListener("keydown", Me), document.removeEventListener("keyup", Me);
  });
  const tt = G(() => Math.max(3, 6 / e(b))), Ee = G(() => 2 / e(b));
  var Ae = ga();
  let rt;
  var at = I(Ae);
  {
    var Xt = (i) => {
      var u = oa(), k = I(u);
      X(() => Q(k, a.shared.label)), P(i, u);
    };
    he(at, (i) => {
      a.shared.show_label && a.shared.label && i(Xt);
    });
  }
  var st = T(at, 2), nt = I(st);
  ge(nt, 17, () => sa, be, (i, u) => {
    var k = G(() => gt(e(u), 3));
    let z = () => e(k)[0], F = () => e(k)[1], U = () => e(k)[2];
    var L = fa();
    L.__click = () => {
      g(w, z(), !0), Re();
    };
    let Y;
    var ae = I(L);
    X(
      (se) => {
        p(L, "title", `${U() ?? ""} (${se ?? ""})`), p(L, "data-tool", z()), Y = pe(L, 1, "svelte-49zqag", null, Y, { active: e(w) === z() }), Q(ae, U());
      },
      [() => F().toUpperCase()]
    ), P(i, L);
  });
  var it = T(nt, 4);
  it.__click = () => g(x, Math.max(1, Math.round(e(x) / 1.25)), !0);
  var ot = T(it, 2), Vt = I(ot), ft = T(ot, 2);
  ft.__click = () => g(x, Math.min(500, Math.round(e(x) * 1.25) + (e(x) < 4 ? 1 : 0)), !0);
  var lt = T(ft, 4);
  lt.__click = Ce;
  var ct = T(lt, 2);
  ct.__click = Je;
  var dt = T(ct, 2), Wt = I(dt), $e = T(dt, 2);
  $e.__click = () => g(B, !e(B));
  let ut;
  var Gt = I($e), Jt = T($e, 2);
  Jt.__click = () => g(D, !e(D));
  var N = T(st, 2);
  N.__pointerdown = Ft, N.__pointermove = Pt, N.__pointerup = Bt, N.__contextmenu = (i) => i.preventDefault();
  var ht = I(N);
  {
    var Zt = (i) => {
      var u = pa();
      let k;
      var z = I(u), F = T(z, 2);
      let U;
      Pe(F, (C) => g(q, C), () => e(q));
      var L = T(F, 2);
      Pe(L, (C) => g(d, C), () => e(d));
      var Y = T(L, 2), ae = I(Y);
      ge(ae, 17, () => e(s)?.boxes ?? [], be, (C, y) => {
        var O = la();
        X(() => {
          p(O, "x", e(y)[0]), p(O, "y", e(y)[1]), p(O, "width", e(y)[2] - e(y)[0]), p(O, "height", e(y)[3] - e(y)[1]), p(O, "stroke", `rgb(${e(y)[4] ?? 30 ?? ""},${e(y)[5] ?? 144 ?? ""},${e(y)[6] ?? 255 ?? ""})`), p(O, "stroke-width", e(Ee));
        }), P(C, O);
      });
      var se = T(ae);
      ge(se, 17, () => e(s)?.objects ?? [], be, (C, y) => {
        var O = Rr(), tr = Cr(O);
        {
          var rr = (He) => {
            var ie = ca(), ar = I(ie);
            X(() => {
              p(ie, "x", e(y).at[0]), p(ie, "y", e(y).at[1]), p(ie, "dy", -4 / e(b)), p(ie, "font-size", 13 / e(b)), p(ie, "fill", `rgb(${e(y).color[0] ?? ""},${e(y).color[1] ?? ""},${e(y).color[2] ?? ""})`), p(ie, "stroke-width", 3 / e(b)), Q(ar, e(y).label);
            }), P(He, ie);
          };
          he(tr, (He) => {
            e(y).label && He(rr);
          });
        }
        P(C, O);
      });
      var ne = T(se);
      {
        var ue = (C) => {
          var y = da();
          X(() => {
            p(y, "cx", e(s).corner[0] + 0.5), p(y, "cy", e(s).corner[1] + 0.5), p(y, "r", e(tt)), p(y, "stroke-width", e(Ee));
          }), P(C, y);
        };
        he(ne, (C) => {
          e(s)?.corner && C(ue);
        });
      }
      var Se = T(ne);
      ge(Se, 17, () => e(s)?.points ?? [], be, (C, y) => {
        var O = ua();
        X(() => {
          p(O, "cx", e(y)[0] + 0.5), p(O, "cy", e(y)[1] + 0.5), p(O, "r", e(tt)), p(O, "fill", e(y)[2] === 1 ? "#00dc3c" : "#e61e1e"), p(O, "stroke-width", e(Ee) / 2);
        }), P(C, O);
      });
      var Le = T(Se);
      {
        var Oe = (C) => {
          var y = ha();
          X(() => {
            p(y, "cx", e(K)[0]), p(y, "cy", e(K)[1]), p(y, "r", e(x)), p(y, "stroke", e(w) === "brush" ? "white" : "#ff5050"), p(y, "stroke-width", e(Ee)), p(y, "stroke-dasharray", `${4 / e(b)} ${3 / e(b)}`);
          }), P(C, y);
        };
        he(Le, (C) => {
          e(K) && (e(w) === "brush" || e(w) === "eraser") && C(Oe);
        });
      }
      X(() => {
        k = pe(u, 1, "stage svelte-49zqag", null, k, { pixelated: e(b) >= 2 }), kt(u, `width: ${e(_) ?? ""}px; height: ${e(h) ?? ""}px; transform: translate(${e(A) ?? ""}px, ${e(S) ?? ""}px) scale(${e(b) ?? ""})`), p(z, "src", e($)), p(z, "width", e(_)), p(z, "height", e(h)), p(F, "width", e(M)), p(F, "height", e(m)), U = pe(F, 1, "svelte-49zqag", null, U, { hidden: !e(B) }), p(L, "width", e(M)), p(L, "height", e(m)), p(Y, "viewBox", `0 0 ${e(_) ?? ""} ${e(h) ?? ""}`), p(Y, "width", e(_)), p(Y, "height", e(h));
      }), P(i, u);
    }, Qt = (i) => {
      var u = _a(), k = I(u);
      X(() => Q(k, e(s)?.message || "Upload an image or pick an example.")), P(i, u);
    };
    he(ht, (i) => {
      e($) ? i(Zt) : i(Qt, !1);
    });
  }
  var jt = T(ht, 2);
  {
    var er = (i) => {
      var u = ba(), k = T(I(u), 2);
      k.__click = () => g(D, !1);
      var z = T(k, 2), F = I(z);
      ge(F, 21, () => e(o), be, (U, L) => {
        var Y = G(() => gt(e(L), 2));
        let ae = () => e(Y)[0], se = () => e(Y)[1];
        var ne = va(), ue = I(ne), Se = I(ue), Le = I(Se), Oe = T(ue), C = I(Oe);
        X(() => {
          Q(Le, ae()), Q(C, se());
        }), P(U, ne);
      }), P(i, u);
    };
    he(jt, (i) => {
      e(D) && i(er);
    });
  }
  Pe(N, (i) => g(E, i), () => e(E)), X(
    (i) => {
      rt = pe(Ae, 1, "sam-canvas-block svelte-49zqag", null, rt, { hidden: a.shared.visible === !1 }), p(Ae, "id", a.shared.elem_id), Q(Vt, `r ${e(x) ?? ""}`), Q(Wt, `${i ?? ""} %`), ut = pe($e, 1, "svelte-49zqag", null, ut, { active: !e(B) }), Q(Gt, e(B) ? "Hide masks" : "Show masks"), pe(N, 1, `viewport tool-${e(w) ?? ""}`, "svelte-49zqag"), kt(N, `height: ${a.props.height ?? ""}px`), p(N, "data-scale", e(b)), p(N, "data-tx", e(A)), p(N, "data-ty", e(S)), p(N, "data-width", e(_)), p(N, "data-height", e(h)), p(N, "data-tool", e(w)), p(N, "data-radius", e(x)), p(N, "data-masks", e(B) ? "shown" : "hidden");
    },
    [() => Math.round(e(b) * 100)]
  ), bt("pointerleave", N, Kt), bt("wheel", N, Ut), P(t, Ae), Tr();
}
Sr([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "contextmenu"
]);
export {
  ya as default
};
