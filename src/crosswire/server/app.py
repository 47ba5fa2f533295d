"""The HTTP API (JSON under /api/v1) and the brief as a web page, over one store.

``create_app(settings)`` builds the FastAPI app; ``crosswire serve`` runs it with
uvicorn. Pydantic models live here, at the HTTP edge; the record models are
derived from the dataclasses in ``crosswire.model``, so the two cannot drift.

One writer. The server process owns the store: it holds one connection for
its whole life (for DuckDB that lock is what keeps another process from
writing underneath it) and every request opens its own connection to the same
database, so a read never shares a connection, or a transaction, with a run.
Runs are serialised by a lock: a ``POST /api/v1/runs`` that arrives while a
run is going is answered at once with 409 ``run_in_progress`` (the client
retries) rather than held open for the minutes a run can take.

Every error, validation errors and unexpected exceptions included, is one JSON
shape: ``{"error": {"code": ..., "message": ..., "detail": {...}}}``, never a
traceback.
"""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import json
import secrets
import threading
import typing
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Annotated, Any, BinaryIO, Literal

from fastapi import APIRouter, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

import crosswire.model as records
from crosswire import __version__
from crosswire.api import load_corpus
from crosswire.brief import build_brief
from crosswire.config import Settings
from crosswire.errors import ConfigError, CrosswireError, InputError, StageError, StoreError
from crosswire.events.ontology import EVENT_TYPES
from crosswire.model import Article, Corpus, InputRef, Rejection
from crosswire.pipeline import Pipeline
from crosswire.render.html import render_html, stylesheet
from crosswire.render.markup import Html, el, void
from crosswire.serialize import to_dict
from crosswire.server.cache import ReadCache, ResponseCache, gzipped, per_record
from crosswire.server.guard import (
    MULTIPART_SLACK,
    TOKEN_FIELD,
    Guard,
    token_from_headers,
    token_matches,
)
from crosswire.server.workbench import map_parts, workbench_router
from crosswire.store import Store, open_store

API_PREFIX = "/api/v1"
HEALTH_PATH = f"{API_PREFIX}/health"
DEFAULT_STORE = "crosswire.duckdb"
DEFAULT_MAX_BYTES = 50_000_000  # the ingest stage's own default
UPLOAD_FIELD = "files"

# --------------------------------------------------------------------------
# Errors


# Codes for the HTTP errors Starlette raises itself (unknown path, bad multipart ...).
STATUS_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
}


class ApiError(Exception):
    """An error the API answers with its status, a stable code and a message."""

    def __init__(
        self, status: int, code: str, message: str, detail: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.detail = detail or {}


class ErrorBody(BaseModel):
    code: str = Field(description="A stable, machine-readable code such as not_found.")
    message: str = Field(description="One line for a person.")
    detail: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(BaseModel):
    error: ErrorBody


def _error(
    status: int, code: str, message: str, detail: dict[str, Any] | None = None
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, detail=detail or {}))
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


# Crosswire's errors by what the client can do about them.
CROSSWIRE_ERRORS: tuple[tuple[type[CrosswireError], int, str], ...] = (
    (InputError, 400, "bad_input"),
    (ConfigError, 500, "config_error"),  # the configuration is the server's, not the client's
    (StoreError, 503, "store_unavailable"),
    (StageError, 500, "stage_failed"),
)


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return _error(exc.status, exc.code, exc.message, exc.detail)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404:
            message = f"no such path: {request.url.path}"
        response = _error(exc.status_code, code, message)
        response.headers.update(exc.headers or {})  # e.g. Allow on a 405 (RFC 9110)
        return response

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", "")),
             "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]  # fmt: skip
        message = "invalid request"
        if errors:
            where = ".".join(errors[0]["loc"])
            message = f"invalid request at {where}: {errors[0]['message']}"
        return _error(422, "invalid_request", message, {"errors": errors})

    async def crosswire_error(request: Request, exc: Exception) -> JSONResponse:
        for cls, status, code in CROSSWIRE_ERRORS:
            if isinstance(exc, cls):
                detail = {"stage": exc.stage} if isinstance(exc, StageError) else {}
                return _error(status, code, str(exc), detail)
        return _error(500, "crosswire_error", str(exc))

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The message may hold paths or data; the server log has the traceback.
        return _error(
            500, "internal_error", f"internal error ({type(exc).__name__}); see the server log"
        )

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(CrosswireError, crosswire_error)
    app.add_exception_handler(Exception, unexpected)


