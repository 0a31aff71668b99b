"""Reading a ledger file as checked rows, chunk by chunk: in this process for a small file,
in a reader process beside the writing one for a large file, so that on two cores the next
chunk is parsed while SQLite writes the last (parsing is a third of a large import).

The header row is checked first, so a wrong header is refused at once; a file that cannot be
read further is refused at the chunk where it breaks, in either process."""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from legalaid.domain.errors import LegalAidError, RowErrors, ValidationError, ValidationErrors
from legalaid.domain.ledger import Columns, check_headers
from legalaid.services.plumbing.ledger_files import bulk_objects, read_rows

Progress = Callable[[str, int, int], None]
R = TypeVar("R")

CHUNK = 2000
# Below this a file is parsed in this process: starting a reader process (about half a
# second: a fresh interpreter imports the parsers) costs more than it saves.
PARALLEL_BYTES = 4 << 20
# Chunks parsed ahead of the writer at most: memory stays flat however large the file.
AHEAD = 4


def no_progress(_stage: str, _done: int, _total: int) -> None:
    return None


def cell_problem(row: int, column: str, value: object, text: str) -> ValidationError:
    """A problem of one cell, worded as the row reader words them (第N行「列」：…)."""
    return ValidationError(f"第{row}行「{column}」：{text}", row=row, field=column, value=value)


def read_checked(
    path: Path,
    columns: Columns,
    parse: Callable[..., R],
    today: date,
    progress: Progress,
    title: str,
) -> tuple[list[R], list[ValidationError]]:
    """Read a ledger file and check every row: the rows that passed and every problem of
    those that did not (all of them, so one list can be worked through). A wrong header row
    or a file without rows is refused at once."""
    rows: list[R] = []
    problems: list[ValidationError] = []
    for chunk, chunk_problems in checked_chunks(path, columns, parse, today, progress, title):
        rows += chunk
        problems += chunk_problems
    if not rows and not problems:
        raise ValidationError(f"{title}「{path.name}」中没有数据行", field="文件")
    return rows, problems


def checked_chunks(
    path: Path,
    columns: Columns,
    parse: Callable[..., R],
    today: date,
    progress: Progress,
    title: str,
) -> Iterator[tuple[list[R], list[ValidationError]]]:
    """The file's rows, checked, CHUNK at a time, with the problems of those that failed.
    ``parse`` must be a module-level function (a reader process imports it by name)."""
    if path.is_file() and path.stat().st_size >= PARALLEL_BYTES:
        # The reader checks the header too, first (a workbook is not opened twice for it).
        return _from_reader_process(_Source(path, columns, parse, today, title), progress)
    return _parsed(_checked_header(path, columns, title), parse, today, progress, CHUNK)


@dataclass(frozen=True)
class _Source:
    """What a reader process needs to read a file as this process would."""

    path: Path
    columns: Columns
    parse: Callable[..., Any]
    today: date
    title: str


def _checked_header(path: Path, columns: Columns, title: str) -> Iterator[dict[str, Any]]:
    headers, raw_rows = read_rows(path)
    header_problems = check_headers(headers, columns)
    if header_problems:
        raw_rows.close()  # type: ignore[attr-defined]
        raise ValidationErrors(
            [ValidationError(p, row=1) for p in header_problems],
            heading=f"{title}「{path.name}」的列名有误：",
        )
    return raw_rows


def _parsed(
    raw_rows: Iterator[dict[str, Any]],
    parse: Callable[..., R],
    today: date,
    progress: Progress,
    chunk: int,
) -> Iterator[tuple[list[R], list[ValidationError]]]:
    rows: list[R] = []
    problems: list[ValidationError] = []
    for number, raw in enumerate(raw_rows, start=2):
        if raw:  # else a blank line
            try:
                rows.append(parse(raw, number, today=today))
            except RowErrors as exc:
                problems.extend(exc.problems)
        if (number - 1) % chunk == 0:  # ``chunk`` data rows read
            yield rows, problems
            rows, problems = [], []
            if (number - 1) % 10000 == 0:
                progress("检查", number - 1, 0)
    if rows or problems:
        yield rows, problems


