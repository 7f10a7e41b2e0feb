import { i as Bt, g as Kt, o as Tr, a as Me, b as zr, T as Yt, c as Cr, d as Sr, e as Se, f as ot, r as ft, h as je, p as ct, j as Le, m as Nr, s as Xt, k as Vt, u as fe, l as Ee, n as jt, E as Or, q as e, t as St, v as ce, w as qr, x as Ir, y as Rr, z as Lr, A as Nt, B as Pr, I as nt, C as Dr, D as Hr, F as dt, G as Ur, H as Qt, J as Wt, K as Fr, L as Br, N as Kr, M as Yr, O as Xr, P as Vr, S as jr, Q as Qr, R as Wr, U as Zr, V as N, W as Ot, X as y, Y as Gr, Z as V, _ as st, $ as Jr, a0 as T, a1 as Q, a2 as ea, a3 as le, a4 as B, a5 as qe, a6 as qt } from "./render-C5JM_EZW.js";
function Zt(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const ta = [];
function Gt(t, r = !1, n = !1) {
  return Qe(t, /* @__PURE__ */ new Map(), "", ta, null, n);
}
function Qe(t, r, n, a, i = null, l = !1) {
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
    if (Bt(t)) {
      var o = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, o), i !== null && r.set(i, o);
      for (var d = 0; d < t.length; d += 1) {
        var _ = t[d];
        d in t && (o[d] = Qe(_, r, n, a, null, l));
      }
      return o;
    }
    if (Kt(t) === Tr) {
      o = {}, r.set(t, o), i !== null && r.set(i, o);
      for (var g in t)
        o[g] = Qe(
          // @ts-expect-error
          t[g],
          r,
          n,
          a,
          null,
          l
        );
      return o;
    }
    if (t instanceof Date)
      return (
        /** @type {Snapshot<T>} */
        structuredClone(t)
      );
    if (typeof /** @type {T & { toJSON?: any } } */
    t.toJSON == "function" && !l)
      return Qe(
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
function Jt(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function Pe(t, r) {
  var n = (
    /** @type {Effect} */
    Sr
  );
  n.nodes === null && (n.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function ye(t, r) {
  var n = (r & Yt) !== 0, a = (r & Cr) !== 0, i, l = !t.startsWith("<!>");
  return () => {
    i === void 0 && (i = Jt(l ? t : "<!>" + t), n || (i = /** @type {TemplateNode} */
    Me(i)));
    var f = (
      /** @type {TemplateNode} */
      a || zr ? document.importNode(i, !0) : i.cloneNode(!0)
    );
    if (n) {
      var o = (
        /** @type {TemplateNode} */
        Me(f)
      ), d = (
        /** @type {TemplateNode} */
        f.lastChild
      );
      Pe(o, d);
    } else
      Pe(f, f);
    return f;
  };
}
// @__NO_SIDE_EFFECTS__
function ra(t, r, n = "svg") {
  var a = !t.startsWith("<!>"), i = (r & Yt) !== 0, l = `<${n}>${a ? t : "<!>" + t}</${n}>`, f;
  return () => {
    if (!f) {
      var o = (
        /** @type {DocumentFragment} */
        Jt(l)
      ), d = (
        /** @type {Element} */
        Me(o)
      );
      if (i)
        for (f = document.createDocumentFragment(); Me(d); )
          f.appendChild(
            /** @type {TemplateNode} */
            Me(d)
          );
      else
        f = /** @type {Element} */
        Me(d);
    }
    var _ = (
      /** @type {TemplateNode} */
      f.cloneNode(!0)
    );
    if (i) {
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
  return /* @__PURE__ */ ra(t, r, "svg");
}
function It() {
  var t = document.createDocumentFragment(), r = document.createComment(""), n = Se();
  return t.append(r, n), Pe(r, n), t;
}
function H(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class aa {
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
  constructor(r, n = !0) {
    this.anchor = r, this.#n = n;
  }
  #s = () => {
    var r = (
      /** @type {Batch} */
      ot
    );
    if (this.#t.has(r)) {
      var n = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(n);
      if (a)
        ft(a), this.#a.delete(n);
      else {
        var i = this.#e.get(n);
        i && (this.#r.set(n, i.effect), this.#e.delete(n), i.fragment.lastChild.remove(), this.anchor.before(i.fragment), a = i.effect);
      }
      for (const [l, f] of this.#t) {
        if (this.#t.delete(l), l === r)
          break;
        const o = this.#e.get(f);
        o && (je(o.effect), this.#e.delete(f));
      }
      for (const [l, f] of this.#r) {
        if (l === n || this.#a.has(l)) continue;
        const o = () => {
          if (Array.from(this.#t.values()).includes(l)) {
            var _ = document.createDocumentFragment();
            Nr(f, _), _.append(Se()), this.#e.set(l, { effect: f, fragment: _ });
          } else
            je(f);
          this.#a.delete(l), this.#r.delete(l);
        };
        this.#n || !a ? (this.#a.add(l), ct(f, o, !1)) : o();
      }
    }
  };
  /**
   * @param {Batch} batch
   */
  #i = (r) => {
    this.#t.delete(r);
    const n = Array.from(this.#t.values());
    for (const [a, i] of this.#e)
      n.includes(a) || (je(i.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, n) {
    var a = (
      /** @type {Batch} */
      ot
    ), i = Xt();
    if (n && !this.#r.has(r) && !this.#e.has(r))
      if (i) {
        var l = document.createDocumentFragment(), f = Se();
        l.append(f), this.#e.set(r, {
          effect: Le(() => n(f)),
          fragment: l
        });
      } else
        this.#r.set(
          r,
          Le(() => n(this.anchor))
        );
    if (this.#t.set(a, r), i) {
      for (const [o, d] of this.#r)
        o === r ? a.skipped_effects.delete(d) : a.skipped_effects.add(d);
      for (const [o, d] of this.#e)
        o === r ? a.skipped_effects.delete(d.effect) : a.skipped_effects.add(d.effect);
      a.oncommit(this.#s), a.ondiscard(this.#i);
    } else
      this.#s();
  }
}
function er(t) {
  Vt === null && Zt(), fe(() => {
    const r = Ee(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function na(t) {
  Vt === null && Zt(), er(() => () => Ee(t));
}
function ne(t, r, n = !1) {
  var a = new aa(t), i = n ? Or : 0;
  function l(f, o) {
    a.ensure(f, o);
  }
  jt(() => {
    var f = !1;
    r((o, d = !0) => {
      f = !0, l(d, o);
    }), f || l(!1, null);
  }, i);
}
function we(t, r) {
  return r;
}
function sa(t, r, n) {
  for (var a = [], i = r.length, l, f = r.length, o = 0; o < i; o++) {
    let k = r[o];
    ct(
      k,
      () => {
        if (l) {
          if (l.pending.delete(k), l.done.add(k), l.pending.size === 0) {
            var b = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            lt(dt(l.done)), b.delete(l), b.size === 0 && (t.outrogroups = null);
          }
        } else
          f -= 1;
      },
      !1
    );
  }
  if (f === 0) {
    var d = a.length === 0 && n !== null;
    if (d) {
      var _ = (
        /** @type {Element} */
        n
      ), g = (
        /** @type {Element} */
        _.parentNode
      );
      Hr(g), g.append(_), t.items.clear();
    }
    lt(r, !d);
  } else
    l = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(l);
}
function lt(t, r = !0) {
  for (var n = 0; n < t.length; n++)
    je(t[n], r);
}
var Rt;
function xe(t, r, n, a, i, l = null) {
  var f = t, o = /* @__PURE__ */ new Map(), d = (r & Qt) !== 0;
  if (d) {
    var _ = (
      /** @type {Element} */
      t
    );
    f = _.appendChild(Se());
  }
  var g = null, k = qr(() => {
    var x = n();
    return Bt(x) ? x : x == null ? [] : dt(x);
  }), b, M = !0;
  function z() {
    h.fallback = g, ia(h, b, f, r, a), g !== null && (b.length === 0 ? (g.f & ce) === 0 ? ft(g) : (g.f ^= ce, Re(g, null, f)) : ct(g, () => {
      g = null;
    }));
  }
  var P = jt(() => {
    b = /** @type {V[]} */
    e(k);
    for (var x = b.length, U = /* @__PURE__ */ new Set(), C = (
      /** @type {Batch} */
      ot
    ), O = Xt(), w = 0; w < x; w += 1) {
      var Y = b[w], I = a(Y, w), K = M ? null : o.get(I);
      K ? (K.v && St(K.v, Y), K.i && St(K.i, w), O && C.skipped_effects.delete(K.e)) : (K = oa(
        o,
        M ? f : Rt ??= Se(),
        Y,
        I,
        w,
        i,
        r,
        n
      ), M || (K.e.f |= ce), o.set(I, K)), U.add(I);
    }
    if (x === 0 && l && !g && (M ? g = Le(() => l(f)) : (g = Le(() => l(Rt ??= Se())), g.f |= ce)), !M)
      if (O) {
        for (const [S, J] of o)
          U.has(S) || C.skipped_effects.add(J.e);
        C.oncommit(z), C.ondiscard(() => {
        });
      } else
        z();
    e(k);
  }), h = { effect: P, items: o, outrogroups: null, fallback: g };
  M = !1;
}
function Ie(t) {
  for (; t !== null && (t.f & Dr) === 0; )
    t = t.next;
  return t;
}
function ia(t, r, n, a, i) {
  var l = (a & Fr) !== 0, f = r.length, o = t.items, d = Ie(t.effect.first), _, g = null, k, b = [], M = [], z, P, h, x;
  if (l)
    for (x = 0; x < f; x += 1)
      z = r[x], P = i(z, x), h = /** @type {EachItem} */
      o.get(P).e, (h.f & ce) === 0 && (h.nodes?.a?.measure(), (k ??= /* @__PURE__ */ new Set()).add(h));
  for (x = 0; x < f; x += 1) {
    if (z = r[x], P = i(z, x), h = /** @type {EachItem} */
    o.get(P).e, t.outrogroups !== null)
      for (const J of t.outrogroups)
        J.pending.delete(h), J.done.delete(h);
    if ((h.f & ce) !== 0)
      if (h.f ^= ce, h === d)
        Re(h, null, n);
      else {
        var U = g ? g.next : d;
        h === t.effect.last && (t.effect.last = h.prev), h.prev && (h.prev.next = h.next), h.next && (h.next.prev = h.prev), be(t, g, h), be(t, h, U), Re(h, U, n), g = h, b = [], M = [], d = Ie(g.next);
        continue;
      }
    if ((h.f & nt) !== 0 && (ft(h), l && (h.nodes?.a?.unfix(), (k ??= /* @__PURE__ */ new Set()).delete(h))), h !== d) {
      if (_ !== void 0 && _.has(h)) {
        if (b.length < M.length) {
          var C = M[0], O;
          g = C.prev;
          var w = b[0], Y = b[b.length - 1];
          for (O = 0; O < b.length; O += 1)
            Re(b[O], C, n);
          for (O = 0; O < M.length; O += 1)
            _.delete(M[O]);
          be(t, w.prev, Y.next), be(t, g, w), be(t, Y, C), d = C, g = Y, x -= 1, b = [], M = [];
        } else
          _.delete(h), Re(h, d, n), be(t, h.prev, h.next), be(t, h, g === null ? t.effect.first : g.next), be(t, g, h), g = h;
        continue;
      }
      for (b = [], M = []; d !== null && d !== h; )
        (_ ??= /* @__PURE__ */ new Set()).add(d), M.push(d), d = Ie(d.next);
      if (d === null)
        continue;
    }
    (h.f & ce) === 0 && b.push(h), g = h, d = Ie(h.next);
  }
  if (t.outrogroups !== null) {
    for (const J of t.outrogroups)
      J.pending.size === 0 && (lt(dt(J.done)), t.outrogroups?.delete(J));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (d !== null || _ !== void 0) {
    var I = [];
    if (_ !== void 0)
      for (h of _)
        (h.f & nt) === 0 && I.push(h);
    for (; d !== null; )
      (d.f & nt) === 0 && d !== t.fallback && I.push(d), d = Ie(d.next);
    var K = I.length;
    if (K > 0) {
      var S = (a & Qt) !== 0 && f === 0 ? n : null;
      if (l) {
        for (x = 0; x < K; x += 1)
          I[x].nodes?.a?.measure();
        for (x = 0; x < K; x += 1)
          I[x].nodes?.a?.fix();
      }
      sa(t, I, S);
    }
  }
  l && Wt(() => {
    if (k !== void 0)
      for (h of k)
        h.nodes?.a?.apply();
  });
}
function oa(t, r, n, a, i, l, f, o) {
  var d = (f & Ir) !== 0 ? (f & Rr) === 0 ? Lr(n, !1, !1) : Nt(n) : null, _ = (f & Pr) !== 0 ? Nt(i) : null;
  return {
    v: d,
    i: _,
    e: Le(() => (l(r, d ?? n, _ ?? i, o), () => {
      t.delete(a);
    }))
  };
}
function Re(t, r, n) {
  if (t.nodes)
    for (var a = t.nodes.start, i = t.nodes.end, l = r && (r.f & ce) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : n; a !== null; ) {
      var f = (
        /** @type {TemplateNode} */
        Ur(a)
      );
      if (l.before(a), a === i)
        return;
      a = f;
    }
}
function be(t, r, n) {
  r === null ? t.effect.first = n : r.next = n, n === null ? t.effect.last = r : n.prev = r;
}
const Lt = [...` 	
\r\f \v\uFEFF`];
function la(t, r, n) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), n) {
    for (var i in n)
      if (n[i])
        a = a ? a + " " + i : i;
      else if (a.length)
        for (var l = i.length, f = 0; (f = a.indexOf(i, f)) >= 0; ) {
          var o = f + l;
          (f === 0 || Lt.includes(a[f - 1])) && (o === a.length || Lt.includes(a[o])) ? a = (f === 0 ? "" : a.substring(0, f)) + a.substring(o + 1) : f = o;
        }
  }
  return a === "" ? null : a;
}
function fa(t, r) {
  return t == null ? null : String(t);
}
function Ce(t, r, n, a, i, l) {
  var f = t.__className;
  if (f !== n || f === void 0) {
    var o = la(n, a, l);
    o == null ? t.removeAttribute("class") : t.className = o, t.__className = n;
  } else if (l && i !== l)
    for (var d in l) {
      var _ = !!l[d];
      (i == null || _ !== !!i[d]) && t.classList.toggle(d, _);
    }
  return l;
}
function Pt(t, r, n, a) {
  var i = t.__style;
  if (i !== r) {
    var l = fa(r);
    l == null ? t.removeAttribute("style") : t.style.cssText = l, t.__style = r;
  }
  return a;
}
const ca = /* @__PURE__ */ Symbol("is custom element"), da = /* @__PURE__ */ Symbol("is html");
function u(t, r, n, a) {
  var i = ua(t);
  i[r] !== (i[r] = n) && (r === "loading" && (t[Br] = n), n == null ? t.removeAttribute(r) : typeof n != "string" && ha(t).includes(r) ? t[r] = n : t.setAttribute(r, n));
}
function ua(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [ca]: t.nodeName.includes("-"),
      [da]: t.namespaceURI === Kr
    }
  );
}
var Dt = /* @__PURE__ */ new Map();
function ha(t) {
  var r = t.getAttribute("is") || t.nodeName, n = Dt.get(r);
  if (n) return n;
  Dt.set(r, n = []);
  for (var a, i = t, l = Element.prototype; l !== i; ) {
    a = Yr(i);
    for (var f in a)
      a[f].set && n.push(f);
    i = Kt(i);
  }
  return n;
}
function Ht(t, r) {
  return t === r || t?.[jr] === r;
}
function it(t = {}, r, n, a) {
  return Xr(() => {
    var i, l;
    return Vr(() => {
      i = l, l = [], Ee(() => {
        t !== n(...l) && (r(t, ...l), i && Ht(n(...i), t) && r(null, ...i));
      });
    }), () => {
      Wt(() => {
        l && Ht(n(...l), t) && r(null, ...l);
      });
    };
  }), t;
}
function pa(t, r, n) {
  if (t == null)
    return r(void 0), Qr;
  const a = Ee(
    () => t.subscribe(
      r,
      // @ts-expect-error
      n
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function _a(t) {
  let r;
  return pa(t, (n) => r = n)(), r;
}
const va = {
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
function ga(t, r, n) {
  return new Proxy(
    { props: t, exclude: r },
    va
  );
}
const ma = [
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
], Ut = {
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
ma.reduce((t, { color: r, primary: n, secondary: a }) => ({
  ...t,
  [r]: {
    primary: Ut[r][n],
    secondary: Ut[r][a]
  }
}), {});
function ba(t) {
  let r;
  const n = Zr((i) => {
    let l = !1;
    const f = t.subscribe((o) => {
      r = o, l && i();
    });
    return l = !0, f;
  });
  function a() {
    return Wr() ? (n(), r) : _a(t);
  }
  return "set" in t ? {
    get current() {
      return a();
    },
    set current(i) {
      t.set(i);
    }
  } : {
    get current() {
      return a();
    }
  };
}
const ya = "__i18n__", ka = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], wa = [
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
function xa(t) {
  return typeof t == "string" && t.includes(ya);
}
class Ma {
  load_component;
  #t = N(Ot({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    y(this.#t, r, !0);
  }
  #r = N(Ot({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    y(this.#r, r, !0);
  }
  #e = N((r) => r);
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
  shared_props = wa;
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
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? ba(this.i18n_store) : void 0;
    for (const a of ka)
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
        for (const i in r.shared_props) {
          const l = r.shared_props[i];
          l !== void 0 && (this._is_i18n_managed(`shared.${i}`, l) || (this.shared[i] = l));
        }
        this.last_shared_props = r.shared_props;
      }
      if (this.last_props !== r.props) {
        for (const i in r.props) {
          if (i === "i18n_store") continue;
          const l = r.props[i];
          l !== void 0 && (this._is_i18n_managed(`props.${i}`, l) || (this.props[i] = l));
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
      for (const [i, l] of Object.entries(this.translatable_props)) {
        const [f, o] = i.split("."), d = this.i18n(l);
        f === "shared" ? this.shared[o] = d : this.props[o] = d;
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
    const i = this.i18n(a);
    return i !== a && (this.translatable_props[`${r}.${n}`] = a), i;
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
    return Gt(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const n in r) {
      const a = r[n], i = xa(a) ? this._translate_and_store(this.shared_props.includes(n) ? "shared" : "props", n, a) : a;
      if (this.shared_props.includes(n)) {
        const l = n;
        this.shared[l] = i;
        continue;
      }
      this.props[n] = i;
    }
  }
  watch_for_change() {
    fe(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const Ea = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["polygon", "g", "Polygon"],
  ["pan", "h", "Pan"],
  ["region", "i", "Region"]
], $a = {
  click: "click tool: clicks prompt (the mode says what they add)",
  brush: "brush: paint the selected object's mask ([ / ] size)",
  eraser: "eraser: erase from the selected object's mask ([ / ] size)",
  polygon: "polygon tool: drag a vertex; double-click an edge adds one; Alt + click deletes one",
  pan: "pan tool: drag the image",
  region: "region tool: drag a region to segment inside it at full resolution; click: whole image"
}, Aa = [
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function Ft(t, r, n) {
  const a = [];
  let i = 0;
  for (; i < t.length; ) {
    let f = 0, o = 0, d = 1;
    for (; d; ) {
      const _ = t.charCodeAt(i) - 48;
      f |= (_ & 31) << 5 * o, d = _ & 32, i++, o++, !d && _ & 16 && (f |= -1 << 5 * o);
    }
    a.length > 2 && (f += a[a.length - 2]), a.push(f);
  }
  let l = 0;
  for (let f = 0; f < a.length; f++) {
    const o = l + a[f];
    f % 2 === 1 && r.fill(n, l, Math.min(o, r.length)), l = o;
  }
}
function Ta(t, r, n, a, i, l, f) {
  const o = Math.max(0, Math.floor(Math.min(a[0], i[0]) - l - 1)), d = Math.max(0, Math.floor(Math.min(a[1], i[1]) - l - 1)), _ = Math.min(r - 1, Math.ceil(Math.max(a[0], i[0]) + l + 1)), g = Math.min(n - 1, Math.ceil(Math.max(a[1], i[1]) + l + 1));
  if (o > _ || d > g) return null;
  const k = i[0] - a[0], b = i[1] - a[1], M = k * k + b * b, z = l * l;
  for (let P = d; P <= g; P++) {
    const h = P + 0.5;
    for (let x = o; x <= _; x++) {
      const U = x + 0.5;
      let C = M > 0 ? ((U - a[0]) * k + (h - a[1]) * b) / M : 0;
      C = C < 0 ? 0 : C > 1 ? 1 : C;
      const O = U - (a[0] + C * k), w = h - (a[1] + C * b);
      O * O + w * w <= z && (t[P * r + x] = f);
    }
  }
  return [o, d, _ - o + 1, g - d + 1];
}
function za(t, r, n) {
  let a = null, i = n * n;
  return t.forEach((l, f) => l.forEach((o, d) => {
    const _ = (o[0] - r[0]) ** 2 + (o[1] - r[1]) ** 2;
    _ <= i && (i = _, a = [f, d]);
  })), a;
}
function Ca(t, r, n) {
  let a = null, i = n * n;
  return t.forEach((l, f) => l.forEach((o, d) => {
    const _ = l[(d + l.length - 1) % l.length], g = o[0] - _[0], k = o[1] - _[1], b = g * g + k * k, M = b > 0 ? Math.max(0, Math.min(1, ((r[0] - _[0]) * g + (r[1] - _[1]) * k) / b)) : 0, z = (_[0] + M * g - r[0]) ** 2 + (_[1] + M * k - r[1]) ** 2;
    z <= i && (i = z, a = [f, d]);
  })), a;
}
function Sa(t, r, n) {
  for (let i = 0; i < n; i++) {
    const l = i * r;
    for (let f = 0; f < r; f++) {
      const o = l + f, d = t[o] & 16777215;
      f + 1 < r && (t[o + 1] & 16777215) !== d && (d && (t[o] |= 4278190080), t[o + 1] & 16777215 && (t[o + 1] |= 4278190080)), i + 1 < n && (t[o + r] & 16777215) !== d && (d && (t[o] |= 4278190080), t[o + r] & 16777215 && (t[o + r] |= 4278190080));
    }
  }
}
var Na = /* @__PURE__ */ ye('<span class="sam-canvas-label svelte-49zqag"> </span>'), Oa = /* @__PURE__ */ ye("<button> </button>"), qa = /* @__PURE__ */ ye('<span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button>', 1), Ia = /* @__PURE__ */ de('<rect fill="none"></rect>'), Ra = /* @__PURE__ */ de('<text class="label" stroke="black" paint-order="stroke"> </text>'), La = /* @__PURE__ */ de('<circle fill="none" stroke="#ffd700"></circle>'), Pa = /* @__PURE__ */ de('<circle class="point" stroke="white"></circle>'), Da = /* @__PURE__ */ de('<circle fill="white" stroke="black" class="vertex"></circle>'), Ha = /* @__PURE__ */ de('<path fill="rgba(255,255,255,0.15)" fill-rule="evenodd" stroke="white" class="outline"></path><!>', 1), Ua = /* @__PURE__ */ de('<path fill="rgba(0,0,0,0.45)" fill-rule="evenodd" class="outside"></path><rect fill="none" stroke="#ffd700" class="region"></rect>', 1), Fa = /* @__PURE__ */ de('<rect fill="rgba(255,215,0,0.1)" stroke="#ffd700"></rect>'), Ba = /* @__PURE__ */ de('<circle fill="none"></circle>'), Ka = /* @__PURE__ */ ye('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!><!><!><!></svg></div>'), Ya = /* @__PURE__ */ ye('<div class="empty svelte-49zqag"> </div>'), Xa = /* @__PURE__ */ ye('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), Va = /* @__PURE__ */ ye('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), ja = /* @__PURE__ */ ye('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <!> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function Wa(t, r) {
  ea(r, !0);
  const n = /* @__PURE__ */ ga(r, ["$$slots", "$$events", "$$legacy"]), a = new Ma(n, { value: null, height: 500, shortcuts: [], tools: null }), i = Q(() => Ea.filter(([s]) => !a.props.tools || a.props.tools.includes(s))), l = Q(() => [
    ...a.props.shortcuts ?? [],
    ...e(i).map(([s, c]) => [c.toUpperCase(), $a[s]]),
    ...Aa
  ]), f = Q(() => e(i).some(([s]) => s === "brush" || s === "eraser"));
  let o = N(
    null
    // a plain copy: reading 10^5 runs through a reactive proxy is slow
  ), d = 0;
  const _ = /* @__PURE__ */ new Map();
  let g = !1;
  const k = Q(() => e(o)?.width ?? 0), b = Q(() => e(o)?.height ?? 0), M = Q(() => e(o)?.mask_width || e(k)), z = Q(() => e(o)?.mask_height || e(b)), P = Q(() => e(o)?.image?.url ?? null);
  let h = N(void 0), x = N(void 0), U = N(void 0), C = N(0), O = N(0), w = N(1), Y = N(0), I = N(0), K = N(
    ""
    // the picture the view was fitted to (the first fit waits for the layout)
  ), S = N("click"), J = N(null), j = N(10), ue = N(!0), he = N(!1), Z = N(
    null
    // image pixels (floats) while inside
  ), pe = null, ut = !1, _e = null, te = N(null), ee = N(
    null
    // a region being drawn
  ), D = N(
    null
    // the selected object's outline, as edited here
  ), Ne = null;
  const ht = 8;
  let se = null, ve = null, De = !1, $e = null, ie = null, We = N(0);
  const tr = 150;
  function Ze() {
    !e(k) || !e(b) || !e(C) || !e(O) || (y(w, Math.min(e(C) / e(k), e(O) / e(b)), !0), y(Y, (e(C) - e(k) * e(w)) / 2), y(I, (e(O) - e(b) * e(w)) / 2));
  }
  function Oe(s, c = e(C) / 2, v = e(O) / 2) {
    const m = Math.min(64, Math.max(0.02, e(w) * s));
    y(Y, c - (c - e(Y)) * m / e(w)), y(I, v - (v - e(I)) * m / e(w)), y(w, m, !0);
  }
  function pt() {
    const s = e(C) / 2, c = e(O) / 2;
    Oe(1 / e(w), s, c);
  }
  fe(() => {
    const s = `${e(P)}|${e(k)}x${e(b)}`;
    e(k) && e(b) && e(C) && e(O) && s !== e(K) && (y(K, s), Ze());
  });
  function He(s) {
    const c = e(h).getBoundingClientRect();
    return [
      (s.clientX - c.left - e(Y)) / e(w),
      (s.clientY - c.top - e(I)) / e(w)
    ];
  }
  function Ge(s) {
    return s[0] >= 0 && s[1] >= 0 && s[0] < e(k) && s[1] < e(b);
  }
  const _t = (s) => [
    Math.min(e(k) - 1, Math.max(0, Math.floor(s[0]))),
    Math.min(e(b) - 1, Math.max(0, Math.floor(s[1])))
  ];
  let Je = "";
  function rr() {
    if (!e(x) || !e(M) || !e(z)) return;
    const s = e(o)?.objects ?? [], c = `${e(M)}x${e(z)}|` + s.map((E) => `${E.color}${E.selected ? "*" : ""}${E.runs}`).join("|");
    if (c === Je) return;
    Je = c;
    const v = e(x).getContext("2d");
    (!ie || ie.width !== e(M) || ie.height !== e(z)) && (ie = v.createImageData(e(M), e(z)));
    const m = new Uint32Array(ie.data.buffer);
    m.fill(0);
    for (const E of s) {
      const [R, L, F] = E.color, re = E.selected ? 150 : 100;
      Ft(E.runs, m, (re << 24 | F << 16 | L << 8 | R) >>> 0);
    }
    Sa(m, e(M), e(z)), v.putImageData(ie, 0, 0), y(
      We,
      // data-drawn: how many times the masks were drawn (the benchmark waits on it)
      e(We) + 1
    );
  }
  function ar() {
    if (!e(U)) return;
    const s = e(U).getContext("2d");
    s.clearRect(0, 0, e(U).width, e(U).height);
    const c = e(o)?.preview;
    if (!c || !ve || !e(Z) || e(S) !== "click" || c.at[0] !== ve[0] || c.at[1] !== ve[1]) return;
    const v = s.createImageData(e(M), e(z));
    Ft(c.runs, new Uint32Array(v.data.buffer), 2365583560), s.putImageData(v, 0, 0), e(h)?.setAttribute("data-preview", `${c.at[0]},${c.at[1]}`);
  }
  function et() {
    e(U) && e(U).getContext("2d").clearRect(0, 0, e(M), e(z)), e(h)?.removeAttribute("data-preview");
  }
  function nr(s) {
    De = !1, !(s?.preview && _.get(`${s.preview.at}`) !== d) && (g = !1, y(o, Gt(s)), y(D, e(o)?.polygon ?? null));
  }
  fe(() => {
    const s = a.props.value;
    Ee(() => nr(s));
  }), fe(() => {
    e(o), e(M), e(z), e(x), e(U), Ee(() => {
      if (rr(), ar(), $e) {
        const s = $e;
        $e = null, gt(s);
      }
    });
  });
  let vt = null;
  fe(() => {
    e(S) === "polygon" && e(o)?.image && !e(o).polygon && e(o).objects?.some((s) => s.selected) && vt !== e(o) && (vt = e(o), a.dispatch("outline"));
  });
  function Ae(s, c) {
    d += 1, _.clear(), g = !0, setTimeout(() => g = !1, 5e3), se && clearTimeout(se), ve = null, $e = null, et(), a.dispatch(s, c);
  }
  function gt(s) {
    if (!g) {
      if (De) {
        $e = s;
        return;
      }
      De = !0, setTimeout(() => De = !1, 3e3), _.set(`${s}`, d), a.dispatch("hover", { x: s[0], y: s[1] });
    }
  }
  function tt() {
    se && clearTimeout(se), ve = null, et(), !(e(S) !== "click" || !e(Z) || !Ge(e(Z)) || !e(o)?.image) && (se = setTimeout(
      () => {
        !e(Z) || !Ge(e(Z)) || (ve = _t(e(Z)), gt(ve));
      },
      tr
    ));
  }
  function mt(s, c, v) {
    if (!ie) return;
    Je = "";
    const m = e(M) / e(k), E = e(z) / e(b), R = (e(o)?.objects ?? []).find((Te) => Te.selected), [L, F, re] = R ? R.color : [255, 255, 255], ge = v ? 0 : (150 << 24 | re << 16 | F << 8 | L) >>> 0, me = Ta(new Uint32Array(ie.data.buffer), e(M), e(z), [s[0] * m, s[1] * E], [c[0] * m, c[1] * E], e(j) * m, ge);
    me && e(x).getContext("2d").putImageData(ie, 0, 0, ...me);
  }
  function sr(s) {
    if (!e(o)?.image) return;
    e(h).focus({ preventScroll: !0 });
    const c = He(s);
    if (s.button === 1 || s.button === 0 && (ut || e(S) === "pan")) {
      pe = {
        x: s.clientX,
        y: s.clientY,
        tx: e(Y),
        ty: e(I)
      }, e(h).setPointerCapture(s.pointerId), s.preventDefault();
      return;
    }
    if (s.button === 0) {
      if (se && clearTimeout(se), e(S) === "polygon") {
        if (!e(D)) return;
        const v = za(e(D), c, ht / e(w));
        if (!v) return;
        if (s.altKey) {
          if (e(D)[v[0]].length <= 3) return;
          y(D, e(D).map((E, R) => R === v[0] ? E.filter((L, F) => F !== v[1]) : E)), Ae("polygon", { rings: e(D) });
          return;
        }
        Ne = v, e(h).setPointerCapture(s.pointerId);
        return;
      }
      if (e(S) === "region") {
        y(ee, { from: c, to: c }, !0), e(h).setPointerCapture(s.pointerId);
        return;
      }
      if (e(S) === "brush" || e(S) === "eraser") {
        y(te, { points: [c], erase: e(S) === "eraser" }, !0), mt(c, c, e(te).erase), e(h).setPointerCapture(s.pointerId);
        return;
      }
      _e = { x: s.clientX, y: s.clientY, moved: !1 };
    }
  }
  function ir(s) {
    const c = He(s);
    if (y(Z, c, !0), pe) {
      y(Y, pe.tx + s.clientX - pe.x), y(I, pe.ty + s.clientY - pe.y);
      return;
    }
    if (e(ee)) {
      y(ee, { from: e(ee).from, to: c }, !0);
      return;
    }
    if (Ne && e(D)) {
      const [v, m] = Ne;
      y(D, e(D).map((E, R) => R === v ? E.map((L, F) => F === m ? [c[0], c[1]] : L) : E));
      return;
    }
    if (e(te)) {
      const v = e(te).points[e(te).points.length - 1];
      e(te).points.push(c), mt(v, c, e(te).erase);
      return;
    }
    _e && Math.hypot(s.clientX - _e.x, s.clientY - _e.y) > 4 && (_e.moved = !0), tt();
  }
  function or(s) {
    if (pe) {
      pe = null;
      return;
    }
    if (Ne) {
      Ne = null, Ae("polygon", { rings: e(D) });
      return;
    }
    if (e(ee)) {
      const [c, v] = [e(ee).from, e(ee).to];
      y(ee, null);
      const m = [
        Math.floor(Math.min(c[0], v[0])),
        Math.floor(Math.min(c[1], v[1])),
        Math.ceil(Math.max(c[0], v[0])),
        Math.ceil(Math.max(c[1], v[1]))
      ], E = [
        Math.max(0, m[0]),
        Math.max(0, m[1]),
        Math.min(e(k), m[2]),
        Math.min(e(b), m[3])
      ], R = (m[2] - m[0]) * e(w) < 4 && (m[3] - m[1]) * e(w) < 4;
      Ae("region", { box: R ? null : E }), y(
        S,
        "click"
        // what comes next is clicking inside it
      );
      return;
    }
    if (e(te)) {
      const c = e(te);
      y(te, null), Ae("stroke", {
        points: c.points,
        radius: e(j),
        erase: c.erase
      });
      return;
    }
    if (_e && !_e.moved && s.button === 0) {
      const c = He(s);
      Ge(c) && Ae("select", { index: _t(c), value: null, selected: !0 });
    }
    _e = null;
  }
  function lr(s) {
    if (e(S) !== "polygon" || !e(D)) return;
    const c = He(s), v = Ca(e(D), c, ht / e(w));
    v && (y(D, e(D).map((m, E) => E === v[0] ? [
      ...m.slice(0, v[1]),
      [c[0], c[1]],
      ...m.slice(v[1])
    ] : m)), Ae("polygon", { rings: e(D) }));
  }
  function fr() {
    y(Z, null), se && clearTimeout(se), ve = null, $e = null, et();
  }
  function cr(s) {
    if (!e(o)?.image) return;
    s.preventDefault();
    const c = e(h).getBoundingClientRect();
    Oe(Math.pow(1.0015, -s.deltaY), s.clientX - c.left, s.clientY - c.top);
  }
  function dr(s) {
    const c = s;
    return !!c && (c.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(c.tagName) && !["radio", "checkbox"].includes(c.type));
  }
  function Ue(s) {
    if (!e(h) || e(h).offsetParent === null || !e(o)?.image || s.ctrlKey || s.metaKey || s.altKey || dr(s.target)) return;
    if (s.key === " ") {
      ut = s.type === "keydown", e(Z) && s.preventDefault();
      return;
    }
    if (s.type !== "keydown") return;
    const v = {
      "+": () => Oe(1.25),
      "=": () => Oe(1.25),
      "-": () => Oe(0.8),
      0: Ze,
      o: pt,
      ...Object.fromEntries(e(i).map(([m, E]) => [E, () => y(S, m, !0)])),
      ...e(f) ? {
        "[": () => y(j, Math.max(1, Math.round(e(j) / 1.25)), !0),
        "]": () => y(j, Math.min(500, Math.round(e(j) * 1.25) + (e(j) < 4 ? 1 : 0)), !0)
      } : {},
      m: () => y(ue, !e(ue)),
      "?": () => y(he, !e(he)),
      Escape: () => y(he, !1)
    }[s.key];
    !v || s.key === "Escape" && !e(he) || (v(), s.key !== "Escape" && s.preventDefault(), e(i).some(([, m]) => m === s.key) && tt());
  }
  let rt;
  er(() => {
    rt = new ResizeObserver(() => {
      y(C, e(h).clientWidth, !0), y(O, e(h).clientHeight, !0);
    }), rt.observe(e(h)), document.addEventListener("keydown", Ue), document.addEventListener("keyup", Ue);
  }), na(() => {
    rt?.disconnect(), document.removeEventListener("keydown", Ue), document.removeEventListener("keyup", Ue);
  });
  const bt = Q(() => Math.max(3, 6 / e(w))), ke = Q(() => 2 / e(w));
  var Fe = ja();
  let yt;
  var kt = B(Fe);
  {
    var ur = (s) => {
      var c = Na(), v = B(c);
      V(() => le(v, a.shared.label)), H(s, c);
    };
    ne(kt, (s) => {
      a.shared.show_label && a.shared.label && s(ur);
    });
  }
  var wt = T(kt, 2), xt = B(wt);
  xe(xt, 17, () => e(i), we, (s, c) => {
    var v = Q(() => qt(e(c), 3));
    let m = () => e(v)[0], E = () => e(v)[1], R = () => e(v)[2];
    var L = Oa();
    L.__click = () => {
      y(S, m(), !0), tt();
    };
    let F;
    var re = B(L);
    V(
      (ge) => {
        u(L, "title", `${R() ?? ""} (${ge ?? ""})`), u(L, "data-tool", m()), F = Ce(L, 1, "svelte-49zqag", null, F, { active: e(S) === m() }), le(re, R());
      },
      [() => E().toUpperCase()]
    ), H(s, L);
  });
  var Mt = T(xt, 2);
  {
    var hr = (s) => {
      var c = qa(), v = T(qe(c), 2);
      v.__click = () => y(j, Math.max(1, Math.round(e(j) / 1.25)), !0);
      var m = T(v, 2), E = B(m), R = T(m, 2);
      R.__click = () => y(j, Math.min(500, Math.round(e(j) * 1.25) + (e(j) < 4 ? 1 : 0)), !0), V(() => le(E, `r ${e(j) ?? ""}`)), H(s, c);
    };
    ne(Mt, (s) => {
      e(f) && s(hr);
    });
  }
  var Et = T(Mt, 4);
  Et.__click = Ze;
  var $t = T(Et, 2);
  $t.__click = pt;
  var At = T($t, 2), pr = B(At), Be = T(At, 2);
  Be.__click = () => y(ue, !e(ue));
  let Tt;
  var _r = B(Be), vr = T(Be, 2);
  vr.__click = () => y(he, !e(he));
  var q = T(wt, 2);
  q.__pointerdown = sr, q.__pointermove = ir, q.__pointerup = or, q.__dblclick = lr, q.__contextmenu = (s) => s.preventDefault();
  var zt = B(q);
  {
    var gr = (s) => {
      var c = Ka();
      let v;
      var m = B(c), E = T(m, 2);
      let R;
      it(E, ($) => y(x, $), () => e(x));
      var L = T(E, 2);
      it(L, ($) => y(U, $), () => e(U));
      var F = T(L, 2), re = B(F);
      xe(re, 17, () => e(o)?.boxes ?? [], we, ($, p) => {
        var A = Ia();
        V(() => {
          u(A, "x", e(p)[0]), u(A, "y", e(p)[1]), u(A, "width", e(p)[2] - e(p)[0]), u(A, "height", e(p)[3] - e(p)[1]), u(A, "stroke", `rgb(${e(p)[4] ?? 30 ?? ""},${e(p)[5] ?? 144 ?? ""},${e(p)[6] ?? 255 ?? ""})`), u(A, "stroke-width", e(ke));
        }), H($, A);
      });
      var ge = T(re);
      xe(ge, 17, () => e(o)?.objects ?? [], we, ($, p) => {
        var A = It(), W = qe(A);
        {
          var X = (ae) => {
            var G = Ra(), ze = B(G);
            V(() => {
              u(G, "x", e(p).at[0]), u(G, "y", e(p).at[1]), u(G, "dy", -4 / e(w)), u(G, "font-size", 13 / e(w)), u(G, "fill", `rgb(${e(p).color[0] ?? ""},${e(p).color[1] ?? ""},${e(p).color[2] ?? ""})`), u(G, "stroke-width", 3 / e(w)), le(ze, e(p).label);
            }), H(ae, G);
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
          var p = La();
          V(() => {
            u(p, "cx", e(o).corner[0] + 0.5), u(p, "cy", e(o).corner[1] + 0.5), u(p, "r", e(bt)), u(p, "stroke-width", e(ke));
          }), H($, p);
        };
        ne(me, ($) => {
          e(o)?.corner && $(Te);
        });
      }
      var Ke = T(me);
      xe(Ke, 17, () => e(o)?.points ?? [], we, ($, p) => {
        var A = Pa();
        V(() => {
          u(A, "cx", e(p)[0] + 0.5), u(A, "cy", e(p)[1] + 0.5), u(A, "r", e(bt)), u(A, "fill", e(p)[2] === 1 ? "#00dc3c" : "#e61e1e"), u(A, "stroke-width", e(ke) / 2);
        }), H($, A);
      });
      var Ye = T(Ke);
      {
        var at = ($) => {
          var p = Ha(), A = qe(p), W = T(A);
          xe(W, 17, () => e(D), we, (X, ae, G) => {
            var ze = It(), Er = qe(ze);
            xe(Er, 17, () => e(ae), we, ($r, Ve, Ar) => {
              var oe = Da();
              u(oe, "data-ring", G), u(oe, "data-index", Ar), V(() => {
                u(oe, "cx", e(Ve)[0] + 0.5), u(oe, "cy", e(Ve)[1] + 0.5), u(oe, "r", 4 / e(w)), u(oe, "stroke-width", 1 / e(w)), u(oe, "data-x", e(Ve)[0]), u(oe, "data-y", e(Ve)[1]);
              }), H($r, oe);
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
          e(S) === "polygon" && e(D) && $(at);
        });
      }
      var Xe = T(Ye);
      {
        var kr = ($) => {
          const p = Q(() => e(o).region);
          var A = Ua(), W = qe(A), X = T(W);
          V(() => {
            u(W, "d", `M0 0H${e(k) ?? ""}V${e(b) ?? ""}H0Z M${e(p)[0] ?? ""} ${e(p)[1] ?? ""}V${e(p)[3] ?? ""}H${e(p)[2] ?? ""}V${e(p)[1] ?? ""}Z`), u(X, "x", e(p)[0]), u(X, "y", e(p)[1]), u(X, "width", e(p)[2] - e(p)[0]), u(X, "height", e(p)[3] - e(p)[1]), u(X, "stroke-width", e(ke)), u(X, "stroke-dasharray", `${6 / e(w)} ${4 / e(w)}`);
          }), H($, A);
        };
        ne(Xe, ($) => {
          e(o)?.region && $(kr);
        });
      }
      var Ct = T(Xe);
      {
        var wr = ($) => {
          const p = Q(() => e(ee).from), A = Q(() => e(ee).to);
          var W = Fa();
          V(
            (X, ae, G, ze) => {
              u(W, "x", X), u(W, "y", ae), u(W, "width", G), u(W, "height", ze), u(W, "stroke-width", e(ke));
            },
            [
              () => Math.min(e(p)[0], e(A)[0]),
              () => Math.min(e(p)[1], e(A)[1]),
              () => Math.abs(e(A)[0] - e(p)[0]),
              () => Math.abs(e(A)[1] - e(p)[1])
            ]
          ), H($, W);
        };
        ne(Ct, ($) => {
          e(ee) && $(wr);
        });
      }
      var xr = T(Ct);
      {
        var Mr = ($) => {
          var p = Ba();
          V(() => {
            u(p, "cx", e(Z)[0]), u(p, "cy", e(Z)[1]), u(p, "r", e(j)), u(p, "stroke", e(S) === "brush" ? "white" : "#ff5050"), u(p, "stroke-width", e(ke)), u(p, "stroke-dasharray", `${4 / e(w)} ${3 / e(w)}`);
          }), H($, p);
        };
        ne(xr, ($) => {
          e(Z) && (e(S) === "brush" || e(S) === "eraser") && $(Mr);
        });
      }
      V(() => {
        v = Ce(c, 1, "stage svelte-49zqag", null, v, { pixelated: e(w) >= 2 }), Pt(c, `width: ${e(k) ?? ""}px; height: ${e(b) ?? ""}px; transform: translate(${e(Y) ?? ""}px, ${e(I) ?? ""}px) scale(${e(w) ?? ""})`), u(m, "src", e(P)), u(m, "width", e(k)), u(m, "height", e(b)), u(E, "width", e(M)), u(E, "height", e(z)), R = Ce(E, 1, "svelte-49zqag", null, R, { hidden: !e(ue) }), u(L, "width", e(M)), u(L, "height", e(z)), u(F, "viewBox", `0 0 ${e(k) ?? ""} ${e(b) ?? ""}`), u(F, "width", e(k)), u(F, "height", e(b));
      }), st("load", m, () => y(J, e(P), !0)), H(s, c);
    }, mr = (s) => {
      var c = Ya(), v = B(c);
      V(() => le(v, e(o)?.message || "Upload an image or pick an example.")), H(s, c);
    };
    ne(zt, (s) => {
      e(P) ? s(gr) : s(mr, !1);
    });
  }
  var br = T(zt, 2);
  {
    var yr = (s) => {
      var c = Va(), v = T(B(c), 2);
      v.__click = () => y(he, !1);
      var m = T(v, 2), E = B(m);
      xe(E, 21, () => e(l), we, (R, L) => {
        var F = Q(() => qt(e(L), 2));
        let re = () => e(F)[0], ge = () => e(F)[1];
        var me = Xa(), Te = B(me), Ke = B(Te), Ye = B(Ke), at = T(Te), Xe = B(at);
        V(() => {
          le(Ye, re()), le(Xe, ge());
        }), H(R, me);
      }), H(s, c);
    };
    ne(br, (s) => {
      e(he) && s(yr);
    });
  }
  it(q, (s) => y(h, s), () => e(h)), V(
    (s) => {
      yt = Ce(Fe, 1, "sam-canvas-block svelte-49zqag", null, yt, { hidden: a.shared.visible === !1 }), u(Fe, "id", a.shared.elem_id), le(pr, `${s ?? ""} %`), Tt = Ce(Be, 1, "svelte-49zqag", null, Tt, { active: !e(ue) }), le(_r, e(ue) ? "Hide masks" : "Show masks"), Ce(q, 1, `viewport tool-${e(S) ?? ""}`, "svelte-49zqag"), Pt(q, `height: ${a.props.height ?? ""}px`), u(q, "data-scale", e(w)), u(q, "data-tx", e(Y)), u(q, "data-ty", e(I)), u(q, "data-width", e(k)), u(q, "data-height", e(b)), u(q, "data-tool", e(S)), u(q, "data-radius", e(j)), u(q, "data-masks", e(ue) ? "shown" : "hidden"), u(q, "data-drawn", e(We)), u(q, "data-ready", e(P) && e(K) === `${e(P)}|${e(k)}x${e(b)}` && e(J) === e(P) ? "yes" : "no");
    },
    [() => Math.round(e(w) * 100)]
  ), st("pointerleave", q, fr), st("wheel", q, cr), H(t, Fe), Jr();
}
Gr([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "dblclick",
  "contextmenu"
]);
export {
  Wa as default
};
