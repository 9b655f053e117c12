"""The web workbench and REST API: `create_app` in app.py, pages in views/, REST in routes_api.py."""
