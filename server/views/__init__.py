"""HTTP only: one blueprint per surface; each view parses the request, calls one service, renders.

The app factory (``server.app.factory``) registers them by name."""
