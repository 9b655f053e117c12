"""Server-rendered pages: one module per area (pages, ingest, exports), helpers beside them."""
