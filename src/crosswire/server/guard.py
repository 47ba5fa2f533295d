"""What makes the server safe to leave running, on localhost or behind a proxy.

- **A token for writes.** Every request that is not a read (GET, HEAD, OPTIONS)
  needs the server's token, in ``Authorization: Bearer <token>`` or the
  ``X-Crosswire-Token`` header; the upload form of the web page sends it as its
  ``token`` field. No cookie is ever accepted, so a page on another origin
  cannot borrow the user's session (CSRF): it does not know the token. The
  token is passed by flag or ``CROSSWIRE_TOKEN``, or generated at first start,
  kept beside the store (``<store>.token``, mode 0600) and printed.
- **Body-size limits on every route.** A read takes no body over 64 KiB; a
  write no more than the ingest limit (``max_bytes``) and a little for the
  multipart framing. A declared ``Content-Length`` over the limit is refused at
  once, a streamed body as soon as it passes it: 413 ``too_large``.
- **Slow clients time out.** A body that stalls for ``body_timeout`` seconds
  is 408 ``request_timeout``; a connection that has not sent its headers after
  ``header_timeout`` seconds is closed; at most ``max_connections`` at once.
- **One JSON error shape**, ``{"error": {"code", "message", "detail"}}``, for
  the guard's own refusals and for the ones uvicorn itself sends (a malformed
  request line, too many connections), which are plain text in uvicorn.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import os
import secrets
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException as StarletteHTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_HEADER = "x-crosswire-token"
TOKEN_ENV = "CROSSWIRE_TOKEN"
TOKEN_FIELD = "token"  # the upload form's field
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Routes that check the token themselves, because it comes in their form body.
FORM_AUTHENTICATED = frozenset({"/upload"})
MAX_READ_BODY = 64 * 1024
MULTIPART_SLACK = 1 << 20  # boundaries and part headers around the files
BODY_TIMEOUT_S = 30.0
HEADER_TIMEOUT_S = 10.0
MAX_CONNECTIONS = 256


def error_body(code: str, message: str, detail: dict[str, Any] | None = None) -> bytes:
    payload = {"error": {"code": code, "message": message, "detail": detail or {}}}
    return json.dumps(payload).encode()


def resolve_token(explicit: str | None, store_path: str | None) -> tuple[str, str]:
    """The write token and where it came from: ``given``, ``file`` or ``generated``."""
    if explicit:
        return explicit, "given"
    if not store_path or store_path == ":memory:":
        return secrets.token_urlsafe(32), "generated"
    token_file = Path(f"{store_path}.token")
    with contextlib.suppress(OSError):
        kept = token_file.read_text("utf-8").strip()
        if kept:
            return kept, "file"
    token = secrets.token_urlsafe(32)
    token_file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(token_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return token, "generated"


def token_matches(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def token_from_headers(headers: dict[str, str]) -> str | None:
    authorization = headers.get("authorization", "")
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return headers.get(TOKEN_HEADER)


class Guard:
    """ASGI middleware: token for writes, body-size limits, body timeout."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str,
        max_write_body: int,
        max_read_body: int = MAX_READ_BODY,
        body_timeout: float = BODY_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.token = token
        self.max_write_body = max_write_body
        self.max_read_body = max_read_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        method = scope["method"].upper()
        path = scope["path"][len(scope.get("root_path", "")) :] or "/"
        write = method not in READ_METHODS
        needs_token = write and path not in FORM_AUTHENTICATED
        if needs_token and not token_matches(self.token, token_from_headers(headers)):
            await _refuse(send, 401, "unauthorized", _TOKEN_MESSAGE)
            return
        limit = self.max_write_body if write else self.max_read_body
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, 413, "too_large", _too_large(limit), {"limit": limit})
            return
        await self.app(scope, self._bounded(receive, limit), send)

    def _bounded(self, receive: Receive, limit: int) -> Receive:
        seen = 0
        timeout = self.body_timeout

        async def bounded() -> Message:
            nonlocal seen
            try:
                message = await asyncio.wait_for(receive(), timeout)
            except TimeoutError:
                raise StarletteHTTPException(408, "the request body stalled") from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise StarletteHTTPException(413, _too_large(limit))
            return message

        return bounded


_TOKEN_MESSAGE = (
    "writing needs the server's token: send 'Authorization: Bearer <token>' or "
    "'X-Crosswire-Token: <token>' (crosswire serve prints it)"
)


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit} bytes"


async def _refuse(
    send: Send, status: int, code: str, message: str, detail: dict[str, Any] | None = None
) -> None:
    body = error_body(code, message, detail)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="crosswire"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# --------------------------------------------------------------------------
# uvicorn: JSON for its own errors, a header timeout, a connection cap


def _json_service_unavailable() -> ASGIApp:
    async def service_unavailable(scope: Scope, receive: Receive, send: Send) -> None:
        await _refuse(send, 503, "server_busy", "too many connections; try again shortly")

    return service_unavailable


def guarded_protocol() -> type:
    """uvicorn's h11 protocol with JSON 400s and a timeout on slow request headers."""
    import h11
    from uvicorn.protocols.http import h11_impl

    # Too many connections: uvicorn answers with this app; make its answer JSON.
    # uvicorn has no hook for it: the module's name is swapped.
    setattr(h11_impl, "service_unavailable", _json_service_unavailable())  # noqa: B010

    class GuardedH11Protocol(h11_impl.H11Protocol):
        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._header_timer = self.loop.call_later(HEADER_TIMEOUT_S, self._headers_overdue)

        def _headers_overdue(self) -> None:
            if self.cycle is None and not self.transport.is_closing():
                self.transport.close()  # a slowloris never finishes its headers

        def connection_lost(self, exc: Exception | None) -> None:
            self._header_timer.cancel()
            super().connection_lost(exc)

        def send_400_response(self, msg: str) -> None:
            body = error_body("bad_request", msg)
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ]
            for event in (
                h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                h11.Data(data=body),
                h11.EndOfMessage(),
            ):
                self.transport.write(self.conn.send(event))
            self.transport.close()

    return GuardedH11Protocol


def run_server(app: Any, *, host: str, port: int) -> None:
    """uvicorn with the guards: bounded connections, keep-alive and shutdown timeouts."""
    import uvicorn

    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        http=guarded_protocol(),
        limit_concurrency=MAX_CONNECTIONS,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
        h11_max_incomplete_event_size=64 * 1024,
    )


@contextlib.contextmanager
def local_server(app: Any, *, start_timeout_s: float = 20.0) -> Iterator[str]:
    """Serve ``app`` on a free loopback port in a thread; yields its base URL.

    For tests, benchmarks and screenshots in one process; ``crosswire serve`` uses
    ``run_server``. The server stops when the block ends."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the local server on port {port} did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
