const Dn = 1, Pn = 2, In = 4, Ln = 8, jn = 16, qn = 1, Bn = 2, y = /* @__PURE__ */ Symbol(), Vn = "http://www.w3.org/1999/xhtml", Re = !1;
var Mt = Array.isArray, Dt = Array.prototype.indexOf, le = Array.prototype.includes, Pt = Array.from, It = Object.defineProperty, he = Object.getOwnPropertyDescriptor, Hn = Object.getOwnPropertyDescriptors, Lt = Object.prototype, jt = Array.prototype, qt = Object.getPrototypeOf, Ke = Object.isExtensible;
const Un = () => {
};
function Bt(e) {
  for (var t = 0; t < e.length; t++)
    e[t]();
}
function Qe() {
  var e, t, n = new Promise((s, r) => {
    e = s, t = r;
  });
  return { promise: n, resolve: e, reject: t };
}
function Yn(e, t) {
  if (Array.isArray(e))
    return e;
  if (t === void 0 || !(Symbol.iterator in e))
    return Array.from(e);
  const n = [];
  for (const s of e)
    if (n.push(s), n.length === t) break;
  return n;
}
const E = 2, be = 4, Ae = 8, et = 1 << 24, B = 16, V = 32, re = 64, Ie = 128, S = 512, m = 1024, b = 2048, H = 4096, D = 8192, G = 16384, Le = 32768, ve = 65536, We = 1 << 17, tt = 1 << 18, oe = 1 << 19, Vt = 1 << 20, Gn = 1 << 25, te = 32768, Fe = 1 << 21, je = 1 << 22, K = 1 << 23, Ce = /* @__PURE__ */ Symbol("$state"), Kn = /* @__PURE__ */ Symbol(""), ie = new class extends Error {
  name = "StaleReactionError";
  message = "The reaction that called `getAbortSignal()` was re-run or destroyed";
}();
function Ht() {
  throw new Error("https://svelte.dev/e/async_derived_orphan");
}
function Ut(e) {
  throw new Error("https://svelte.dev/e/effect_in_teardown");
}
function Yt() {
  throw new Error("https://svelte.dev/e/effect_in_unowned_derived");
}
function Gt(e) {
  throw new Error("https://svelte.dev/e/effect_orphan");
}
function Kt() {
  throw new Error("https://svelte.dev/e/effect_update_depth_exceeded");
}
function Wt() {
  throw new Error("https://svelte.dev/e/state_descriptors_fixed");
}
function $t() {
  throw new Error("https://svelte.dev/e/state_prototype_fixed");
}
function zt() {
  throw new Error("https://svelte.dev/e/state_unsafe_mutation");
}
function Xt() {
  throw new Error("https://svelte.dev/e/svelte_boundary_reset_onerror");
}
function Zt() {
  console.warn("https://svelte.dev/e/svelte_boundary_reset_noop");
}
function nt(e) {
  return e === this.v;
}
function Jt(e, t) {
  return e != e ? t == t : e !== t || e !== null && typeof e == "object" || typeof e == "function";
}
function rt(e) {
  return !Jt(e, this.v);
}
let Qt = !1, C = null;
function ue(e) {
  C = e;
}
function en(e, t = !1, n) {
  C = {
    p: C,
    i: !1,
    c: null,
    e: null,
    s: e,
    x: null,
    l: null
  };
}
function tn(e) {
  var t = (
    /** @type {ComponentContext} */
    C
  ), n = t.e;
  if (n !== null) {
    t.e = null;
    for (var s of n)
      yt(s);
  }
  return t.i = !0, C = t.p, /** @type {T} */
  {};
}
function st() {
  return !0;
}
let fe = [];
function nn() {
  var e = fe;
  fe = [], Bt(e);
}
function Q(e) {
  if (fe.length === 0) {
    var t = fe;
    queueMicrotask(() => {
      t === fe && nn();
    });
  }
  fe.push(e);
}
function it(e) {
  var t = v;
  if (t === null)
    return d.f |= K, e;
  if ((t.f & Le) === 0) {
    if ((t.f & Ie) === 0)
      throw e;
    t.b.error(e);
  } else
    ae(e, t);
}
function ae(e, t) {
  for (; t !== null; ) {
    if ((t.f & Ie) !== 0)
      try {
        t.b.error(e);
        return;
      } catch (n) {
        e = n;
      }
    t = t.parent;
  }
  throw e;
}
const rn = -7169;
function w(e, t) {
  e.f = e.f & rn | t;
}
function qe(e) {
  (e.f & S) !== 0 || e.deps === null ? w(e, m) : w(e, H);
}
function ft(e) {
  if (e !== null)
    for (const t of e)
      (t.f & E) === 0 || (t.f & te) === 0 || (t.f ^= te, ft(
        /** @type {Derived} */
        t.deps
      ));
}
function lt(e, t, n) {
  (e.f & b) !== 0 ? t.add(e) : (e.f & H) !== 0 && n.add(e), ft(e.deps), w(e, m);
}
const ye = /* @__PURE__ */ new Set();
let g = null, N = null, F = [], Be = null, Ne = !1;
class W {
  committed = !1;
  /**
   * The current values of any sources that are updated in this batch
   * They keys of this map are identical to `this.#previous`
   * @type {Map<Source, any>}
   */
  current = /* @__PURE__ */ new Map();
  /**
   * The values of any sources that are updated in this batch _before_ those updates took place.
   * They keys of this map are identical to `this.#current`
   * @type {Map<Source, any>}
   */
  previous = /* @__PURE__ */ new Map();
  /**
   * When the batch is committed (and the DOM is updated), we need to remove old branches
   * and append new ones by calling the functions added inside (if/each/key/etc) blocks
   * @type {Set<() => void>}
   */
  #t = /* @__PURE__ */ new Set();
  /**
   * If a fork is discarded, we need to destroy any effects that are no longer needed
   * @type {Set<(batch: Batch) => void>}
   */
  #_ = /* @__PURE__ */ new Set();
  /**
   * The number of async effects that are currently in flight
   */
  #n = 0;
  /**
   * The number of async effects that are currently in flight, _not_ inside a pending boundary
   */
  #l = 0;
  /**
   * A deferred that resolves when the batch is committed, used with `settled()`
   * TODO replace with Promise.withResolvers once supported widely enough
   * @type {{ promise: Promise<void>, resolve: (value?: any) => void, reject: (reason: unknown) => void } | null}
   */
  #i = null;
  /**
   * Deferred effects (which run after async work has completed) that are DIRTY
   * @type {Set<Effect>}
   */
  #r = /* @__PURE__ */ new Set();
  /**
   * Deferred effects that are MAYBE_DIRTY
   * @type {Set<Effect>}
   */
  #e = /* @__PURE__ */ new Set();
  /**
   * A set of branches that still exist, but will be destroyed when this batch
   * is committed — we skip over these during `process`
   * @type {Set<Effect>}
   */
  skipped_effects = /* @__PURE__ */ new Set();
  is_fork = !1;
  #s = !1;
  is_deferred() {
    return this.is_fork || this.#l > 0;
  }
  /**
   *
   * @param {Effect[]} root_effects
   */
  process(t) {
    F = [], this.apply();
    var n = [], s = [];
    for (const r of t)
      this.#f(r, n, s);
    if (this.is_deferred())
      this.#u(s), this.#u(n);
    else {
      for (const r of this.#t) r();
      this.#t.clear(), this.#n === 0 && this.#a(), g = null, $e(s), $e(n), this.#i?.resolve();
    }
    N = null;
  }
  /**
   * Traverse the effect tree, executing effects or stashing
   * them for later execution as appropriate
   * @param {Effect} root
   * @param {Effect[]} effects
   * @param {Effect[]} render_effects
   */
  #f(t, n, s) {
    t.f ^= m;
    for (var r = t.first, i = null; r !== null; ) {
      var u = r.f, l = (u & (V | re)) !== 0, f = l && (u & m) !== 0, a = f || (u & D) !== 0 || this.skipped_effects.has(r);
      if (!a && r.fn !== null) {
        l ? r.f ^= m : i !== null && (u & (be | Ae | et)) !== 0 ? i.b.defer_effect(r) : (u & be) !== 0 ? n.push(r) : we(r) && ((u & B) !== 0 && this.#e.add(r), pe(r));
        var c = r.first;
        if (c !== null) {
          r = c;
          continue;
        }
      }
      var h = r.parent;
      for (r = r.next; r === null && h !== null; )
        h === i && (i = null), r = h.next, h = h.parent;
    }
  }
  /**
   * @param {Effect[]} effects
   */
  #u(t) {
    for (var n = 0; n < t.length; n += 1)
      lt(t[n], this.#r, this.#e);
  }
  /**
   * Associate a change to a given source with the current
   * batch, noting its previous and current values
   * @param {Source} source
   * @param {any} value
   */
  capture(t, n) {
    n !== y && !this.previous.has(t) && this.previous.set(t, n), (t.f & K) === 0 && (this.current.set(t, t.v), N?.set(t, t.v));
  }
  activate() {
    g = this, this.apply();
  }
  deactivate() {
    g === this && (g = null, N = null);
  }
  flush() {
    if (this.activate(), F.length > 0) {
      if (sn(), g !== null && g !== this)
        return;
    } else this.#n === 0 && this.process([]);
    this.deactivate();
  }
  discard() {
    for (const t of this.#_) t(this);
    this.#_.clear();
  }
  #a() {
    if (ye.size > 1) {
      this.previous.clear();
      var t = N, n = !0;
      for (const r of ye) {
        if (r === this) {
          n = !1;
          continue;
        }
        const i = [];
        for (const [l, f] of this.current) {
          if (r.current.has(l))
            if (n && f !== r.current.get(l))
              r.current.set(l, f);
            else
              continue;
          i.push(l);
        }
        if (i.length === 0)
          continue;
        const u = [...r.current.keys()].filter((l) => !this.current.has(l));
        if (u.length > 0) {
          var s = F;
          F = [];
          const l = /* @__PURE__ */ new Set(), f = /* @__PURE__ */ new Map();
          for (const a of i)
            ut(a, u, l, f);
          if (F.length > 0) {
            g = r, r.apply();
            for (const a of F)
              r.#f(a, [], []);
            r.deactivate();
          }
          F = s;
        }
      }
      g = null, N = t;
    }
    this.committed = !0, ye.delete(this);
  }
  /**
   *
   * @param {boolean} blocking
   */
  increment(t) {
    this.#n += 1, t && (this.#l += 1);
  }
  /**
   *
   * @param {boolean} blocking
   */
  decrement(t) {
    this.#n -= 1, t && (this.#l -= 1), !this.#s && (this.#s = !0, Q(() => {
      this.#s = !1, this.is_deferred() ? F.length > 0 && this.flush() : this.revive();
    }));
  }
  revive() {
    for (const t of this.#r)
      this.#e.delete(t), w(t, b), q(t);
    for (const t of this.#e)
      w(t, H), q(t);
    this.flush();
  }
  /** @param {() => void} fn */
  oncommit(t) {
    this.#t.add(t);
  }
  /** @param {(batch: Batch) => void} fn */
  ondiscard(t) {
    this.#_.add(t);
  }
  settled() {
    return (this.#i ??= Qe()).promise;
  }
  static ensure() {
    if (g === null) {
      const t = g = new W();
      ye.add(g), Q(() => {
        g === t && t.flush();
      });
    }
    return g;
  }
  apply() {
  }
}
function sn() {
  Ne = !0;
  var e = null;
  try {
    for (var t = 0; F.length > 0; ) {
      var n = W.ensure();
      if (t++ > 1e3) {
        var s, r;
        fn();
      }
      n.process(F), $.clear();
    }
  } finally {
    Ne = !1, Be = null;
  }
}
function fn() {
  try {
    Kt();
  } catch (e) {
    ae(e, Be);
  }
}
let j = null;
function $e(e) {
  var t = e.length;
  if (t !== 0) {
    for (var n = 0; n < t; ) {
      var s = e[n++];
      if ((s.f & (G | D)) === 0 && we(s) && (j = /* @__PURE__ */ new Set(), pe(s), s.deps === null && s.first === null && s.nodes === null && (s.teardown === null && s.ac === null ? bt(s) : s.fn = null), j?.size > 0)) {
        $.clear();
        for (const r of j) {
          if ((r.f & (G | D)) !== 0) continue;
          const i = [r];
          let u = r.parent;
          for (; u !== null; )
            j.has(u) && (j.delete(u), i.push(u)), u = u.parent;
          for (let l = i.length - 1; l >= 0; l--) {
            const f = i[l];
            (f.f & (G | D)) === 0 && pe(f);
          }
        }
        j.clear();
      }
    }
    j = null;
  }
}
function ut(e, t, n, s) {
  if (!n.has(e) && (n.add(e), e.reactions !== null))
    for (const r of e.reactions) {
      const i = r.f;
      (i & E) !== 0 ? ut(
        /** @type {Derived} */
        r,
        t,
        n,
        s
      ) : (i & (je | B)) !== 0 && (i & b) === 0 && at(r, t, s) && (w(r, b), q(
        /** @type {Effect} */
        r
      ));
    }
}
function at(e, t, n) {
  const s = n.get(e);
  if (s !== void 0) return s;
  if (e.deps !== null)
    for (const r of e.deps) {
      if (le.call(t, r))
        return !0;
      if ((r.f & E) !== 0 && at(
        /** @type {Derived} */
        r,
        t,
        n
      ))
        return n.set(
          /** @type {Derived} */
          r,
          !0
        ), !0;
    }
  return n.set(e, !1), !1;
}
function q(e) {
  for (var t = Be = e; t.parent !== null; ) {
    t = t.parent;
    var n = t.f;
    if (Ne && t === v && (n & B) !== 0 && (n & tt) === 0)
      return;
    if ((n & (re | V)) !== 0) {
      if ((n & m) === 0) return;
      t.f ^= m;
    }
  }
  F.push(t);
}
function ln(e) {
  let t = 0, n = ge(0), s;
  return () => {
    Ye() && (J(n), bn(() => (t === 0 && (s = Rn(() => e(() => de(n)))), t += 1, () => {
      Q(() => {
        t -= 1, t === 0 && (s?.(), s = void 0, de(n));
      });
    })));
  };
}
var un = ve | oe | Ie;
function an(e, t, n) {
  new on(e, t, n);
}
class on {
  /** @type {Boundary | null} */
  parent;
  is_pending = !1;
  /** @type {TemplateNode} */
  #t;
  /** @type {TemplateNode | null} */
  #_ = null;
  /** @type {BoundaryProps} */
  #n;
  /** @type {((anchor: Node) => void)} */
  #l;
  /** @type {Effect} */
  #i;
  /** @type {Effect | null} */
  #r = null;
  /** @type {Effect | null} */
  #e = null;
  /** @type {Effect | null} */
  #s = null;
  /** @type {DocumentFragment | null} */
  #f = null;
  /** @type {TemplateNode | null} */
  #u = null;
  #a = 0;
  #c = 0;
  #d = !1;
  #h = !1;
  /** @type {Set<Effect>} */
  #v = /* @__PURE__ */ new Set();
  /** @type {Set<Effect>} */
  #p = /* @__PURE__ */ new Set();
  /**
   * A source containing the number of pending async deriveds/expressions.
   * Only created if `$effect.pending()` is used inside the boundary,
   * otherwise updating the source results in needless `Batch.ensure()`
   * calls followed by no-op flushes
   * @type {Source<number> | null}
   */
  #o = null;
  #m = ln(() => (this.#o = ge(this.#a), () => {
    this.#o = null;
  }));
  /**
   * @param {TemplateNode} node
   * @param {BoundaryProps} props
   * @param {((anchor: Node) => void)} children
   */
  constructor(t, n, s) {
    this.#t = t, this.#n = n, this.#l = s, this.parent = /** @type {Effect} */
    v.b, this.is_pending = !!this.#n.pending, this.#i = xn(() => {
      v.b = this;
      {
        var r = this.#y();
        try {
          this.#r = z(() => s(r));
        } catch (i) {
          this.error(i);
        }
        this.#c > 0 ? this.#w() : this.is_pending = !1;
      }
      return () => {
        this.#u?.remove();
      };
    }, un);
  }
  #b() {
    try {
      this.#r = z(() => this.#l(this.#t));
    } catch (t) {
      this.error(t);
    }
  }
  #x() {
    const t = this.#n.pending;
    t && (this.#e = z(() => t(this.#t)), Q(() => {
      var n = this.#y();
      this.#r = this.#g(() => (W.ensure(), z(() => this.#l(n)))), this.#c > 0 ? this.#w() : (Ee(
        /** @type {Effect} */
        this.#e,
        () => {
          this.#e = null;
        }
      ), this.is_pending = !1);
    }));
  }
  #y() {
    var t = this.#t;
    return this.is_pending && (this.#u = pt(), this.#t.before(this.#u), t = this.#u), t;
  }
  /**
   * Defer an effect inside a pending boundary until the boundary resolves
   * @param {Effect} effect
   */
  defer_effect(t) {
    lt(t, this.#v, this.#p);
  }
  /**
   * Returns `false` if the effect exists inside a boundary whose pending snippet is shown
   * @returns {boolean}
   */
  is_rendered() {
    return !this.is_pending && (!this.parent || this.parent.is_rendered());
  }
  has_pending_snippet() {
    return !!this.#n.pending;
  }
  /**
   * @param {() => Effect | null} fn
   */
  #g(t) {
    var n = v, s = d, r = C;
    I(this.#i), R(this.#i), ue(this.#i.ctx);
    try {
      return t();
    } catch (i) {
      return it(i), null;
    } finally {
      I(n), R(s), ue(r);
    }
  }
  #w() {
    const t = (
      /** @type {(anchor: Node) => void} */
      this.#n.pending
    );
    this.#r !== null && (this.#f = document.createDocumentFragment(), this.#f.append(
      /** @type {TemplateNode} */
      this.#u
    ), Sn(this.#r, this.#f)), this.#e === null && (this.#e = z(() => t(this.#t)));
  }
  /**
   * Updates the pending count associated with the currently visible pending snippet,
   * if any, such that we can replace the snippet with content once work is done
   * @param {1 | -1} d
   */
  #E(t) {
    if (!this.has_pending_snippet()) {
      this.parent && this.parent.#E(t);
      return;
    }
    if (this.#c += t, this.#c === 0) {
      this.is_pending = !1;
      for (const n of this.#v)
        w(n, b), q(n);
      for (const n of this.#p)
        w(n, H), q(n);
      this.#v.clear(), this.#p.clear(), this.#e && Ee(this.#e, () => {
        this.#e = null;
      }), this.#f && (this.#t.before(this.#f), this.#f = null);
    }
  }
  /**
   * Update the source that powers `$effect.pending()` inside this boundary,
   * and controls when the current `pending` snippet (if any) is removed.
   * Do not call from inside the class
   * @param {1 | -1} d
   */
  update_pending_count(t) {
    this.#E(t), this.#a += t, !(!this.#o || this.#d) && (this.#d = !0, Q(() => {
      this.#d = !1, this.#o && xe(this.#o, this.#a);
    }));
  }
  get_effect_pending() {
    return this.#m(), J(
      /** @type {Source<number>} */
      this.#o
    );
  }
  /** @param {unknown} error */
  error(t) {
    var n = this.#n.onerror;
    let s = this.#n.failed;
    if (this.#h || !n && !s)
      throw t;
    this.#r && (P(this.#r), this.#r = null), this.#e && (P(this.#e), this.#e = null), this.#s && (P(this.#s), this.#s = null);
    var r = !1, i = !1;
    const u = () => {
      if (r) {
        Zt();
        return;
      }
      r = !0, i && Xt(), W.ensure(), this.#a = 0, this.#s !== null && Ee(this.#s, () => {
        this.#s = null;
      }), this.is_pending = this.has_pending_snippet(), this.#r = this.#g(() => (this.#h = !1, z(() => this.#l(this.#t)))), this.#c > 0 ? this.#w() : this.is_pending = !1;
    };
    Q(() => {
      try {
        i = !0, n?.(t, u), i = !1;
      } catch (l) {
        ae(l, this.#i && this.#i.parent);
      }
      s && (this.#s = this.#g(() => {
        W.ensure(), this.#h = !0;
        try {
          return z(() => {
            s(
              this.#t,
              () => t,
              () => u
            );
          });
        } catch (l) {
          return ae(
            l,
            /** @type {Effect} */
            this.#i.parent
          ), null;
        } finally {
          this.#h = !1;
        }
      }));
    });
  }
}
function cn(e, t, n, s) {
  const r = Ve;
  var i = e.filter((o) => !o.settled);
  if (n.length === 0 && i.length === 0) {
    s(t.map(r));
    return;
  }
  var u = g, l = (
    /** @type {Effect} */
    v
  ), f = _n(), a = i.length === 1 ? i[0].promise : i.length > 1 ? Promise.all(i.map((o) => o.promise)) : null;
  function c(o) {
    f();
    try {
      s(o);
    } catch (_) {
      (l.f & G) === 0 && ae(_, l);
    }
    u?.deactivate(), Oe();
  }
  if (n.length === 0) {
    a.then(() => c(t.map(r)));
    return;
  }
  function h() {
    f(), Promise.all(n.map((o) => /* @__PURE__ */ hn(o))).then((o) => c([...t.map(r), ...o])).catch((o) => ae(o, l));
  }
  a ? a.then(h) : h();
}
function _n() {
  var e = v, t = d, n = C, s = g;
  return function(i = !0) {
    I(e), R(t), ue(n), i && s?.activate();
  };
}
function Oe() {
  I(null), R(null), ue(null);
}
// @__NO_SIDE_EFFECTS__
function Ve(e) {
  var t = E | b, n = d !== null && (d.f & E) !== 0 ? (
    /** @type {Derived} */
    d
  ) : null;
  return v !== null && (v.f |= oe), {
    ctx: C,
    deps: null,
    effects: null,
    equals: nt,
    f: t,
    fn: e,
    reactions: null,
    rv: 0,
    v: (
      /** @type {V} */
      y
    ),
    wv: 0,
    parent: n ?? v,
    ac: null
  };
}
// @__NO_SIDE_EFFECTS__
function hn(e, t, n) {
  let s = (
    /** @type {Effect | null} */
    v
  );
  s === null && Ht();
  var r = (
    /** @type {Boundary} */
    s.b
  ), i = (
    /** @type {Promise<V>} */
    /** @type {unknown} */
    void 0
  ), u = ge(
    /** @type {V} */
    y
  ), l = !d, f = /* @__PURE__ */ new Map();
  return mn(() => {
    var a = Qe();
    i = a.promise;
    try {
      Promise.resolve(e()).then(a.resolve, a.reject).then(() => {
        c === g && c.committed && c.deactivate(), Oe();
      });
    } catch (_) {
      a.reject(_), Oe();
    }
    var c = (
      /** @type {Batch} */
      g
    );
    if (l) {
      var h = r.is_rendered();
      r.update_pending_count(1), c.increment(h), f.get(c)?.reject(ie), f.delete(c), f.set(c, a);
    }
    const o = (_, p = void 0) => {
      if (c.activate(), p)
        p !== ie && (u.f |= K, xe(u, p));
      else {
        (u.f & K) !== 0 && (u.f ^= K), xe(u, _);
        for (const [M, L] of f) {
          if (f.delete(M), M === c) break;
          L.reject(ie);
        }
      }
      l && (r.update_pending_count(-1), c.decrement(h));
    };
    a.promise.then(o, (_) => o(null, _ || "unknown"));
  }), wt(() => {
    for (const a of f.values())
      a.reject(ie);
  }), new Promise((a) => {
    function c(h) {
      function o() {
        h === i ? a(u) : c(i);
      }
      h.then(o, o);
    }
    c(i);
  });
}
// @__NO_SIDE_EFFECTS__
function $n(e) {
  const t = /* @__PURE__ */ Ve(e);
  return At(t), t;
}
// @__NO_SIDE_EFFECTS__
function zn(e) {
  const t = /* @__PURE__ */ Ve(e);
  return t.equals = rt, t;
}
function ot(e) {
  var t = e.effects;
  if (t !== null) {
    e.effects = null;
    for (var n = 0; n < t.length; n += 1)
      P(
        /** @type {Effect} */
        t[n]
      );
  }
}
function dn(e) {
  for (var t = e.parent; t !== null; ) {
    if ((t.f & E) === 0)
      return (t.f & G) === 0 ? (
        /** @type {Effect} */
        t
      ) : null;
    t = t.parent;
  }
  return null;
}
function He(e) {
  var t, n = v;
  I(dn(e));
  try {
    e.f &= ~te, ot(e), t = Rt(e);
  } finally {
    I(n);
  }
  return t;
}
function ct(e) {
  var t = He(e);
  if (!e.equals(t) && (e.wv = kt(), (!g?.is_fork || e.deps === null) && (e.v = t, e.deps === null))) {
    w(e, m);
    return;
  }
  ne || (N !== null ? (Ye() || g?.is_fork) && N.set(e, t) : qe(e));
}
let Me = /* @__PURE__ */ new Set();
const $ = /* @__PURE__ */ new Map();
let _t = !1;
function ge(e, t) {
  var n = {
    f: 0,
    // TODO ideally we could skip this altogether, but it causes type errors
    v: e,
    reactions: null,
    equals: nt,
    rv: 0,
    wv: 0
  };
  return n;
}
// @__NO_SIDE_EFFECTS__
function Y(e, t) {
  const n = ge(e);
  return At(n), n;
}
// @__NO_SIDE_EFFECTS__
function Xn(e, t = !1, n = !0) {
  const s = ge(e);
  return t || (s.equals = rt), s;
}
function X(e, t, n = !1) {
  d !== null && // since we are untracking the function inside `$inspect.with` we need to add this check
  // to ensure we error if state is set inside an inspect effect
  (!O || (d.f & We) !== 0) && st() && (d.f & (E | B | je | We)) !== 0 && (k === null || !le.call(k, e)) && zt();
  let s = n ? ce(t) : t;
  return xe(e, s);
}
function xe(e, t) {
  if (!e.equals(t)) {
    var n = e.v;
    ne ? $.set(e, t) : $.set(e, n), e.v = t;
    var s = W.ensure();
    if (s.capture(e, n), (e.f & E) !== 0) {
      const r = (
        /** @type {Derived} */
        e
      );
      (e.f & b) !== 0 && He(r), qe(r);
    }
    e.wv = kt(), ht(e, b), v !== null && (v.f & m) !== 0 && (v.f & (V | re)) === 0 && (A === null ? kn([e]) : A.push(e)), !s.is_fork && Me.size > 0 && !_t && vn();
  }
  return t;
}
function vn() {
  _t = !1;
  for (const e of Me)
    (e.f & m) !== 0 && w(e, H), we(e) && pe(e);
  Me.clear();
}
function de(e) {
  X(e, e.v + 1);
}
function ht(e, t) {
  var n = e.reactions;
  if (n !== null)
    for (var s = n.length, r = 0; r < s; r++) {
      var i = n[r], u = i.f, l = (u & b) === 0;
      if (l && w(i, t), (u & E) !== 0) {
        var f = (
          /** @type {Derived} */
          i
        );
        N?.delete(f), (u & te) === 0 && (u & S && (i.f |= te), ht(f, H));
      } else l && ((u & B) !== 0 && j !== null && j.add(
        /** @type {Effect} */
        i
      ), q(
        /** @type {Effect} */
        i
      ));
    }
}
function ce(e) {
  if (typeof e != "object" || e === null || Ce in e)
    return e;
  const t = qt(e);
  if (t !== Lt && t !== jt)
    return e;
  var n = /* @__PURE__ */ new Map(), s = Mt(e), r = /* @__PURE__ */ Y(0), i = ee, u = (l) => {
    if (ee === i)
      return l();
    var f = d, a = ee;
    R(null), Ze(i);
    var c = l();
    return R(f), Ze(a), c;
  };
  return s && n.set("length", /* @__PURE__ */ Y(
    /** @type {any[]} */
    e.length
  )), new Proxy(
    /** @type {any} */
    e,
    {
      defineProperty(l, f, a) {
        (!("value" in a) || a.configurable === !1 || a.enumerable === !1 || a.writable === !1) && Wt();
        var c = n.get(f);
        return c === void 0 ? c = u(() => {
          var h = /* @__PURE__ */ Y(a.value);
          return n.set(f, h), h;
        }) : X(c, a.value, !0), !0;
      },
      deleteProperty(l, f) {
        var a = n.get(f);
        if (a === void 0) {
          if (f in l) {
            const c = u(() => /* @__PURE__ */ Y(y));
            n.set(f, c), de(r);
          }
        } else
          X(a, y), de(r);
        return !0;
      },
      get(l, f, a) {
        if (f === Ce)
          return e;
        var c = n.get(f), h = f in l;
        if (c === void 0 && (!h || he(l, f)?.writable) && (c = u(() => {
          var _ = ce(h ? l[f] : y), p = /* @__PURE__ */ Y(_);
          return p;
        }), n.set(f, c)), c !== void 0) {
          var o = J(c);
          return o === y ? void 0 : o;
        }
        return Reflect.get(l, f, a);
      },
      getOwnPropertyDescriptor(l, f) {
        var a = Reflect.getOwnPropertyDescriptor(l, f);
        if (a && "value" in a) {
          var c = n.get(f);
          c && (a.value = J(c));
        } else if (a === void 0) {
          var h = n.get(f), o = h?.v;
          if (h !== void 0 && o !== y)
            return {
              enumerable: !0,
              configurable: !0,
              value: o,
              writable: !0
            };
        }
        return a;
      },
      has(l, f) {
        if (f === Ce)
          return !0;
        var a = n.get(f), c = a !== void 0 && a.v !== y || Reflect.has(l, f);
        if (a !== void 0 || v !== null && (!c || he(l, f)?.writable)) {
          a === void 0 && (a = u(() => {
            var o = c ? ce(l[f]) : y, _ = /* @__PURE__ */ Y(o);
            return _;
          }), n.set(f, a));
          var h = J(a);
          if (h === y)
            return !1;
        }
        return c;
      },
      set(l, f, a, c) {
        var h = n.get(f), o = f in l;
        if (s && f === "length")
          for (var _ = a; _ < /** @type {Source<number>} */
          h.v; _ += 1) {
            var p = n.get(_ + "");
            p !== void 0 ? X(p, y) : _ in l && (p = u(() => /* @__PURE__ */ Y(y)), n.set(_ + "", p));
          }
        if (h === void 0)
          (!o || he(l, f)?.writable) && (h = u(() => /* @__PURE__ */ Y(void 0)), X(h, ce(a)), n.set(f, h));
        else {
          o = h.v !== y;
          var M = u(() => ce(a));
          X(h, M);
        }
        var L = Reflect.getOwnPropertyDescriptor(l, f);
        if (L?.set && L.set.call(c, a), !o) {
          if (s && typeof f == "string") {
            var Ge = (
              /** @type {Source<number>} */
              n.get("length")
            ), ke = Number(f);
            Number.isInteger(ke) && ke >= Ge.v && X(Ge, ke + 1);
          }
          de(r);
        }
        return !0;
      },
      ownKeys(l) {
        J(r);
        var f = Reflect.ownKeys(l).filter((h) => {
          var o = n.get(h);
          return o === void 0 || o.v !== y;
        });
        for (var [a, c] of n)
          c.v !== y && !(a in l) && f.push(a);
        return f;
      },
      setPrototypeOf() {
        $t();
      }
    }
  );
}
var ze, pn, dt, vt;
function gn() {
  if (ze === void 0) {
    ze = window, pn = /Firefox/.test(navigator.userAgent);
    var e = Element.prototype, t = Node.prototype, n = Text.prototype;
    dt = he(t, "firstChild").get, vt = he(t, "nextSibling").get, Ke(e) && (e.__click = void 0, e.__className = void 0, e.__attributes = null, e.__style = void 0, e.__e = void 0), Ke(n) && (n.__t = void 0);
  }
}
function pt(e = "") {
  return document.createTextNode(e);
}
// @__NO_SIDE_EFFECTS__
function gt(e) {
  return (
    /** @type {TemplateNode | null} */
    dt.call(e)
  );
}
// @__NO_SIDE_EFFECTS__
function Se(e) {
  return (
    /** @type {TemplateNode | null} */
    vt.call(e)
  );
}
function Zn(e, t) {
  return /* @__PURE__ */ gt(e);
}
function Jn(e, t = !1) {
  {
    var n = /* @__PURE__ */ gt(e);
    return n instanceof Comment && n.data === "" ? /* @__PURE__ */ Se(n) : n;
  }
}
function Qn(e, t = 1, n = !1) {
  let s = e;
  for (; t--; )
    s = /** @type {TemplateNode} */
    /* @__PURE__ */ Se(s);
  return s;
}
function er(e) {
  e.textContent = "";
}
function tr() {
  return !1;
}
function Ue(e) {
  var t = d, n = v;
  R(null), I(null);
  try {
    return e();
  } finally {
    R(t), I(n);
  }
}
function wn(e) {
  v === null && (d === null && Gt(), Yt()), ne && Ut();
}
function yn(e, t) {
  var n = t.last;
  n === null ? t.last = t.first = e : (n.next = e, e.prev = n, t.last = e);
}
function U(e, t, n) {
  var s = v;
  s !== null && (s.f & D) !== 0 && (e |= D);
  var r = {
    ctx: C,
    deps: null,
    nodes: null,
    f: e | b | S,
    first: null,
    fn: t,
    last: null,
    next: null,
    parent: s,
    b: s && s.b,
    prev: null,
    teardown: null,
    wv: 0,
    ac: null
  };
  if (n)
    try {
      pe(r), r.f |= Le;
    } catch (l) {
      throw P(r), l;
    }
  else t !== null && q(r);
  var i = r;
  if (n && i.deps === null && i.teardown === null && i.nodes === null && i.first === i.last && // either `null`, or a singular child
  (i.f & oe) === 0 && (i = i.first, (e & B) !== 0 && (e & ve) !== 0 && i !== null && (i.f |= ve)), i !== null && (i.parent = s, s !== null && yn(i, s), d !== null && (d.f & E) !== 0 && (e & re) === 0)) {
    var u = (
      /** @type {Derived} */
      d
    );
    (u.effects ??= []).push(i);
  }
  return r;
}
function Ye() {
  return d !== null && !O;
}
function wt(e) {
  const t = U(Ae, null, !1);
  return w(t, m), t.teardown = e, t;
}
function nr(e) {
  wn();
  var t = (
    /** @type {Effect} */
    v.f
  ), n = !d && (t & V) !== 0 && (t & Le) === 0;
  if (n) {
    var s = (
      /** @type {ComponentContext} */
      C
    );
    (s.e ??= []).push(e);
  } else
    return yt(e);
}
function yt(e) {
  return U(be | Vt, e, !1);
}
function En(e) {
  W.ensure();
  const t = U(re | oe, e, !0);
  return (n = {}) => new Promise((s) => {
    n.outro ? Ee(t, () => {
      P(t), s(void 0);
    }) : (P(t), s(void 0));
  });
}
function rr(e) {
  return U(be, e, !1);
}
function mn(e) {
  return U(je | oe, e, !0);
}
function bn(e, t = 0) {
  return U(Ae | t, e, !0);
}
function sr(e, t = [], n = [], s = []) {
  cn(s, t, n, (r) => {
    U(Ae, () => e(...r.map(J)), !0);
  });
}
function xn(e, t = 0) {
  var n = U(B | t, e, !0);
  return n;
}
function z(e) {
  return U(V | oe, e, !0);
}
function Et(e) {
  var t = e.teardown;
  if (t !== null) {
    const n = ne, s = d;
    Xe(!0), R(null);
    try {
      t.call(null);
    } finally {
      Xe(n), R(s);
    }
  }
}
function mt(e, t = !1) {
  var n = e.first;
  for (e.first = e.last = null; n !== null; ) {
    const r = n.ac;
    r !== null && Ue(() => {
      r.abort(ie);
    });
    var s = n.next;
    (n.f & re) !== 0 ? n.parent = null : P(n, t), n = s;
  }
}
function Tn(e) {
  for (var t = e.first; t !== null; ) {
    var n = t.next;
    (t.f & V) === 0 && P(t), t = n;
  }
}
function P(e, t = !0) {
  var n = !1;
  (t || (e.f & tt) !== 0) && e.nodes !== null && e.nodes.end !== null && (An(
    e.nodes.start,
    /** @type {TemplateNode} */
    e.nodes.end
  ), n = !0), mt(e, t && !n), Te(e, 0), w(e, G);
  var s = e.nodes && e.nodes.t;
  if (s !== null)
    for (const i of s)
      i.stop();
  Et(e);
  var r = e.parent;
  r !== null && r.first !== null && bt(e), e.next = e.prev = e.teardown = e.ctx = e.deps = e.fn = e.nodes = e.ac = null;
}
function An(e, t) {
  for (; e !== null; ) {
    var n = e === t ? null : /* @__PURE__ */ Se(e);
    e.remove(), e = n;
  }
}
function bt(e) {
  var t = e.parent, n = e.prev, s = e.next;
  n !== null && (n.next = s), s !== null && (s.prev = n), t !== null && (t.first === e && (t.first = s), t.last === e && (t.last = n));
}
function Ee(e, t, n = !0) {
  var s = [];
  xt(e, s, !0);
  var r = () => {
    n && P(e), t && t();
  }, i = s.length;
  if (i > 0) {
    var u = () => --i || r();
    for (var l of s)
      l.out(u);
  } else
    r();
}
function xt(e, t, n) {
  if ((e.f & D) === 0) {
    e.f ^= D;
    var s = e.nodes && e.nodes.t;
    if (s !== null)
      for (const l of s)
        (l.is_global || n) && t.push(l);
    for (var r = e.first; r !== null; ) {
      var i = r.next, u = (r.f & ve) !== 0 || // If this is a branch effect without a block effect parent,
      // it means the parent block effect was pruned. In that case,
      // transparency information was transferred to the branch effect.
      (r.f & V) !== 0 && (e.f & B) !== 0;
      xt(r, t, u ? n : !1), r = i;
    }
  }
}
function ir(e) {
  Tt(e, !0);
}
function Tt(e, t) {
  if ((e.f & D) !== 0) {
    e.f ^= D, (e.f & m) === 0 && (w(e, b), q(e));
    for (var n = e.first; n !== null; ) {
      var s = n.next, r = (n.f & ve) !== 0 || (n.f & V) !== 0;
      Tt(n, r ? t : !1), n = s;
    }
    var i = e.nodes && e.nodes.t;
    if (i !== null)
      for (const u of i)
        (u.is_global || t) && u.in();
  }
}
function Sn(e, t) {
  if (e.nodes)
    for (var n = e.nodes.start, s = e.nodes.end; n !== null; ) {
      var r = n === s ? null : /* @__PURE__ */ Se(n);
      t.append(n), n = r;
    }
}
let me = !1, ne = !1;
function Xe(e) {
  ne = e;
}
let d = null, O = !1;
function R(e) {
  d = e;
}
let v = null;
function I(e) {
  v = e;
}
let k = null;
function At(e) {
  d !== null && (k === null ? k = [e] : k.push(e));
}
let x = null, T = 0, A = null;
function kn(e) {
  A = e;
}
let St = 1, Z = 0, ee = Z;
function Ze(e) {
  ee = e;
}
function kt() {
  return ++St;
}
function we(e) {
  var t = e.f;
  if ((t & b) !== 0)
    return !0;
  if (t & E && (e.f &= ~te), (t & H) !== 0) {
    for (var n = (
      /** @type {Value[]} */
      e.deps
    ), s = n.length, r = 0; r < s; r++) {
      var i = n[r];
      if (we(
        /** @type {Derived} */
        i
      ) && ct(
        /** @type {Derived} */
        i
      ), i.wv > e.wv)
        return !0;
    }
    (t & S) !== 0 && // During time traveling we don't want to reset the status so that
    // traversal of the graph in the other batches still happens
    N === null && w(e, m);
  }
  return !1;
}
function Ct(e, t, n = !0) {
  var s = e.reactions;
  if (s !== null && !(k !== null && le.call(k, e)))
    for (var r = 0; r < s.length; r++) {
      var i = s[r];
      (i.f & E) !== 0 ? Ct(
        /** @type {Derived} */
        i,
        t,
        !1
      ) : t === i && (n ? w(i, b) : (i.f & m) !== 0 && w(i, H), q(
        /** @type {Effect} */
        i
      ));
    }
}
function Rt(e) {
  var t = x, n = T, s = A, r = d, i = k, u = C, l = O, f = ee, a = e.f;
  x = /** @type {null | Value[]} */
  null, T = 0, A = null, d = (a & (V | re)) === 0 ? e : null, k = null, ue(e.ctx), O = !1, ee = ++Z, e.ac !== null && (Ue(() => {
    e.ac.abort(ie);
  }), e.ac = null);
  try {
    e.f |= Fe;
    var c = (
      /** @type {Function} */
      e.fn
    ), h = c(), o = e.deps;
    if (x !== null) {
      var _;
      if (Te(e, T), o !== null && T > 0)
        for (o.length = T + x.length, _ = 0; _ < x.length; _++)
          o[T + _] = x[_];
      else
        e.deps = o = x;
      if (Ye() && (e.f & S) !== 0)
        for (_ = T; _ < o.length; _++)
          (o[_].reactions ??= []).push(e);
    } else o !== null && T < o.length && (Te(e, T), o.length = T);
    if (st() && A !== null && !O && o !== null && (e.f & (E | H | b)) === 0)
      for (_ = 0; _ < /** @type {Source[]} */
      A.length; _++)
        Ct(
          A[_],
          /** @type {Effect} */
          e
        );
    if (r !== null && r !== e) {
      if (Z++, r.deps !== null)
        for (let p = 0; p < n; p += 1)
          r.deps[p].rv = Z;
      if (t !== null)
        for (const p of t)
          p.rv = Z;
      A !== null && (s === null ? s = A : s.push(.../** @type {Source[]} */
      A));
    }
    return (e.f & K) !== 0 && (e.f ^= K), h;
  } catch (p) {
    return it(p);
  } finally {
    e.f ^= Fe, x = t, T = n, A = s, d = r, k = i, ue(u), O = l, ee = f;
  }
}
function Cn(e, t) {
  let n = t.reactions;
  if (n !== null) {
    var s = Dt.call(n, e);
    if (s !== -1) {
      var r = n.length - 1;
      r === 0 ? n = t.reactions = null : (n[s] = n[r], n.pop());
    }
  }
  if (n === null && (t.f & E) !== 0 && // Destroying a child effect while updating a parent effect can cause a dependency to appear
  // to be unused, when in fact it is used by the currently-updating parent. Checking `new_deps`
  // allows us to skip the expensive work of disconnecting and immediately reconnecting it
  (x === null || !le.call(x, t))) {
    var i = (
      /** @type {Derived} */
      t
    );
    (i.f & S) !== 0 && (i.f ^= S, i.f &= ~te), qe(i), ot(i), Te(i, 0);
  }
}
function Te(e, t) {
  var n = e.deps;
  if (n !== null)
    for (var s = t; s < n.length; s++)
      Cn(e, n[s]);
}
function pe(e) {
  var t = e.f;
  if ((t & G) === 0) {
    w(e, m);
    var n = v, s = me;
    v = e, me = !0;
    try {
      (t & (B | et)) !== 0 ? Tn(e) : mt(e), Et(e);
      var r = Rt(e);
      e.teardown = typeof r == "function" ? r : null, e.wv = St;
      var i;
      Re && Qt && (e.f & b) !== 0 && e.deps;
    } finally {
      me = s, v = n;
    }
  }
}
function J(e) {
  var t = e.f, n = (t & E) !== 0;
  if (d !== null && !O) {
    var s = v !== null && (v.f & G) !== 0;
    if (!s && (k === null || !le.call(k, e))) {
      var r = d.deps;
      if ((d.f & Fe) !== 0)
        e.rv < Z && (e.rv = Z, x === null && r !== null && r[T] === e ? T++ : x === null ? x = [e] : x.push(e));
      else {
        (d.deps ??= []).push(e);
        var i = e.reactions;
        i === null ? e.reactions = [d] : le.call(i, d) || i.push(d);
      }
    }
  }
  if (ne && $.has(e))
    return $.get(e);
  if (n) {
    var u = (
      /** @type {Derived} */
      e
    );
    if (ne) {
      var l = u.v;
      return ((u.f & m) === 0 && u.reactions !== null || Nt(u)) && (l = He(u)), $.set(u, l), l;
    }
    var f = (u.f & S) === 0 && !O && d !== null && (me || (d.f & S) !== 0), a = u.deps === null;
    we(u) && (f && (u.f |= S), ct(u)), f && !a && Ft(u);
  }
  if (N?.has(e))
    return N.get(e);
  if ((e.f & K) !== 0)
    throw e.v;
  return e.v;
}
function Ft(e) {
  if (e.deps !== null) {
    e.f |= S;
    for (const t of e.deps)
      (t.reactions ??= []).push(e), (t.f & E) !== 0 && (t.f & S) === 0 && Ft(
        /** @type {Derived} */
        t
      );
  }
}
function Nt(e) {
  if (e.v === y) return !0;
  if (e.deps === null) return !1;
  for (const t of e.deps)
    if ($.has(t) || (t.f & E) !== 0 && Nt(
      /** @type {Derived} */
      t
    ))
      return !0;
  return !1;
}
function Rn(e) {
  var t = O;
  try {
    return O = !0, e();
  } finally {
    O = t;
  }
}
const Ot = /* @__PURE__ */ new Set(), De = /* @__PURE__ */ new Set();
function Fn(e, t, n, s = {}) {
  function r(i) {
    if (s.capture || _e.call(t, i), !i.cancelBubble)
      return Ue(() => n?.call(this, i));
  }
  return e.startsWith("pointer") || e.startsWith("touch") || e === "wheel" ? Q(() => {
    t.addEventListener(e, r, s);
  }) : t.addEventListener(e, r, s), r;
}
function fr(e, t, n, s, r) {
  var i = { capture: s, passive: r }, u = Fn(e, t, n, i);
  (t === document.body || // @ts-ignore
  t === window || // @ts-ignore
  t === document || // Firefox has quirky behavior, it can happen that we still get "canplay" events when the element is already removed
  t instanceof HTMLMediaElement) && wt(() => {
    t.removeEventListener(e, u, i);
  });
}
function lr(e) {
  for (var t = 0; t < e.length; t++)
    Ot.add(e[t]);
  for (var n of De)
    n(e);
}
let Je = null;
function _e(e) {
  var t = this, n = (
    /** @type {Node} */
    t.ownerDocument
  ), s = e.type, r = e.composedPath?.() || [], i = (
    /** @type {null | Element} */
    r[0] || e.target
  );
  Je = e;
  var u = 0, l = Je === e && e.__root;
  if (l) {
    var f = r.indexOf(l);
    if (f !== -1 && (t === document || t === /** @type {any} */
    window)) {
      e.__root = t;
      return;
    }
    var a = r.indexOf(t);
    if (a === -1)
      return;
    f <= a && (u = f);
  }
  if (i = /** @type {Element} */
  r[u] || e.target, i !== t) {
    It(e, "currentTarget", {
      configurable: !0,
      get() {
        return i || n;
      }
    });
    var c = d, h = v;
    R(null), I(null);
    try {
      for (var o, _ = []; i !== null; ) {
        var p = i.assignedSlot || i.parentNode || /** @type {any} */
        i.host || null;
        try {
          var M = i["__" + s];
          M != null && (!/** @type {any} */
          i.disabled || // DOM could've been updated already by the time this is reached, so we check this as well
          // -> the target could not have been disabled because it emits the event in the first place
          e.target === i) && M.call(i, e);
        } catch (L) {
          o ? _.push(L) : o = L;
        }
        if (e.cancelBubble || p === t || p === null)
          break;
        i = p;
      }
      if (o) {
        for (let L of _)
          queueMicrotask(() => {
            throw L;
          });
        throw o;
      }
    } finally {
      e.__root = t, delete e.currentTarget, R(c), I(h);
    }
  }
}
const Nn = ["touchstart", "touchmove"];
function On(e) {
  return Nn.includes(e);
}
function ur(e, t) {
  var n = t == null ? "" : typeof t == "object" ? t + "" : t;
  n !== (e.__t ??= e.nodeValue) && (e.__t = n, e.nodeValue = n + "");
}
function ar(e, t) {
  return Mn(e, t);
}
const se = /* @__PURE__ */ new Map();
function Mn(e, { target: t, anchor: n, props: s = {}, events: r, context: i, intro: u = !0 }) {
  gn();
  var l = /* @__PURE__ */ new Set(), f = (h) => {
    for (var o = 0; o < h.length; o++) {
      var _ = h[o];
      if (!l.has(_)) {
        l.add(_);
        var p = On(_);
        t.addEventListener(_, _e, { passive: p });
        var M = se.get(_);
        M === void 0 ? (document.addEventListener(_, _e, { passive: p }), se.set(_, 1)) : se.set(_, M + 1);
      }
    }
  };
  f(Pt(Ot)), De.add(f);
  var a = void 0, c = En(() => {
    var h = n ?? t.appendChild(pt());
    return an(
      /** @type {TemplateNode} */
      h,
      {
        pending: () => {
        }
      },
      (o) => {
        if (i) {
          en({});
          var _ = (
            /** @type {ComponentContext} */
            C
          );
          _.c = i;
        }
        r && (s.$$events = r), a = e(o, s) || {}, i && tn();
      }
    ), () => {
      for (var o of l) {
        t.removeEventListener(o, _e);
        var _ = (
          /** @type {number} */
          se.get(o)
        );
        --_ === 0 ? (document.removeEventListener(o, _e), se.delete(o)) : se.set(o, _);
      }
      De.delete(f), h !== n && h.parentNode?.removeChild(h);
    };
  });
  return Pe.set(a, c), a;
}
let Pe = /* @__PURE__ */ new WeakMap();
function or(e, t) {
  const n = Pe.get(e);
  return n ? (Pe.delete(e), n(t)) : Promise.resolve();
}
export {
  tn as $,
  ge as A,
  Pn as B,
  V as C,
  er as D,
  ve as E,
  Pt as F,
  Se as G,
  In as H,
  D as I,
  Q as J,
  Ln as K,
  Kn as L,
  Hn as M,
  Vn as N,
  rr as O,
  bn as P,
  Un as Q,
  Ye as R,
  Ce as S,
  qn as T,
  ln as U,
  Y as V,
  ce as W,
  X,
  lr as Y,
  sr as Z,
  fr as _,
  gt as a,
  Qn as a0,
  $n as a1,
  en as a2,
  ur as a3,
  Zn as a4,
  Jn as a5,
  Yn as a6,
  ar as a7,
  or as a8,
  pn as b,
  Bn as c,
  v as d,
  pt as e,
  g as f,
  qt as g,
  P as h,
  Mt as i,
  z as j,
  C as k,
  Rn as l,
  Sn as m,
  xn as n,
  Lt as o,
  Ee as p,
  J as q,
  ir as r,
  tr as s,
  xe as t,
  nr as u,
  Gn as v,
  zn as w,
  Dn as x,
  jn as y,
  Xn as z
};
