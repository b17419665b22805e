"""Media, private documents and backups on S3-compatible object storage (OBJECT_STORAGE_BUCKET),
against a real S3 HTTP server started for the session (moto's server mode, started by
tests/cluster/harness.py): the image library writes its originals and renditions there, the
site still serves them at /media/, nothing is readable from the bucket without credentials,
private documents only get short-lived signed addresses, and a backup carries the bucket's
files and goes into it."""

import tarfile
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from relacions.core.media import LIBRARY_IMAGE_CACHE_CONTROL
from relacions.operations.storage import object_storages
from tests.cluster.harness import BUCKET, ObjectStore
from tests.fixtures.cluster import dev_env, manage


@pytest.fixture(scope="session")
def object_store():
    folder = Path(tempfile.mkdtemp(prefix="relacions-s3-"))
    store = ObjectStore(folder)
    store.start()
    yield store
    store.stop()


@pytest.fixture
def on_object_storage(settings, object_store):
    """The site's storages pointed at the bucket, as OBJECT_STORAGE_BUCKET does; emptied after."""
    settings.STORAGES = {**settings.STORAGES, **object_storages(object_store.env(), 60)}
    settings.PRIVATE_URL_SECONDS = 60
    yield object_store
    client = object_store.client()
    for key in object_store.keys():
        client.delete_object(Bucket=BUCKET, Key=key)


def anonymous_status(store: ObjectStore, key: str) -> int:
    return requests.get(f"{store.endpoint}/{BUCKET}/{key}", timeout=10).status_code


@pytest.mark.django_db
def test_images_and_their_renditions_go_to_the_bucket_and_are_served_at_media(
    on_object_storage, make_image, client, settings
):
    image = make_image(width=1800, height=1000)
    keys = on_object_storage.keys("media/images/")
    assert f"media/{image.file.name}" in keys
    renditions = list(image.renditions.all())
    assert renditions
    assert {f"media/{r.file.name}" for r in renditions} <= set(keys)
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing on this replica's disk

    rendition = renditions[0]
    assert rendition.file.url == f"/media/{rendition.file.name}"
    response = client.get(rendition.file.url)
    assert response.status_code == 200
    assert (
        b"".join(response.streaming_content)
        == rendition.file.storage.open(rendition.file.name).read()
    )
    assert response["Cache-Control"] == LIBRARY_IMAGE_CACHE_CONTROL
    # Never public in the bucket itself: the site is the only way in.
    assert anonymous_status(on_object_storage, f"media/{rendition.file.name}") == 403


@pytest.mark.django_db
def test_a_file_outside_the_library_is_a_download_and_a_missing_one_is_not_found(
    on_object_storage, client
):
    name = storages["default"].save("agreements/2026/text.html", ContentFile(b"<script>x</script>"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"
    assert response["Content-Type"] == "application/octet-stream"
    assert client.get("/media/images/none.jpg").status_code == 404
    assert client.get("/media/../private/x.pdf").status_code == 404


def test_private_documents_only_get_short_lived_signed_addresses(on_object_storage, settings):
    storage = storages["private"]
    name = storage.save("networks/memberships/a.pdf", ContentFile(b"%PDF-1.7 secret"))
    assert f"private/{name}" in on_object_storage.keys("private/")
    assert anonymous_status(on_object_storage, f"private/{name}") == 403

    url = storage.url(name)
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert "X-Amz-Signature" in query
    assert requests.get(url, timeout=10).content == b"%PDF-1.7 secret"
    # Asking for longer gets no more than PRIVATE_URL_SECONDS.
    longer = parse_qs(urlsplit(storage.url(name, expire=3600)).query)
    assert longer["X-Amz-Expires"] == ["60"]


def test_a_backup_holds_the_bucket_files_goes_into_the_bucket_and_restores_into_it(
    cluster, demo_database, object_store, tmp_path
):
    client = object_store.client()
    files = {
        "media/images/originals/one.jpg": b"\xff\xd8\xff one",
        "media/agreements/2026/text.pdf": b"%PDF-1.7 public",
        "private/networks/memberships/two.pdf": b"%PDF-1.7 private",
    }
    for key, body in files.items():
        client.put_object(Bucket=BUCKET, Key=key, Body=body)
    env = dev_env(demo_database.url, **object_store.env())
    try:
        output = manage("backup", "--destination", str(tmp_path / "backups"), env=env)
        folder = Path(output.stdout.strip().splitlines()[-1])
        with tarfile.open(folder / "media.tar.gz") as tar:
            names = sorted(tar.getnames())
            assert names == ["agreements/2026/text.pdf", "images/originals/one.jpg"]
        with tarfile.open(folder / "private-media.tar.gz") as tar:
            assert tar.getnames() == ["networks/memberships/two.pdf"]
        kept = object_store.keys(f"backups/{folder.name}/")
        assert {Path(key).name for key in kept} == {
            "database.dump", "media.tar.gz", "private-media.tar.gz", "manifest.json"
        }  # fmt: skip

        for key in files:
            client.delete_object(Bucket=BUCKET, Key=key)
        fresh = dev_env(cluster.create_database("restored_from_bucket"), **object_store.env())
        manage("restore", str(folder), env=fresh)
        for key, body in files.items():
            assert client.get_object(Bucket=BUCKET, Key=key)["Body"].read() == body
    finally:
        for key in object_store.keys():
            client.delete_object(Bucket=BUCKET, Key=key)
