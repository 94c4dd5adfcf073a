"""Hostile and careless inputs, as an adversarial user would try them, built in ``tmp_path``.

Each case asserts what a user sees: the exit code, exactly one line on stderr when it fails, no
traceback, inputs untouched, every input accounted for. Commands whose byte-level behaviour
matters (argv that is not UTF-8, stdout on a full device, FIFOs) run as real processes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictmap.gazetteer.build import checksum_path, file_sha256
from conflictmap.geo.cli import cli
from conflictmap.geo.reading.reader import Document, Skipped, read_inputs

ARTICLE = "KYIV (Reuters) - Russian troops were moved from Kursk to Vladivostok by rail, officials said on Monday.\n"


def one_error_line(stderr: str) -> str:
    """The single line a failure prints, after checking it is the only one and not a traceback."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


@pytest.fixture
def run(mini_db: Path):
    """In-process CLI with the mini gazetteer; stdout and stderr apart."""

    def invoke(*args: str, stdin: bytes | None = None):
        return CliRunner().invoke(cli, [*args, "--gazetteer", str(mini_db)], input=stdin)

    return invoke


def run_process(args: list[str | bytes], mini_db: Path, *, stdout=subprocess.PIPE, timeout: float = 120,
                cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The CLI as a real process (its own argv bytes, stdout and stderr)."""
    return subprocess.run([sys.executable, "-m", "conflictmap.geo.cli", *args, "--gazetteer", str(mini_db)],
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, cwd=cwd, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (links and FIFOs by what they are)."""
    out: dict[str, bytes] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            out[str(p)] = b"-> " + os.readlink(p).encode()
        elif p.is_fifo():
            out[str(p)] = b"fifo"
        elif p.is_file():
            out[str(p)] = p.read_bytes()
    return out


# ------------------------------------------------------------------ outputs: never lose data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "{d}/article.txt", "-o", "{d}/article.txt"], "will not overwrite input"),
        (["map", "{d}", "-o", "{d}/article.txt"], "will not overwrite input"),
        (["map", "{d}", "-o", "{d}/m.html", "--geojson", "{d}/article.txt"], "will not overwrite input"),
        (["map", "{d}", "-o", "{d}/same.html", "--geojson", "{d}/same.html"], "are the same file"),
        (["extract", "{d}", "-o", "{t}/link.geojson"], "symbolic link"),
        (["extract", "{d}", "-o", "{t}/fifo.geojson"], "not a regular file"),
        (["extract", "{d}", "-o", "{d}"], "not a regular file"),
        (["map", "{d}", "-o", "{d}/a/b/c/m.html"], "does not exist"),
        (["extract", "{d}", "-o", "{d}/article.txt/out.geojson"], "does not exist"),
        (["extract", "{d}", "-o", "/proc/conflictmap-test.geojson"], "cannot write"),
    ],
    ids=["extract-onto-input", "map-onto-input", "geojson-onto-input", "two-outputs-one-file", "symlink",
         "fifo", "folder", "missing-folders", "parent-is-a-file", "proc"],
)
def test_an_output_that_must_not_be_written_is_refused_before_any_work(
        run, tmp_path: Path, args: list[str], message: str) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "target.geojson").write_text("{}", encoding="utf-8")
    (tmp_path / "link.geojson").symlink_to(tmp_path / "target.geojson")
    os.mkfifo(tmp_path / "fifo.geojson")
    before = snapshot(tmp_path)
    result = run(*[a.format(d=d, t=tmp_path) for a in args])
    assert result.exit_code == 2
    assert message in one_error_line(result.stderr)
    assert result.stdout == ""
    assert snapshot(tmp_path) == before  # nothing written, replaced or created
    assert not (d / "a").exists()


