"""The ground floor: settings, the error hierarchy, shipped resources, metrics. Imports nothing of server."""