# --------------------------------------------------------------------------
# Response models, derived from the records


def _fields_of(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(records))
    return {f.name: (hints[f.name], ...) for f in dataclasses.fields(cls)}


def _record_model(
    cls: type, *, name: str | None = None, drop: Sequence[str] = (), **extra: Any
) -> type[BaseModel]:
    """A response model with the record's id and fields, as ``brief.json`` writes them."""
    fields = {field: spec for field, spec in _fields_of(cls).items() if field not in drop}
    return create_model(
        name or cls.__name__,
        __doc__=cls.__doc__,
        id=(str, Field(description="The record's content-hash id.")),
        **fields,
        **extra,
    )


def _many(model: Any) -> Any:
    """``list[model]`` for a model built at run time (a type checker cannot see it)."""
    return list[model]


def _page_model(item: type[BaseModel]) -> type[BaseModel]:
    return create_model(
        f"{item.__name__}Page",
        items=(_many(item), ...),
        total=(int, Field(description="How many match the filters, over all pages.")),
        limit=(int, ...),
        offset=(int, ...),
    )


ArticleModel = _record_model(Article)
ArticleSummaryModel = _record_model(
    Article,
    name="ArticleSummary",
    drop=("text", "removed", "origins"),
    removed_blocks=(int, Field(description="Furniture blocks cleaning took out.")),
    text=(str | None, Field(default=None, description="The clean text, with ?text=true.")),
)
RejectionModel = _record_model(Rejection)
GroupModel = _record_model(records.ArticleGroup)
EntityModel = _record_model(records.Entity)
PlaceModel = _record_model(records.Place)
EventModel = _record_model(records.Event)
ClaimModel = _record_model(records.Claim)
StoryModel = _record_model(records.Story)

# List pages carry a compact record: the first few items of each long field and their
# count (`<field>_total`); the detail endpoint (`/places/{id}`, ...) has them all. A
# place's page of 50 held thousands of mentions, and validating and serialising them
# was most of a list request's time.
LIST_PREVIEW = 3
COMPACT_FIELDS: dict[type, tuple[str, ...]] = {
    records.Entity: ("mentions",),
    records.Place: ("mentions",),
    records.Event: ("sources", "mentions"),
    records.Story: ("summary",),
}


def _total_field(field: str) -> tuple[type, Any]:
    return (int, Field(description=f"How many {field} the record has; the list shows the "
                       f"first {LIST_PREVIEW}, its detail endpoint all of them."))  # fmt: skip


def _compact_model(cls: type) -> type[BaseModel]:
    fields = COMPACT_FIELDS[cls]
    totals: dict[str, Any] = {f"{field}_total": _total_field(field) for field in fields}
    return _record_model(cls, name=f"{cls.__name__}Summary", **totals)


EntitySummaryModel = _compact_model(records.Entity)
PlaceSummaryModel = _compact_model(records.Place)
EventSummaryModel = _compact_model(records.Event)
StorySummaryModel = _compact_model(records.Story)

BriefModel = create_model(
    "Brief",
    __doc__="The brief, exactly as brief.json holds it (its JSON Schema: `crosswire schema`).",
    __config__=ConfigDict(extra="allow"),
    crosswire_version=(str, ...),
    generated_at=(str, ...),
    articles=(_many(ArticleModel), ...),
    entities=(_many(EntityModel), ...),
    places=(_many(PlaceModel), ...),
    events=(_many(EventModel), ...),
    claims=(_many(ClaimModel), ...),
    stories=(_many(StoryModel), ...),
    groups=(_many(GroupModel), ...),
    rejections=(_many(RejectionModel), ...),
)

