"""Decide, before any long work, that the files a run will write can be written and may be.

A run never overwrites one of its own inputs (unless forced), never writes two outputs to one
file, never replaces a symbolic link, FIFO, device or folder with a file, and never creates a
folder. Each refusal is an :class:`~geo.errors.OutputError` with a one-line reason.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from conflictmap.gazetteer.atomic import remove_stale_temps, temp_path
from conflictmap.geo.errors import OutputError
from conflictmap.geo.reading.reader import printable


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_outputs(outputs: Sequence[tuple[str, Path]], inputs: Iterable[Path], *, force: bool = False) -> None:
    """Check each ``(option, path)`` of ``outputs`` against the run's ``inputs`` (the files it
    reads). Raises :class:`OutputError` for the first output that must not be written.

    ``force`` allows overwriting an input; nothing allows the rest.
    """
    inputs = list(inputs)
    for i, (option, path) in enumerate(outputs):
        shown = printable(str(path))
        for other_option, other in outputs[:i]:
            if Path(os.path.abspath(path)) == Path(os.path.abspath(other)) or _same(path, other):
                raise OutputError(f"{option} and {other_option} are the same file ({shown}); give two paths")
        if path.is_symlink():
            raise OutputError(f"will not replace {shown}: it is a symbolic link (give the file it points to)")
        if path.exists() and not path.is_file():
            raise OutputError(f"will not write {shown}: it exists and is not a regular file")
        parent = path.parent
        if not parent.is_dir():
            raise OutputError(f"cannot write {shown}: folder {printable(str(parent))} does not exist")
        if not force and path.exists() and any(_same(path, source) for source in inputs):
            raise OutputError(f"will not overwrite input {shown} ({option}); use --force to replace it")
        remove_stale_temps(path)
        probe = temp_path(path)
        try:
            probe.open("xb").close()
        except FileExistsError:
            pass  # our own temp file from this process
        except OSError as exc:
            raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from exc
        else:
            with contextlib.suppress(OSError):
                probe.unlink()
