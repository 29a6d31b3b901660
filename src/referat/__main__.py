"""``python -m referat``: the ``referat`` command."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover - run as a program
    main(prog_name="referat")
