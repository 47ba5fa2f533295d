"""The command line. Small commands over one pipeline and one store.

Exit codes (also in docs/CLI.md):
  0  success (rejected inputs are reported, not failures)
  1  internal error: a bug; rerun with --debug for the traceback
  2  usage error: unknown option, missing argument
  3  input error: nothing readable among the paths given
  4  configuration error: bad config file, unknown stage, bad stage order
  5  store error: the database cannot be opened or written (locked by another writer?)
  6  a stage failed on something other than bad input
  7  output error: a file could not be written (disk full, no permission, read-only)
  8  a feature needs an extra that is not installed (the message names it)
"""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table
from typer.core import TyperOption

from crosswire import __version__
from crosswire.config import Settings, load_settings
from crosswire.errors import (
    ConfigError,
    CrosswireError,
    InputError,
    MissingExtraError,
    StageError,
    StoreError,
)
from crosswire.extras import require
from crosswire.progress import RunProgress
from crosswire.safeio import terminal_safe
from crosswire.store import Store, open_store


def _flag_type(display: Any) -> Any:
    """Typer's help shows every flag as `--debug <bool>`; a flag takes no value, so show none."""

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_bool_flag", False) else display(self, ctx)

    return display_type_rich


TyperOption.display_type_rich = _flag_type(TyperOption.display_type_rich)  # type: ignore[method-assign]  # a display-only fix of Typer's help

EXIT_INTERNAL, EXIT_INPUT, EXIT_CONFIG, EXIT_STORE, EXIT_STAGE = 1, 3, 4, 5, 6
EXIT_OUTPUT = 7
EXIT_EXTRA = 8
# Write failures the user can fix (free space, permissions), not bugs.
_OUTPUT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.EFBIG}
)

app = typer.Typer(
    name="crosswire",
    help="Turn a pile of news articles into a cross-checked situation picture, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
articles_app = typer.Typer(help="List and show stored articles.", no_args_is_help=True)
app.add_typer(articles_app, name="articles")

out_console = Console()
# soft_wrap: an error stays one line however long its path is.
err_console = Console(stderr=True, soft_wrap=True)
_state: dict[str, Any] = {"debug": False}

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="A TOML file merged over the defaults.")
]
# The one default store: `run` writes it (under its --out folder, `out` by default) and
# `ingest`, `articles`, `export` and `serve` read it when --db is not given.
DEFAULT_OUT = Path("out")
DEFAULT_STORE = DEFAULT_OUT / "crosswire.duckdb"
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=f"Store: a DuckDB file (default {DEFAULT_STORE}; `run` uses OUT/crosswire.duckdb) "
        "or a PostgreSQL conninfo with --backend.",
    ),
]
BackendOption = Annotated[
    str | None, typer.Option("--backend", help="Store backend: duckdb (default) or postgres.")
]


