"""Shared by the Python peer scripts: read the cohort with pandas.read_csv, write a result as JSON."""
import json
import math
import sys

import numpy as np
import pandas as pd


def read_cohort():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} COHORT.csv", file=sys.stderr)
        sys.exit(2)
    return pd.read_csv(sys.argv[1])


def _plain(x):
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, (np.ndarray, pd.Series, pd.Index)):
        return [_plain(v) for v in np.asarray(x).tolist()]
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def write_json(result):
    json.dump(_plain(result), sys.stdout)
    sys.stdout.write("\n")


def km_by_group(d):
    """statsmodels' Kaplan-Meier (SurvfuncRight) of each group, in sorted order (R's factor order)."""
    import statsmodels.api as sm
    return {g: sm.SurvfuncRight(part["time"].to_numpy(), part["event"].to_numpy())
            for g, part in d.groupby("group", sort=True)}
