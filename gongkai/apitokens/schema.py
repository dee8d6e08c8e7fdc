"""The API token in the OpenAPI schema: the `bearerAuth` security scheme, and what a token
changes in every operation's answers (a postprocessing hook, SPECTACULAR_SETTINGS)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from gongkai.core.api import error_ref

from .permissions import may_write_through

SCHEME = "bearerAuth"
WRITES = {"post", "put", "patch", "delete"}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "gongkai.apitokens.authentication.BearerTokenAuthentication"
    name = SCHEME

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "本机关管理员创建的 API 令牌（gk_ 开头）：Authorization: Bearer <令牌>。"
            "只读令牌只能读取；读写令牌只能通过 /api/office/ 修改数据。",
        }


def declare_token_answers(result, generator, request, public):
    """Every operation may answer 401 (a token that is not valid); every write may answer 403
    (a read-only token); a write outside the office API does not take a token at all."""
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in WRITES | {"get"}:
                continue
            responses = operation.setdefault("responses", {})
            responses.setdefault("401", error_ref(401))
            if method in WRITES:
                responses.setdefault("403", error_ref(403))
                if not may_write_through(path):
                    operation["security"] = [
                        s for s in operation.get("security", []) if SCHEME not in s
                    ]
    return result
