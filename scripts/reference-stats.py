#!/usr/bin/env python3
"""Reference values for the judge's statistics, computed with scipy (an independent implementation).

Command (run from the repository root; needs numpy and scipy):

    python3 scripts/reference-stats.py

It writes test/fixtures/stats/reference.json, which test/unit/judge/stats/*.test.ts read. The inputs
are generated here from fixed seeds and stored in the JSON, so the tests never depend on numpy.

- Mann-Whitney: scipy.stats.mannwhitneyu(x, y, alternative=..., method=...), continuity corrected.
- Hodges-Lehmann: the estimate is numpy's median of every pairwise difference candidate - baseline;
  the interval is a port of R's wilcox.test(candidate, baseline, conf.int=TRUE, exact=FALSE,
  correct=TRUE) (R's `wdiff` root-finding) solved with scipy.optimize.brentq to 1e-12.
- Normal: scipy.stats.norm.sf / norm.ppf and scipy.special.erfc.
- Binomial (count checks): scipy.stats.binomtest(k, n, p, alternative='greater' / 'less').pvalue, the
  Clopper-Pearson interval binomtest(...).proportion_ci(confidence_level, method='exact'), and
  scipy.special.betainc for non-integer (quasi-binomial) arguments.
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy import optimize, special, stats

COMMAND = "python3 scripts/reference-stats.py"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "stats", "reference.json")
ALTERNATIVES = ["greater", "less", "two-sided"]


def floats(a):
    return [float(v) for v in a]


def has_ties(x, y):
    pooled = np.concatenate([x, y])
    return len(np.unique(pooled)) < len(pooled)


def mwu_case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    methods = ["asymptotic"] + ([] if has_ties(x, y) else ["exact"])
    results = []
    for method in methods:
        for alternative in ALTERNATIVES:
            res = stats.mannwhitneyu(x, y, alternative=alternative, method=method)
            results.append({"method": method, "alternative": alternative, "u": float(res.statistic), "pValue": float(res.pvalue)})
    return {"name": name, "x": floats(x), "y": floats(y), "ties": bool(has_ties(x, y)), "results": results}


def r_wilcox_interval(candidate, baseline, confidence):
    """Port of R's two-sample wilcox.test conf.int (exact=FALSE, correct=TRUE): shift of candidate - baseline."""
    x, y = candidate, baseline
    nx, ny = len(x), len(y)
    alpha = 1 - confidence
    mumin, mumax = x.min() - y.max(), x.max() - y.min()

    def wdiff(d, zq):
        pooled = np.concatenate([x - d, y])
        ranks = stats.rankdata(pooled)
        _, counts = np.unique(pooled, return_counts=True)
        dz = ranks[:nx].sum() - nx * (nx + 1) / 2 - nx * ny / 2
        correction = np.sign(dz) * 0.5
        sigma = np.sqrt((nx * ny / 12) * ((nx + ny + 1) - np.sum(counts**3 - counts) / ((nx + ny) * (nx + ny - 1))))
        return (dz - correction) / sigma - zq

    def root(zq):
        if wdiff(mumin, zq) <= 0:
            return mumin
        if wdiff(mumax, zq) >= 0:
            return mumax
        return optimize.brentq(wdiff, mumin, mumax, args=(zq,), xtol=1e-12, rtol=4 * np.finfo(float).eps, maxiter=500)

    return root(stats.norm.isf(alpha / 2)), root(stats.norm.ppf(alpha / 2))


def hl_case(name, baseline, candidate, confidences=(0.9, 0.95, 0.99)):
    b = np.asarray(baseline, dtype=float)
    c = np.asarray(candidate, dtype=float)
    estimate = float(np.median(np.subtract.outer(c, b)))
    intervals = []
    for conf in confidences:
        lo, hi = r_wilcox_interval(c, b, conf)
        intervals.append({"confidence": conf, "lower": float(lo), "upper": float(hi)})
    return {"name": name, "baseline": floats(b), "candidate": floats(c), "estimate": estimate, "intervals": intervals}


