"""Hashing and signing behind one interface, so that a deployment subject to commercial
cryptography assessment (密评) can swap Ed25519/SHA-256 for SM2/SM3 in one place.

`GONGKAI_CRYPTO` names the suite; only "ed25519-sha256" ships today. A new suite registers in
SUITES with the same three operations.
"""

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class Suite(Protocol):
    name: str
    hash_name: str

    def digest(self, data: bytes) -> str: ...
    def sign(self, data: bytes) -> str: ...
    def verify(self, data: bytes, signature: str) -> bool: ...
    def public_key_text(self) -> str: ...


@dataclass
class Ed25519Sha256:
    key_path: Path
    name: str = "ed25519-sha256"
    hash_name: str = "sha256"

    def digest(self, data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def _private_key(self) -> Ed25519PrivateKey:
        if not self.key_path.exists():
            self.key_path.parent.mkdir(parents=True, exist_ok=True)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            tmp = self.key_path.with_suffix(".tmp")
            tmp.write_bytes(pem)
            tmp.chmod(0o600)
            tmp.rename(self.key_path)
        key = serialization.load_pem_private_key(self.key_path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{self.key_path} 不是 Ed25519 私钥。")
        return key

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self._private_key().sign(data)).decode()

    def verify(self, data: bytes, signature: str) -> bool:
        public = self._private_key().public_key()
        return verify_ed25519(public, data, signature)

    def public_key_text(self) -> str:
        return (
            self._private_key()
            .public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )


def verify_ed25519(public: Ed25519PublicKey, data: bytes, signature: str) -> bool:
    try:
        public.verify(base64.b64decode(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


@cache
def suite() -> Suite:
    from django.conf import settings

    name = getattr(settings, "GONGKAI_CRYPTO", "ed25519-sha256")
    if name != "ed25519-sha256":
        raise ValueError(f"不支持的密码算法套件：{name}")
    return Ed25519Sha256(key_path=Path(settings.DATA_DIR) / "keys" / "signing_ed25519.pem")


def digest(data: bytes) -> str:
    return suite().digest(data)
