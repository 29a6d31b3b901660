"""Batch conversion of whole archives: :func:`convert` and :func:`iter_parse`.

``inputs`` finds the files, ``worker`` converts one, ``pool`` runs workers with a hard time
limit, ``dask`` runs the same on a Dask cluster, ``outputs`` writes safely, ``summary`` and
``progress`` report. See docs/batch.md.
"""

from __future__ import annotations

from .run import convert, default_jobs, iter_parse
from .summary import Summary

__all__ = ["Summary", "convert", "default_jobs", "iter_parse"]