def main():
    rng = np.random.default_rng(20261126)
    lognormal = lambda n, mu, s: np.round(rng.lognormal(mu, s, n), 12)

    mwu = [
        mwu_case("small, no ties (5 vs 6)", rng.normal(0, 1, 5), rng.normal(0.8, 1, 6)),
        mwu_case("tiny unequal (3 vs 50)", rng.normal(1, 1, 3), rng.normal(0, 1, 50)),
        mwu_case("latency 20 vs 60, no ties", lognormal(20, np.log(0.25), 0.3), lognormal(60, np.log(0.2), 0.3)),
        mwu_case("50 vs 50, no ties (n*m = 2500)", rng.normal(0.3, 1, 50), rng.normal(0, 1, 50)),
        mwu_case("integer counts with ties (30 vs 40)", rng.poisson(4, 30), rng.poisson(3, 40)),
        mwu_case("error ratios, mostly zero", np.r_[np.zeros(40), rng.integers(1, 5, 20) / 1000], np.r_[np.zeros(55), rng.integers(1, 3, 5) / 1000]),
        mwu_case("far apart, p about 1e-20 (asymptotic)", rng.normal(2.2, 1, 60), rng.normal(0, 1, 60)),
        mwu_case("separated 200 vs 200, p about 1e-67", rng.normal(10, 1, 200), rng.normal(0, 1, 200)),
        mwu_case("exact 100 vs 120, moderate shift", rng.normal(0.35, 1, 100), rng.normal(0, 1, 120)),
        mwu_case("exact 4 vs 3000 (scipy auto picks exact)", rng.normal(1.5, 1, 4), rng.normal(0, 1, 3000)),
        mwu_case("large with ties (300 vs 250)", np.round(rng.normal(50, 10, 300)), np.round(rng.normal(49, 10, 250))),
        mwu_case("all values tied", np.full(10, 3.0), np.full(12, 3.0)),
    ]
    smallest_exact = []
    for n in range(4, 8):
        res = stats.mannwhitneyu(np.arange(n) + n, np.arange(n), alternative="greater", method="exact")
        smallest_exact.append({"n": n, "pValue": float(res.pvalue)})

    hl = [
        hl_case("small (5 vs 7)", rng.normal(0, 1, 5), rng.normal(1, 1, 7)),
        hl_case("latency 60 vs 20", lognormal(60, np.log(0.2), 0.3), lognormal(20, np.log(0.24), 0.3)),
        hl_case("integers with ties (40 vs 35)", rng.poisson(5, 40), rng.poisson(7, 35)),
        hl_case("large 1500 vs 1500 (selection path)", lognormal(1500, 0, 0.5), lognormal(1500, 0.05, 0.5)),
        hl_case("large with heavy ties 1200 vs 1100", rng.integers(0, 20, 1200), rng.integers(1, 21, 1100)),
        hl_case("odd n*m 101 vs 201 (selection path)", rng.normal(0, 1, 101), rng.normal(0.1, 1, 201)),
    ]

    zs = [-8, -3, -1.5, -0.3, 0, 0.1, 1, 1.644853626951, 2.5, 3.09, 4, 6, 9.2, 12, 20, 30]
    ps = [1e-300, 1e-100, 1e-30, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.2, 0.5, 0.8, 0.95, 0.975, 0.99, 0.999]
    normal = {
        "survival": [{"z": z, "p": float(stats.norm.sf(z))} for z in zs],
        "quantile": [{"p": p, "z": float(stats.norm.ppf(p))} for p in ps],
        "erfc": [{"x": x, "value": float(special.erfc(x))} for x in [-2, -0.5, 0, 0.2, 0.99, 1.0, 1.7, 2.5, 3.3, 5, 10, 26]],
    }

    binomial = []
    for k, n, p in [(0, 10, 0.25), (3, 10, 0.25), (7, 10, 0.25), (12, 40, 0.25), (30, 40, 0.25), (1, 1000, 0.001),
                    (60, 80, 0.25), (250, 1000, 0.2), (5, 5, 0.5), (40, 400, 0.05), (120, 200, 0.25)]:
        ci = stats.binomtest(k, n, p).proportion_ci(confidence_level=0.95, method="exact")
        binomial.append({"k": k, "n": n, "p": p,
                         "greater": float(stats.binomtest(k, n, p, alternative="greater").pvalue),
                         "less": float(stats.binomtest(k, n, p, alternative="less").pvalue),
                         "ci95": [float(ci.low), float(ci.high)]})
    betainc = [{"x": x, "a": a, "b": b, "value": float(special.betainc(a, b, x))}
               for x, a, b in [(0.3, 2.5, 7.25), (0.01, 12.4, 300.6), (0.9, 0.5, 0.5), (0.25, 40.5, 80.5), (0.6, 1000.5, 800.25)]]

    out = {
        "generatedBy": COMMAND,
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "mannWhitney": mwu,
        "smallestExactGreater": smallest_exact,
        "hodgesLehmann": hl,
        "normal": normal,
        "binomial": binomial,
        "betainc": betainc,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
