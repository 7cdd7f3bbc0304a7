"""The logistic regression behind the learned readers (bench/change_model.py, bench/act_model.py): L2, L-BFGS from
scipy, over sets of string features; weights under 0.005 in size are left out."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import optimize, sparse

SMALLEST = 0.005


def fit(feats: Sequence[Sequence[str]], ys: Sequence[int], c: float) -> tuple[dict[str, float], float]:
    """The weights by feature and the bias of a logistic regression with inverse L2 strength ``c``."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, f in enumerate(feats):
        for x in set(f):
            rows.append(i)
            cols.append(vocab.setdefault(x, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocab)))
    y = np.array(ys, dtype=float)

    def loss(w):
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        grad = np.append(x.T @ (p - y) + w[:-1] / c, np.sum(p - y))
        return np.sum(np.logaddexp(0, z) - y * z) + 0.5 / c * w[:-1] @ w[:-1], grad

    w = optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    weights = {f: round(float(w[j]), 4) for f, j in sorted(vocab.items()) if abs(w[j]) >= SMALLEST}
    return weights, round(float(w[-1]), 4)
