"""The HTTP server: the JSON API, the brief as a web page and the analyst's workbench.

- ``app``: ``create_app(settings)``, the FastAPI app over one store (``crosswire serve``);
- ``workbench``: filtered events, search and evidence, and the workbench page;
- ``cache``: reads from one in-memory snapshot of the store, kept until a run writes it;
- ``guard``: the write token, body limits, timeouts and uvicorn's errors in the JSON shape.
"""
