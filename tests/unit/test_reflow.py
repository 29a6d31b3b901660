"""reflow's pre-check skips the big break pattern only where it cannot match (issue 9, speed)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from referat.parsers.reflow import _DMY_RX, _PAGE_MARK, _TOC_END, _breaks
from referat.readers import read
from referat.vocabulary import Vocabulary

VOCAB = Vocabulary.default()
BREAKS = _breaks(VOCAB)
SAMPLES = Path(__file__).parent.parent / "samples"


def _unchecked(text: str) -> str:
    """Every pattern on every line: what reflow did before the pre-checks."""
    text = _PAGE_MARK.sub("\n", text)
    text = _TOC_END.sub("\n", text)
    text = BREAKS.rx.sub("\n", text)
    return BREAKS.decision.sub("\n", text)


def test_the_pre_check_changes_nothing_on_the_samples() -> None:
    lines = 0
    for path in sorted(SAMPLES.rglob("*.txt")):
        for b in read(path.read_text(encoding="utf-8"), "text").blocks:
            assert BREAKS.split(b.text) == _unchecked(b.text), (path.name, b.text[:80])
            lines += 1
    assert lines > 1000


_PIECES = st.sampled_from([
    " ", "  ", "\t", ":", " : ", ".", ". ", ",", "(", ")", "...", " 12 ", "3", "Side 4",
    "Side 2 af 9", "Beslutning i Byrådet", "Åben dagsorden", "Lukket dagsorden", " (Åben)",
    " (LUKKET)", "Økonomiudvalget, 12.03.2021", "Byrådet , 1-2-21", "Mødested", "Dato",
    "Sagsnr", "Sagsnr.", "J.nr", "Indholdsfortegnelse", "Indhold", "Bilag", "Beslutning",
    "Økonomiske konsekvenser", "Fraværende", "Deltagere var", "godkendt", "Kommunen", "x",
    "æøå", "\u00a0", "\u2003",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_the_pre_check_is_a_necessary_condition(parts: list[str]) -> None:
    text = "".join(parts)
    assert BREAKS.split(text) == _unchecked(text)
    if BREAKS.rx.search(text):
        assert BREAKS.may_break(text)
    if not _DMY_RX.search(text):
        assert BREAKS.decision.search(text) is None
