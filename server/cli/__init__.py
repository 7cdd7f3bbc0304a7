"""The ``policykg`` command (``server.cli.main:main``)."""
