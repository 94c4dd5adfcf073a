"""What the wheel installs: one import namespace, ``conflictmap``, and no generic top-level names."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The file list of a wheel built from this tree, offline (no build isolation, no download)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out)], check=True, capture_output=True, timeout=300)
    [wheel] = out.glob("conflictmap-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def test_the_wheel_installs_only_the_conflictmap_namespace(wheel_names: list[str]) -> None:
    tops = {name.split("/")[0] for name in wheel_names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"conflictmap"}
    for package in ("gazetteer", "geo", "maps"):
        assert f"conflictmap/{package}/__init__.py" in wheel_names
    assert "conflictmap/__init__.py" in wheel_names
    assert "conflictmap/gazetteer/data/curated.csv" in wheel_names  # data files travel with their package
    assert "conflictmap/geo/data/organisations.csv" in wheel_names
    assert "conflictmap/geo/data/models/cue_model.json" in wheel_names
    assert "conflictmap/gazetteer/checks/seeds.csv" in wheel_names


def test_the_facade_imports_nothing_heavy() -> None:
    code = ("import sys, conflictmap; assert callable(conflictmap.analyse) and callable(conflictmap.render); "
            "print(' '.join(m for m in ('spacy', 'folium', 'geopandas', 'shapely') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


@pytest.mark.model
def test_the_facade_analyses_and_renders(mini_db: Path, tmp_path: Path) -> None:
    import conflictmap

    article = tmp_path / "a.txt"
    article.write_text("KYIV (Reuters) - Russian troops were moved from Kursk to Vladivostok by rail, officials "
                       "said on Monday.\n", encoding="utf-8")
    collection = conflictmap.analyse([article, tmp_path / "missing.txt"], gazetteer=mini_db)
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert "movement" in kinds and "place" in kinds
    assert [s["source"] for s in collection["conflictmap"]["skipped"]] == [str(tmp_path / "missing.txt")]
    page = conflictmap.render(collection, tmp_path / "map.html", gazetteer=conflictmap.open_gazetteer(mini_db))
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_every_library_error_is_under_one_root() -> None:
    """Each exception class conflictmap defines descends from ConflictmapError (the CLI's own
    click exception excepted: it is the edge that turns the others into exit codes)."""
    import importlib
    import inspect
    import pkgutil

    import conflictmap

    defined = []
    for info in pkgutil.walk_packages(conflictmap.__path__, "conflictmap."):
        module = importlib.import_module(info.name)
        defined += [c for _, c in inspect.getmembers(module, inspect.isclass)
                    if issubclass(c, BaseException) and c.__module__ == module.__name__]
    assert len(defined) >= 9
    strays = [c.__qualname__ for c in defined
              if not issubclass(c, conflictmap.ConflictmapError) and c.__module__ != "conflictmap.geo.cli"]
    assert strays == []


def test_the_library_never_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capfd: pytest.CaptureFixture[str]) -> None:
    """Building the default gazetteer from library code draws no bar and prints nothing: it logs."""
    import conflictmap.gazetteer.build as build_module
    from conflictmap.gazetteer import open_gazetteer
    from conflictmap.gazetteer.sources import read_curated, read_tsv
    from tests.conftest import MINI_TSV

    monkeypatch.setattr(build_module, "default_sources", lambda n: [lambda: read_tsv(MINI_TSV), read_curated])
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER", str(tmp_path / "g.sqlite"))
    open_gazetteer().close()
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@pytest.mark.model
def test_one_gazetteer_object_serves_the_pipeline_and_its_component(mini_db: Path) -> None:
    from conflictmap.geo.pipeline import Pipeline

    pipeline = Pipeline(gazetteer=mini_db)
    assert pipeline.nlp.get_pipe("conflictmap_places").gaz is pipeline.gaz


@pytest.mark.parametrize("module", ["conflictmap.geo.export.fusion", "conflictmap.geo.export.outputs",
                                    "conflictmap.geo.records", "conflictmap.geo.reading.reader"])
def test_the_export_and_reading_rooms_load_no_spacy(module: str) -> None:
    code = f"import sys, {module}; print('spacy' in sys.modules, 'thinc' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_make_demo_creates_the_folder_it_writes_to() -> None:
    """conflictmap never creates an output folder, so the demo recipe must (make -n: print, run nothing)."""
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make not installed")
    recipe = subprocess.run(["make", "-n", "demo"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = recipe.splitlines()
    written = [i for i, line in enumerate(lines) if "conflictmap map" in line and "-o out/" in line]
    made = [i for i, line in enumerate(lines) if line.startswith("mkdir -p out")]
    assert written and made and made[0] < written[0]