RunSummaryModel = create_model(
    "RunSummary",
    inputs=(int, Field(description="Inputs received (identical ones count once).")),
    processed=(int, Field(description="Inputs read and stored by this run.")),
    reused=(int, Field(description="Inputs the store held already, from the same pipeline.")),
    articles=(_many(ArticleSummaryModel), Field(description="The articles of these inputs.")),
    rejections=(_many(RejectionModel), Field(description="What of them could not be used.")),
    counts=(dict[str, int], Field(description="The store's counts after the run.")),
)


class StoreInfo(BaseModel):
    backend: Literal["duckdb", "postgres"]
    counts: dict[str, int] = Field(description="Rows per table and results per kind.")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    store: StoreInfo


class PostedArticle(BaseModel):
    """One article sent as JSON; read as a JSON record, as a file holding it would be."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The body; plain text, or HTML markup to extract from.")
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="The date, in any common format.")
    language: str | None = None
    source: str | None = Field(
        default=None, description="A name for where it came from; default posted-<hash>.json."
    )


class RunRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[PostedArticle] = Field(min_length=1)


# --------------------------------------------------------------------------
# The store, its one writer and its readers


@per_record
def _with_id(record: Any) -> dict[str, Any]:
    return {"id": record.id, **to_dict(record)}


@per_record
def _compact(record: Any) -> dict[str, Any]:
    """The record for a list page: long fields cut to their first items, with their counts."""
    data = dict(_with_id(record))  # a copy: _with_id's dict is shared (per_record)
    for field in COMPACT_FIELDS[type(record)]:
        data[f"{field}_total"] = len(data[field])
        data[field] = data[field][:LIST_PREVIEW]
    return data


@per_record
def _article_summary(article: Article, *, with_text: bool = False) -> dict[str, Any]:
    data = dict(_with_id(article))  # a copy: _with_id's dict is shared (per_record)
    for name in ("text", "removed", "origins"):
        data.pop(name)
    data["removed_blocks"] = len(article.removed)
    if with_text:
        data["text"] = article.text
    return data


@dataclasses.dataclass(frozen=True, kw_only=True)
class RunOutcome:
    inputs: int
    processed: int
    reused: int
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]
    counts: dict[str, int]


class StoreService:
    """The store as the server uses it: held open, read per request, written one run at a time."""

    def __init__(self, settings: Settings) -> None:
        if not settings.store.path and settings.store.backend == "duckdb":
            path = settings.store.model_copy(update={"path": DEFAULT_STORE})
            settings = settings.model_copy(update={"store": path})
        if settings.store.backend == "duckdb" and settings.store.path == ":memory:":
            # Each in-memory connection is a database of its own: readers would see nothing.
            raise ConfigError("the server needs a store on disk, not :memory:")
        self.settings = settings
        self.pipeline = Pipeline(settings)  # built once: stage factories may load models
        leading = [bound.info.name for bound in self.pipeline.document_stages]
        self.document_pipeline = Pipeline(
            settings.model_copy(
                update={"pipeline": settings.pipeline.model_copy(update={"stages": leading})}
            )
        )
        self.max_bytes = int(settings.options_for("ingest").get("max_bytes", DEFAULT_MAX_BYTES))
        self._run_lock = threading.Lock()
        self._running_since: str | None = None
        self._held: Store | None = None
        # Reads come from a snapshot kept until a run changes the store (server.cache).
        self.cache = ReadCache(lambda: open_store(self.settings.store))
        self.open()

    @property
    def backend(self) -> str:
        return self.settings.store.backend

    def open(self) -> None:
        if self._held is None:
            self._held = open_store(self.settings.store)

    def close(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    @contextmanager
    def reader(self) -> Iterator[Store]:
        # The cached snapshot; it is filled from a connection of its own, which
        # sees only committed runs, and dropped when a run has written.
        yield self.cache.view()

    def brief_json(self) -> bytes:
        """brief.json's bytes, built once per store state."""
        return self.cache.derived(  # type: ignore[no-any-return]
            "brief.json",
            lambda: json.dumps(self.brief(), ensure_ascii=False).encode("utf-8"),
        )

    def page_html(self) -> bytes:
        return self.cache.derived(  # type: ignore[no-any-return]
            "page", lambda: _page_with_form(render_html(self.brief())).encode("utf-8")
        )

    def cached_response(self, request: Request, name: str, media_type: str) -> Response:
        """The brief or the page, built once per store state, gzipped once when accepted."""
        build = self.brief_json if name == "brief.json" else self.page_html
        if "gzip" not in request.headers.get("accept-encoding", ""):
            return Response(build(), media_type=media_type)
        packed = self.cache.derived(f"{name}.gz", lambda: gzipped(build()))
        headers = {"content-encoding": "gzip", "vary": "Accept-Encoding"}
        return Response(packed, media_type=media_type, headers=headers)

    def brief(self) -> dict[str, Any]:
        return self.cache.derived(  # type: ignore[no-any-return]
            "brief", lambda: build_brief(load_corpus(self.cache.view()))
        )

    def run(self, inputs: Sequence[InputRef]) -> RunOutcome:
        """Run the pipeline over ``inputs`` into the store; 409 while another run goes on."""
        if not self._run_lock.acquire(blocking=False):
            raise ApiError(
                409,
                "run_in_progress",
                "another run is writing to the store; try again when it has finished",
                {"running_since": self._running_since},
            )
        try:
            self._running_since = datetime.now(UTC).isoformat(timespec="seconds")
            return self._run(inputs)
        finally:
            self.cache.invalidate()  # the store may have changed, even if the run failed
            self._running_since = None
            self._run_lock.release()

    def _run(self, inputs: Sequence[InputRef]) -> RunOutcome:
        unique = list({ref.sha256: ref for ref in reversed(inputs)}.values())[::-1]
        fingerprint = self.document_pipeline.fingerprint
        with open_store(self.settings.store) as store:
            done = store.finished_inputs([ref.sha256 for ref in unique], fingerprint)
            todo = [ref for ref in unique if ref.sha256 not in done]
            reused = [ref.sha256 for ref in unique if ref.sha256 in done]
            # Document stages over the new inputs only, stored in one transaction ...
            fresh = self.document_pipeline.run(todo)
            if todo:
                store.write_batch(todo, fresh, fingerprint)
            # ... then the corpus stages over everything stored, so the brief the
            # server shows covers all runs, not just the latest.
            if todo and self.pipeline.corpus_stages:
                whole = Corpus(
                    articles=tuple(store.load_articles()),
                    rejections=tuple(store.load_rejections()),
                    analyses=tuple(store.load_analyses()),
                )
                store.write_results(self.pipeline.run_stages(whole, self.pipeline.corpus_stages))
            return RunOutcome(
                inputs=len(unique),
                processed=len(todo),
                reused=len(reused),
                articles=fresh.articles + tuple(store.load_articles(reused)),
                rejections=fresh.rejections + tuple(store.load_rejections(reused)),
                counts=store.counts(),
            )


