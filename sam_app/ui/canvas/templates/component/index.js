import { i as Ft, g as Bt, o as Er, a as Te, b as $r, T as Ar, c as Tr, d as Se, e as Sr, f as nt, r as it, h as Ye, p as ot, j as Ie, m as zr, s as Kt, k as Ut, u as ge, l as ke, n as Yt, E as Cr, q as e, t as St, v as oe, w as Nr, x as qr, y as Ir, z as Rr, A as zt, B as Lr, I as tt, C as Dr, D as Or, F as lt, G as Hr, H as Vt, J as Xt, K as Pr, L as Fr, N as Br, M as Kr, O as Ur, P as Yr, S as Vr, Q as Xr, R as Wr, U as Gr, V as N, W as Ct, X as g, Y as Zr, Z as X, _ as rt, $ as Jr, a0 as S, a1 as G, a2 as jr, a3 as se, a4 as P, a5 as Ue, a6 as Nt } from "./render-PvzomQOh.js";
function Wt(t) {
  throw new Error("https://svelte.dev/e/lifecycle_outside_component");
}
const Qr = [];
function Gt(t, r = !1, s = !1) {
  return Ve(t, /* @__PURE__ */ new Map(), "", Qr, null, s);
}
function Ve(t, r, s, a, o = null, n = !1) {
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
    if (Ft(t)) {
      var c = (
        /** @type {Snapshot<any>} */
        Array(t.length)
      );
      r.set(t, c), o !== null && r.set(o, c);
      for (var d = 0; d < t.length; d += 1) {
        var h = t[d];
        d in t && (c[d] = Ve(h, r, s, a, null, n));
      }
      return c;
    }
    if (Bt(t) === Er) {
      c = {}, r.set(t, c), o !== null && r.set(o, c);
      for (var p in t)
        c[p] = Ve(
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
      return Ve(
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
function Zt(t) {
  var r = document.createElement("template");
  return r.innerHTML = t.replaceAll("<!>", "<!---->"), r.content;
}
function Xe(t, r) {
  var s = (
    /** @type {Effect} */
    Tr
  );
  s.nodes === null && (s.nodes = { start: t, end: r, a: null, t: null });
}
// @__NO_SIDE_EFFECTS__
function we(t, r) {
  var s = (r & Ar) !== 0, a, o = !t.startsWith("<!>");
  return () => {
    a === void 0 && (a = Zt(o ? t : "<!>" + t), a = /** @type {TemplateNode} */
    Te(a));
    var n = (
      /** @type {TemplateNode} */
      s || $r ? document.importNode(a, !0) : a.cloneNode(!0)
    );
    return Xe(n, n), n;
  };
}
// @__NO_SIDE_EFFECTS__
function ea(t, r, s = "svg") {
  var a = !t.startsWith("<!>"), o = (r & Sr) !== 0, n = `<${s}>${a ? t : "<!>" + t}</${s}>`, l;
  return () => {
    if (!l) {
      var c = (
        /** @type {DocumentFragment} */
        Zt(n)
      ), d = (
        /** @type {Element} */
        Te(c)
      );
      if (o)
        for (l = document.createDocumentFragment(); Te(d); )
          l.appendChild(
            /** @type {TemplateNode} */
            Te(d)
          );
      else
        l = /** @type {Element} */
        Te(d);
    }
    var h = (
      /** @type {TemplateNode} */
      l.cloneNode(!0)
    );
    if (o) {
      var p = (
        /** @type {TemplateNode} */
        Te(h)
      ), M = (
        /** @type {TemplateNode} */
        h.lastChild
      );
      Xe(p, M);
    } else
      Xe(h, h);
    return h;
  };
}
// @__NO_SIDE_EFFECTS__
function le(t, r) {
  return /* @__PURE__ */ ea(t, r, "svg");
}
function qt() {
  var t = document.createDocumentFragment(), r = document.createComment(""), s = Se();
  return t.append(r, s), Xe(r, s), t;
}
function F(t, r) {
  t !== null && t.before(
    /** @type {Node} */
    r
  );
}
class ta {
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
      nt
    );
    if (this.#t.has(r)) {
      var s = (
        /** @type {Key} */
        this.#t.get(r)
      ), a = this.#r.get(s);
      if (a)
        it(a), this.#a.delete(s);
      else {
        var o = this.#e.get(s);
        o && (this.#r.set(s, o.effect), this.#e.delete(s), o.fragment.lastChild.remove(), this.anchor.before(o.fragment), a = o.effect);
      }
      for (const [n, l] of this.#t) {
        if (this.#t.delete(n), n === r)
          break;
        const c = this.#e.get(l);
        c && (Ye(c.effect), this.#e.delete(l));
      }
      for (const [n, l] of this.#r) {
        if (n === s || this.#a.has(n)) continue;
        const c = () => {
          if (Array.from(this.#t.values()).includes(n)) {
            var h = document.createDocumentFragment();
            zr(l, h), h.append(Se()), this.#e.set(n, { effect: l, fragment: h });
          } else
            Ye(l);
          this.#a.delete(n), this.#r.delete(n);
        };
        this.#n || !a ? (this.#a.add(n), ot(l, c, !1)) : c();
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
      s.includes(a) || (Ye(o.effect), this.#e.delete(a));
  };
  /**
   *
   * @param {any} key
   * @param {null | ((target: TemplateNode) => void)} fn
   */
  ensure(r, s) {
    var a = (
      /** @type {Batch} */
      nt
    ), o = Kt();
    if (s && !this.#r.has(r) && !this.#e.has(r))
      if (o) {
        var n = document.createDocumentFragment(), l = Se();
        n.append(l), this.#e.set(r, {
          effect: Ie(() => s(l)),
          fragment: n
        });
      } else
        this.#r.set(
          r,
          Ie(() => s(this.anchor))
        );
    if (this.#t.set(a, r), o) {
      for (const [c, d] of this.#r)
        c === r ? a.skipped_effects.delete(d) : a.skipped_effects.add(d);
      for (const [c, d] of this.#e)
        c === r ? a.skipped_effects.delete(d.effect) : a.skipped_effects.add(d.effect);
      a.oncommit(this.#s), a.ondiscard(this.#i);
    } else
      this.#s();
  }
}
function Jt(t) {
  Ut === null && Wt(), ge(() => {
    const r = ke(t);
    if (typeof r == "function") return (
      /** @type {() => void} */
      r
    );
  });
}
function ra(t) {
  Ut === null && Wt(), Jt(() => () => ke(t));
}
function ie(t, r, s = !1) {
  var a = new ta(t), o = s ? Cr : 0;
  function n(l, c) {
    a.ensure(l, c);
  }
  Yt(() => {
    var l = !1;
    r((c, d = !0) => {
      l = !0, n(d, c);
    }), l || n(!1, null);
  }, o);
}
function me(t, r) {
  return r;
}
function aa(t, r, s) {
  for (var a = [], o = r.length, n, l = r.length, c = 0; c < o; c++) {
    let M = r[c];
    ot(
      M,
      () => {
        if (n) {
          if (n.pending.delete(M), n.done.add(M), n.pending.size === 0) {
            var k = (
              /** @type {Set<EachOutroGroup>} */
              t.outrogroups
            );
            st(lt(n.done)), k.delete(n), k.size === 0 && (t.outrogroups = null);
          }
        } else
          l -= 1;
      },
      !1
    );
  }
  if (l === 0) {
    var d = a.length === 0 && s !== null;
    if (d) {
      var h = (
        /** @type {Element} */
        s
      ), p = (
        /** @type {Element} */
        h.parentNode
      );
      Or(p), p.append(h), t.items.clear();
    }
    st(r, !d);
  } else
    n = {
      pending: new Set(r),
      done: /* @__PURE__ */ new Set()
    }, (t.outrogroups ??= /* @__PURE__ */ new Set()).add(n);
}
function st(t, r = !0) {
  for (var s = 0; s < t.length; s++)
    Ye(t[s], r);
}
var It;
function ye(t, r, s, a, o, n = null) {
  var l = t, c = /* @__PURE__ */ new Map(), d = (r & Vt) !== 0;
  if (d) {
    var h = (
      /** @type {Element} */
      t
    );
    l = h.appendChild(Se());
  }
  var p = null, M = Nr(() => {
    var y = s();
    return Ft(y) ? y : y == null ? [] : lt(y);
  }), k, E = !0;
  function $() {
    _.fallback = p, na(_, k, l, r, a), p !== null && (k.length === 0 ? (p.f & oe) === 0 ? it(p) : (p.f ^= oe, qe(p, null, l)) : ot(p, () => {
      p = null;
    }));
  }
  var O = Yt(() => {
    k = /** @type {V[]} */
    e(M);
    for (var y = k.length, K = /* @__PURE__ */ new Set(), m = (
      /** @type {Batch} */
      nt
    ), C = Kt(), q = 0; q < y; q += 1) {
      var j = k[q], x = a(j, q), U = E ? null : c.get(x);
      U ? (U.v && St(U.v, j), U.i && St(U.i, q), C && m.skipped_effects.delete(U.e)) : (U = sa(
        c,
        E ? l : It ??= Se(),
        j,
        x,
        q,
        o,
        r,
        s
      ), E || (U.e.f |= oe), c.set(x, U)), K.add(x);
    }
    if (y === 0 && n && !p && (E ? p = Ie(() => n(l)) : (p = Ie(() => n(It ??= Se())), p.f |= oe)), !E)
      if (C) {
        for (const [L, B] of c)
          K.has(L) || m.skipped_effects.add(B.e);
        m.oncommit($), m.ondiscard(() => {
        });
      } else
        $();
    e(M);
  }), _ = { effect: O, items: c, outrogroups: null, fallback: p };
  E = !1;
}
function Ne(t) {
  for (; t !== null && (t.f & Dr) === 0; )
    t = t.next;
  return t;
}
function na(t, r, s, a, o) {
  var n = (a & Pr) !== 0, l = r.length, c = t.items, d = Ne(t.effect.first), h, p = null, M, k = [], E = [], $, O, _, y;
  if (n)
    for (y = 0; y < l; y += 1)
      $ = r[y], O = o($, y), _ = /** @type {EachItem} */
      c.get(O).e, (_.f & oe) === 0 && (_.nodes?.a?.measure(), (M ??= /* @__PURE__ */ new Set()).add(_));
  for (y = 0; y < l; y += 1) {
    if ($ = r[y], O = o($, y), _ = /** @type {EachItem} */
    c.get(O).e, t.outrogroups !== null)
      for (const B of t.outrogroups)
        B.pending.delete(_), B.done.delete(_);
    if ((_.f & oe) !== 0)
      if (_.f ^= oe, _ === d)
        qe(_, null, s);
      else {
        var K = p ? p.next : d;
        _ === t.effect.last && (t.effect.last = _.prev), _.prev && (_.prev.next = _.next), _.next && (_.next.prev = _.prev), ve(t, p, _), ve(t, _, K), qe(_, K, s), p = _, k = [], E = [], d = Ne(p.next);
        continue;
      }
    if ((_.f & tt) !== 0 && (it(_), n && (_.nodes?.a?.unfix(), (M ??= /* @__PURE__ */ new Set()).delete(_))), _ !== d) {
      if (h !== void 0 && h.has(_)) {
        if (k.length < E.length) {
          var m = E[0], C;
          p = m.prev;
          var q = k[0], j = k[k.length - 1];
          for (C = 0; C < k.length; C += 1)
            qe(k[C], m, s);
          for (C = 0; C < E.length; C += 1)
            h.delete(E[C]);
          ve(t, q.prev, j.next), ve(t, p, q), ve(t, j, m), d = m, p = j, y -= 1, k = [], E = [];
        } else
          h.delete(_), qe(_, d, s), ve(t, _.prev, _.next), ve(t, _, p === null ? t.effect.first : p.next), ve(t, p, _), p = _;
        continue;
      }
      for (k = [], E = []; d !== null && d !== _; )
        (h ??= /* @__PURE__ */ new Set()).add(d), E.push(d), d = Ne(d.next);
      if (d === null)
        continue;
    }
    (_.f & oe) === 0 && k.push(_), p = _, d = Ne(_.next);
  }
  if (t.outrogroups !== null) {
    for (const B of t.outrogroups)
      B.pending.size === 0 && (st(lt(B.done)), t.outrogroups?.delete(B));
    t.outrogroups.size === 0 && (t.outrogroups = null);
  }
  if (d !== null || h !== void 0) {
    var x = [];
    if (h !== void 0)
      for (_ of h)
        (_.f & tt) === 0 && x.push(_);
    for (; d !== null; )
      (d.f & tt) === 0 && d !== t.fallback && x.push(d), d = Ne(d.next);
    var U = x.length;
    if (U > 0) {
      var L = (a & Vt) !== 0 && l === 0 ? s : null;
      if (n) {
        for (y = 0; y < U; y += 1)
          x[y].nodes?.a?.measure();
        for (y = 0; y < U; y += 1)
          x[y].nodes?.a?.fix();
      }
      aa(t, x, L);
    }
  }
  n && Xt(() => {
    if (M !== void 0)
      for (_ of M)
        _.nodes?.a?.apply();
  });
}
function sa(t, r, s, a, o, n, l, c) {
  var d = (l & qr) !== 0 ? (l & Ir) === 0 ? Rr(s, !1, !1) : zt(s) : null, h = (l & Lr) !== 0 ? zt(o) : null;
  return {
    v: d,
    i: h,
    e: Ie(() => (n(r, d ?? s, h ?? o, c), () => {
      t.delete(a);
    }))
  };
}
function qe(t, r, s) {
  if (t.nodes)
    for (var a = t.nodes.start, o = t.nodes.end, n = r && (r.f & oe) === 0 ? (
      /** @type {EffectNodes} */
      r.nodes.start
    ) : s; a !== null; ) {
      var l = (
        /** @type {TemplateNode} */
        Hr(a)
      );
      if (n.before(a), a === o)
        return;
      a = l;
    }
}
function ve(t, r, s) {
  r === null ? t.effect.first = s : r.next = s, s === null ? t.effect.last = r : s.prev = r;
}
const Rt = [...` 	
\r\f \v\uFEFF`];
function ia(t, r, s) {
  var a = t == null ? "" : "" + t;
  if (r && (a = a ? a + " " + r : r), s) {
    for (var o in s)
      if (s[o])
        a = a ? a + " " + o : o;
      else if (a.length)
        for (var n = o.length, l = 0; (l = a.indexOf(o, l)) >= 0; ) {
          var c = l + n;
          (l === 0 || Rt.includes(a[l - 1])) && (c === a.length || Rt.includes(a[c])) ? a = (l === 0 ? "" : a.substring(0, l)) + a.substring(c + 1) : l = c;
        }
  }
  return a === "" ? null : a;
}
function oa(t, r) {
  return t == null ? null : String(t);
}
function Ae(t, r, s, a, o, n) {
  var l = t.__className;
  if (l !== s || l === void 0) {
    var c = ia(s, a, n);
    c == null ? t.removeAttribute("class") : t.className = c, t.__className = s;
  } else if (n && o !== n)
    for (var d in n) {
      var h = !!n[d];
      (o == null || h !== !!o[d]) && t.classList.toggle(d, h);
    }
  return n;
}
function Lt(t, r, s, a) {
  var o = t.__style;
  if (o !== r) {
    var n = oa(r);
    n == null ? t.removeAttribute("style") : t.style.cssText = n, t.__style = r;
  }
  return a;
}
const la = /* @__PURE__ */ Symbol("is custom element"), fa = /* @__PURE__ */ Symbol("is html");
function u(t, r, s, a) {
  var o = ca(t);
  o[r] !== (o[r] = s) && (r === "loading" && (t[Fr] = s), s == null ? t.removeAttribute(r) : typeof s != "string" && da(t).includes(r) ? t[r] = s : t.setAttribute(r, s));
}
function ca(t) {
  return (
    /** @type {Record<string | symbol, unknown>} **/
    // @ts-expect-error
    t.__attributes ??= {
      [la]: t.nodeName.includes("-"),
      [fa]: t.namespaceURI === Br
    }
  );
}
var Dt = /* @__PURE__ */ new Map();
function da(t) {
  var r = t.getAttribute("is") || t.nodeName, s = Dt.get(r);
  if (s) return s;
  Dt.set(r, s = []);
  for (var a, o = t, n = Element.prototype; n !== o; ) {
    a = Kr(o);
    for (var l in a)
      a[l].set && s.push(l);
    o = Bt(o);
  }
  return s;
}
function Ot(t, r) {
  return t === r || t?.[Vr] === r;
}
function at(t = {}, r, s, a) {
  return Ur(() => {
    var o, n;
    return Yr(() => {
      o = n, n = [], ke(() => {
        t !== s(...n) && (r(t, ...n), o && Ot(s(...o), t) && r(null, ...o));
      });
    }), () => {
      Xt(() => {
        n && Ot(s(...n), t) && r(null, ...n);
      });
    };
  }), t;
}
function ua(t, r, s) {
  if (t == null)
    return r(void 0), Xr;
  const a = ke(
    () => t.subscribe(
      r,
      // @ts-expect-error
      s
    )
  );
  return a.unsubscribe ? () => a.unsubscribe() : a;
}
function ha(t) {
  let r;
  return ua(t, (s) => r = s)(), r;
}
const pa = {
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
function _a(t, r, s) {
  return new Proxy(
    { props: t, exclude: r },
    pa
  );
}
const va = [
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
], Ht = {
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
va.reduce((t, { color: r, primary: s, secondary: a }) => ({
  ...t,
  [r]: {
    primary: Ht[r][s],
    secondary: Ht[r][a]
  }
}), {});
function ga(t) {
  let r;
  const s = Gr((o) => {
    let n = !1;
    const l = t.subscribe((c) => {
      r = c, n && o();
    });
    return n = !0, l;
  });
  function a() {
    return Wr() ? (s(), r) : ha(t);
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
const ba = "__i18n__", ma = [
  "label",
  "info",
  "placeholder",
  "description",
  "title",
  "value"
], ya = [
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
function ka(t) {
  return typeof t == "string" && t.includes(ba);
}
class wa {
  load_component;
  #t = N(Ct({}));
  get shared() {
    return e(this.#t);
  }
  set shared(r) {
    g(this.#t, r, !0);
  }
  #r = N(Ct({}));
  get props() {
    return e(this.#r);
  }
  set props(r) {
    g(this.#r, r, !0);
  }
  #e = N((r) => r);
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
  shared_props = ya;
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
    this.i18n = this.props.i18n ?? ((a) => a), this.i18n_store = r.props.i18n_store, this._i18n_from_store = this.i18n_store ? ga(this.i18n_store) : void 0;
    for (const a of ma)
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
    ), this.registered_id = this.shared.id, this.last_shared_props = r.shared_props, this.last_props = r.props, ge(() => {
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
      ), this.registered_id = a, ke(() => {
        this.shared.id = a;
      });
    }), ge(() => () => {
      this.registered_id !== null && this.unregister_component(this.registered_id, this.set_data_callback);
    }), ge(() => this.i18n_store ? this.i18n_store.subscribe(() => {
      for (const [o, n] of Object.entries(this.translatable_props)) {
        const [l, c] = o.split("."), d = this.i18n(n);
        l === "shared" ? this.shared[c] = d : this.props[c] = d;
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
    return Gt(this.props);
  }
  update(r) {
    this.set_data(r);
  }
  set_data(r) {
    for (const s in r) {
      const a = r[s], o = ka(a) ? this._translate_and_store(this.shared_props.includes(s) ? "shared" : "props", s, a) : a;
      if (this.shared_props.includes(s)) {
        const n = s;
        this.shared[n] = o;
        continue;
      }
      this.props[s] = o;
    }
  }
  watch_for_change() {
    ge(() => {
      this.mounted || (this.old_value = this.props.value, this.mounted = !0), this.old_value != this.props.value && (this.old_value = this.props.value, this.dispatch("change"));
    });
  }
}
const xa = [
  ["click", "v", "Click"],
  ["brush", "b", "Brush"],
  ["eraser", "e", "Eraser"],
  ["polygon", "g", "Polygon"],
  ["pan", "h", "Pan"],
  ["region", "i", "Region"]
], Ma = [
  ["V / B / E / H", "click, brush, eraser, pan tool"],
  ["G", "polygon tool: drag a vertex; double-click an edge adds one; Alt + click deletes one"],
  ["I", "region tool: drag a region to segment inside it at full resolution; click: whole image"],
  ["[ / ]", "smaller / larger brush"],
  ["wheel, + / −", "zoom in / out at the pointer"],
  ["0 / O", "fit the image / actual size (1:1)"],
  ["Space + drag, middle drag", "pan"],
  ["M", "show / hide the masks"],
  ["?", "this help (Esc closes it)"]
];
function Pt(t, r, s) {
  const a = [];
  let o = 0;
  for (; o < t.length; ) {
    let l = 0, c = 0, d = 1;
    for (; d; ) {
      const h = t.charCodeAt(o) - 48;
      l |= (h & 31) << 5 * c, d = h & 32, o++, c++, !d && h & 16 && (l |= -1 << 5 * c);
    }
    a.length > 2 && (l += a[a.length - 2]), a.push(l);
  }
  let n = 0;
  for (let l = 0; l < a.length; l++) {
    const c = n + a[l];
    l % 2 === 1 && r.fill(s, n, Math.min(c, r.length)), n = c;
  }
}
function Ea(t, r, s, a, o, n, l) {
  const c = Math.max(0, Math.floor(Math.min(a[0], o[0]) - n - 1)), d = Math.max(0, Math.floor(Math.min(a[1], o[1]) - n - 1)), h = Math.min(r - 1, Math.ceil(Math.max(a[0], o[0]) + n + 1)), p = Math.min(s - 1, Math.ceil(Math.max(a[1], o[1]) + n + 1));
  if (c > h || d > p) return null;
  const M = o[0] - a[0], k = o[1] - a[1], E = M * M + k * k, $ = n * n;
  for (let O = d; O <= p; O++) {
    const _ = O + 0.5;
    for (let y = c; y <= h; y++) {
      const K = y + 0.5;
      let m = E > 0 ? ((K - a[0]) * M + (_ - a[1]) * k) / E : 0;
      m = m < 0 ? 0 : m > 1 ? 1 : m;
      const C = K - (a[0] + m * M), q = _ - (a[1] + m * k);
      C * C + q * q <= $ && (t[O * r + y] = l);
    }
  }
  return [c, d, h - c + 1, p - d + 1];
}
function $a(t, r, s) {
  let a = null, o = s * s;
  return t.forEach((n, l) => n.forEach((c, d) => {
    const h = (c[0] - r[0]) ** 2 + (c[1] - r[1]) ** 2;
    h <= o && (o = h, a = [l, d]);
  })), a;
}
function Aa(t, r, s) {
  let a = null, o = s * s;
  return t.forEach((n, l) => n.forEach((c, d) => {
    const h = n[(d + n.length - 1) % n.length], p = c[0] - h[0], M = c[1] - h[1], k = p * p + M * M, E = k > 0 ? Math.max(0, Math.min(1, ((r[0] - h[0]) * p + (r[1] - h[1]) * M) / k)) : 0, $ = (h[0] + E * p - r[0]) ** 2 + (h[1] + E * M - r[1]) ** 2;
    $ <= o && (o = $, a = [l, d]);
  })), a;
}
var Ta = /* @__PURE__ */ we('<span class="sam-canvas-label svelte-49zqag"> </span>'), Sa = /* @__PURE__ */ we("<button> </button>"), za = /* @__PURE__ */ le('<rect fill="none"></rect>'), Ca = /* @__PURE__ */ le('<text class="label" stroke="black" paint-order="stroke"> </text>'), Na = /* @__PURE__ */ le('<circle fill="none" stroke="#ffd700"></circle>'), qa = /* @__PURE__ */ le('<circle class="point" stroke="white"></circle>'), Ia = /* @__PURE__ */ le('<circle fill="white" stroke="black" class="vertex"></circle>'), Ra = /* @__PURE__ */ le('<path fill="rgba(255,255,255,0.15)" fill-rule="evenodd" stroke="white" class="outline"></path><!>', 1), La = /* @__PURE__ */ le('<path fill="rgba(0,0,0,0.45)" fill-rule="evenodd" class="outside"></path><rect fill="none" stroke="#ffd700" class="region"></rect>', 1), Da = /* @__PURE__ */ le('<rect fill="rgba(255,215,0,0.1)" stroke="#ffd700"></rect>'), Oa = /* @__PURE__ */ le('<circle fill="none"></circle>'), Ha = /* @__PURE__ */ we('<div><img alt="" draggable="false" class="svelte-49zqag"/> <canvas></canvas> <canvas class="svelte-49zqag"></canvas> <svg class="svelte-49zqag"><!><!><!><!><!><!><!><!></svg></div>'), Pa = /* @__PURE__ */ we('<div class="empty svelte-49zqag"> </div>'), Fa = /* @__PURE__ */ we('<tr><td class="svelte-49zqag"><kbd class="svelte-49zqag"> </kbd></td><td class="svelte-49zqag"> </td></tr>'), Ba = /* @__PURE__ */ we('<div class="help svelte-49zqag" role="dialog" aria-label="Keyboard shortcuts"><strong>Keyboard shortcuts</strong> <button class="close svelte-49zqag">×</button> <table><tbody></tbody></table></div>'), Ka = /* @__PURE__ */ we('<div><!> <div class="toolbar svelte-49zqag" role="toolbar"><!> <span class="sep svelte-49zqag"></span> <button title="Smaller brush ([)" data-action="smaller" class="svelte-49zqag">−</button> <span class="radius svelte-49zqag" title="Brush radius in image pixels"> </span> <button title="Larger brush (])" data-action="larger" class="svelte-49zqag">+</button> <span class="sep svelte-49zqag"></span> <button title="Fit (0)" data-action="fit" class="svelte-49zqag">Fit</button> <button title="Actual size, 1:1 (O)" data-action="actual" class="svelte-49zqag">1:1</button> <span class="zoom svelte-49zqag" title="Zoom (wheel, + and −)"> </span> <button title="Show or hide the masks (M)" data-action="masks"> </button> <button title="Keyboard shortcuts (?)" data-action="help" class="svelte-49zqag">?</button></div> <div tabindex="0" role="application" aria-label="image canvas"><!> <!></div></div>');
function Ya(t, r) {
  jr(r, !0);
  const s = /* @__PURE__ */ _a(r, ["$$slots", "$$events", "$$legacy"]), a = new wa(s, { value: null, height: 500, shortcuts: [] }), o = G(() => [...a.props.shortcuts ?? [], ...Ma]);
  let n = N(
    null
    // a plain copy: reading 10^5 runs through a reactive proxy is slow
  ), l = 0;
  const c = /* @__PURE__ */ new Map();
  let d = !1;
  const h = G(() => e(n)?.width ?? 0), p = G(() => e(n)?.height ?? 0), M = G(() => e(n)?.mask_width || e(h)), k = G(() => e(n)?.mask_height || e(p)), E = G(() => e(n)?.image?.url ?? null);
  let $ = N(void 0), O = N(void 0), _ = N(void 0), y = N(0), K = N(0), m = N(1), C = N(0), q = N(0), j = N(
    ""
    // the picture the view was fitted to (the first fit waits for the layout)
  ), x = N("click"), U = N(null), L = N(10), B = N(!0), fe = N(!1), Z = N(
    null
    // image pixels (floats) while inside
  ), ce = null, ft = !1, de = null, ee = N(null), Q = N(
    null
    // a region being drawn
  ), D = N(
    null
    // the selected object's outline, as edited here
  ), ze = null;
  const ct = 8;
  let re = null, ue = null, Re = !1, xe = null, ae = null, We = N(0);
  const jt = 150;
  function Ge() {
    !e(h) || !e(p) || !e(y) || !e(K) || (g(m, Math.min(e(y) / e(h), e(K) / e(p)), !0), g(C, (e(y) - e(h) * e(m)) / 2), g(q, (e(K) - e(p) * e(m)) / 2));
  }
  function Ce(i, f = e(y) / 2, b = e(K) / 2) {
    const w = Math.min(64, Math.max(0.02, e(m) * i));
    g(C, f - (f - e(C)) * w / e(m)), g(q, b - (b - e(q)) * w / e(m)), g(m, w, !0);
  }
  function dt() {
    const i = e(y) / 2, f = e(K) / 2;
    Ce(1 / e(m), i, f);
  }
  ge(() => {
    const i = `${e(E)}|${e(h)}x${e(p)}`;
    e(h) && e(p) && e(y) && e(K) && i !== e(j) && (g(j, i), Ge());
  });
  function Le(i) {
    const f = e($).getBoundingClientRect();
    return [
      (i.clientX - f.left - e(C)) / e(m),
      (i.clientY - f.top - e(q)) / e(m)
    ];
  }
  function Ze(i) {
    return i[0] >= 0 && i[1] >= 0 && i[0] < e(h) && i[1] < e(p);
  }
  const ut = (i) => [
    Math.min(e(h) - 1, Math.max(0, Math.floor(i[0]))),
    Math.min(e(p) - 1, Math.max(0, Math.floor(i[1])))
  ];
  function Qt() {
    if (!e(O) || !e(M) || !e(k)) return;
    const i = e(O).getContext("2d");
    (!ae || ae.width !== e(M) || ae.height !== e(k)) && (ae = i.createImageData(e(M), e(k)));
    const f = new Uint32Array(ae.data.buffer);
    f.fill(0);
    for (const b of e(n)?.objects ?? []) {
      const [w, z, H] = b.color, R = b.selected ? 150 : 100;
      Pt(b.runs, f, (R << 24 | H << 16 | z << 8 | w) >>> 0);
    }
    i.putImageData(ae, 0, 0), g(
      We,
      // data-drawn: how many times the masks were drawn (the benchmark waits on it)
      e(We) + 1
    );
  }
  function er() {
    if (!e(_)) return;
    const i = e(_).getContext("2d");
    i.clearRect(0, 0, e(_).width, e(_).height);
    const f = e(n)?.preview;
    if (!f || !ue || !e(Z) || e(x) !== "click" || f.at[0] !== ue[0] || f.at[1] !== ue[1]) return;
    const b = i.createImageData(e(M), e(k));
    Pt(f.runs, new Uint32Array(b.data.buffer), 2365583560), i.putImageData(b, 0, 0), e($)?.setAttribute("data-preview", `${f.at[0]},${f.at[1]}`);
  }
  function Je() {
    e(_) && e(_).getContext("2d").clearRect(0, 0, e(M), e(k)), e($)?.removeAttribute("data-preview");
  }
  function tr(i) {
    Re = !1, !(i?.preview && c.get(`${i.preview.at}`) !== l) && (d = !1, g(n, Gt(i)), g(D, e(n)?.polygon ?? null));
  }
  ge(() => {
    const i = a.props.value;
    ke(() => tr(i));
  }), ge(() => {
    e(n), e(M), e(k), e(O), e(_), ke(() => {
      if (Qt(), er(), xe) {
        const i = xe;
        xe = null, ht(i);
      }
    });
  });
  function Me(i, f) {
    l += 1, c.clear(), d = !0, setTimeout(() => d = !1, 5e3), re && clearTimeout(re), ue = null, xe = null, Je(), a.dispatch(i, f);
  }
  function ht(i) {
    if (!d) {
      if (Re) {
        xe = i;
        return;
      }
      Re = !0, setTimeout(() => Re = !1, 3e3), c.set(`${i}`, l), a.dispatch("hover", { x: i[0], y: i[1] });
    }
  }
  function je() {
    re && clearTimeout(re), ue = null, Je(), !(e(x) !== "click" || !e(Z) || !Ze(e(Z)) || !e(n)?.image) && (re = setTimeout(
      () => {
        !e(Z) || !Ze(e(Z)) || (ue = ut(e(Z)), ht(ue));
      },
      jt
    ));
  }
  function pt(i, f, b) {
    if (!ae) return;
    const w = e(M) / e(h), z = e(k) / e(p), H = (e(n)?.objects ?? []).find((Ee) => Ee.selected), [R, Y, he] = H ? H.color : [255, 255, 255], pe = b ? 0 : (150 << 24 | he << 16 | Y << 8 | R) >>> 0, _e = Ea(new Uint32Array(ae.data.buffer), e(M), e(k), [i[0] * w, i[1] * z], [f[0] * w, f[1] * z], e(L) * w, pe);
    _e && e(O).getContext("2d").putImageData(ae, 0, 0, ..._e);
  }
  function rr(i) {
    if (!e(n)?.image) return;
    e($).focus({ preventScroll: !0 });
    const f = Le(i);
    if (i.button === 1 || i.button === 0 && (ft || e(x) === "pan")) {
      ce = {
        x: i.clientX,
        y: i.clientY,
        tx: e(C),
        ty: e(q)
      }, e($).setPointerCapture(i.pointerId), i.preventDefault();
      return;
    }
    if (i.button === 0) {
      if (re && clearTimeout(re), e(x) === "polygon") {
        if (!e(D)) return;
        const b = $a(e(D), f, ct / e(m));
        if (!b) return;
        if (i.altKey) {
          if (e(D)[b[0]].length <= 3) return;
          g(D, e(D).map((z, H) => H === b[0] ? z.filter((R, Y) => Y !== b[1]) : z)), Me("polygon", { rings: e(D) });
          return;
        }
        ze = b, e($).setPointerCapture(i.pointerId);
        return;
      }
      if (e(x) === "region") {
        g(Q, { from: f, to: f }, !0), e($).setPointerCapture(i.pointerId);
        return;
      }
      if (e(x) === "brush" || e(x) === "eraser") {
        g(ee, { points: [f], erase: e(x) === "eraser" }, !0), pt(f, f, e(ee).erase), e($).setPointerCapture(i.pointerId);
        return;
      }
      de = { x: i.clientX, y: i.clientY, moved: !1 };
    }
  }
  function ar(i) {
    const f = Le(i);
    if (g(Z, f, !0), ce) {
      g(C, ce.tx + i.clientX - ce.x), g(q, ce.ty + i.clientY - ce.y);
      return;
    }
    if (e(Q)) {
      g(Q, { from: e(Q).from, to: f }, !0);
      return;
    }
    if (ze && e(D)) {
      const [b, w] = ze;
      g(D, e(D).map((z, H) => H === b ? z.map((R, Y) => Y === w ? [f[0], f[1]] : R) : z));
      return;
    }
    if (e(ee)) {
      const b = e(ee).points[e(ee).points.length - 1];
      e(ee).points.push(f), pt(b, f, e(ee).erase);
      return;
    }
    de && Math.hypot(i.clientX - de.x, i.clientY - de.y) > 4 && (de.moved = !0), je();
  }
  function nr(i) {
    if (ce) {
      ce = null;
      return;
    }
    if (ze) {
      ze = null, Me("polygon", { rings: e(D) });
      return;
    }
    if (e(Q)) {
      const [f, b] = [e(Q).from, e(Q).to];
      g(Q, null);
      const w = [
        Math.floor(Math.min(f[0], b[0])),
        Math.floor(Math.min(f[1], b[1])),
        Math.ceil(Math.max(f[0], b[0])),
        Math.ceil(Math.max(f[1], b[1]))
      ], z = [
        Math.max(0, w[0]),
        Math.max(0, w[1]),
        Math.min(e(h), w[2]),
        Math.min(e(p), w[3])
      ], H = (w[2] - w[0]) * e(m) < 4 && (w[3] - w[1]) * e(m) < 4;
      Me("region", { box: H ? null : z }), g(
        x,
        "click"
        // what comes next is clicking inside it
      );
      return;
    }
    if (e(ee)) {
      const f = e(ee);
      g(ee, null), Me("stroke", {
        points: f.points,
        radius: e(L),
        erase: f.erase
      });
      return;
    }
    if (de && !de.moved && i.button === 0) {
      const f = Le(i);
      Ze(f) && Me("select", { index: ut(f), value: null, selected: !0 });
    }
    de = null;
  }
  function sr(i) {
    if (e(x) !== "polygon" || !e(D)) return;
    const f = Le(i), b = Aa(e(D), f, ct / e(m));
    b && (g(D, e(D).map((w, z) => z === b[0] ? [
      ...w.slice(0, b[1]),
      [f[0], f[1]],
      ...w.slice(b[1])
    ] : w)), Me("polygon", { rings: e(D) }));
  }
  function ir() {
    g(Z, null), re && clearTimeout(re), ue = null, xe = null, Je();
  }
  function or(i) {
    if (!e(n)?.image) return;
    i.preventDefault();
    const f = e($).getBoundingClientRect();
    Ce(Math.pow(1.0015, -i.deltaY), i.clientX - f.left, i.clientY - f.top);
  }
  function lr(i) {
    const f = i;
    return !!f && (f.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(f.tagName) && !["radio", "checkbox"].includes(f.type));
  }
  function De(i) {
    if (!e($) || e($).offsetParent === null || !e(n)?.image || i.ctrlKey || i.metaKey || i.altKey || lr(i.target)) return;
    if (i.key === " ") {
      ft = i.type === "keydown", e(Z) && i.preventDefault();
      return;
    }
    if (i.type !== "keydown") return;
    const b = {
      "+": () => Ce(1.25),
      "=": () => Ce(1.25),
      "-": () => Ce(0.8),
      0: Ge,
      o: dt,
      v: () => g(x, "click"),
      b: () => g(x, "brush"),
      e: () => g(x, "eraser"),
      h: () => g(x, "pan"),
      i: () => g(x, "region"),
      g: () => g(x, "polygon"),
      "[": () => g(L, Math.max(1, Math.round(e(L) / 1.25)), !0),
      "]": () => g(L, Math.min(500, Math.round(e(L) * 1.25) + (e(L) < 4 ? 1 : 0)), !0),
      m: () => g(B, !e(B)),
      "?": () => g(fe, !e(fe)),
      Escape: () => g(fe, !1)
    }[i.key];
    !b || i.key === "Escape" && !e(fe) || (b(), i.key !== "Escape" && i.preventDefault(), ["v", "b", "e", "h", "i", "g"].includes(i.key) && je());
  }
  let Qe;
  Jt(() => {
    Qe = new ResizeObserver(() => {
      g(y, e($).clientWidth, !0), g(K, e($).clientHeight, !0);
    }), Qe.observe(e($)), document.addEventListener("keydown", De), document.addEventListener("keyup", De);
  }), ra(() => {
    Qe?.disconnect(), document.removeEventListener("keydown", De), document.removeEventListener("keyup", De);
  });
  const _t = G(() => Math.max(3, 6 / e(m))), be = G(() => 2 / e(m));
  var Oe = Ka();
  let vt;
  var gt = P(Oe);
  {
    var fr = (i) => {
      var f = Ta(), b = P(f);
      X(() => se(b, a.shared.label)), F(i, f);
    };
    ie(gt, (i) => {
      a.shared.show_label && a.shared.label && i(fr);
    });
  }
  var bt = S(gt, 2), mt = P(bt);
  ye(mt, 17, () => xa, me, (i, f) => {
    var b = G(() => Nt(e(f), 3));
    let w = () => e(b)[0], z = () => e(b)[1], H = () => e(b)[2];
    var R = Sa();
    R.__click = () => {
      g(x, w(), !0), je();
    };
    let Y;
    var he = P(R);
    X(
      (pe) => {
        u(R, "title", `${H() ?? ""} (${pe ?? ""})`), u(R, "data-tool", w()), Y = Ae(R, 1, "svelte-49zqag", null, Y, { active: e(x) === w() }), se(he, H());
      },
      [() => z().toUpperCase()]
    ), F(i, R);
  });
  var yt = S(mt, 4);
  yt.__click = () => g(L, Math.max(1, Math.round(e(L) / 1.25)), !0);
  var kt = S(yt, 2), cr = P(kt), wt = S(kt, 2);
  wt.__click = () => g(L, Math.min(500, Math.round(e(L) * 1.25) + (e(L) < 4 ? 1 : 0)), !0);
  var xt = S(wt, 4);
  xt.__click = Ge;
  var Mt = S(xt, 2);
  Mt.__click = dt;
  var Et = S(Mt, 2), dr = P(Et), He = S(Et, 2);
  He.__click = () => g(B, !e(B));
  let $t;
  var ur = P(He), hr = S(He, 2);
  hr.__click = () => g(fe, !e(fe));
  var I = S(bt, 2);
  I.__pointerdown = rr, I.__pointermove = ar, I.__pointerup = nr, I.__dblclick = sr, I.__contextmenu = (i) => i.preventDefault();
  var At = P(I);
  {
    var pr = (i) => {
      var f = Ha();
      let b;
      var w = P(f), z = S(w, 2);
      let H;
      at(z, (A) => g(O, A), () => e(O));
      var R = S(z, 2);
      at(R, (A) => g(_, A), () => e(_));
      var Y = S(R, 2), he = P(Y);
      ye(he, 17, () => e(n)?.boxes ?? [], me, (A, v) => {
        var T = za();
        X(() => {
          u(T, "x", e(v)[0]), u(T, "y", e(v)[1]), u(T, "width", e(v)[2] - e(v)[0]), u(T, "height", e(v)[3] - e(v)[1]), u(T, "stroke", `rgb(${e(v)[4] ?? 30 ?? ""},${e(v)[5] ?? 144 ?? ""},${e(v)[6] ?? 255 ?? ""})`), u(T, "stroke-width", e(be));
        }), F(A, T);
      });
      var pe = S(he);
      ye(pe, 17, () => e(n)?.objects ?? [], me, (A, v) => {
        var T = qt(), W = Ue(T);
        {
          var V = (te) => {
            var J = Ca(), $e = P(J);
            X(() => {
              u(J, "x", e(v).at[0]), u(J, "y", e(v).at[1]), u(J, "dy", -4 / e(m)), u(J, "font-size", 13 / e(m)), u(J, "fill", `rgb(${e(v).color[0] ?? ""},${e(v).color[1] ?? ""},${e(v).color[2] ?? ""})`), u(J, "stroke-width", 3 / e(m)), se($e, e(v).label);
            }), F(te, J);
          };
          ie(W, (te) => {
            e(v).label && te(V);
          });
        }
        F(A, T);
      });
      var _e = S(pe);
      {
        var Ee = (A) => {
          var v = Na();
          X(() => {
            u(v, "cx", e(n).corner[0] + 0.5), u(v, "cy", e(n).corner[1] + 0.5), u(v, "r", e(_t)), u(v, "stroke-width", e(be));
          }), F(A, v);
        };
        ie(_e, (A) => {
          e(n)?.corner && A(Ee);
        });
      }
      var Pe = S(_e);
      ye(Pe, 17, () => e(n)?.points ?? [], me, (A, v) => {
        var T = qa();
        X(() => {
          u(T, "cx", e(v)[0] + 0.5), u(T, "cy", e(v)[1] + 0.5), u(T, "r", e(_t)), u(T, "fill", e(v)[2] === 1 ? "#00dc3c" : "#e61e1e"), u(T, "stroke-width", e(be) / 2);
        }), F(A, T);
      });
      var Fe = S(Pe);
      {
        var et = (A) => {
          var v = Ra(), T = Ue(v), W = S(T);
          ye(W, 17, () => e(D), me, (V, te, J) => {
            var $e = qt(), wr = Ue($e);
            ye(wr, 17, () => e(te), me, (xr, Ke, Mr) => {
              var ne = Ia();
              u(ne, "data-ring", J), u(ne, "data-index", Mr), X(() => {
                u(ne, "cx", e(Ke)[0] + 0.5), u(ne, "cy", e(Ke)[1] + 0.5), u(ne, "r", 4 / e(m)), u(ne, "stroke-width", 1 / e(m)), u(ne, "data-x", e(Ke)[0]), u(ne, "data-y", e(Ke)[1]);
              }), F(xr, ne);
            }), F(V, $e);
          }), X(
            (V) => {
              u(T, "d", V), u(T, "stroke-width", e(be));
            },
            [
              () => e(D).map((V) => "M" + V.map((te) => `${te[0] + 0.5} ${te[1] + 0.5}`).join("L") + "Z").join(" ")
            ]
          ), F(A, v);
        };
        ie(Fe, (A) => {
          e(x) === "polygon" && e(D) && A(et);
        });
      }
      var Be = S(Fe);
      {
        var br = (A) => {
          const v = G(() => e(n).region);
          var T = La(), W = Ue(T), V = S(W);
          X(() => {
            u(W, "d", `M0 0H${e(h) ?? ""}V${e(p) ?? ""}H0Z M${e(v)[0] ?? ""} ${e(v)[1] ?? ""}V${e(v)[3] ?? ""}H${e(v)[2] ?? ""}V${e(v)[1] ?? ""}Z`), u(V, "x", e(v)[0]), u(V, "y", e(v)[1]), u(V, "width", e(v)[2] - e(v)[0]), u(V, "height", e(v)[3] - e(v)[1]), u(V, "stroke-width", e(be)), u(V, "stroke-dasharray", `${6 / e(m)} ${4 / e(m)}`);
          }), F(A, T);
        };
        ie(Be, (A) => {
          e(n)?.region && A(br);
        });
      }
      var Tt = S(Be);
      {
        var mr = (A) => {
          const v = G(() => e(Q).from), T = G(() => e(Q).to);
          var W = Da();
          X(
            (V, te, J, $e) => {
              u(W, "x", V), u(W, "y", te), u(W, "width", J), u(W, "height", $e), u(W, "stroke-width", e(be));
            },
            [
              () => Math.min(e(v)[0], e(T)[0]),
              () => Math.min(e(v)[1], e(T)[1]),
              () => Math.abs(e(T)[0] - e(v)[0]),
              () => Math.abs(e(T)[1] - e(v)[1])
            ]
          ), F(A, W);
        };
        ie(Tt, (A) => {
          e(Q) && A(mr);
        });
      }
      var yr = S(Tt);
      {
        var kr = (A) => {
          var v = Oa();
          X(() => {
            u(v, "cx", e(Z)[0]), u(v, "cy", e(Z)[1]), u(v, "r", e(L)), u(v, "stroke", e(x) === "brush" ? "white" : "#ff5050"), u(v, "stroke-width", e(be)), u(v, "stroke-dasharray", `${4 / e(m)} ${3 / e(m)}`);
          }), F(A, v);
        };
        ie(yr, (A) => {
          e(Z) && (e(x) === "brush" || e(x) === "eraser") && A(kr);
        });
      }
      X(() => {
        b = Ae(f, 1, "stage svelte-49zqag", null, b, { pixelated: e(m) >= 2 }), Lt(f, `width: ${e(h) ?? ""}px; height: ${e(p) ?? ""}px; transform: translate(${e(C) ?? ""}px, ${e(q) ?? ""}px) scale(${e(m) ?? ""})`), u(w, "src", e(E)), u(w, "width", e(h)), u(w, "height", e(p)), u(z, "width", e(M)), u(z, "height", e(k)), H = Ae(z, 1, "svelte-49zqag", null, H, { hidden: !e(B) }), u(R, "width", e(M)), u(R, "height", e(k)), u(Y, "viewBox", `0 0 ${e(h) ?? ""} ${e(p) ?? ""}`), u(Y, "width", e(h)), u(Y, "height", e(p));
      }), rt("load", w, () => g(U, e(E), !0)), F(i, f);
    }, _r = (i) => {
      var f = Pa(), b = P(f);
      X(() => se(b, e(n)?.message || "Upload an image or pick an example.")), F(i, f);
    };
    ie(At, (i) => {
      e(E) ? i(pr) : i(_r, !1);
    });
  }
  var vr = S(At, 2);
  {
    var gr = (i) => {
      var f = Ba(), b = S(P(f), 2);
      b.__click = () => g(fe, !1);
      var w = S(b, 2), z = P(w);
      ye(z, 21, () => e(o), me, (H, R) => {
        var Y = G(() => Nt(e(R), 2));
        let he = () => e(Y)[0], pe = () => e(Y)[1];
        var _e = Fa(), Ee = P(_e), Pe = P(Ee), Fe = P(Pe), et = S(Ee), Be = P(et);
        X(() => {
          se(Fe, he()), se(Be, pe());
        }), F(H, _e);
      }), F(i, f);
    };
    ie(vr, (i) => {
      e(fe) && i(gr);
    });
  }
  at(I, (i) => g($, i), () => e($)), X(
    (i) => {
      vt = Ae(Oe, 1, "sam-canvas-block svelte-49zqag", null, vt, { hidden: a.shared.visible === !1 }), u(Oe, "id", a.shared.elem_id), se(cr, `r ${e(L) ?? ""}`), se(dr, `${i ?? ""} %`), $t = Ae(He, 1, "svelte-49zqag", null, $t, { active: !e(B) }), se(ur, e(B) ? "Hide masks" : "Show masks"), Ae(I, 1, `viewport tool-${e(x) ?? ""}`, "svelte-49zqag"), Lt(I, `height: ${a.props.height ?? ""}px`), u(I, "data-scale", e(m)), u(I, "data-tx", e(C)), u(I, "data-ty", e(q)), u(I, "data-width", e(h)), u(I, "data-height", e(p)), u(I, "data-tool", e(x)), u(I, "data-radius", e(L)), u(I, "data-masks", e(B) ? "shown" : "hidden"), u(I, "data-drawn", e(We)), u(I, "data-ready", e(E) && e(j) === `${e(E)}|${e(h)}x${e(p)}` && e(U) === e(E) ? "yes" : "no");
    },
    [() => Math.round(e(m) * 100)]
  ), rt("pointerleave", I, ir), rt("wheel", I, or), F(t, Oe), Jr();
}
Zr([
  "click",
  "pointerdown",
  "pointermove",
  "pointerup",
  "dblclick",
  "contextmenu"
]);
export {
  Ya as default
};
