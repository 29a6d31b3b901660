"""The ``referat`` command."""

from __future__ import annotations

import errno
import json
import signal
import sys
from pathlib import Path

import click

from .api import parse
from .batch.progress import ProgressMode
from .bounds import set_memory_ceiling
from .errors import ReferatError
from .limits import Limits
from .models import json_schema
from .summary import outline
from .vocabulary import Vocabulary


def _vocab(path: str | None) -> Vocabulary | None:
    if path is None:
        return None
    try:
        return Vocabulary.from_toml(path)
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"--vocabulary {path}: {exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="referat")
def main() -> None:
    """Turn Danish municipal meeting minutes into clean, validated data."""


_VERSION = click.version_option(package_name="referat")


def _limits(max_bytes: int | None = None, max_pages: int | None = None,
            timeout: float | None = None, max_memory: int | None = None) -> Limits:
    given = {"max_bytes": max_bytes, "max_pages": max_pages, "timeout": timeout,
             "max_memory": max_memory}
    return Limits(**{k: v for k, v in given.items() if v is not None})  # type: ignore[arg-type]


def _disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


_POSITIVE = click.IntRange(min=1)
_SECONDS = click.FloatRange(min=0, min_open=True)
_MEMORY_HELP = ("Bytes of memory (address space) a worker may use; default: 4 GiB, less when "
                "the workers would not fit in the RAM.")


@main.command("parse")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--summary", is_flag=True, help="Print a short outline instead of JSON.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "pdf", "html"]),
              default=None, help="Skip format detection.")
@click.option("--vocabulary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with extra headings and labels (see docs/vocabulary.md).")
@click.option("--max-bytes", type=_POSITIVE, default=None, help="Largest input file accepted.")
@click.option("--max-pages", type=_POSITIVE, default=None, help="Most PDF pages accepted.")
@click.option("--timeout", type=_SECONDS, default=None,
              help="Seconds allowed for the document (default 120).")
@click.option("--max-memory", type=_POSITIVE, default=None, help=_MEMORY_HELP)
@_VERSION
def parse_cmd(file: Path, summary: bool, fmt: str | None, vocabulary: str | None,
              max_bytes: int | None, max_pages: int | None, timeout: float | None,
              max_memory: int | None) -> None:
    """Parse FILE (or standard input, given as -) and print the contract JSON (or an outline
    with --summary)."""
    limits = _limits(max_bytes, max_pages, timeout, max_memory)
    set_memory_ceiling(limits.memory())
    vocab = _vocab(vocabulary)
    try:
        if str(file) == "-":
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
            source: Path | bytes = data
        else:
            source = file
        meeting = parse(source, format=fmt, vocabulary=vocab,  # type: ignore[arg-type]
                        limits=limits)
    except ReferatError as exc:
        click.echo(f"referat: error: {exc}", err=True)
        sys.exit(1)
    if summary:
        click.echo(outline(meeting))
    else:
        click.echo(meeting.model_dump_json(indent=2))


@main.command("convert")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output directory: one JSON per document, errors.jsonl, summary.json.")
@click.option("--jsonl", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the documents as JSON Lines to this file instead of one file each.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--timeout", type=_SECONDS, default=None,
              help="Seconds allowed per document (default 120).")
@click.option("--resume", is_flag=True,
              help="Skip inputs already converted for the same content and settings.")
@click.option("--overwrite", is_flag=True,
              help="Write into an --out that holds the outputs of other inputs.")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Run on a Dask cluster, e.g. tcp://scheduler:8786 (needs referat[dask]).")
@click.option("--progress/--quiet", " /-q", "show", default=None,
              help="Force the progress bar, or show nothing but errors "
                   "(default: a bar on a terminal, log lines otherwise).")
@click.option("--vocabulary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with extra headings and labels.")
@click.option("--exclude", "-x", multiple=True, metavar="PATTERN",
              help="Glob of file names or relative paths that are not inputs (repeatable), "
                   "e.g. --exclude '*.expected.json'.")
@click.option("--follow-links", is_flag=True,
              help="Read symlinked files that lead outside the input folders.")
@click.option("--max-bytes", type=_POSITIVE, default=None, help="Largest input file accepted.")
@click.option("--max-pages", type=_POSITIVE, default=None, help="Most PDF pages accepted.")
@click.option("--max-memory", type=_POSITIVE, default=None, help=_MEMORY_HELP)
@_VERSION
def convert_cmd(inputs: tuple[str, ...], out: Path, jsonl: Path | None, jobs: int | None,
                timeout: float | None, resume: bool, overwrite: bool, dask_address: str | None,
                show: bool | None, vocabulary: str | None, exclude: tuple[str, ...],
                follow_links: bool, max_bytes: int | None, max_pages: int | None,
                max_memory: int | None) -> None:
    """Convert INPUTS (files, directories, glob patterns) to JSON under --out.

    Exit status: 0 when every input was converted, 1 when some failed (see OUT/errors.jsonl) or
    the disk filled up, 2 for usage errors, 130 after Ctrl-C, 143 after SIGTERM.
    """
    from .batch import convert
    from .batch.run import Interrupted

    _vocab(vocabulary)  # a bad vocabulary file is a usage error, not a thousand failures
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out {out}: exists and is not a directory")
    limits = _limits(max_bytes, max_pages, None, max_memory)
    mode: ProgressMode = "auto" if show is None else "bar" if show else "off"
    try:
        summary = convert(list(inputs), out, jobs=jobs, timeout=timeout, resume=resume,
                          jsonl=jsonl, dask=dask_address, limits=limits, vocabulary=vocabulary,
                          progress=mode, exclude=exclude, follow_links=follow_links,
                          overwrite=overwrite)
    except Interrupted as stop:
        if show is not False:
            click.echo(stop.summary.text(), err=True)
        why = "terminated" if stop.signum == signal.SIGTERM else "interrupted"
        click.echo(f"referat: {why}; run again with --resume to continue", err=True)
        sys.exit(128 + stop.signum)
    except KeyboardInterrupt:  # before the run started
        click.echo("referat: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        if _disk_full(exc):
            click.echo(f"referat: error: the disk is full ({exc}); nothing was converted",
                       err=True)
            sys.exit(1)
        raise click.UsageError(str(exc)) from None  # --out unusable, no Dask scheduler
    except ValueError as exc:  # --out is an input or holds other inputs' outputs
        raise click.UsageError(str(exc)) from None
    if show is not False or summary.stopped:
        click.echo(summary.text(), err=bool(summary.stopped and show is False))
        click.echo(f"  details: {out / 'summary.json'}"
                   + (f", failures: {out / 'errors.jsonl'}" if summary.failed else ""))
    if summary.stopped:
        click.echo(f"referat: stopped early: {summary.stopped}; free space and run again with "
                   "--resume to continue", err=True)
    sys.exit(summary.exit_code)


@main.command()
@_VERSION
def schema() -> None:
    """Print the JSON Schema of the output."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