def _summary(outcome: RunOutcome) -> dict[str, Any]:
    return {
        "inputs": outcome.inputs,
        "processed": outcome.processed,
        "reused": outcome.reused,
        "articles": [_article_summary(a) for a in outcome.articles],
        "rejections": [_with_id(r) for r in outcome.rejections],
        "counts": outcome.counts,
    }


# --------------------------------------------------------------------------
# Inputs from a request


def _upload_name(filename: str | None) -> str:
    # Only the last part of what the client calls the file: it names, never locates.
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    return name or "upload"


def _upload_ref(name: str, handle: BinaryIO, max_bytes: int) -> InputRef:
    """An uploaded file as an input: hashed whole, kept up to just past the size limit.

    Keeping one byte more than the limit is enough for ingest to reject the file
    as too_large, without holding a huge upload in memory.
    """
    digest, kept, size = hashlib.sha256(), bytearray(), 0
    while chunk := handle.read(1 << 20):
        digest.update(chunk)
        size += len(chunk)
        if len(kept) <= max_bytes:
            kept += chunk[: max_bytes + 1 - len(kept)]
    return InputRef(source=name, sha256=digest.hexdigest(), size=size, data=bytes(kept))


def _upload_refs(uploads: Sequence[StarletteUpload], max_bytes: int) -> list[InputRef]:
    return [_upload_ref(_upload_name(u.filename), u.file, max_bytes) for u in uploads]


