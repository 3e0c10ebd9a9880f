"""Drives the tokens-emulator with the official Databricks SDK for Python.

Usage: check.py BASE_URL USER_SECRET SP_CLIENT_ID SP_CLIENT_SECRET CONTROL_SECRET

Each check prints one line; the last line is `N passed, M failed`, and the exit status is
non-zero when any check failed.
"""

import sys
import traceback

import requests

from databricks.sdk import WorkspaceClient
from databricks.sdk.config import Config
from databricks.sdk import errors
from databricks.sdk.common.types.fieldmask import FieldMask
from databricks.sdk.service.settings import PublicTokenInfo

BASE_URL, USER_SECRET, SP_ID, SP_SECRET, CONTROL_SECRET = sys.argv[1:6]

RESULTS = []


def check(name):
    def wrap(fn):
        try:
            fn()
        except Exception:  # noqa: BLE001 - report every failure, keep going
            RESULTS.append((name, False))
            print(f"FAIL {name}")
            traceback.print_exc(limit=3)
        else:
            RESULTS.append((name, True))
            print(f"ok   {name}")
        return fn

    return wrap


def expect_error(error_class, fn):
    try:
        fn()
    except error_class as e:
        return e
    except Exception as e:  # noqa: BLE001
        raise AssertionError(f"expected {error_class.__name__}, got {type(e).__name__}: {e}")
    raise AssertionError(f"expected {error_class.__name__}, got no error")


def client(token):
    # Short retry budget: the checks never rely on retries, and a failure should end quickly.
    return WorkspaceClient(
        config=Config(host=BASE_URL, token=token, auth_type="pat", retry_timeout_seconds=20)
    )


def sp_client(secret):
    return WorkspaceClient(
        config=Config(
            host=BASE_URL,
            client_id=SP_ID,
            client_secret=secret,
            auth_type="oauth-m2m",
            retry_timeout_seconds=20,
        )
    )


user = client(USER_SECRET)


@check("create returns a dapi secret and token info")
def _():
    created = user.tokens.create(comment="compat-create", lifetime_seconds=3600)
    assert created.token_value.startswith("dapi") and len(created.token_value) == 36
    assert created.token_info.comment == "compat-create"
    assert len(created.token_info.token_id) == 64
    assert created.token_info.expiry_time - created.token_info.creation_time == 3600 * 1000


@check("list shows created tokens")
def _():
    created = user.tokens.create(comment="compat-list")
    ids = [t.token_id for t in user.tokens.list()]
    assert created.token_info.token_id in ids


@check("a created token authenticates as the same user")
def _():
    created = user.tokens.create(comment="compat-minted")
    minted = client(created.token_value)
    second = minted.tokens.create(comment="compat-by-minted")
    ids = [t.token_id for t in user.tokens.list()]
    assert second.token_info.token_id in ids


@check("update changes the comment through a field mask")
def _():
    created = user.tokens.create(comment="compat-before")
    token_id = created.token_info.token_id
    user.tokens.update(
        token_id, PublicTokenInfo(comment="compat-after"), FieldMask(["comment"])
    )
    by_id = {t.token_id: t for t in user.tokens.list()}
    assert by_id[token_id].comment == "compat-after"


@check("update of scopes and comment together")
def _():
    created = user.tokens.create(comment="compat-scopes")
    token_id = created.token_info.token_id
    user.tokens.update(
        token_id,
        PublicTokenInfo(comment="compat-scoped", scopes=["sql"]),
        FieldMask(["comment", "scopes"]),
    )
    by_id = {t.token_id: t for t in user.tokens.list()}
    assert by_id[token_id].scopes == ["sql"]


@check("delete removes the token")
def _():
    created = user.tokens.create(comment="compat-delete")
    token_id = created.token_info.token_id
    user.tokens.delete(token_id)
    assert token_id not in [t.token_id for t in user.tokens.list()]


@check("delete of an unknown token raises ResourceDoesNotExist")
def _():
    expect_error(errors.ResourceDoesNotExist, lambda: user.tokens.delete("0" * 64))


@check("delete twice raises ResourceDoesNotExist the second time")
def _():
    created = user.tokens.create(comment="compat-delete-twice")
    user.tokens.delete(created.token_info.token_id)
    expect_error(errors.ResourceDoesNotExist, lambda: user.tokens.delete(created.token_info.token_id))


