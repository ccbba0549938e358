"""
Reference powers for a flat step on independent lognormal latencies (sigma 0.3 on the log scale),
with the tolerance in the null: the ceilings the "latency, iid lognormal" cells of bench/judge-sim
are measured against.

Model: baseline x_i ~ N(0, s^2), i = 1..n; post y_j ~ N(delta, s^2), j = 1..m, s = 0.3,
delta = ln(1 + shift). Null: delta <= tau = ln 1.1 (a change within the 10% tolerance is no
regression). One-sided, alpha 0.05.

- Known sigma: the most powerful test is the z test of the difference of means against tau
  (Neyman-Pearson against the nearest null point, delta = tau):
      power = Phi((delta - tau) / (s sqrt(1/n + 1/m)) - z_0.95).
- Unknown sigma (what any judge faces: it must estimate the noise): the uniformly most powerful
  unbiased test is the two-sample t test against tau, with n + m - 2 degrees of freedom:
      power = P(T'_(n+m-2)(ncp) > t_0.95), ncp = (delta - tau) / (s sqrt(1/n + 1/m)),
  T' the noncentral t.
- "no change" optimum (the issue's 50.8% at 30/10): the z test against 0 instead of tau, i.e. a
  test that fails about half of the changes that sit exactly at the tolerance.

Run:  python3 bench/judge-sim/reference/step_ceiling.py   (scipy; < 1 s)
"""
import numpy as np
from scipy.stats import nct, norm, t

S = 0.3
TAU = np.log(1.1)
ALPHA = 0.05

print("| n / m | shift | known sigma, tolerance null | unknown sigma (t test), tolerance null | known sigma, null of no change |")
print("| --- | --- | --- | --- | --- |")
for n, m in [(30, 10), (61, 21)]:
    for shift in [0.2, 0.5]:
        delta = np.log(1 + shift)
        se = S * np.sqrt(1 / n + 1 / m)
        z = norm.cdf((delta - TAU) / se - norm.ppf(1 - ALPHA))
        df = n + m - 2
        tt = nct.sf(t.ppf(1 - ALPHA, df), df, (delta - TAU) / se)
        point = norm.cdf(delta / se - norm.ppf(1 - ALPHA))
        print(f"| {n} / {m} | +{shift * 100:.0f}% | {100 * z:.1f}% | {100 * tt:.1f}% | {100 * point:.1f}% |")