def _version(value: bool) -> None:
    if value:
        out_console.print(f"crosswire {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    _state["debug"] = debug


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn errors into one clear line and a documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except CrosswireError as exc:
        if _state["debug"]:
            err_console.print_exception()
        code = {
            InputError: EXIT_INPUT,
            ConfigError: EXIT_CONFIG,
            StoreError: EXIT_STORE,
            StageError: EXIT_STAGE,
            MissingExtraError: EXIT_EXTRA,
        }.get(type(exc), EXIT_INTERNAL)
        err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(code) from None
    except KeyboardInterrupt:
        err_console.print("interrupted: finished batches are stored; run again to resume")
        raise typer.Exit(130) from None
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            _internal(exc)
        if _state["debug"]:
            err_console.print_exception()
        where = f" {exc.filename}" if exc.filename else ""
        message = escape(terminal_safe(f"cannot write{where}: {exc.strerror or exc}"))
        err_console.print(f"[bold red]output error:[/] {message}", highlight=False)
        raise typer.Exit(EXIT_OUTPUT) from None
    except Exception as exc:  # a bug: say so, and how to see more
        _internal(exc)


def _internal(exc: Exception) -> NoReturn:
    if _state["debug"]:
        err_console.print_exception()
    else:
        err_console.print(
            f"[bold red]internal error:[/] {type(exc).__name__}: {escape(terminal_safe(str(exc)))} "
            "(rerun with --debug for the traceback)",
            highlight=False,
        )
    raise typer.Exit(EXIT_INTERNAL) from None


def _settings(config: Path | None, db: str | None, backend: str | None) -> Settings:
    """Settings with the store chosen: --db, else the config's, else the default store."""
    settings = load_settings(config, {"store.path": db, "store.backend": backend})
    if not settings.store.path and settings.store.backend == "duckdb":
        store = settings.store.model_copy(update={"path": str(DEFAULT_STORE)})
        settings = settings.model_copy(update={"store": store})
    return settings


def _read_stdin(paths: list[str]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in paths else None


@app.command()
def run(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or directories; '-' reads stdin. None: the sample corpus."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the brief.")] = Path("out"),
    config: ConfigOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Re-process inputs already stored.")
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date of every input (YYYY-MM-DD, YYYY-MM or YYYY); "
            'a sidecar FILE.meta.json with {"published": ...} overrides it per file.',
        ),
    ] = None,
) -> None:
    """Run the whole pipeline; write brief.json, .md, .html, events.geojson, rejections.csv."""
    from crosswire.api import run_corpus
    from crosswire.brief import build_brief, write_brief

    with _user_errors():
        settings = load_settings(
            config,
            {"store.path": db, "store.backend": backend, "stages.metadata.published": published},
        )
        if not settings.store.path and settings.store.backend == "duckdb":
            store = settings.store.model_copy(update={"path": str(out / "crosswire.duckdb")})
            settings = settings.model_copy(update={"store": store})
        paths = paths or []
        with RunProgress(err_console) as progress:
            corpus = run_corpus(
                paths, settings=settings, stdin=_read_stdin(paths), refresh=refresh,
                progress=progress,
            )  # fmt: skip
        brief = build_brief(corpus)
        written = write_brief(brief, corpus, out)
    _print_summary(brief)
    for path in written:
        out_console.print(f"wrote {path}")
    _print_store(settings)


def _print_store(settings: Settings) -> None:
    if settings.store.backend != "duckdb":
        out_console.print(f"store: {settings.store.backend}", highlight=False)
        return
    path = Path(settings.store.path)
    if path == DEFAULT_STORE:
        hint = "`crosswire export`, `serve` and `articles` read it by default"
    else:
        hint = f"pass `--db {path}` to `crosswire export`, `serve` and `articles`"
    out_console.print(f"store: {path} ({hint})", highlight=False)


def _print_summary(brief: dict[str, Any]) -> None:
    table = Table(title="crosswire run", show_header=False)
    for key in ("articles", "entities", "places", "events", "claims", "stories", "rejections"):
        table.add_row(key, str(len(brief[key])))
    copies = sum(1 for r in brief["rejections"] if r.get("reason") == "duplicate")
    if copies:
        table.add_row("copies", f"{copies} (byte-identical inputs, read once)")
    out_console.print(table)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories; '-' reads stdin.")],
    config: ConfigOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="Re-process stored inputs.")] = False,
) -> None:
    """Read, extract and clean articles into the store, without the corpus-wide stages."""
    from crosswire.api import discover_inputs
    from crosswire.model import Corpus
    from crosswire.pipeline import Pipeline

    with _user_errors():
        settings = _settings(config, db, backend)
        inputs, missing = discover_inputs(paths, settings, _read_stdin(paths))
        pipeline = Pipeline(settings)
        document_only = [b.info.name for b in pipeline.document_stages]
        settings = settings.model_copy(
            update={"pipeline": settings.pipeline.model_copy(update={"stages": document_only})}
        )
        pipeline = Pipeline(settings)
        with open_store(settings.store) as store:
            with RunProgress(err_console) as progress:
                corpus = pipeline.run(inputs, store=store, refresh=refresh, progress=progress)
            if missing:
                store.write_batch([], Corpus(rejections=tuple(missing)), pipeline.fingerprint)
    out_console.print(
        f"{len(corpus.articles)} articles, {len(corpus.rejections) + len(missing)} rejections "
        f"from {len(inputs)} inputs"
    )