@check("update of an unknown token raises NotFound")
def _():
    expect_error(
        errors.NotFound,
        lambda: user.tokens.update("0" * 64, PublicTokenInfo(comment="x"), FieldMask(["comment"])),
    )


@check("update with a mask naming token_id raises InvalidParameterValue")
def _():
    created = user.tokens.create(comment="compat-bad-mask")
    expect_error(
        errors.InvalidParameterValue,
        lambda: user.tokens.update(
            created.token_info.token_id, PublicTokenInfo(comment="x"), FieldMask(["token_id"])
        ),
    )


@check("a zero lifetime raises InvalidParameterValue")
def _():
    expect_error(errors.InvalidParameterValue, lambda: user.tokens.create(lifetime_seconds=0))


@check("a lifetime above the maximum raises InvalidParameterValue")
def _():
    expect_error(
        errors.InvalidParameterValue,
        lambda: user.tokens.create(lifetime_seconds=731 * 24 * 3600),
    )


@check("a comment over 255 characters raises InvalidParameterValue")
def _():
    expect_error(errors.InvalidParameterValue, lambda: user.tokens.create(comment="x" * 256))


@check("an unknown token secret raises PermissionDenied")
def _():
    stranger = client("dapi" + "0" * 32)
    expect_error(errors.PermissionDenied, lambda: list(stranger.tokens.list()))


@check("a revoked token no longer authenticates")
def _():
    created = user.tokens.create(comment="compat-revoked")
    user.tokens.delete(created.token_info.token_id)
    revoked = client(created.token_value)
    expect_error(errors.PermissionDenied, lambda: list(revoked.tokens.list()))


@check("users see only their own tokens")
def _():
    created = user.tokens.create(comment="compat-isolation")
    other = client(created.token_value)
    # Same user through a minted token: sees it.
    assert created.token_info.token_id in [t.token_id for t in other.tokens.list()]
    sp = sp_client(SP_SECRET)
    assert created.token_info.token_id not in [t.token_id for t in sp.tokens.list()]
    expect_error(errors.ResourceDoesNotExist, lambda: sp.tokens.delete(created.token_info.token_id))


@check("a service principal authenticates with OAuth M2M and owns its tokens")
def _():
    sp = sp_client(SP_SECRET)
    created = sp.tokens.create(comment="compat-sp")
    assert created.token_info.token_id in [t.token_id for t in sp.tokens.list()]
    assert created.token_info.token_id not in [t.token_id for t in user.tokens.list()]


@check("wrong OAuth client secret fails authentication")
def _():
    try:
        sp = sp_client("wrong")
        list(sp.tokens.list())
    except Exception as e:  # noqa: BLE001 - the SDK wraps auth failures in ValueError
        assert "invalid_client" in str(e) or "cannot configure" in str(e), str(e)
    else:
        raise AssertionError("a wrong client secret was accepted")


def control(method, path, body=None):
    reply = requests.request(
        method,
        f"{BASE_URL}/__emulator/{path}",
        json=body,
        headers={"Authorization": f"Bearer {CONTROL_SECRET}"},
        timeout=10,
    )
    reply.raise_for_status()
    return reply.json()


@check("the SDK retries an injected 429 with Retry-After and then succeeds")
def _():
    before = control("GET", "stats")["requests"]["list"]
    control("POST", "faults", {"route": "list", "status": 429, "retry_after": 1, "times": 1})
    list(user.tokens.list())
    assert control("GET", "stats")["requests"]["list"] == before + 2


@check("an injected 500 surfaces as InternalError without a retry")
def _():
    before = control("GET", "stats")["requests"]["list"]
    control("POST", "faults", {"route": "list", "status": 500, "times": 1})
    expect_error(errors.InternalError, lambda: list(user.tokens.list()))
    assert control("GET", "stats")["requests"]["list"] == before + 1


@check("creating past the quota raises BadRequest with QUOTA_EXCEEDED")
def _():
    # The runner starts the emulator with --quota 40; this is the last check.
    for _ in range(45):
        try:
            user.tokens.create(comment="compat-quota", lifetime_seconds=600)
        except errors.BadRequest as e:
            assert e.error_code == "QUOTA_EXCEEDED", e.error_code
            return
    raise AssertionError("no QUOTA_EXCEEDED after 45 creates with --quota 40")


passed = sum(1 for _, ok in RESULTS if ok)
failed = len(RESULTS) - passed
print(f"{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
