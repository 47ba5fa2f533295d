"""Progress for the CLI: articles by stage with rate and ETA, then the corpus stages.

On a terminal it is a live bar; elsewhere (a log, CI) it is a plain line every
``every`` seconds, so a long run is never silent and a short one stays quiet.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RunProgress:
    """The hook ``Pipeline.run`` calls with ``(stage, done, total)``."""

    def __init__(self, console: Console, *, every: float = 10.0) -> None:
        self.console = console
        self.live = console.is_terminal
        self.every = every
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar = Progress(
            TextColumn("[bold]{task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"),
            RateColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not self.live,
        )
        self.articles = self.bar.add_task("ingest", total=None, unit="articles")
        self.corpus: TaskID | None = None
        self.items: TaskID | None = None  # the items of the running corpus stage

    def __enter__(self) -> RunProgress:
        self.bar.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.bar.__exit__(kind, exc, trace)

    def __call__(self, what: str, done: int, total: int) -> None:
        if what.startswith("corpus item: "):
            name = what.removeprefix("corpus item: ")
            if self.items is None:
                self.items = self.bar.add_task(name, total=total, unit="items")
            self.bar.update(self.items, description=name, completed=done, total=total)
        elif what.startswith("corpus: "):
            name = what.removeprefix("corpus: ")
            if self.corpus is None:
                self.corpus = self.bar.add_task("corpus", total=total, unit="stages")
            self.bar.update(self.corpus, description=f"corpus: {name}", completed=done)
        else:
            self.bar.update(self.articles, description=what, completed=done, total=total)
        if not self.live:
            self._plain(what, done, total)

    def _plain(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last_line < self.every:
            return
        self.last_line = now
        if what.startswith("corpus item: "):
            line = f"{what.removeprefix('corpus item: ')}: {done}/{total} items"
        elif what == "corpus: done":
            line = f"corpus: all {total} stages done"
        elif what.startswith("corpus: "):
            line = f"{what} (stage {done + 1} of {total})"
        else:
            elapsed = now - self.started
            rate = done / elapsed if elapsed > 0 else 0.0
            eta = _clock((total - done) / rate) if rate > 0 and total >= done else "?"
            line = f"{what}: {done}/{total} articles, {rate:.1f}/s, ETA {eta}"
        self.console.print(f"[{_clock(now - self.started)}] {line}", highlight=False)