def _open(config: Path | None, db: str | None, backend: str | None) -> Store:
    settings = _existing_store(_settings(config, db, backend))
    return open_store(settings.store)


def _existing_store(settings: Settings) -> Settings:
    """The settings, once their DuckDB file is known to exist (never a new, empty store)."""
    if settings.store.backend == "duckdb":
        path = Path(settings.store.path)
        if str(path) != ":memory:" and not path.exists():
            raise StoreError(
                f"no store at {path}; run `crosswire run` (it writes {DEFAULT_STORE}) or pass --db"
            )
    return settings


@articles_app.command("list")
def articles_list(
    config: ConfigOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stored articles."""
    with _user_errors(), _open(config, db, backend) as store:
        rows = [a for a in store.load_articles() if outlet is None or a.outlet == outlet]
    if as_json:
        for a in rows:
            fields = ("title", "outlet", "author", "published", "language", "source")
            print(
                json.dumps({"id": a.id, **{k: getattr(a, k) for k in fields}}, ensure_ascii=False)
            )
        return
    table = Table("published", "outlet", "author", "title", "lang", "removed")
    # Whole ids, never cut: `articles show` takes them (or any unique prefix).
    table.columns.insert(0, Column("id", no_wrap=True, min_width=20))
    for a in rows:
        # Article fields are untrusted text: no escape sequence reaches the terminal.
        cells = (a.id, a.published, a.outlet, a.author, a.title, a.language)
        table.add_row(*(escape(terminal_safe(c)) for c in cells), str(len(a.removed)))
    out_console.print(table)


@articles_app.command("show")
def articles_show(
    article_id: Annotated[
        str, typer.Argument(help="An article id from `articles list`, or a unique prefix of one.")
    ],
    config: ConfigOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """Show one article: metadata with its origins, clean text and removed blocks."""
    from crosswire.serialize import to_dict

    with _user_errors(), _open(config, db, backend) as store:
        article = store.article(store.resolve_id("articles", article_id))
    if article is None:  # resolve_id found it: only a concurrent delete gets here
        raise typer.Exit(EXIT_INPUT)
    if as_json:
        print(json.dumps({"id": article.id, **to_dict(article)}, ensure_ascii=False, indent=2))
        return
    # Article fields are untrusted text: no escape sequence or markup reaches the terminal.
    title = terminal_safe(article.title) or "(no title)"
    out_console.print(f"[bold]{escape(title)}[/]  {article.id}", highlight=False)
    for name in ("outlet", "author", "published", "language", "source", "url"):
        value = terminal_safe(getattr(article, name) or "None")
        origin = article.origin_of(name)
        suffix = f"  [dim](from {escape(origin)})[/]" if origin else ""
        out_console.print(f"{name}: {escape(value)}{suffix}", highlight=False)
    out_console.print()
    out_console.print(terminal_safe(article.text), highlight=False, markup=False)
    if article.removed:
        out_console.print("\n[bold]Removed blocks[/]")
        for block in article.removed:
            out_console.print(f"[dim]{block.reason:>16}[/]  ", end="", highlight=False)
            out_console.print(terminal_safe(block.text), highlight=False, markup=False)


class ExportTable(StrEnum):
    articles = "articles"
    rejections = "rejections"
    removed = "removed"
    events = "events"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    acled = "acled"
    geojson = "geojson"
    xlsx = "xlsx"


EVENT_ONLY_FORMATS = (ExportFormat.acled, ExportFormat.geojson)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="The file to write.")],
    table: Annotated[
        ExportTable | None,
        typer.Option(help="What to export. Default: articles; events for acled and geojson."),
    ] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = (
        ExportFormat.csv
    ),
    config: ConfigOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
) -> None:
    """Export stored records as CSV, JSON lines, Parquet or XLSX; events also as ACLED or GeoJSON.

    Events come in ACLED's column layout plus crosswire's own columns
    (source_count, conflicting_fields, fatalities_low/high, sources, modality).
    """
    from crosswire.exports import export_table

    if fmt in EVENT_ONLY_FORMATS and table not in (None, ExportTable.events):
        raise typer.BadParameter(
            f"--format {fmt.value} exports events; drop --table or use --table events",
            param_hint="--table",
        )
    chosen = table or (ExportTable.events if fmt in EVENT_ONLY_FORMATS else ExportTable.articles)
    with _user_errors(), _open(config, db, backend) as store:
        count = export_table(store, chosen.value, fmt.value, output)
    noun = "features" if fmt is ExportFormat.geojson else "rows"
    out_console.print(f"wrote {count} {noun} to {output}")


@app.command()
def stages() -> None:
    """List the registered stages in run order, with what each needs and provides.

    The default pipeline's stages come first, in the order they run; other
    registered stages follow by name.
    """
    from crosswire.config import default_config_dict
    from crosswire.registry import registered

    default_order = default_config_dict()["pipeline"]["stages"]
    # Stage names are never cut: they are what a config lists.
    stage_column = Column("stage", no_wrap=True)
    table = Table(stage_column, "scope", "needs", "provides", "default", "what it does")
    rank = {name: index for index, name in enumerate(default_order)}
    ordered = sorted(registered().items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
    for name, info in ordered:
        table.add_row(
            name, info.scope, ", ".join(info.needs), ", ".join(info.provides),
            str(default_order.index(name) + 1) if name in default_order else "", info.doc,
        )  # fmt: skip
    out_console.print(table)


@app.command()
def gazetteer() -> None:
    """Build the place index cache if it is missing (a minute, once), then say where it is."""
    import time

    from crosswire.geo.gazetteer import Gazetteer, build_cache

    with _user_errors():
        start = time.perf_counter()
        folder = build_cache()
        built = time.perf_counter() - start
        start = time.perf_counter()
        places = len(Gazetteer.load())
        loaded = time.perf_counter() - start
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20
    out_console.print(
        f"gazetteer: {places} places in {folder} ({size:.0f} MiB); "
        f"ready in {built:.1f} s, loaded in {loaded:.2f} s"
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of brief.json."""
    from crosswire.brief import brief_schema

    out_console.print_json(json.dumps(brief_schema()))


@app.command()
def serve(
    config: ConfigOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="CROSSWIRE_TOKEN",
            help="Token that writes (runs, uploads) must send. Default: generated at first "
            "start, kept beside the store as <store>.token and printed.",
        ),
    ] = None,
) -> None:
    """Serve the brief as a web page, the workbench (/workbench: filters, map, timeline,
    evidence, search) and the HTTP API (under /api/v1) over one store.

    The server is the store's one writer: a DuckDB file it serves cannot be written
    by another crosswire process meanwhile. Runs posted to it take turns; one that
    arrives while another runs gets 409. The schema is at /api/v1/openapi.json.
    """
    with _user_errors():
        require("server", "uvicorn")
        require("server", "fastapi")
        from crosswire.server.app import create_app
        from crosswire.server.guard import resolve_token, run_server

        settings = _existing_store(_settings(config, db, backend))
        # Beside a DuckDB file; for PostgreSQL (a conninfo, not a path) in this folder.
        base = settings.store.path or "crosswire.duckdb"
        base = base if settings.store.backend == "duckdb" else "crosswire-postgres"
        key, source = resolve_token(token, base)
        application = create_app(settings, token=key)
    if settings.store.backend == "duckdb":
        err_console.print(f"store: {settings.store.path}", highlight=False)
    err_console.print(f"crosswire serving on http://{host}:{port}/", highlight=False)
    if source != "given":
        kept = "new, kept" if source == "generated" else "kept"
        err_console.print(
            f"write token ({kept} in {base}.token): {key}",
            highlight=False,
        )
    run_server(application, host=host, port=port)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
