"""The one error hierarchy. Each class carries its HTTP status; views never pick statuses.

The Flask handler that turns these into the one JSON error shape lives in
``server.views.errors``; the CLI turns them into a message and exit code 1.
"""

from __future__ import annotations

from server.core.types import JSONObject


class PolicyKGError(Exception):
    """Base of every expected error. ``status`` is the HTTP status it maps to."""

    status = 500
    code = "internal"

    def __init__(self, message: str, *, detail: object = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.headers = headers or {}

    def to_dict(self) -> JSONObject:
        error: JSONObject = {"status": self.status, "code": self.code, "message": self.message}
        if self.detail is not None:
            error["detail"] = self.detail  # JSON-serialisable data, passed through as given
        return {"error": error}


class ConfigError(PolicyKGError):
    status = 500
    code = "config"


class BadRequest(PolicyKGError):
    status = 400
    code = "bad_request"


class QuerySyntaxError(BadRequest):
    code = "query_syntax"


class RDFSyntaxError(BadRequest):
    code = "rdf_syntax"


class HeaderTooLarge(BadRequest):
    """A request header longer than its setting (checked before any request is handled)."""

    status = 431
    code = "header_too_large"


class ValidationFailed(BadRequest):
    """Data does not conform to the SHACL shapes; ``detail`` lists the results."""

    code = "shacl_violation"


class Unauthorized(PolicyKGError):
    status = 401
    code = "unauthorized"

    def __init__(
        self,
        message: str = "This operation needs 'Authorization: Bearer <token>'.",
        *,
        detail: object = None,
        headers: dict[str, str] | None = None,
    ):
        if headers is None:
            headers = {"WWW-Authenticate": 'Bearer realm="policykg"'}
        super().__init__(message, detail=detail, headers=headers)


class Forbidden(PolicyKGError):
    status = 403
    code = "forbidden"


class NotFound(PolicyKGError):
    status = 404
    code = "not_found"


class MethodNotAllowed(PolicyKGError):
    status = 405
    code = "method_not_allowed"


class NotAcceptable(PolicyKGError):
    status = 406
    code = "not_acceptable"


class PayloadTooLarge(PolicyKGError):
    status = 413
    code = "payload_too_large"


class UnsupportedMediaType(PolicyKGError):
    status = 415
    code = "unsupported_media_type"


class TooManyRequests(PolicyKGError):
    status = 429
    code = "too_many_requests"


class QueryTimeout(PolicyKGError):
    status = 503
    code = "timeout"


class StoreUnavailable(PolicyKGError):
    status = 503
    code = "store_unavailable"


class StoreError(PolicyKGError):
    """The store failed for a reason that is not the client's fault."""

    status = 500
    code = "store_error"
