"""Short fuzz runs of the three guest-facing surfaces (the long run is scripts/fuzz.py).

Seeds are real Mesa streams (tests/fuzz/corpus, recorded with `pyvirgl serve
--record`); hypothesis draws mutation lists and shrinks any failure to a
short one. A GuestError is the right answer to a bad input; any other
exception, or state left behind after the client went away, fails the test.
"""
from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz_harness as fh

pytestmark = pytest.mark.gl

CORPUS = fh.Corpus()
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

word = st.integers(0, (1 << 20) - 1)
ops3 = st.lists(st.tuples(word, word, word), min_size=1, max_size=8)
ops4 = st.lists(st.tuples(word, word, word, word), min_size=1, max_size=10)


@pytest.fixture(scope="module")
def make_renderer():
    quiet = logging.getLogger("pyvirgl")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)   # hundreds of expected guest errors and skips
    make, _backend = fh.host_renderer_factory()
    yield make
    quiet.setLevel(level)


def _assert_no_bug(result: fh.Result, what) -> None:
    assert result.kind != "bug", f"host bug on {what!r}:\n{result.detail}"


def test_corpus_is_real_and_small():
    assert len(CORPUS.streams) >= 20 and len(CORPUS.tgsi) >= 50 and len(CORPUS.donors) >= 100
    size = sum(p.stat().st_size for p in fh.CORPUS_DIR.rglob("*") if p.is_file())
    assert size < 400_000, f"the seed corpus grew to {size} bytes"


def test_recorded_streams_replay_without_errors(make_renderer):
    for name, reqs in CORPUS.streams:
        result = fh.run_vtest_stream(b"".join(reqs), make_renderer)
        assert result.kind == "ok", f"{name}: {result.detail}"


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_framing_does_not_depend_on_how_bytes_arrive(make_renderer, chunk):
    # Two streams, fed in pieces of every size a socket might deliver.
    for name, reqs in CORPUS.streams[:2]:
        result = fh.run_vtest_stream(b"".join(reqs), make_renderer, chunk=chunk)
        assert result.kind == "ok", f"{name} in {chunk}-byte pieces: {result.detail}"


def test_recorded_tgsi_parses_and_translates():
    for name, text in CORPUS.tgsi:
        result = fh.run_tgsi(text)
        assert result.kind == "ok", f"{name}: {result.detail}"


@settings(max_examples=40, **SETTINGS)
@given(st.integers(0, 10_000), ops3)
def test_vtest_stream_mutations(make_renderer, base, ops):
    _, reqs = CORPUS.streams[base % len(CORPUS.streams)]
    data = fh.mutate_vtest(reqs, ops)
    _assert_no_bug(fh.run_vtest_stream(data, make_renderer), ops)


@settings(max_examples=60, **SETTINGS)
@given(st.integers(0, 10_000), ops4)
def test_submit_mutations_through_executor(make_renderer, base, ops):
    _, reqs = CORPUS.with_submits[base % len(CORPUS.with_submits)]
    data = fh.mutate_stream_submits(reqs, ops, CORPUS.donors)
    _assert_no_bug(fh.run_vtest_stream(data, make_renderer), ops)


@settings(max_examples=300, **SETTINGS)
@given(st.integers(0, 100_000), ops3)
def test_submit_mutations_through_decoder(base, ops):
    payload = CORPUS.donors[base % len(CORPUS.donors)]
    data = fh.mutate_submit(payload, ops, CORPUS.donors)
    _assert_no_bug(fh.run_submit_decode(data), ops)


@settings(max_examples=300, **SETTINGS)
@given(st.integers(0, 10_000), ops3)
def test_tgsi_mutations(base, ops):
    _, text = CORPUS.tgsi[base % len(CORPUS.tgsi)]
    _assert_no_bug(fh.run_tgsi(fh.mutate_tgsi(text, ops)), ops)


@settings(max_examples=100, **SETTINGS)
@given(st.binary(max_size=512))
def test_random_bytes_after_a_real_handshake(make_renderer, tail):
    _, reqs = CORPUS.streams[0]
    handshake = b"".join(reqs[:6])
    _assert_no_bug(fh.run_vtest_stream(handshake + tail, make_renderer), tail)


@pytest.mark.parametrize("path", sorted((fh.CORPUS_DIR.parent / "regressions").glob("*.vtest")), ids=lambda p: p.stem)
def test_long_fuzz_findings_stay_fixed(make_renderer, path):
    # Inputs scripts/fuzz.py found to raise host exceptions; each must now end in a GuestError.
    result = fh.run_vtest_stream(path.read_bytes(), make_renderer)
    assert result.kind == "guest", f"{path.name}: {result.kind}\n{result.detail}"
