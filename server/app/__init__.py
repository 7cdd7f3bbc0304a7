"""The top floor: the app factory, the WSGI fast path and the server runtime."""
