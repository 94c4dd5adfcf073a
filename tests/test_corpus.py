"""A corpus: the per-document cache (hits, misses, invalidation, damage, pruning), and the same
analyses from one process, a pool of worker processes and a Dask LocalCluster."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictmap.gazetteer import Gazetteer
from conflictmap.geo.cache import AnalysisCache, analysis_version, clear, info, prune, rules_sha256
from conflictmap.geo.cli import cli
from conflictmap.geo.corpus import analyse_corpus, batches
from conflictmap.geo.reading.dates import Published
from conflictmap.geo.reading.reader import Document, read_inputs
from conflictmap.geo.records import Analysis

SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLES = Path(__file__).parent / "articles"
RULES = Path(__file__).parent.parent / "geo" / "data"


def _documents(*paths: Path) -> list[Document]:
    return [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]


class CountingPipeline:
    """Stands in for the model: an empty analysis per document, and a count of those analysed."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def analyse(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        for d in documents:
            self.analysed.append(d.id)
            yield Analysis(d, (), (), (), len(d.text))


def _run(documents: list[Document], cache: AnalysisCache | None, gaz: Gazetteer) -> tuple[list[Analysis], list[str]]:
    pipeline = CountingPipeline()
    return analyse_corpus(list(documents), gaz, cache=cache, pipeline=pipeline), pipeline.analysed  # type: ignore[arg-type]


def test_a_warm_run_analyses_nothing_and_a_changed_document_alone_again(tmp_path: Path, gaz: Gazetteer) -> None:
    documents = _documents(SEEDS)
    version = analysis_version(gaz)
    cold, analysed = _run(documents, AnalysisCache(tmp_path, version=version), gaz)
    assert analysed == [d.id for d in documents]
    warm_cache = AnalysisCache(tmp_path, version=version)
    warm, analysed = _run(documents, warm_cache, gaz)
    assert analysed == [] and warm_cache.hits == len(documents)
    assert warm == cold and all(a.document.text == "" for a in warm)
    changed = [dataclasses.replace(documents[1], text=documents[1].text + " More."), *documents[2:]]
    _, analysed = _run(changed, AnalysisCache(tmp_path, version=version), gaz)
    assert analysed == [documents[1].id]
    given = Published("2020-01-01", "given", "--date")
    _, analysed = _run([dataclasses.replace(documents[2], published=given)], AnalysisCache(tmp_path, version=version),
                       gaz)
    assert analysed == [documents[2].id]  # read against another date: analysed again