def _posted_ref(article: PostedArticle) -> InputRef:
    record = article.model_dump(exclude_none=True, exclude={"source"})
    data = json.dumps(record, ensure_ascii=False).encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    source = _upload_name(article.source) if article.source else f"posted-{sha[:12]}.json"
    return InputRef(source=source, sha256=sha, size=len(data), data=data)


REF_TEMPLATE = "#/components/schemas/{model}"
RUN_REQUEST_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": [UPLOAD_FIELD],
                "properties": {
                    UPLOAD_FIELD: {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": "Files in any format crosswire reads.",
                    }
                },
            }
        },
        "application/json": {"schema": {"$ref": REF_TEMPLATE.format(model="RunRequest")}},
    },
}


async def _request_inputs(request: Request, max_bytes: int) -> list[InputRef]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        async with request.form() as form:
            uploads = [u for u in form.getlist(UPLOAD_FIELD) if isinstance(u, StarletteUpload)]
            if not uploads:
                raise RequestValidationError(
                    [{"loc": ("body", UPLOAD_FIELD), "msg": "no files uploaded", "type": "missing"}]
                )
            return await run_in_threadpool(_upload_refs, uploads, max_bytes)
    if content_type == "application/json":
        try:
            body = RunRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from None
        return [_posted_ref(article) for article in body.articles]
    raise ApiError(
        415,
        "unsupported_media_type",
        "send files as multipart/form-data or articles as application/json",
        {"content_type": content_type},
    )


# --------------------------------------------------------------------------
# The API


Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


def _page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    return {
        "items": list(items[offset : offset + limit]),
        "total": len(items),
        "limit": limit,
        "offset": offset,
    }


def _day(value: str | None, *, last: bool) -> date | None:
    """An ISO date that may stop at the month or the year, as its first or last day."""
    try:
        year, month, day = ([int(p) for p in (value or "")[:10].split("-")] + [0, 0])[:3]
        if not month:
            month = 12 if last else 1
        if not day:
            day = calendar.monthrange(year, month)[1] if last else 1
        return date(year, month, day)
    except ValueError:
        return None


def _overlaps(event: records.Event, start: date | None, end: date | None) -> bool:
    """Whether the event's dates meet [start, end]; an undated event meets no range."""
    if start is None and end is None:
        return True
    first = _day(event.date_start or event.date_end, last=False)
    last = _day(event.date_end or event.date_start, last=True)
    if first is None or last is None:
        return False
    return (start is None or last >= start) and (end is None or first <= end)


def _error_responses() -> dict[int | str, dict[str, Any]]:
    """The error statuses every API route may answer, in the one JSON error shape."""
    return {
        status: {"model": ErrorResponse, "description": description}
        for status, description in (
            (400, "A filter value the server does not know (e.g. event_type)."),
            (401, "A write without the server's token (see `crosswire serve --help`)."),
            (408, "The request body stalled."),
            (413, "The request body is over the limit."),
            (422, "The request is invalid."),
            (500, "A stage or the server failed."),
            (503, "The store cannot be opened or read."),
        )
    }


def _api_router(service: StoreService) -> APIRouter:
    router = APIRouter(prefix=API_PREFIX, responses=_error_responses())
    # Added in this order, which is the order of the OpenAPI document.
    for add_routes in (
        _health_route, _article_routes, _entity_and_place_routes, _event_and_claim_routes,
        _story_routes, _rejection_and_brief_routes, _run_route,
    ):  # fmt: skip
        add_routes(router, service)
    return router


_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such record."}
}


def _results(service: StoreService, kind: str) -> list[Any]:
    with service.reader() as store:
        return store.load_results(kind)


def _detail(service: StoreService, kind: str, record_id: str) -> dict[str, Any]:
    for record in _results(service, kind):
        if record.id == record_id:
            found: dict[str, Any] = _with_id(record)
            return found
    raise ApiError(404, "not_found", f"no {kind[:-1]} with id {record_id}", {"id": record_id})


def _health_route(router: APIRouter, service: StoreService) -> None:
    @router.get("/health", response_model=Health, tags=["meta"])
    def health() -> dict[str, Any]:
        """The version, the store backend and what the store holds."""
        with service.reader() as store:
            counts = store.counts()
        return {
            "status": "ok",
            "version": __version__,
            "store": {"backend": service.backend, "counts": counts},
        }


