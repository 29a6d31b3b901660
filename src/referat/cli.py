"""The ``referat`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .api import parse
from .errors import ReferatError
from .limits import Limits
from .models import Meeting
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


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    click.echo(json.dumps(Meeting.model_json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