def test_a_rule_change_invalidates_the_cache(tmp_path: Path, gaz: Gazetteer) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    before = analysis_version(gaz, rules=rules)
    assert before["rules"] == rules_sha256(rules) == rules_sha256(RULES)
    documents = _documents(SEEDS)[:2]
    _run(documents, AnalysisCache(tmp_path / "c", version=before), gaz)
    with (rules / "lexicon" / "forces.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"word": "legionnaires"}) + "\n")
    after = analysis_version(gaz, rules=rules)
    assert after["rules"] != before["rules"] and {k for k in after if after[k] != before[k]} == {"rules"}
    _, analysed = _run(documents, AnalysisCache(tmp_path / "c", version=after), gaz)
    assert analysed == [d.id for d in documents]


def test_a_damaged_entry_is_a_miss_and_leaves(tmp_path: Path, gaz: Gazetteer) -> None:
    documents = _documents(SEEDS)[:1]
    cache = AnalysisCache(tmp_path, version={"v": "1"})
    _run(documents, cache, gaz)
    [entry] = tmp_path.glob("*/*.json.gz")
    entry.write_bytes(entry.read_bytes()[:20])  # a torn file (it cannot happen through rename; a disk can)
    _, analysed = _run(documents, AnalysisCache(tmp_path, version={"v": "1"}), gaz)
    assert analysed == [documents[0].id]
    assert not list(tmp_path.glob("*/.*.tmp"))


def test_prune_keeps_the_most_recently_used_within_the_size(tmp_path: Path, gaz: Gazetteer) -> None:
    documents = _documents(SEEDS)
    _run(documents, AnalysisCache(tmp_path, version={"v": "1"}), gaz)
    entries = sorted(tmp_path.glob("*/*.json.gz"))
    for age, entry in enumerate(entries):
        os.utime(entry, (time.time() - 1000 + age, time.time() - 1000 + age))
    stale = entries[0].with_name(f".{entries[0].name}.999999.ab.tmp")
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    newest = entries[-1].stat().st_size
    assert prune(tmp_path, max_bytes=newest) == len(entries) - 1
    assert list(tmp_path.glob("*/*.json.gz")) == [entries[-1]] and not stale.exists()
    assert info(tmp_path).entries == 1 and clear(tmp_path) == 1 and info(tmp_path).entries == 0


def test_the_cache_command_clears(tmp_path: Path, gaz: Gazetteer) -> None:
    _run(_documents(SEEDS), AnalysisCache(tmp_path, version={"v": "1"}), gaz)
    result = CliRunner().invoke(cli, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "entries: 5" in result.output
    result = CliRunner().invoke(cli, ["cache", "clear", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0 and "removed 5 entries" in result.output
    assert info(tmp_path).entries == 0


def test_batches_keep_the_order_and_hold_a_few_hundred_kb() -> None:
    documents = _documents(SEEDS, ARTICLES)
    planned = batches(documents, 6000)
    assert [d for b in planned for d in b] == documents
    assert all(sum(len(d.text) for d in b[:-1]) < 6000 for b in planned)


@pytest.mark.full
@pytest.mark.model
def test_real_analyses_pass_through_a_cache_and_a_pickle_unchanged(seed_analyses: list[Analysis], full_gaz: Gazetteer,
                                                                  tmp_path: Path) -> None:
    """What workers send back and what the cache keeps are the analyses themselves, without texts."""
    cache = AnalysisCache(tmp_path, version=analysis_version(full_gaz))
    for a in seed_analyses:
        light = a.light()
        assert light.document.text == "" and light.characters == len(a.document.text)
        assert pickle.loads(pickle.dumps(light)) == light
        cache.put(a.document, a)
        assert cache.get(a.document) == light


# ------------------------------------------------------------------ the same result, however analysed


def _extract(tmp_path: Path, name: str, *options: str) -> dict:
    out = tmp_path / f"{name}.geojson"
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), str(ARTICLES), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.full
@pytest.mark.model
@pytest.mark.slow
def test_two_worker_processes_give_the_one_process_export(tmp_path: Path, full_db: Path, pipeline) -> None:
    """Same features, same order, same everything: batches small enough that both workers work."""
    one = _extract(tmp_path, "one", "-j", "1", "--gazetteer", str(full_db))
    two = _extract(tmp_path, "two", "-j", "2", "--batch-chars", "6000", "--gazetteer", str(full_db))
    assert [f["id"] for f in two["features"]] == [f["id"] for f in one["features"]]
    assert two == one
    assert len(one["conflictmap"]["documents"]) == 18


@pytest.mark.full
@pytest.mark.model
@pytest.mark.slow
def test_a_dask_local_cluster_gives_the_one_process_analyses(seed_analyses: list[Analysis],
                                                             full_gaz: Gazetteer) -> None:
    pytest.importorskip("distributed")
    documents = _documents(SEEDS)
    got = analyse_corpus(documents, full_gaz, dask="local", batch_chars=5000)
    assert got == [a.light() for a in seed_analyses]


def test_an_unwritable_cache_is_reported_once_and_the_run_goes_on(tmp_path: Path, gaz: Gazetteer,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = AnalysisCache(blocker / "cache", version={"v": "1"})
    documents = _documents(SEEDS)
    got, analysed = _run(documents, cache, gaz)
    assert len(got) == len(analysed) == len(documents)
    assert cache.unwritable and cache.written == 0
    assert sum("cannot write to the cache" in r.getMessage() for r in caplog.records) == 1


def test_a_country_hint_is_part_of_the_cache_key(gaz: Gazetteer) -> None:
    """The same document analysed with and without ``--country`` is two entries; the order, case
    and repetition of the codes change nothing."""
    [document] = _documents(SEEDS / sorted(os.listdir(SEEDS))[0])
    def key(*countries: str) -> str:
        return AnalysisCache(Path("/nonexistent"), version=analysis_version(gaz, countries=countries)).key(document)

    plain, hinted, same = key(), key("SY", "LB"), key("lb", "SY", "LB")
    assert plain != hinted == same


def test_a_country_hint_must_match_a_given_pipeline(gaz: Gazetteer) -> None:
    with pytest.raises(ValueError, match="other countries"):
        analyse_corpus(_documents(SEEDS), gaz, pipeline=CountingPipeline(), countries=("UA",))  # type: ignore[arg-type]


HINTED = ["Shelling hit Tripoli overnight, a spokesman said on Sunday.\n",
          "A ferry left Tripoli at dawn; the harbour master confirmed it.\n"]


def _hinted_run(tmp_path: Path, mini_db: Path, name: str, *options: str) -> tuple[list[str], int]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for i, text in enumerate(HINTED):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / f"{name}.geojson"
    result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(out), "--gazetteer", str(mini_db),
                                      "--cache-dir", str(tmp_path / "cache"), *options])
    assert result.exit_code == 0, result.output
    places = [f["properties"]["country_code"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]
              if f["properties"]["kind"] == "place" and f["properties"]["name"] == "Tripoli"]
    return places, info(tmp_path / "cache").entries


@pytest.mark.model
@pytest.mark.slow
def test_a_country_hint_reaches_the_worker_processes_and_the_cache(tmp_path: Path, mini_db: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """``--country`` gives the same export in this process and on a pool of workers, other
    entries in the cache than a run without it, and another reading of an ambiguous name."""
    monkeypatch.delenv("CONFLICTMAP_NO_CACHE")
    plain, entries = _hinted_run(tmp_path, mini_db, "plain", "-j", "1")
    assert set(plain) == {"LY"} and entries == 2
    one, entries = _hinted_run(tmp_path, mini_db, "one", "-j", "1", "--country", "LB")
    assert set(one) == {"LB"} and entries == 4
    pool, entries = _hinted_run(tmp_path, mini_db, "pool", "-j", "2", "--batch-chars", "10", "--country", "lb",
                                "--no-cache")
    assert pool == one


@pytest.mark.model
def test_a_dask_partition_reads_with_the_country_hint(mini_db: Path) -> None:
    """What each Dask worker runs, run here: the hint reaches the worker's pipeline."""
    from conflictmap.geo.cluster import _analyse_partition

    documents = [Document(f"d{i}", text, "test", "utf-8") for i, text in enumerate(HINTED)]
    for countries, expected in (((), "LY"), (("LB",), "LB")):
        analyses = _analyse_partition(documents, str(mini_db), countries)
        assert {r.place.country_code for a in analyses for r in a.places if r.place} == {expected}
