import { i as Vt, g as jt, o as Sr, a as Me, b as qr, T as Qt, c as Nr, d as Or, e as Se, f as dt, r as ht, h as je, p as pt, j as Le, m as Ir, s as Wt, k as Zt, u as fe, l as Ee, n as Gt, E as Rr, q as e, t as It, v as ce, w as Lr, x as Pr, y as Dr, z as Hr, A as Rt, B as Ur, I as lt, C as Fr, D as Br, F as _t, G as Kr, H as Jt, J as er, K as Yr, L as Xr, N as Vr, M as jr, O as Qr, P as Wr, S as Zr, Q as Gr, R as Jr, U as ea, V as q, W as Lt, X as y, Y as ta, Z as V, _ as ft, $ as ra, a0 as T, a1 as Q, a2 as aa, a3 as le, a4 as B, a5 as Oe, a6 as Pt } from "./render-C5JM_EZW.js";
function tr(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const na = [];
function Qe(t, r = !1, s = !1) {
  return We(t, /* @__PURE__ */ new Map(), "", na, null, s);
}
function We(t, r, s, a, o = null, l = !1) {
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
    if (Vt(t)) {
      var i = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, i), o !== null && r.set(o, i);
      for (var c = 0; c < t.length; c += 1) {
        var _ = t[c];
        c in t && (i[c] = We(_, r, s, a, null, l));
      }
      return i;
    }
    if (jt(t) === Sr) {
      i = {}, r.set(t, i), o !== null && r.set(o, i);
      for (var g in t)
        i[g] = We(
          // @ts-expect-error
          t[g],
          r,
          s,
          a,
          null,
          l
        );
      return i;
    }
    if (t instanceof Date)
      return (
        /** @type {Snapshot<T>} */
        structuredClone(t)
      );
    if (typeof /** @type {T & { toJSON?: any } } */
    t.toJSON == "function" && !l)
      return We(
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
function rr(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function Pe(t, r) {
  var s = (
    /** @type {Effect} */
    Or
  );
  s.nodes === null && (s.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function ye(t, r) {
  var s = (r & Qt) !== 0, a = (r & Nr) !== 0, o, l = !t.startsWith("<!>");
  return () => {
    o === void 0 && (o = rr(l ? t : "<!>" + t), s || (o = /** @type {TemplateNode} */
    Me(o)));
    var f = (
      /** @type {TemplateNode} */
      a || qr ? document.importNode(o, !0) : o.cloneNode(!0)
    );
    if (s) {
      var i = (
        /** @type {TemplateNode} */
        Me(f)
      ), c = (
        /** @type {TemplateNode} */
        f.lastChild
      );
      Pe(i, c);
    } else
      Pe(f, f);
    return f;
  };
}
// @__NO_SIDE_EFFECTS__
function sa(t, r, s = "svg") {
  var a = !t.startsWith("<!>"), o = (r & Qt) !== 0, l = `<${s}>${a ? t : "<!>" + t}</${s}>`, f;
  return () => {
    if (!f) {
      var i = (
        /** @type {DocumentFragment} */
        rr(l)
      ), c = (
        /** @type {Element} */
        Me(i)
      );
      if (o)
        for (f = document.createDocumentFragment(); Me(c); )
          f.appendChild(
            /** @type {TemplateNode} */
            Me(c)
          );
      else
        f = /** @type {Element} */
        Me(c);
    }
    var _ = (
      /** @type {TemplateNode} */
      f.cloneNode(!0)
    );
    if (o) {
      var g = (
        /** @type {TemplateNode} */
        Me(_)
      ), k = (
        /** @type {TemplateNode} */
        _.lastChild
      );
      Pe(g, k);
    } else
      Pe(_, _);
    return _;
  };
}
// @__NO_SIDE_EFFECTS__
function de(t, r) {
  return /* @__PURE__ */ sa(t, r, "svg");
}
function Dt() {
  var t = document.createDocumentFragment(), r = document.createComment(""), s = Se();
  return t.append(r, s), Pe(r, s), t;
}
function H(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class ia {
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
  #n = !0;
  /**
   * @param {TemplateNode} anchor
   * @param {boolean} transition
   */
  constructor(r, s = !0) {
    this.anchor = r, this.#n = s;
  }
  #s = () => {
    var r = (
      /** @type {Batch} */
      dt
    );
    if (this.#t.has(r)) {
      var s = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(s);
      if (a)
        ht(a), this.#a.delete(s);
      else {
        var o = this.#e.get(s);
        o && (this.#r.set(s, o.effect), this.#e.delete(s), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), a = o.effect);
      }
      for (const [l, f] of this.#t) {
        if (this.#t.delete(l), l === r)
          break;
        const i = this.#e.get(f);
        i && (je(i.effect), this.#e.delete(f));
      }
      for (const [l, f] of this.#r) {
        if (l === s || this.#a.has(l)) continue;
        const i = () => {
          if (Array.from(this.#t.values()).includes(l)) {
            var _ = document.createDocumentFragment();
            Ir(f, _), _.append(Se()), this.#e.set(l, { effect: f, fragment: _ });
          } else
            je(f);
          this.#a.delete(l), this.#r.delete(l);
        };
        this.#n || !a ? (this.#a.add(l), pt(f, i, !1)) : i();
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
      s.includes(a) || (je(o.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, s) {
    var a = (
      /** @type {Batch} */
      dt
    ), o = Wt();
    if (s && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var l = document.createDocumentFragment(), f = Se();
        l.append(f), this.#e.set(r, {
          effect: Le(() => s(f)),
          fragment: l
        });
      } else
        this.#r.set(
          r,
          Le(() => s(this.anchor))
        );
    if (this.#t.set(a, r), o) {
      for (const [i, c] of this.#r)
        i === r ? a.skipped_effects.delete(c) : a.skipped_effects.add(c);
      for (const [i, c] of this.#e)
        i === r ? a.skipped_effects.delete(c.effect) : a.skipped_effects.add(c.effect);
      a.oncommit(this.#s), a.ondiscard(this.#i);
    } else
      this.#s();
  }
}
function ar(t) {
  Zt === null && tr(), fe(() => {
    const r = Ee(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function oa(t) {
  Zt === null && tr(), ar(() => () => Ee(t));
}
function ne(t, r, s = !1) {
  var a = new ia(t), o = s ? Rr : 0;
  function l(f, i) {
    a.ensure(f, i);
  }
  Gt(() => {
    var f = !1;
    r((i, c = !0) => {
      f = !0, l(c, i);
    }), f || l(!1, null);
  }, o);
}
function we(t, r) {
  return r;
}
function la(t, r, s) {
  for (var a = [], o = r.length, l, f = r.length, i = 0; i < o; i++) {
    let k = r[i];
    pt(
      k,
      () => {
        if (l) {
          if (l.pending.delete(k), l.done.add(k), l.pending.size === 0) {
            var b = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            ut(_t(l.done)), b.delete(l), b.size === 0 && (t.outrogroups = null);
          }
        } else
          f -= 1;
      },
      !1
    );
  }
  if (f === 0) {
    var c = a.length === 0 && s !== null;
    if (c) {
      var _ = (
        /** @type {Element} */
        s
      ), g = (
        /** @type {Element} */
        _.parentNode
      );
      Br(g), g.append(_), t.items.clear();
    }
    ut(r, !c);
  } else
    l = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(l);
}
function ut(t, r = !0) {
  for (var s = 0; s < t.length; s++)
    je(t[s], r);
}
var Ht;
function xe(t, r, s, a, o, l = null) {
  var f = t, i = /* @__PURE__ */ new Map(), c = (r & Jt) !== 0;
  if (c) {
    var _ = (
      /** @type {Element} */
      t
    );
    f = _.appendChild(Se());
  }
  var g = null, k = Lr(() => {
    var x = s();
    return Vt(x) ? x : x == null ? [] : _t(x);
  }), b, M = !0;
  function z() {
    h.fallback = g, fa(h, b, f, r, a), g !== null && (b.length === 0 ? (g.f & ce) === 0 ? ht(g) : (g.f ^= ce, Re(g, null, f)) : pt(g, () => {
      g = null;
    }));
  }
  var P = Gt(() => {
    b = /** @type {V[]} */
    e(k);
    for (var x = b.length, U = /* @__PURE__ */ new Set(), C = (
      /** @type {Batch} */
      dt
    ), N = Wt(), w = 0; w < x; w += 1) {
      var Y = b[w], R = a(Y, w), K = M ? null : i.get(R);
      K ? (K.v && It(K.v, Y), K.i && It(K.i, w), N && C.skipped_effects.delete(K.e)) : (K = ca(
        i,
        M ? f : Ht ??= Se(),
        Y,
        R,
        w,
        o,
        r,
        s
      ), M || (K.e.f |= ce), i.set(R, K)), U.add(R);
    }
    if (x === 0 && l && !g && (M ? g = Le(() => l(f)) : (g = Le(() => l(Ht ??= Se())), g.f |= ce)), !M)
      if (N) {
        for (const [S, ee] of i)
          U.has(S) || C.skipped_effects.add(ee.e);
        C.oncommit(z), C.ondiscard(() => {
        });
      } else
        z();
    e(k);
  }), h = { effect: P, items: i, outrogroups: null, fallback: g };
  M = !1;
}
function Ie(t) {
  for (; t !== null && (t.f & Fr) === 0; )
    t = t.next;
  return t;
}
function fa(t, r, s, a, o) {
  var l = (a & Yr) !== 0, f = r.length, i = t.items, c = Ie(t.effect.first), _, g = null, k, b = [], M = [], z, P, h, x;
  if (l)
    for (x = 0; x < f; x += 1)
      z = r[x], P = o(z, x), h = /** @type {EachItem} */
      i.get(P).e, (h.f & ce) === 0 && (h.nodes?.a?.measure(), (k ??= /* @__PURE__ */ new Set()).add(h));
  for (x = 0; x < f; x += 1) {
    if (z = r[x], P = o(z, x), h = /** @type {EachItem} */
    i.get(P).e, t.outrogroups !== null)
      for (const ee of t.outrogroups)
        ee.pending.delete(h), ee.done.delete(h);
    if ((h.f & ce) !== 0)
      if (h.f ^= ce, h === c)
        Re(h, null, s);
      else {
        var U = g ? g.next : c;
        h === t.effect.last && (t.effect.last = h.prev), h.prev && (h.prev.next = h.next), h.next && (h.next.prev = h.prev), be(t, g, h), be(t, h, U), Re(h, U, s), g = h, b = [], M = [], c = Ie(g.next);
        continue;
      }
    if ((h.f & lt) !== 0 && (ht(h), l && (h.nodes?.a?.unfix(), (k ??= /* @__PURE__ */ new Set()).delete(h))), h !== c) {
      if (_ !== void 0 && _.has(h)) {
        if (b.length < M.length) {
          var C = M[0], N;
          g = C.prev;
          var w = b[0], Y = b[b.length - 1];
          for (N = 0; N < b.length; N += 1)
            Re(b[N], C, s);
          for (N = 0; N < M.length; N += 1)
            _.delete(M[N]);
          be(t, w.prev, Y.next), be(t, g, w), be(t, Y, C), c = C, g = Y, x -= 1, b = [], M = [];
        } else
          _.delete(h), Re(h, c, s), be(t, h.prev, h.next), be(t, h, g === null ? t.effect.first : g.next), be(t, g, h), g = h;
        continue;
      }
      for (b = [], M = []; c !== null && c !== h; )
        (_ ??= /* @__PURE__ */ new Set()).add(c), M.push(c), c = Ie(c.next);
      if (c === null)
        continue;
    }
    (h.f & ce) === 0 && b.push(h), g = h, c = Ie(h.next);
  }
  if (t.outrogroups !== null) {
    for (const ee of t.outrogroups)
      ee.pending.size === 0 && (ut(_t(ee.done)), t.outrogroups?.delete(ee));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (c !== null || _ !== void 0) {
    var R = [];
    if (_ !== void 0)
      for (h of _)
        (h.f & lt) === 0 && R.push(h);
    for (; c !== null; )
      (c.f & lt) === 0 && c !== t.fallback && R.push(c), c = Ie(c.next);
    var K = R.length;
    if (K > 0) {
      var S = (a & Jt) !== 0 && f === 0 ? s : null;
      if (l) {
        for (x = 0; x < K; x += 1)
          R[x].nodes?.a?.measure();
        for (x = 0; x < K; x += 1)
          R[x].nodes?.a?.fix();
      }
      la(t, R, S);
    }
  }
  l && er(() => {
    if (k !== void 0)
      for (h of k)
        h.nodes?.a?.apply();
  });
}
function ca(t, r, s, a, o, l, f, i) {
  var c = (f & Pr) !== 0 ? (f & Dr) === 0 ? Hr(s, !1, !1) : Rt(s) : null, _ = (f & Ur) !== 0 ? Rt(o) : null;
  return {
    v: c,
    i: _,
    e: Le(() => (l(r, c ?? s, _ ?? o, i), () => {
      t.delete(a);
    }))
  };
}
function Re(t, r, s) {
  if (t.nodes)
    for (var a = t.nodes.start, o = t.nodes.end, l = r && (r.f & ce) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : s; a !== null; ) {
      var f = (
        /** @type {TemplateNode} */
        Kr(a)
      );
      if (l.before(a), a === o)
        return;
      a = f;
    }
}
function be(t, r, s) {
  r === null ? t.effect.first = s : r.next = s, s === null ? t.effect.last = r : s.prev = r;
}
const Ut = [...` 	
\r\f \v\uFEFF`];
function da(t, r, s) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), s) {
    for (var o in s)
      if (s[o])
        a = a ? a + " " + o : o;
      else if (a.length)
        for (var l = o.length, f = 0; (f = a.indexOf(o, f)) >= 0; ) {
          var i = f + l;
          (f === 0 || Ut.includes(a[f - 1])) && (i === a.length || Ut.includes(a[i])) ? a = (f === 0 ? "" : a.substring(0, f)) + a.substring(i + 1) : f = i;
        }
  }
  return a === "" ? null : a;
}
function ua(t, r) {
  return t == null ? null : String(t);
}
function Ce(t, r, s, a, o, l) {
  var f = t.__className;
  if (f !== s || f === void 0) {
    var i = da(s, a, l);
    i == null ? t.removeAttribute("class") : t.className = i, t.__className = s;
  } else if (l && o !== l)
    for (var c in l) {
      var _ = !!l[c];
      (o == null || _ !== !!o[c]) && t.classList.toggle(c, _);
    }
  return l;
}
function Ft(t, r, s, a) {
  var o = t.__style;
  if (o !== r) {
    var l = ua(r);
    l == null ? t.removeAttribute("style") : t.style.cssText = l, t.__style = r;
  }
  return a;
}
const ha = /* @__PURE__ */ Symbol("is custom element"), pa = /* @__PURE__ */ Symbol("is html");
function u(t, r, s, a) {
  var o = _a(t);
  o[r] !== (o[r] = s) && (r === "loading" && (t[Xr] = s), s == null ? t.removeAttribute(r) : typeof s != "string" && va(t).includes(r) ? t[r] = s : t.setAttribute(r, s));
}
function _a(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [ha]: t.nodeName.includes("-"),
      [pa]: t.namespaceURI === Vr
    }
  );
}
var Bt = /* @__PURE__ */ new Map();
function va(t) {
  var r = t.getAttribute("is") || t.nodeName, s = Bt.get(r);
  if (s) return s;
  Bt.set(r, s = []);
  for (var a, o = t, l = Element.prototype; l !== o; ) {
    a = jr(o);
    for (var f in a)
      a[f].set && s.push(f);
    o = jt(o);
  }
  return s;
}
function Kt(t, r) {
  return t === r || t?.[Zr] === r;
}
function ct(t = {}, r, s, a) {
  return Qr(() => {
    var o, l;
    return Wr(() => {
      o = l, l = [], Ee(() => {
        t !== s(...l) && (r(t, ...l), o && Kt(s(...o), t) && r(null, ...o));
      });
    }), () => {
      er(() => {
        l && Kt(s(...l), t) && r(null, ...l);
      });
    };
  }), t;
}
function ga(t, r, s) {
  if (t == null)
    return r(void 0), Gr;
  const a = Ee(
    () => t.subscribe(
      r,
      // @ts-expect-error
      s
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function ma(t) {
  let r;
  return ga(t, (s) => r = s)(), r;
}
const ba = {
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
function ya(t, r, s) {
  return new Proxy(
    { props: t, exclude: r },
    ba
  );
}
const ka = [
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
], Yt = {
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
ka.reduce((t, { color: r, primary: s, secondary: a }) => ({
  ...t,
  [r]: {
    primary: Yt[r][s],
    secondary: Yt[r][a]
  }
}), {});
function wa(t) {
  let r;
  const s = ea((o) => {
    let l = !1;
    const f = t.subscribe((i) => {
      r = i, l && o();
    });
    return l = !0, f;
  });
  function a() {
    return Jr() ? (s(), r) : ma(t);
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
const xa = "__i18n__", Ma = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], Ea = [
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
function $a(t) {
  return typeof t == "string" && t.includes(xa);
}
class Aa {
  load_component;
  #t = q(Lt({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    y(this.#t, r, !0);
  }
  #r = q(Lt({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    y(this.#r, r, !0);
  }
  #e = q((r) => r);
  get i18n() {
    return e(this.#e);
  }
  set i18n(r) {
    y(this.#e, r, !0);
  }
  i18n_store;
  _i18n_from_store;
  translatable_props = {};
  dispatcher;
  last_update = null;
  shared_props = Ea;
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
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? wa(this.i18n_store) : void 0;
    for (const a of Ma)
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
          const l = r.shared_props[o];
          l !== void 0 && (this._is_i18n_managed(`shared.${o}`, l) || (this.shared[o] = l));
        }
        this.last_shared_props = r.shared_props;
      }
      if (this.last_props !== r.props) {
        for (const o in r.props) {
          if (o === "i18n_store") continue;
          const l = r.props[o];
          l !== void 0 && (this._is_i18n_managed(`props.${o}`, l) || (this.props[o] = l));
        }
        this.last_props = r.props;
      }
      this.registered_id !== null && this.registered_id !== a && this.unregister_component(this.registered_id, this.set_data_callback), this.register_component(
        a,
        // @ts-ignore
        this.set_data_callback,
        this.get_data_callback
      ), this.registered_id = a, Ee(() => {
        this.shared.id = a;
      });
    }), fe(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), fe(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, l] of Object.entries(this.translatable_props)) {
        const [f, i] = o.split("."), c = this.i18n(l);
        f === "shared" ? this.shared[i] = c : this.props[i] = c;
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
    return Qe(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const s in r) {
      const a = r[s], o = $a(a) ? this._translate_and_store(this.shared_props.includes(s) ? "shared" : "props", s, a) : a;
      if (this.shared_props.includes(s)) {
        const l = s;
        this.shared[l] = o;
        continue;
      }
      this.props[s] = o;
    }
  }
  watch_for_change() {
    fe(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const Ta = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["polygon", "g", "Polygon"],
  ["pan", "h", "Pan"],
  ["region", "i", "Region"]
], za = {
  click: "click tool: clicks prompt (the mode says what they add)",
  brush: "brush: paint the selected object's mask ([ / ] size)",
  eraser: "eraser: erase from the selected object's mask ([ / ] size)",
  polygon: "polygon tool: drag a vertex; double-click an edge adds one; Alt + click deletes one",
  pan: "pan tool: drag the image",
  region: "region tool: drag a region to segment inside it at full resolution; click: whole image"
}, Ca = [
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function Xt(t, r, s) {
  const a = [];
  let o = 0;
  for (; o < t.length; ) {
    let f = 0, i = 0, c = 1;
    for (; c; ) {
      const _ = t.charCodeAt(o) - 48;
      f |= (_ & 31) << 5 * i, c = _ & 32, o++, i++, !c && _ & 16 && (f |= -1 << 5 * i);
    }
    a.length > 2 && (f += a[a.length - 2]), a.push(f);
  }
  let l = 0;
  for (let f = 0; f < a.length; f++) {
    const i = l + a[f];
    f % 2 === 1 && r.fill(s, l, Math.min(i, r.length)), l = i;
  }
}
function Sa(t, r, s, a, o, l, f) {
  const i = Math.max(0, Math.floor(Math.min(a[0], o[0]) - l - 1)), c = Math.max(0, Math.floor(Math.min(a[1], o[1]) - l - 1)), _ = Math.min(r - 1, Math.ceil(Math.max(a[0], o[0]) + l + 1)), g = Math.min(s - 1, Math.ceil(Math.max(a[1], o[1]) + l + 1));
  if (i > _ || c > g) return null;
  const k = o[0] - a[0], b = o[1] - a[1], M = k * k + b * b, z = l * l;
  for (let P = c; P <= g; P++) {
    const h = P + 0.5;
    for (let x = i; x <= _; x++) {
      const U = x + 0.5;
      let C = M > 0 ? ((U - a[0]) * k + (h - a[1]) * b) / M : 0;
      C = C < 0 ? 0 : C > 1 ? 1 : C;
      const N = U - (a[0] + C * k), w = h - (a[1] + C * b);
      N * N + w * w <= z && (t[P * r + x] = f);
    }
  }
  return [i, c, _ - i + 1, g - c + 1];
}
function qa(t, r, s) {
  let a = null, o = s * s;
  return t.forEach((l, f) => l.forEach((i, c) => {
    const _ = (i[0] - r[0]) ** 2 + (i[1] - r[1]) ** 2;
    _ <= o && (o = _, a = [f, c]);
  })), a;
}
function Na(t, r, s) {
  let a = null, o = s * s;
  return t.forEach((l, f) => l.forEach((i, c) => {
    const _ = l[(c + l.length - 1) % l.length], g = i[0] - _[0], k = i[1] - _[1], b = g * g + k * k, M = b > 0 ? Math.max(0, Math.min(1, ((r[0] - _[0]) * g + (r[1] - _[1]) * k) / b)) : 0, z = (_[0] + M * g - r[0]) ** 2 + (_[1] + M * k - r[1]) ** 2;
    z <= o && (o = z, a = [f, c]);
  })), a;
}
function Oa(t, r, s) {
  for (let o = 0; o < s; o++) {
    const l = o * r;
    for (let f = 0; f < r; f++) {
      const i = l + f, c = t[i] & 16777215;
      f + 1 < r && (t[i + 1] & 16777215) !== c && (c && (t[i] |= 4278190080), t[i + 1] & 16777215 && (t[i + 1] |= 4278190080)), o + 1 < s && (t[i + r] & 16777215) !== c && (c && (t[i] |= 4278190080), t[i + r] & 16777215 && (t[i + r] |= 4278190080));
    }
  }
}
var Ia = /* @__PURE__ */ ye('<span class="sam-canvas-label svelte-49zqag"> </span>'), Ra = /* @__PURE__ */ ye("<button> </button>"), La = /* @__PURE__ */ ye('<span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button>', 1), Pa = /* @__PURE__ */ de('<rect fill="none"></rect>'), Da = /* @__PURE__ */ de('<text class="label" stroke="black" paint-order="stroke"> </text>'), Ha = /* @__PURE__ */ de('<circle fill="none" stroke="#ffd700"></circle>'), Ua = /* @__PURE__ */ de('<circle class="point" stroke="white"></circle>'), Fa = /* @__PURE__ */ de('<circle fill="white" stroke="black" class="vertex"></circle>'), Ba = /* @__PURE__ */ de('<path fill="rgba(255,255,255,0.15)" fill-rule="evenodd" stroke="white" class="outline"></path><!>', 1), Ka = /* @__PURE__ */ de('<path fill="rgba(0,0,0,0.45)" fill-rule="evenodd" class="outside"></path><rect fill="none" stroke="#ffd700" class="region"></rect>', 1), Ya = /* @__PURE__ */ de('<rect fill="rgba(255,215,0,0.1)" stroke="#ffd700"></rect>'), Xa = /* @__PURE__ */ de('<circle fill="none"></circle>'), Va = /* @__PURE__ */ ye('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!><!><!><!></svg></div>'), ja = /* @__PURE__ */ ye('<div class="empty svelte-49zqag"> </div>'), Qa = /* @__PURE__ */ ye('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), Wa = /* @__PURE__ */ ye('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), Za = /* @__PURE__ */ ye('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <!> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function Ja(t, r) {
  aa(r, !0);
  const s = /* @__PURE__ */ ya(r, ["$$slots", "$$events", "$$legacy"]), a = new Aa(s, { value: null, height: 500, shortcuts: [], tools: null }), o = Q(() => Ta.filter(([n]) => !a.props.tools || a.props.tools.includes(n))), l = Q(() => [
    ...a.props.shortcuts ?? [],
    ...e(o).map(([n, d]) => [d.toUpperCase(), za[n]]),
    ...Ca
  ]), f = Q(() => e(o).some(([n]) => n === "brush" || n === "eraser"));
  let i = q(
    null
    // a plain copy: reading 10^5 runs through a reactive proxy is slow
  ), c = 0;
  const _ = /* @__PURE__ */ new Map();
  let g = !1;
  const k = Q(() => e(i)?.width ?? 0), b = Q(() => e(i)?.height ?? 0), M = Q(() => e(i)?.mask_width || e(k)), z = Q(() => e(i)?.mask_height || e(b)), P = Q(() => e(i)?.image?.url ?? null);
  let h = q(void 0), x = q(void 0), U = q(void 0), C = q(0), N = q(0), w = q(1), Y = q(0), R = q(0), K = q(
    ""
    // the picture the view was fitted to (the first fit waits for the layout)
  ), S = q("click"), ee = q(null), j = q(10), ue = q(!0), he = q(!1), Z = q(
    null
    // image pixels (floats) while inside
  ), pe = null, vt = !1, _e = null, re = q(null), te = q(
    null
    // a region being drawn
  ), D = q(
    null
    // the selected object's outline, as edited here
  ), qe = null;
  const gt = 8;
  let se = null, ve = null, De = !1, $e = null, ie = null, Ze = q(0);
  const nr = 150;
  function Ge() {
    !e(k) || !e(b) || !e(C) || !e(N) || (y(w, Math.min(e(C) / e(k), e(N) / e(b)), !0), y(Y, (e(C) - e(k) * e(w)) / 2), y(R, (e(N) - e(b) * e(w)) / 2));
  }
  function Ne(n, d = e(C) / 2, v = e(N) / 2) {
    const m = Math.min(64, Math.max(0.02, e(w) * n));
    y(Y, d - (d - e(Y)) * m / e(w)), y(R, v - (v - e(R)) * m / e(w)), y(w, m, !0);
  }
  function mt() {
    const n = e(C) / 2, d = e(N) / 2;
    Ne(1 / e(w), n, d);
  }
  fe(() => {
    const n = `${e(P)}|${e(k)}x${e(b)}`;
    e(k) && e(b) && e(C) && e(N) && n !== e(K) && (y(K, n), Ge());
  });
  function He(n) {
    const d = e(h).getBoundingClientRect();
    return [
      (n.clientX - d.left - e(Y)) / e(w),
      (n.clientY - d.top - e(R)) / e(w)
    ];
  }
  function Je(n) {
    return n[0] >= 0 && n[1] >= 0 && n[0] < e(k) && n[1] < e(b);
  }
  const et = (n) => [n[0] - 0.5, n[1] - 0.5], bt = (n) => [
    Math.min(e(k) - 1, Math.max(0, Math.floor(n[0]))),
    Math.min(e(b) - 1, Math.max(0, Math.floor(n[1])))
  ];
  let tt = "";
  function sr() {
    if (!e(x) || !e(M) || !e(z)) return;
    const n = e(i)?.objects ?? [], d = `${e(M)}x${e(z)}|` + n.map((E) => `${E.color}${E.selected ? "*" : ""}${E.runs}`).join("|");
    if (d === tt) return;
    tt = d;
    const v = e(x).getContext("2d");
    (!ie || ie.width !== e(M) || ie.height !== e(z)) && (ie = v.createImageData(e(M), e(z)));
    const m = new Uint32Array(ie.data.buffer);
    m.fill(0);
    for (const E of n) {
      const [I, L, F] = E.color, G = E.selected ? 150 : 100;
      Xt(E.runs, m, (G << 24 | F << 16 | L << 8 | I) >>> 0);
    }
    Oa(m, e(M), e(z)), v.putImageData(ie, 0, 0), y(
      Ze,
      // data-drawn: how many times the masks were drawn (the benchmark waits on it)
      e(Ze) + 1
    );
  }
  function ir() {
    if (!e(U)) return;
    const n = e(U).getContext("2d");
    n.clearRect(0, 0, e(U).width, e(U).height);
    const d = e(i)?.preview;
    if (!d || !ve || !e(Z) || e(S) !== "click" || d.at[0] !== ve[0] || d.at[1] !== ve[1]) return;
    const v = n.createImageData(e(M), e(z));
    Xt(d.runs, new Uint32Array(v.data.buffer), 2365583560), n.putImageData(v, 0, 0), e(h)?.setAttribute("data-preview", `${d.at[0]},${d.at[1]}`);
  }
  function rt() {
    e(U) && e(U).getContext("2d").clearRect(0, 0, e(M), e(z)), e(h)?.removeAttribute("data-preview");
  }
  let at, nt;
  function or(n) {
    if (De = !1, clearTimeout(nt), n?.preview) {
      if (_.get(`${n.preview.at}`) !== c) return;
      y(i, e(i) ? { ...e(i), preview: Qe(n.preview) } : Qe(n));
      return;
    }
    g = !1, clearTimeout(at), y(i, Qe(n)), y(D, e(i)?.polygon ?? null);
  }
  fe(() => {
    const n = a.props.value;
    Ee(() => or(n));
  }), fe(() => {
    e(i), e(M), e(z), e(x), e(U), Ee(() => {
      if (sr(), ir(), $e) {
        const n = $e;
        $e = null, kt(n);
      }
    });
  });
  let yt = null;
  fe(() => {
    e(S) === "polygon" && e(i)?.image && !e(i).polygon && e(i).objects?.some((n) => n.selected) && yt !== e(i) && (yt = e(i), a.dispatch("outline"));
  });
  function Ae(n, d) {
    c += 1, _.clear(), g = !0, clearTimeout(at), at = setTimeout(() => g = !1, 5e3), se && clearTimeout(se), ve = null, $e = null, rt(), a.dispatch(n, d);
  }
  function kt(n) {
    if (!g) {
      if (De) {
        $e = n;
        return;
      }
      De = !0, clearTimeout(nt), nt = setTimeout(() => De = !1, 3e3), _.set(`${n}`, c), a.dispatch("hover", { x: n[0], y: n[1] });
    }
  }
  function st() {
    se && clearTimeout(se), ve = null, rt(), !(e(S) !== "click" || !e(Z) || !Je(e(Z)) || !e(i)?.image) && (se = setTimeout(
      () => {
        !e(Z) || !Je(e(Z)) || (ve = bt(e(Z)), kt(ve));
      },
      nr
    ));
  }
  function wt(n, d, v) {
    if (!ie) return;
    tt = "";
    const m = e(M) / e(k), E = e(z) / e(b), I = (e(i)?.objects ?? []).find((Te) => Te.selected), [L, F, G] = I ? I.color : [255, 255, 255], ge = v ? 0 : (150 << 24 | G << 16 | F << 8 | L) >>> 0, me = Sa(new Uint32Array(ie.data.buffer), e(M), e(z), [n[0] * m, n[1] * E], [d[0] * m, d[1] * E], e(j) * m, ge);
    me && e(x).getContext("2d").putImageData(ie, 0, 0, ...me);
  }
  function lr(n) {
    if (!e(i)?.image) return;
    e(h).focus({ preventScroll: !0 });
    const d = He(n);
    if (n.button === 1 || n.button === 0 && (vt || e(S) === "pan")) {
      pe = {
        x: n.clientX,
        y: n.clientY,
        tx: e(Y),
        ty: e(R)
      }, e(h).setPointerCapture(n.pointerId), n.preventDefault();
      return;
    }
    if (n.button === 0) {
      if (se && clearTimeout(se), e(S) === "polygon") {
        if (!e(D)) return;
        const v = qa(e(D), et(d), gt / e(w));
        if (!v) return;
        if (n.altKey) {
          if (e(D)[v[0]].length <= 3) return;
          y(D, e(D).map((E, I) => I === v[0] ? E.filter((L, F) => F !== v[1]) : E)), Ae("polygon", { rings: e(D) });
          return;
        }
        qe = v, e(h).setPointerCapture(n.pointerId);
        return;
      }
      if (e(S) === "region") {
        y(te, { from: d, to: d }, !0), e(h).setPointerCapture(n.pointerId);
        return;
      }
      if (e(S) === "brush" || e(S) === "eraser") {
        y(re, { points: [d], erase: e(S) === "eraser" }, !0), wt(d, d, e(re).erase), e(h).setPointerCapture(n.pointerId);
        return;
      }
      _e = { x: n.clientX, y: n.clientY, moved: !1 };
    }
  }
  function fr(n) {
    const d = He(n);
    if (y(Z, d, !0), pe) {
      y(Y, pe.tx + n.clientX - pe.x), y(R, pe.ty + n.clientY - pe.y);
      return;
    }
    if (e(te)) {
      y(te, { from: e(te).from, to: d }, !0);
      return;
    }
    if (qe && e(D)) {
      const [v, m] = qe, E = et(d);
      y(D, e(D).map((I, L) => L === v ? I.map((F, G) => G === m ? E : F) : I));
      return;
    }
    if (e(re)) {
      const v = e(re).points[e(re).points.length - 1];
      e(re).points.push(d), wt(v, d, e(re).erase);
      return;
    }
    _e && Math.hypot(n.clientX - _e.x, n.clientY - _e.y) > 4 && (_e.moved = !0), st();
  }
  function cr(n) {
    if (pe) {
      pe = null;
      return;
    }
    if (qe) {
      qe = null, Ae("polygon", { rings: e(D) });
      return;
    }
    if (e(te)) {
      const [d, v] = [e(te).from, e(te).to];
      y(te, null);
      const m = [
        Math.floor(Math.min(d[0], v[0])),
        Math.floor(Math.min(d[1], v[1])),
        Math.ceil(Math.max(d[0], v[0])),
        Math.ceil(Math.max(d[1], v[1]))
      ], E = [
        Math.max(0, m[0]),
        Math.max(0, m[1]),
        Math.min(e(k), m[2]),
        Math.min(e(b), m[3])
      ], I = (m[2] - m[0]) * e(w) < 4 && (m[3] - m[1]) * e(w) < 4;
      Ae("region", { box: I ? null : E }), y(
        S,
        "click"
        // what comes next is clicking inside it
      );
      return;
    }
    if (e(re)) {
      const d = e(re);
      y(re, null), Ae("stroke", {
        points: d.points,
        radius: e(j),
        erase: d.erase
      });
      return;
    }
    if (_e && !_e.moved && n.button === 0) {
      const d = He(n);
      Je(d) && Ae("select", { index: bt(d), value: null, selected: !0 });
    }
    _e = null;
  }
  function dr(n) {
    if (e(S) !== "polygon" || !e(D)) return;
    const d = et(He(n)), v = Na(e(D), d, gt / e(w));
    v && (y(D, e(D).map((m, E) => E === v[0] ? [...m.slice(0, v[1]), d, ...m.slice(v[1])] : m)), Ae("polygon", { rings: e(D) }));
  }
  function ur() {
    y(Z, null), se && clearTimeout(se), ve = null, $e = null, rt();
  }
  function hr(n) {
    if (!e(i)?.image) return;
    n.preventDefault();
    const d = e(h).getBoundingClientRect();
    Ne(Math.pow(1.0015, -n.deltaY), n.clientX - d.left, n.clientY - d.top);
  }
  function pr(n) {
    const d = n;
    return !!d && (d.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(d.tagName) && !["radio", "checkbox"].includes(d.type));
  }
  function Ue(n) {
    if (!e(h) || e(h).offsetParent === null || !e(i)?.image || n.ctrlKey || n.metaKey || n.altKey || pr(n.target)) return;
    if (n.key === " ") {
      vt = n.type === "keydown", e(Z) && n.preventDefault();
      return;
    }
    if (n.type !== "keydown") return;
    const v = {
      "+": () => Ne(1.25),
      "=": () => Ne(1.25),
      "-": () => Ne(0.8),
      0: Ge,
      o: mt,
      ...Object.fromEntries(e(o).map(([m, E]) => [E, () => y(S, m, !0)])),
      ...e(f) ? {
        "[": () => y(j, Math.max(1, Math.round(e(j) / 1.25)), !0),
        "]": () => y(j, Math.min(500, Math.round(e(j) * 1.25) + (e(j) < 4 ? 1 : 0)), !0)
      } : {},
      m: () => y(ue, !e(ue)),
      "?": () => y(he, !e(he)),
      Escape: () => y(he, !1)
    }[n.key];
    !v || n.key === "Escape" && !e(he) || (v(), n.key !== "Escape" && n.preventDefault(), e(o).some(([, m]) => m === n.key) && st());
  }
  let it;
  ar(() => {
    it = new ResizeObserver(() => {
      y(C, e(h).clientWidth, !0), y(N, e(h).clientHeight, !0);
    }), it.observe(e(h)), document.addEventListener("keydown", Ue), document.addEventListener("keyup", Ue);
  }), oa(() => {
    it?.disconnect(), document.removeEventListener("keydown", Ue), document.removeEventListener("keyup", Ue);
  });
  const xt = Q(() => Math.max(3, 6 / e(w))), ke = Q(() => 2 / e(w));
  var Fe = Za();
  let Mt;
  var Et = B(Fe);
  {
    var _r = (n) => {
      var d = Ia(), v = B(d);
      V(() => le(v, a.shared.label)), H(n, d);
    };
    ne(Et, (n) => {
      a.shared.show_label && a.shared.label && n(_r);
    });
  }
  var $t = T(Et, 2), At = B($t);
  xe(At, 17, () => e(o), we, (n, d) => {
    var v = Q(() => Pt(e(d), 3));
    let m = () => e(v)[0], E = () => e(v)[1], I = () => e(v)[2];
    var L = Ra();
    L.__click = () => {
      y(S, m(), !0), st();
    };
    let F;
    var G = B(L);
    V(
      (ge) => {
        u(L, "title", `${I() ?? ""} (${ge ?? ""})`), u(L, "data-tool", m()), F = Ce(L, 1, "svelte-49zqag", null, F, { active: e(S) === m() }), le(G, I());
      },
      [() => E().toUpperCase()]
    ), H(n, L);
  });
  var Tt = T(At, 2);
  {
    var vr = (n) => {
      var d = La(), v = T(Oe(d), 2);
      v.__click = () => y(j, Math.max(1, Math.round(e(j) / 1.25)), !0);
      var m = T(v, 2), E = B(m), I = T(m, 2);
      I.__click = () => y(j, Math.min(500, Math.round(e(j) * 1.25) + (e(j) < 4 ? 1 : 0)), !0), V(() => le(E, `r ${e(j) ?? ""}`)), H(n, d);
    };
    ne(Tt, (n) => {
      e(f) && n(vr);
    });
  }
  var zt = T(Tt, 4);
  zt.__click = Ge;
  var Ct = T(zt, 2);
  Ct.__click = mt;
  var St = T(Ct, 2), gr = B(St), Be = T(St, 2);
  Be.__click = () => y(ue, !e(ue));
  let qt;
  var mr = B(Be), br = T(Be, 2);
  br.__click = () => y(he, !e(he));
  var O = T($t, 2);
  O.__pointerdown = lr, O.__pointermove = fr, O.__pointerup = cr, O.__dblclick = dr, O.__contextmenu = (n) => n.preventDefault();
  var Nt = B(O);
  {
    var yr = (n) => {
      var d = Va();
      let v;
      var m = B(d), E = T(m, 2);
      let I;
      ct(E, ($) => y(x, $), () => e(x));
      var L = T(E, 2);
      ct(L, ($) => y(U, $), () => e(U));
      var F = T(L, 2), G = B(F);
      xe(G, 17, () => e(i)?.boxes ?? [], we, ($, p) => {
        var A = Pa();
        V(() => {
          u(A, "x", e(p)[0]), u(A, "y", e(p)[1]), u(A, "width", e(p)[2] - e(p)[0]), u(A, "height", e(p)[3] - e(p)[1]), u(A, "stroke", `rgb(${e(p)[4] ?? 30 ?? ""},${e(p)[5] ?? 144 ?? ""},${e(p)[6] ?? 255 ?? ""})`), u(A, "stroke-width", e(ke));
        }), H($, A);
      });
      var ge = T(G);
      xe(ge, 17, () => e(i)?.objects ?? [], we, ($, p) => {
        var A = Dt(), W = Oe(A);
        {
          var X = (ae) => {
            var J = Da(), ze = B(J);
            V(() => {
              u(J, "x", e(p).at[0]), u(J, "y", e(p).at[1]), u(J, "dy", -4 / e(w)), u(J, "font-size", 13 / e(w)), u(J, "fill", `rgb(${e(p).color[0] ?? ""},${e(p).color[1] ?? ""},${e(p).color[2] ?? ""})`), u(J, "stroke-width", 3 / e(w)), le(ze, e(p).label);
            }), H(ae, J);
          };
          ne(W, (ae) => {
            e(p).label && ae(X);
          });
        }
        H($, A);
      });
      var me = T(ge);
      {
        var Te = ($) => {
          var p = Ha();
          V(() => {
            u(p, "cx", e(i).corner[0] + 0.5), u(p, "cy", e(i).corner[1] + 0.5), u(p, "r", e(xt)), u(p, "stroke-width", e(ke));
          }), H($, p);
        };
        ne(me, ($) => {
          e(i)?.corner && $(Te);
        });
      }
      var Ke = T(me);
      xe(Ke, 17, () => e(i)?.points ?? [], we, ($, p) => {
        var A = Ua();
        V(() => {
          u(A, "cx", e(p)[0] + 0.5), u(A, "cy", e(p)[1] + 0.5), u(A, "r", e(xt)), u(A, "fill", e(p)[2] === 1 ? "#00dc3c" : "#e61e1e"), u(A, "stroke-width", e(ke) / 2);
        }), H($, A);
      });
      var Ye = T(Ke);
      {
        var ot = ($) => {
          var p = Ba(), A = Oe(p), W = T(A);
          xe(W, 17, () => e(D), we, (X, ae, J) => {
            var ze = Dt(), Tr = Oe(ze);
            xe(Tr, 17, () => e(ae), we, (zr, Ve, Cr) => {
              var oe = Fa();
              u(oe, "data-ring", J), u(oe, "data-index", Cr), V(() => {
                u(oe, "cx", e(Ve)[0] + 0.5), u(oe, "cy", e(Ve)[1] + 0.5), u(oe, "r", 4 / e(w)), u(oe, "stroke-width", 1 / e(w)), u(oe, "data-x", e(Ve)[0]), u(oe, "data-y", e(Ve)[1]);
              }), H(zr, oe);
            }), H(X, ze);
          }), V(
            (X) => {
              u(A, "d", X), u(A, "stroke-width", e(ke));
            },
            [
              () => e(D).map((X) => "M" + X.map((ae) => `${ae[0] + 0.5} ${ae[1] + 0.5}`).join("L") + "Z").join(" ")
            ]
          ), H($, p);
        };
        ne(Ye, ($) => {
          e(S) === "polygon" && e(D) && $(ot);
        });
      }
      var Xe = T(Ye);
      {
        var Mr = ($) => {
          const p = Q(() => e(i).region);
          var A = Ka(), W = Oe(A), X = T(W);
          V(() => {
            u(W, "d", `M0 0H${e(k) ?? ""}V${e(b) ?? ""}H0Z M${e(p)[0] ?? ""} ${e(p)[1] ?? ""}V${e(p)[3] ?? ""}H${e(p)[2] ?? ""}V${e(p)[1] ?? ""}Z`), u(X, "x", e(p)[0]), u(X, "y", e(p)[1]), u(X, "width", e(p)[2] - e(p)[0]), u(X, "height", e(p)[3] - e(p)[1]), u(X, "stroke-width", e(ke)), u(X, "stroke-dasharray", `${6 / e(w)} ${4 / e(w)}`);
          }), H($, A);
        };
        ne(Xe, ($) => {
          e(i)?.region && $(Mr);
        });
      }
      var Ot = T(Xe);
      {
        var Er = ($) => {
          const p = Q(() => e(te).from), A = Q(() => e(te).to);
          var W = Ya();
          V(
            (X, ae, J, ze) => {
              u(W, "x", X), u(W, "y", ae), u(W, "width", J), u(W, "height", ze), u(W, "stroke-width", e(ke));
            },
            [
              () => Math.min(e(p)[0], e(A)[0]),
              () => Math.min(e(p)[1], e(A)[1]),
              () => Math.abs(e(A)[0] - e(p)[0]),
              () => Math.abs(e(A)[1] - e(p)[1])
            ]
          ), H($, W);
        };
        ne(Ot, ($) => {
          e(te) && $(Er);
        });
      }
      var $r = T(Ot);
      {
        var Ar = ($) => {
          var p = Xa();
          V(() => {
            u(p, "cx", e(Z)[0]), u(p, "cy", e(Z)[1]), u(p, "r", e(j)), u(p, "stroke", e(S) === "brush" ? "white" : "#ff5050"), u(p, "stroke-width", e(ke)), u(p, "stroke-dasharray", `${4 / e(w)} ${3 / e(w)}`);
          }), H($, p);
        };
        ne($r, ($) => {
          e(Z) && (e(S) === "brush" || e(S) === "eraser") && $(Ar);
        });
      }
      V(() => {
        v = Ce(d, 1, "stage svelte-49zqag", null, v, { pixelated: e(w) >= 2 }), Ft(d, `width: ${e(k) ?? ""}px; height: ${e(b) ?? ""}px; transform: translate(${e(Y) ?? ""}px, ${e(R) ?? ""}px) scale(${e(w) ?? ""})`), u(m, "src", e(P)), u(m, "width", e(k)), u(m, "height", e(b)), u(E, "width", e(M)), u(E, "height", e(z)), I = Ce(E, 1, "svelte-49zqag", null, I, { hidden: !e(ue) }), u(L, "width", e(M)), u(L, "height", e(z)), u(F, "viewBox", `0 0 ${e(k) ?? ""} ${e(b) ?? ""}`), u(F, "width", e(k)), u(F, "height", e(b));
      }), ft("load", m, () => y(ee, e(P), !0)), H(n, d);
    }, kr = (n) => {
      var d = ja(), v = B(d);
      V(() => le(v, e(i)?.message || "Upload an image or pick an example.")), H(n, d);
    };
    ne(Nt, (n) => {
      e(P) ? n(yr) : n(kr, !1);
    });
  }
  var wr = T(Nt, 2);
  {
    var xr = (n) => {
      var d = Wa(), v = T(B(d), 2);
      v.__click = () => y(he, !1);
      var m = T(v, 2), E = B(m);
      xe(E, 21, () => e(l), we, (I, L) => {
        var F = Q(() => Pt(e(L), 2));
        let G = () => e(F)[0], ge = () => e(F)[1];
        var me = Qa(), Te = B(me), Ke = B(Te), Ye = B(Ke), ot = T(Te), Xe = B(ot);
        V(() => {
          le(Ye, G()), le(Xe, ge());
        }), H(I, me);
      }), H(n, d);
    };
    ne(wr, (n) => {
      e(he) && n(xr);
    });
  }
  ct(O, (n) => y(h, n), () => e(h)), V(
    (n) => {
      Mt = Ce(Fe, 1, "sam-canvas-block svelte-49zqag", null, Mt, { hidden: a.shared.visible === !1 }), u(Fe, "id", a.shared.elem_id), le(gr, `${n ?? ""} %`), qt = Ce(Be, 1, "svelte-49zqag", null, qt, { active: !e(ue) }), le(mr, e(ue) ? "Hide masks" : "Show masks"), Ce(O, 1, `viewport tool-${e(S) ?? ""}`, "svelte-49zqag"), Ft(O, `height: ${a.props.height ?? ""}px`), u(O, "data-scale", e(w)), u(O, "data-tx", e(Y)), u(O, "data-ty", e(R)), u(O, "data-width", e(k)), u(O, "data-height", e(b)), u(O, "data-tool", e(S)), u(O, "data-radius", e(j)), u(O, "data-masks", e(ue) ? "shown" : "hidden"), u(O, "data-drawn", e(Ze)), u(O, "data-ready", e(P) && e(K) === `${e(P)}|${e(k)}x${e(b)}` && e(ee) === e(P) ? "yes" : "no");
    },
    [() => Math.round(e(w) * 100)]
  ), ft("pointerleave", O, ur), ft("wheel", O, hr), H(t, Fe), ra();
}
ta([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "dblclick",
  "contextmenu"
]);
export {
  Ja as default
};
