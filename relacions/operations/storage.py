"""Uploaded files on S3-compatible object storage (django-storages), when OBJECT_STORAGE_BUCKET
names a bucket; the local disk (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) otherwise.

One private bucket holds everything, in three prefixes: `media/` (the image library's originals
and renditions, the editor's uploads, the agreements' public PDFs), `private/` (membership
documents) and `backups/`. No object is ever made public (no ACL is sent: the bucket's own,
private by default on every provider, applies):

- public media keep their addresses under MEDIA_URL (`/media/…`): a replica reads the object and
  answers with the headers of relacions.core.media (sandboxed, year-long immutable caching for
  the library's images), and the caching proxy in front keeps it. The page's Content Security
  Policy (`img-src 'self'`) stays as it is, and no bucket needs a public policy;
- private documents are read only through the app (the admin's permission-checked view streams
  them) or through a signed address that expires after PRIVATE_URL_SECONDS (`url()`);
- backups are uploaded under `backups/<stamp>/`, as written to the local folder.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.files.storage import storages
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

MEDIA_PREFIX = "media"
PRIVATE_PREFIX = "private"
BACKUP_PREFIX = "backups"


class MediaStorage(S3Storage):
    """Public media in the bucket, addressed under MEDIA_URL (the app and the proxy serve them)."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(clean_name(name)))


class PrivateStorage(S3Storage):
    """Private documents: no public address, only short-lived signed ones."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        expire = min(expire or settings.PRIVATE_URL_SECONDS, settings.PRIVATE_URL_SECONDS)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)


def object_storage_options(environ) -> dict | None:
    """django-storages' options from the environment; None without OBJECT_STORAGE_BUCKET."""
    bucket = environ.get("OBJECT_STORAGE_BUCKET", "").strip()
    if not bucket:
        return None
    return {
        "bucket_name": bucket,
        "endpoint_url": environ.get("OBJECT_STORAGE_ENDPOINT_URL") or None,
        "region_name": environ.get("OBJECT_STORAGE_REGION") or None,
        "access_key": environ.get("OBJECT_STORAGE_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("OBJECT_STORAGE_SECRET_ACCESS_KEY") or None,
        # "path" (endpoint/bucket/key) works with every S3-compatible server; "virtual" is AWS's.
        "addressing_style": environ.get("OBJECT_STORAGE_ADDRESSING_STYLE") or "path",
        "signature_version": "s3v4",
        # Never an ACL: the bucket's own (private) applies to every object.
        "default_acl": None,
        "querystring_auth": True,
        # A name already taken gets a new one: a rendition or a document never replaces another.
        "file_overwrite": False,
    }


def object_storages(environ, private_url_seconds: int) -> dict:
    """The STORAGES entries for object storage: default (media), private, backups."""
    options = object_storage_options(environ)
    if options is None:
        return {}
    return {
        "default": {
            "BACKEND": "relacions.operations.storage.MediaStorage",
            "OPTIONS": {**options, "location": MEDIA_PREFIX},
        },
        "private": {
            "BACKEND": "relacions.operations.storage.PrivateStorage",
            "OPTIONS": {
                **options,
                "location": PRIVATE_PREFIX,
                "querystring_expire": private_url_seconds,
            },
        },
        "backups": {
            "BACKEND": "relacions.operations.storage.PrivateStorage",
            "OPTIONS": {
                **options,
                "location": BACKUP_PREFIX,
                "querystring_expire": private_url_seconds,
            },
        },
    }


def on_object_storage(alias: str = "default") -> bool:
    """Whether the storage `alias` is the object store (not the local disk)."""
    return alias in settings.STORAGES and isinstance(storages[alias], S3Storage)


def walk(storage, folder: str = ""):
    """Every file name under `folder` of a storage, recursively."""
    folders, files = storage.listdir(folder)
    prefix = f"{folder}/" if folder else ""
    for name in sorted(files):
        yield prefix + name
    for name in sorted(folders):
        yield from walk(storage, prefix + name)