def _article_routes(router: APIRouter, service: StoreService) -> None:
    @router.get(
        "/articles",
        response_model=_page_model(ArticleSummaryModel),
        response_model_exclude_unset=True,  # no "text" key unless ?text=true
        tags=["records"],
    )
    def list_articles(
        limit: Limit = 50,
        offset: Offset = 0,
        outlet: str | None = None,
        language: Annotated[str | None, Query(description="An ISO 639-1 code.")] = None,
        text: Annotated[bool, Query(description="Include each article's clean text.")] = False,
    ) -> dict[str, Any]:
        """Stored articles in source order, without their text unless asked."""
        with service.reader() as store:
            articles = store.load_articles()
        chosen = [
            _article_summary(a, with_text=text)
            for a in articles
            if (outlet is None or a.outlet == outlet)
            and (language is None or a.language == language)
        ]
        return _page(chosen, limit, offset)

    @router.get(
        "/articles/{article_id}",
        response_model=ArticleModel,
        responses=_NOT_FOUND,
        tags=["records"],
    )
    def get_article(article_id: str) -> dict[str, Any]:
        """One article: clean text, removed blocks, and where each metadata value came from."""
        with service.reader() as store:
            article = store.article(article_id)
        if article is None:
            raise ApiError(404, "not_found", f"no article with id {article_id}", {"id": article_id})
        found: dict[str, Any] = _with_id(article)
        return found


def _entity_and_place_routes(router: APIRouter, service: StoreService) -> None:
    @router.get("/entities", response_model=_page_model(EntitySummaryModel), tags=["records"])
    def list_entities(
        limit: Limit = 50,
        offset: Offset = 0,
        kind: Annotated[str | None, Query(description="state_forces, person, ...")] = None,
    ) -> dict[str, Any]:
        """Actors, persons and organisations, resolved across articles (first mentions only)."""
        chosen = [
            _compact(e) for e in _results(service, "entities") if kind is None or e.kind == kind
        ]
        return _page(chosen, limit, offset)

    @router.get(
        "/entities/{entity_id}", response_model=EntityModel, responses=_NOT_FOUND, tags=["records"]
    )
    def get_entity(entity_id: str) -> dict[str, Any]:
        """One entity with every mention."""
        return _detail(service, "entities", entity_id)

    @router.get("/places", response_model=_page_model(PlaceSummaryModel), tags=["records"])
    def list_places(
        limit: Limit = 50,
        offset: Offset = 0,
        country_code: Annotated[str | None, Query(description="ISO 3166-1 alpha-2.")] = None,
    ) -> dict[str, Any]:
        """Places resolved to GeoNames, with their first mentions and how many there are."""
        chosen = [
            _compact(p)
            for p in _results(service, "places")
            if country_code is None or (p.country_code or "").upper() == country_code.upper()
        ]
        return _page(chosen, limit, offset)

    @router.get(
        "/places/{place_id}", response_model=PlaceModel, responses=_NOT_FOUND, tags=["records"]
    )
    def get_place(place_id: str) -> dict[str, Any]:
        """One place with every mention."""
        return _detail(service, "places", place_id)