def test_force_allows_replacing_an_input(run, tmp_path: Path, article: Path) -> None:
    result = run("extract", str(article), "-o", str(article), "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(article.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_stdout_on_a_full_device_is_one_line(mini_db: Path, article: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = run_process(["extract", str(article)], mini_db, stdout=full)
    assert proc.returncode == 2
    assert "No space left on device" in one_error_line(proc.stderr.decode())


def test_stale_temp_files_of_killed_runs_are_removed(run, tmp_path: Path, article: Path) -> None:
    out = tmp_path / "out.geojson"
    dead = 2**22 + 12345  # above pid_max on default kernels: never a running process
    stale = tmp_path / f".out.geojson.{dead}.tmp"
    stale.write_text("half", encoding="utf-8")
    other = tmp_path / f".other.txt.{dead}.tmp"  # another target's temp: not ours to judge here
    other.write_text("x", encoding="utf-8")
    result = run("extract", str(article), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert other.exists()
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


# ------------------------------------------------------------------ inputs: every one accounted for


def test_every_input_is_read_or_skipped_with_a_reason(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (d / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (d / ".git").mkdir()
    (d / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "old.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    (d / "export.txt").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    (d / "rows.csv").write_text("kind,name\nplace,Kyiv\n", encoding="utf-8")
    (d / "map.html").write_text('<!DOCTYPE html>\n<html>\n<head>\n<meta name="generator" content="conflictmap">'
                                "<body>Kyiv</body></html>", encoding="utf-8")
    (d / "loop").symlink_to(d)
    args = [str(d), "", str(d / "rows.csv"), str(d / "old.geojson")]
    items = list(read_inputs(args))
    docs = [i for i in items if isinstance(i, Document)]
    skipped = {(Path(s.source).name if s.source != "''" else ""): s.reason for s in items if isinstance(s, Skipped)}
    assert [d.id for d in docs] == ["article"]
    assert skipped == {
        ".hidden.txt": "hidden file",
        ".git": "hidden folder",
        "old.geojson": "a .geojson file is data, not an article (conflictmap reads .txt and .html)",
        "export.txt": "JSON data, not an article",
        "rows.csv": "a .csv file is data, not an article (conflictmap reads .txt and .html)",
        "map.html": "a map drawn by conflictmap, not an article",
        "loop": "link to a folder (not followed)",
        "": "empty path",
    }
    # named outright, data files are still data (and listed once per mention)
    assert sum(1 for i in items if isinstance(i, Skipped) and i.source.endswith("old.geojson")) == 2


def test_a_folder_a_thousand_levels_deep(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(1000):
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "top.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        docs = [i.id for i in read_inputs([str(tmp_path)]) if isinstance(i, Document)]
        assert sorted(docs) == ["bottom", "top"]
    finally:  # bottom up, without recursion: pytest's own clean-up of old runs recurses and would fail
        (deep / "bottom.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_rerunning_map_into_its_input_folder_skips_the_old_map(run, tmp_path: Path, article: Path) -> None:
    out = tmp_path / "map.html"
    assert run("map", str(tmp_path), "-o", str(out)).exit_code == 0
    result = run("map", str(tmp_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"skipped {out}: a map drawn by conflictmap, not an article" in result.stderr
    assert "documents: 1 read, 1 skipped" in result.stderr


def test_nul_bytes_are_judged_the_same_wherever_they_sit(tmp_path: Path) -> None:
    body = ARTICLE * 200  # ~20 KB
    early, late = tmp_path / "early.txt", tmp_path / "late.txt"
    early.write_bytes(b"\x00" + body.encode())
    late.write_bytes(body.encode() + b"\x00")
    docs = {i.id: i for i in read_inputs([str(early), str(late)]) if isinstance(i, Document)}
    assert set(docs) == {"early", "late"}
    assert "\x00" not in docs["early"].text and len(docs["early"].text) == len(body) + 1  # offsets kept


def test_a_document_over_the_character_limit_is_skipped_with_its_reason(run, tmp_path: Path, article: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text(ARTICLE * 40, encoding="utf-8")
    result = run("extract", str(article), str(long), "--max-chars", "2000")
    assert result.exit_code == 0, result.output
    skipped = json.loads(result.stdout)["conflictmap"]["skipped"]
    assert skipped == [{"source": str(long), "reason": "4,160 characters, over the limit of 2,000 for one document "
                                                       "(split it, or raise --max-chars)"}]


def test_file_names_that_are_not_utf8_are_escaped_never_fatal(mini_db: Path, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as fh:
        fh.write(ARTICLE.encode())
    out = tmp_path / "out.geojson"
    proc = run_process(["extract", folder + b"/caf\xe9.txt", "-o", str(out)], mini_db)
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes().decode("utf-8")  # valid UTF-8
    assert [d["id"] for d in json.loads(data)["conflictmap"]["documents"]] == ["caf\\xe9"]
    proc = run_process(["extract", folder], mini_db)  # through a folder, to stdout
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["conflictmap"]["documents"][0]["id"] == "caf\\xe9"


def test_a_file_name_cannot_forge_a_log_line(run, tmp_path: Path, article: Path) -> None:
    forged = tmp_path / "x\nconflictmap: all good \x1b[32mOK.txt"
    forged.write_bytes(b"\x00\x01\x02binary")
    result = run("extract", str(article), str(forged))
    assert result.exit_code == 0, result.output
    assert not any(line.startswith("conflictmap: all good") for line in result.stderr.splitlines())
    assert "\x1b" not in result.stderr
    assert "x\\nconflictmap: all good \\x1b[32mOK.txt: binary file" in result.stderr


# ------------------------------------------------------------------ resolve and check


def test_resolve_escapes_control_characters(run) -> None:
    result = run("resolve", "\x1b[31mKyiv\x1b[0m\r")
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "\\x1b[31mKyiv" in result.output


def test_resolve_with_an_argument_that_is_not_utf8(mini_db: Path) -> None:
    proc = run_process(["resolve", b"Ky\xffiv"], mini_db)
    assert proc.returncode == 2
    assert "argument is not valid UTF-8: Ky\\xffiv" in one_error_line(proc.stderr.decode())


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ('name,lat,lon\n"Kyiv,50,30\n', "not a usable CSV at line 2"),
        ("name,lat,lon\nKyiv,nan,30\n", "line 2: lat nan is outside -90..90"),
        ("name,lat,lon\nKyiv,inf,30\n", "line 2: lat inf is outside"),
        ("name,lat,lon\nKyiv,1e999,30\n", "line 2: lat 1e999 is outside"),
        ("name,lat,lon\nKyiv,95,30\n", "line 2: lat 95 is outside"),
        ("name,lat,lon\nKyiv,50,400\n", "line 2: lon 400 is outside -180..180"),
        ("name,lat,lon,km\nKyiv,50,30,nan\n", "line 2: km nan is outside"),
        ("# a comment\nname,lat,lon\n# another\nKyiv,50,30\nKursk,x,1\n", "line 5: lat is not a number"),
    ],
    ids=["unbalanced-quote", "nan", "inf", "overflow", "lat-95", "lon-400", "km-nan", "line-numbers-with-comments"],
)
def test_check_refuses_bad_rows_in_one_line(run, tmp_path: Path, csv_text: str, message: str) -> None:
    path = tmp_path / "checks.csv"
    path.write_text(csv_text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert message in one_error_line(result.stderr)


def test_check_line_numbers_count_comment_lines(run, tmp_path: Path) -> None:
    path = tmp_path / "checks.csv"
    path.write_text("# header comment\nname,country\n# skip me\nKyiv,UA\nKyiv,FR\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "1 passed, 1 failed" in result.stdout


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "folder"])
def test_check_reads_only_regular_files(mini_db: Path, tmp_path: Path, special: str) -> None:
    target = {"fifo": tmp_path / "checks.csv", "/dev/zero": Path("/dev/zero"), "folder": tmp_path}[special]
    if special == "fifo":
        os.mkfifo(target)
    proc = run_process(["check", str(target)], mini_db, timeout=30)  # a hang fails here
    assert proc.returncode == 2
    assert "not a regular file" in one_error_line(proc.stderr.decode()) or special == "folder"


# ------------------------------------------------------------------ the gazetteer


def _copy_db(mini_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "g.sqlite"
    copy.write_bytes(mini_db.read_bytes())
    checksum_path(copy).write_text(checksum_path(mini_db).read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def test_flipped_bits_are_noticed_by_every_command(mini_db: Path, tmp_path: Path) -> None:
    db = _copy_db(mini_db, tmp_path)
    data = bytearray(db.read_bytes())
    for i in range(200):  # 200 single-bit flips past the header, in the data pages
        pos = 4096 + (i * 7919) % (len(data) - 4096)
        data[pos] ^= 1 << (i % 8)
    db.write_bytes(bytes(data))
    checks = tmp_path / "c.csv"
    checks.write_text("name\nKyiv\n", encoding="utf-8")
    for args in (["resolve", "Kyiv"], ["check", str(checks)], ["gazetteer", "verify"], ["gazetteer", "info"]):
        result = CliRunner().invoke(cli, [*args, "--gazetteer", str(db)])
        assert result.exit_code == 2, (args, result.output)
        line = one_error_line(result.stderr)
        assert "damaged" in line or "checksum" in line, line


def test_an_unknown_place_kind_is_a_damaged_gazetteer(mini_db: Path, tmp_path: Path) -> None:
    db = _copy_db(mini_db, tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE places SET kind = 'volcano'")
    checksum_path(db).write_text(f"{file_sha256(db)}  {db.name}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", "Kyiv", "--gazetteer", str(db)])
    assert result.exit_code == 2
    assert "unknown kind 'volcano'" in one_error_line(result.stderr)


def test_build_to_an_unwritable_place_fails_before_any_work(tmp_path: Path) -> None:
    cases = {"/proc/conflictmap.sqlite": "cannot write /proc/conflictmap.sqlite: No such file",
             str(tmp_path / "missing" / "g.sqlite"): "folder " + str(tmp_path / "missing") + " does not exist",
             str(tmp_path): "is a directory"}
    for output, message in cases.items():
        proc = subprocess.run([sys.executable, "-m", "conflictmap.geo.cli", "gazetteer", "build", "--output", output],
                              capture_output=True, text=True, timeout=20, check=False)  # a build takes a minute
        assert proc.returncode == 2
        assert message in proc.stderr.splitlines()[-1]
        assert "Traceback" not in proc.stderr


def test_only_one_process_builds_the_default_gazetteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import conflictmap.gazetteer
    import conflictmap.gazetteer.build as build_module
    from conflictmap.gazetteer.sources import read_curated, read_tsv
    from tests.conftest import MINI_TSV

    builds = []
    real_build = build_module.build

    def counted(*args, **kwargs):
        builds.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(build_module, "default_sources", lambda n: [lambda: read_tsv(MINI_TSV), read_curated])
    monkeypatch.setattr(build_module, "build", counted)
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER", str(tmp_path / "cache" / "g.sqlite"))
    stale = tmp_path / "cache" / f".g.sqlite.{2**22 + 1}.tmp"
    stale.parent.mkdir()
    stale.write_bytes(b"killed build")
    opened = []
    threads = [threading.Thread(target=lambda: opened.append(conflictmap.gazetteer.open_gazetteer())) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(opened) == 2
    assert builds == [1]
    assert not stale.exists()


def test_a_missing_map_asset_is_one_line_not_a_traceback(run, tmp_path: Path, article: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from conflictmap.maps import assets

    monkeypatch.setattr(assets, "resources", dict)  # an asset package that carries nothing
    out = tmp_path / "map.html"
    result = run("map", str(article), "-o", str(out))
    assert result.exit_code == 2
    assert "no offline copy of https://" in one_error_line(result.stderr)
    assert not out.exists()


def test_an_unexpected_error_is_one_line_with_exit_3(run, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import conflictmap.geo.export.spill

    def broken(*_args, **_kwargs):
        raise TypeError("a bug")

    monkeypatch.setattr(conflictmap.geo.export.spill, "fuse_movements", broken)
    result = run("extract", str(article))
    assert result.exit_code == 3
    assert "internal error, please report it: TypeError: a bug" in one_error_line(result.stderr)


def test_a_failure_while_the_export_streams_keeps_the_previous_file(run, article: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The export is written feature by feature; a failure after the first pieces leaves the
    previous file whole and no temp file or spilled records behind."""
    import conflictmap.geo.export.spill

    def broken(*_args, **_kwargs):
        raise TypeError("a bug among the statements")

    monkeypatch.setattr(conflictmap.geo.export.spill, "statement_feature", broken)
    (tmp_path / "spill").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "spill"))  # where the records are spilled
    out = tmp_path / "out" / "export.geojson"
    out.parent.mkdir()
    out.write_text("the previous export", encoding="utf-8")
    result = run("extract", str(article), "-o", str(out))
    assert result.exit_code == 3
    assert "TypeError: a bug among the statements" in one_error_line(result.stderr)
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in out.parent.iterdir()] == ["export.geojson"]
    assert list((tmp_path / "spill").iterdir()) == []


def test_a_failure_while_the_export_streams_prints_nothing_on_stdout(run, article: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Stdout is all or nothing too: no half a FeatureCollection for the next program in a pipe."""
    import conflictmap.geo.export.spill

    def broken(*_args, **_kwargs):
        raise TypeError("a bug among the statements")

    monkeypatch.setattr(conflictmap.geo.export.spill, "statement_feature", broken)
    result = run("extract", str(article))
    assert result.exit_code == 3
    assert result.stdout == ""


def _with_other_priors(mini_db: Path, tmp_path: Path) -> Path:
    db = _copy_db(mini_db, tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE meta SET value = 'older' WHERE key = 'priors'")
    checksum_path(db).write_text(f"{file_sha256(db)}  {db.name}\n", encoding="utf-8")
    return db


def test_a_gazetteer_built_with_other_priors_is_refused_at_an_explicit_path(mini_db: Path, tmp_path: Path) -> None:
    db = _with_other_priors(mini_db, tmp_path)
    result = CliRunner().invoke(cli, ["resolve", "Kyiv", "--gazetteer", str(db)])
    assert result.exit_code == 2
    assert "built with other ranking priors" in one_error_line(result.stderr)


def test_the_default_gazetteer_built_with_other_priors_is_rebuilt(mini_db: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import conflictmap.gazetteer
    import conflictmap.gazetteer.build as build_module
    from conflictmap.gazetteer.sources import read_curated, read_tsv
    from conflictmap.gazetteer.weights import WEIGHTS
    from tests.conftest import MINI_TSV

    db = _with_other_priors(mini_db, tmp_path)
    monkeypatch.setattr(build_module, "default_sources", lambda n: [lambda: read_tsv(MINI_TSV), read_curated])
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER", str(db))
    gaz = conflictmap.gazetteer.open_gazetteer()
    assert gaz.meta["priors"] == build_module.inputs_digest() != WEIGHTS.priors.digest()
    assert gaz.best("Kyiv") is not None


def test_an_edited_curated_file_makes_the_gazetteer_stale(mini_db: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A row added to the curated places (a sea, an alias) is not in a gazetteer built before it:
    that gazetteer is stale, as it is after a change of the priors."""
    import conflictmap.gazetteer.build as build_module
    from conflictmap.gazetteer import Gazetteer, GazetteerStale
    from conflictmap.gazetteer.sources import CURATED_FILE

    edited = tmp_path / CURATED_FILE.name
    edited.write_text(CURATED_FILE.read_text(encoding="utf-8")
                      + "curated:test-sea,Test Sea,water,,1,1,sea,,,a test row,none\n", encoding="utf-8")
    Gazetteer(mini_db).close()
    files = tuple(edited if f == CURATED_FILE else f for f in build_module.BUILD_DATA_FILES)
    monkeypatch.setattr(build_module, "BUILD_DATA_FILES", files)
    build_module.inputs_digest.cache_clear()
    try:
        with pytest.raises(GazetteerStale, match="other ranking priors or curated data"):
            Gazetteer(mini_db)
    finally:
        monkeypatch.undo()
        build_module.inputs_digest.cache_clear()
    Gazetteer(mini_db).close()
