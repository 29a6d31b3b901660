"""The ``referat`` command."""

from __future__ import annotations

import errno
import json
import shutil
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
    except ReferatError as exc:
        raise click.UsageError(f"--vocabulary {exc}") from None


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
@click.option("--inspect", is_flag=True,
              help="Write an HTML report (referat inspect) beside the output of every document "
                   "with warnings or unplaced blocks.")
@_VERSION
def convert_cmd(inputs: tuple[str, ...], out: Path, jsonl: Path | None, jobs: int | None,
                timeout: float | None, resume: bool, overwrite: bool, dask_address: str | None,
                show: bool | None, vocabulary: str | None, exclude: tuple[str, ...],
                follow_links: bool, max_bytes: int | None, max_pages: int | None,
                max_memory: int | None, inspect: bool) -> None:
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
                          overwrite=overwrite, inspect=inspect)
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


@main.command("explain")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--item", "item", type=click.IntRange(min=1), default=None, metavar="N",
              help="Only the blocks of item N (by its printed number).")
@click.option("--position", is_flag=True,
              help="With --item: N is the item's position (1 = first item), not its number.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "pdf", "html"]),
              default=None, help="Skip format detection.")
@click.option("--vocabulary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with extra headings and labels.")
@click.option("--width", type=click.IntRange(min=40), default=None,
              help="Cut lines to this width (default: the terminal's; when not a terminal, "
                   "the text is cut to 100 characters).")
@click.option("--full", is_flag=True, help="Never cut the text.")
def explain_cmd(file: Path, item: int | None, position: bool, fmt: str | None,
                vocabulary: str | None, width: int | None, full: bool) -> None:
    """Print the stream of FILE as the parser saw it, one line per block: where it came from,
    its layer, the label the parser gave it, the rule that chose the label, the output node it
    ended in, and its text."""
    from .api import analyse
    from .explain import find_item, render, select_item

    try:
        analysis = analyse(file, format=fmt, vocabulary=_vocab(vocabulary))  # type: ignore[arg-type]
    except ReferatError as exc:
        click.echo(f"referat: error: {exc}", err=True)
        sys.exit(1)
    rows = analysis.stream
    if item is not None:
        found = find_item(analysis, item, by_position=position)
        if found is None:
            what = "at position" if position else "numbered"
            have = ", ".join(str(i.number if not position else i.position)
                             for i in analysis.meeting.items) or "none"
            click.echo(f"referat: error: {file}: no item {what} {item} (items: {have})", err=True)
            sys.exit(1)
        sel = select_item(analysis, found)
        rows = sel.rows
        label = f"{found.number}." if found.number is not None else f"(position {found.position})"
        click.echo(f"item {label} {found.title}  [items[{sel.index}]"
                   + (", found by its title: the stream records no nodes" if sel.by_title else "")
                   + "]")
    if width is None and not full and sys.stdout.isatty():
        width = shutil.get_terminal_size((100, 24)).columns
    for line in render(rows, None if full else width, None if full else 100):
        click.echo(line)


@main.command()
@_VERSION
def schema() -> None:
    """Print the JSON Schema of the output."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