def _event_and_claim_routes(router: APIRouter, service: StoreService) -> None:
    @router.get("/events", response_model=_page_model(EventSummaryModel), tags=["records"])
    def list_events(
        limit: Limit = 50,
        offset: Offset = 0,
        event_type: Annotated[str | None, Query(description="An ACLED event type.")] = None,
        date_from: Annotated[date | None, Query(description="Events ending on or after.")] = None,
        date_to: Annotated[date | None, Query(description="Events starting on or before.")] = None,
    ) -> dict[str, Any]:
        """Events fused across articles, with their conflicts and first sources and mentions."""
        if event_type is not None and event_type not in EVENT_TYPES:
            raise ApiError(
                400,
                "unknown_filter_value",
                f"unknown event_type {event_type!r}; one of: {', '.join(EVENT_TYPES)}",
                {"event_type": event_type, "allowed": list(EVENT_TYPES)},
            )
        if date_from and date_to and date_from > date_to:
            raise ApiError(
                422,
                "invalid_request",
                "date_from is after date_to",
                {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()},
            )
        chosen = [
            _compact(e)
            for e in _results(service, "events")
            if (event_type is None or e.event_type == event_type)
            and _overlaps(e, date_from, date_to)
        ]
        return _page(chosen, limit, offset)

    @router.get(
        "/events/{event_id}", response_model=EventModel, responses=_NOT_FOUND, tags=["records"]
    )
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with every source and mention."""
        return _detail(service, "events", event_id)

    @router.get("/claims", response_model=_page_model(ClaimModel), tags=["records"])
    def list_claims(
        limit: Limit = 50,
        offset: Offset = 0,
        status: records.ClaimStatus | None = None,
    ) -> dict[str, Any]:
        """Claims with their status: corroborated, single or contested."""
        chosen = [
            _with_id(c) for c in _results(service, "claims") if status is None or c.status == status
        ]
        return _page(chosen, limit, offset)


def _story_routes(router: APIRouter, service: StoreService) -> None:
    @router.get("/stories", response_model=_page_model(StorySummaryModel), tags=["records"])
    def list_stories(
        limit: Limit = 50,
        offset: Offset = 0,
        article: Annotated[str | None, Query(description="Only stories with this article.")] = None,
    ) -> dict[str, Any]:
        """Stories: articles grouped by what they report, with their first summary sentences."""
        chosen = [
            _compact(s)
            for s in _results(service, "stories")
            if article is None or article in s.articles
        ]
        return _page(chosen, limit, offset)

    @router.get(
        "/stories/{story_id}", response_model=StoryModel, responses=_NOT_FOUND, tags=["records"]
    )
    def get_story(story_id: str) -> dict[str, Any]:
        """One story with its whole cited summary."""
        return _detail(service, "stories", story_id)


def _rejection_and_brief_routes(router: APIRouter, service: StoreService) -> None:
    @router.get("/rejections", response_model=_page_model(RejectionModel), tags=["records"])
    def list_rejections(
        limit: Limit = 50,
        offset: Offset = 0,
        reason: Annotated[str | None, Query(description="A reason code: binary, ...")] = None,
        stage: str | None = None,
    ) -> dict[str, Any]:
        """Inputs, or parts of them, that could not be used, and why."""
        with service.reader() as store:
            rejections = store.load_rejections()
        chosen = [
            _with_id(r)
            for r in rejections
            if (reason is None or r.reason == reason) and (stage is None or r.stage == stage)
        ]
        return _page(chosen, limit, offset)

    @router.get("/brief", response_model=BriefModel, tags=["brief"])
    def get_brief(request: Request) -> Any:
        """The whole brief, built from the store, as ``brief.json`` would hold it."""
        # Sent as built (and cached until the store changes): brief.json is the
        # contract, the model only documents it.
        return service.cached_response(request, "brief.json", "application/json")


def _run_route(router: APIRouter, service: StoreService) -> None:
    @router.post(
        "/runs",
        response_model=RunSummaryModel,
        response_model_exclude_unset=True,
        tags=["runs"],
        openapi_extra={"requestBody": RUN_REQUEST_BODY},
        responses={
            409: {"model": ErrorResponse, "description": "Another run is writing the store."},
            415: {"model": ErrorResponse, "description": "Neither multipart nor JSON."},
        },
    )
    async def create_run(request: Request) -> dict[str, Any]:
        """Run the pipeline over uploaded files (multipart, field ``files``) or posted articles.

        Bad files become rejections and the run succeeds. Inputs the store already
        holds from the same pipeline are reused, not read again. Runs are serialised:
        while one is going, another gets 409 ``run_in_progress``.
        """
        inputs = await _request_inputs(request, service.max_bytes)
        outcome = await run_in_threadpool(service.run, inputs)
        return _summary(outcome)


# --------------------------------------------------------------------------
# The web page


def _upload_form() -> Html:
    return el(
        "form",
        el(
            "label",
            "Add articles (any format crosswire reads) ",
            void("input", type="file", name=UPLOAD_FIELD, multiple=True, required=True),
        ),
        " ",
        el(
            "label",
            "token ",
            void("input", type="password", name=TOKEN_FIELD, required=True, autocomplete="off"),
        ),
        " ",
        el("button", "Run", type="submit"),
        method="post",
        action="upload",  # relative, so the page works behind a path prefix too
        enctype="multipart/form-data",
        class_="upload",
    )


def _page_with_form(page: str) -> str:
    """The rendered brief with the upload form at the end of its header."""
    return page.replace("</header>", _upload_form() + "</header>", 1)


def _run_page(outcome: RunOutcome) -> str:
    articles = [
        el("li", el("strong", a.title or "(no title)"), " ", el("span", a.source, class_="note"))
        for a in outcome.articles
    ]
    rejections = [
        el("li", el("strong", r.source), f": {r.reason}", f" ({r.detail})" if r.detail else "")
        for r in outcome.rejections
    ]
    body = el(
        "body",
        el("header", el("h1", "Run finished")),
        el(
            "main",
            el(
                "p",
                f"{outcome.inputs} inputs: {outcome.processed} read, {outcome.reused} already "
                f"stored; {len(outcome.articles)} articles, {len(outcome.rejections)} rejected.",
            ),
            el("h2", "Articles"),
            el("ul", *articles) if articles else el("p", "None."),
            el("h2", "Rejected inputs"),
            el("ul", *rejections) if rejections else el("p", "None."),
            el("p", el("a", "Back to the brief", href="./")),
        ),
    )
    head = el(
        "head",
        void("meta", charset="utf-8"),
        el("title", "crosswire run"),
        el("style", Html(stylesheet())),
    )
    return "<!DOCTYPE html>\n" + el("html", head, body, lang="en") + "\n"


def _page_router(service: StoreService) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def page(request: Request) -> Response:
        return service.cached_response(request, "page", "text/html; charset=utf-8")

    @router.post("/upload", response_class=HTMLResponse)
    async def upload(
        request: Request,
        files: Annotated[list[UploadFile], File()],
        token: Annotated[str | None, Form()] = None,
    ) -> str:
        # The form sends the token as a field (no cookie is ever trusted); a script may
        # send it as a header instead.
        given = token or token_from_headers({k.lower(): v for k, v in request.headers.items()})
        if not token_matches(request.app.state.token, given):
            raise ApiError(401, "unauthorized", "the upload needs the server's token")
        inputs = await run_in_threadpool(_upload_refs, files, service.max_bytes)
        outcome = await run_in_threadpool(service.run, inputs)
        return _run_page(outcome)

    return router


# --------------------------------------------------------------------------


def _document_run_request(app: FastAPI) -> None:
    """Add RunRequest to the schema's components: the runs route reads its body by hand."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            run_request = RunRequest.model_json_schema(ref_template=REF_TEMPLATE)
            components.update(run_request.pop("$defs", {}))
            components["RunRequest"] = run_request
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented override


