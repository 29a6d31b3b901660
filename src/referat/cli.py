"""The ``referat`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .api import parse
from .batch.progress import ProgressMode
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


@main.command("parse")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--summary", is_flag=True, help="Print a short outline instead of JSON.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "pdf", "html"]),
              default=None, help="Skip format detection.")
@click.option("--vocabulary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with extra headings and labels (see docs/vocabulary.md).")
@click.option("--max-bytes", type=int, default=None, help="Largest input file accepted.")
@click.option("--max-pages", type=int, default=None, help="Most PDF pages accepted.")
def parse_cmd(file: Path, summary: bool, fmt: str | None, vocabulary: str | None,
              max_bytes: int | None, max_pages: int | None) -> None:
    """Parse FILE and print the contract JSON (or an outline with --summary)."""
    limits = Limits()
    if max_bytes is not None or max_pages is not None:
        limits = Limits(max_bytes=max_bytes or limits.max_bytes,
                        max_pages=max_pages or limits.max_pages)
    try:
        meeting = parse(file, format=fmt, vocabulary=_vocab(vocabulary),  # type: ignore[arg-type]
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
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds allowed per document (default 120).")
@click.option("--resume", is_flag=True,
              help="Skip inputs already converted for the same content.")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Run on a Dask cluster, e.g. tcp://scheduler:8786 (needs referat[dask]).")
@click.option("--progress/--quiet", "show", default=None,
              help="Force the progress bar, or show nothing but errors "
                   "(default: a bar on a terminal, log lines otherwise).")
@click.option("--vocabulary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with extra headings and labels.")
@click.option("--exclude", "-x", multiple=True, metavar="PATTERN",
              help="Glob of file names or relative paths that are not inputs (repeatable), "
                   "e.g. --exclude '*.expected.json'.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Largest input file accepted.")
def convert_cmd(inputs: tuple[str, ...], out: Path, jsonl: Path | None, jobs: int | None,
                timeout: float | None, resume: bool, dask_address: str | None,
                show: bool | None, vocabulary: str | None, exclude: tuple[str, ...],
                max_bytes: int | None) -> None:
    """Convert INPUTS (files, directories, glob patterns) to JSON under --out.

    Exit status: 0 when every input was converted, 1 when some failed (see OUT/errors.jsonl),
    2 for usage errors.
    """
    from .batch import convert

    _vocab(vocabulary)  # a bad vocabulary file is a usage error, not a thousand failures
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out {out}: exists and is not a directory")
    limits = Limits() if max_bytes is None else Limits(max_bytes=max_bytes)
    mode: ProgressMode = "auto" if show is None else "bar" if show else "off"
    try:
        summary = convert(list(inputs), out, jobs=jobs, timeout=timeout, resume=resume,
                          jsonl=jsonl, dask=dask_address, limits=limits, vocabulary=vocabulary,
                          progress=mode, exclude=exclude)
    except KeyboardInterrupt:
        click.echo("referat: interrupted; run again with --resume to continue", err=True)
        sys.exit(130)
    except (OSError, ValueError) as exc:  # --out unusable, no Dask scheduler at the address
        raise click.UsageError(str(exc)) from None
    if show is not False:
        click.echo(summary.text())
        click.echo(f"  details: {out / 'summary.json'}"
                   + (f", failures: {out / 'errors.jsonl'}" if summary.failed else ""))
    sys.exit(summary.exit_code)


@main.command("inspect")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the report (default: ./<FILE name>.inspect.html).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "pdf", "html"]),
              default=None, help="Skip format detection.")
@click.option("--vocabulary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with extra headings and labels (see docs/vocabulary.md).")
def inspect_cmd(file: Path, output: Path | None, fmt: str | None,
                vocabulary: str | None) -> None:
    """Write an HTML report that draws what was read over FILE (open it in a browser)."""
    from .inspector import write_report

    target = output or Path(file.name + ".inspect.html")
    try:
        write_report(file, target, format=fmt,  # type: ignore[arg-type]
                     vocabulary=_vocab(vocabulary))
    except ReferatError as exc:
        click.echo(f"referat: error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"referat: error: cannot write {target}: {exc.strerror}", err=True)
        sys.exit(1)
    click.echo(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