def _from_reader_process(
    source: _Source, progress: Progress
) -> Iterator[tuple[list[Any], list[ValidationError]]]:
    # spawn, not fork: the writing process holds a database connection and maybe a GUI,
    # neither of which survives a fork; spawn is also what Windows has.
    context = multiprocessing.get_context("spawn")
    channel: Any = context.Queue(maxsize=AHEAD)
    reader = context.Process(
        target=read_in_process,
        args=(source, CHUNK, channel),
        name="legalaid-ledger-reader",
        daemon=True,
    )
    try:
        reader.start()
        first: tuple[Any, ...] | None = _next_message(channel, reader)
    except (OSError, RuntimeError):
        # No reader process in this environment (an interpreter that cannot spawn itself, a
        # process limit): the file is read here, only slower.
        first = None
    if first is None:
        _stop(reader, channel)
        raw_rows = _checked_header(source.path, source.columns, source.title)
        yield from _parsed(raw_rows, source.parse, source.today, progress, CHUNK)
        return
    try:
        read = 0
        message = first
        while True:
            if message[0] == "rows":
                _, rows, problems, read = message
                yield rows, problems
                if read % 10000 < CHUNK:
                    progress("检查", read, 0)
            elif message[0] == "problem":
                _, text, field, row = message
                raise ValidationError(text, field=field, row=row)
            elif message[0] == "problems":  # the header's: each named, as read here
                _, heading, listed = message
                raise ValidationErrors(
                    [ValidationError(t, field=f, row=r, value=v) for t, f, r, v in listed],
                    heading=heading,
                )
            elif message[0] == "failed":
                raise RuntimeError(f"读取台账的进程出错：{message[1]}")
            else:  # "end"
                break
            message = _next_message(channel, reader)
        reader.join()
    finally:  # the writer stopped early (a problem, Cancel): the reader goes too
        _stop(reader, channel)


def _stop(reader: Any, channel: Any) -> None:
    if reader.is_alive():
        reader.terminate()
        reader.join()
    channel.close()
    channel.join_thread()


def _next_message(channel: Any, reader: Any) -> tuple[Any, ...]:
    """The reader's next message; a reader that ended without one (killed) is an error, not
    a wait for ever."""
    while True:
        try:
            return channel.get(timeout=0.5)  # type: ignore[no-any-return]
        except queue.Empty:
            if not reader.is_alive():
                try:
                    return channel.get(timeout=0.5)  # type: ignore[no-any-return]
                except queue.Empty:
                    raise RuntimeError(
                        f"读取台账的进程意外退出（代码 {reader.exitcode}）"
                    ) from None


def read_in_process(source: _Source, chunk: int, channel: Any) -> None:
    """The reader process: checked chunks into ``channel``, then "end" — or the problem that
    stopped the reading, as plain values (an exception's own pickling loses its fields)."""
    try:
        raw_rows = _checked_header(source.path, source.columns, source.title)
        read = 0
        with bulk_objects():
            parse, today = source.parse, source.today
            for rows, problems in _parsed(raw_rows, parse, today, no_progress, chunk):
                read += chunk
                channel.put(("rows", rows, problems, read))
        channel.put(("end",))
    except ValidationErrors as exc:
        listed = [(p.message, p.field, p.row, p.value) for p in exc.problems]
        channel.put(("problems", exc.message.split("\n", 1)[0], listed))
    except LegalAidError as exc:
        field = getattr(exc, "field", None)
        channel.put(("problem", exc.message, field, getattr(exc, "row", None)))
    except Exception as exc:
        channel.put(("failed", f"{type(exc).__name__}: {exc}"))
    channel.close()
    channel.join_thread()