def create_app(settings: Settings, *, token: str | None = None) -> FastAPI:
    """The app over the configured store; opening it here surfaces a locked store at once.

    Writes need ``token`` (server.guard); without one, a random token is made that
    only ``app.state.token`` knows.
    """
    service = StoreService(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.open()
        try:
            yield
        finally:
            service.close()

    app = FastAPI(
        title="crosswire",
        version=__version__,
        description="News articles to a cross-checked situation picture: the records and the "
        "brief over one store, and runs that add to it.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN; crosswire stays offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.crosswire = service
    app.state.token = token or secrets.token_urlsafe(32)
    _document_run_request(app)
    _install_error_handlers(app)
    app.include_router(_api_router(service))
    app.include_router(_page_router(service))
    # The analyst's workbench: filtered events, search and evidence (crosswire.server.workbench).
    app.include_router(workbench_router(service.reader, map_parts), responses=_error_responses())
    app.add_middleware(GZipMiddleware, minimum_size=4096)  # the page and brief are large
    # Whole read responses, kept until a run writes (health reports live state).
    app.add_middleware(
        ResponseCache, cache=service.cache, prefix=API_PREFIX, skip=frozenset({HEALTH_PATH})
    )
    app.add_middleware(
        Guard, token=app.state.token, max_write_body=service.max_bytes + MULTIPART_SLACK
    )
    return app
