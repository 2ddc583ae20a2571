"""Standard Webhooks secrets and signatures (no HTTP client needed, so the CLI stays light)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"
MIN_SECRET_BYTES, MAX_SECRET_BYTES = 24, 64


def generate_secret(n_bytes: int = 32) -> str:
    """Return a new signing secret: `whsec_` + base64 of random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(n_bytes)).decode("ascii")


def secret_bytes(secret: str) -> bytes:
    """Decode a `whsec_<base64>` secret; raise ValueError if it is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("a webhook secret starts with 'whsec_'")
    try:
        key = base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("a webhook secret is 'whsec_' followed by base64") from exc
    if not MIN_SECRET_BYTES <= len(key) <= MAX_SECRET_BYTES:
        raise ValueError(
            f"a webhook secret holds {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} random bytes"
        )
    return key


def sign(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> str:
    """Return the `webhook-signature` value: `v1,<base64 HMAC-SHA256(id.timestamp.body)>`."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")
