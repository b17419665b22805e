"""The twin cities move out of the networks: each network of the kind "twinning" and its
membership become a place (relacions.places) and a twinning agreement, with the same slugs,
description, publication, news, events and objectives; its old addresses answer with permanent
redirects (relacions.redirects) to the agreement's, and the network is removed (with its
memberships and its search entries). Backwards, each twinning agreement becomes a network of
the kind "twinning" again, with a membership of the category "partner", and the redirects go.
"""

from django.conf import settings
from django.db import migrations
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from relacions.core.catalan import elide_if_catalan
from relacions.core.signals import content_changed
from relacions.places.data_migrations import country_code, place_for, split_city_and_country

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLE = {"ca": "Agermanament amb %s", "es": "Hermanamiento con %s", "en": "Twinning with %s"}
PARTNER = {"ca": "Ajuntament de %s", "es": "Ayuntamiento de %s", "en": "City Council of %s"}
REDIRECT_NOTE = "Ciutat agermanada traslladada de les xarxes als acords (migració)"
# Membership status → agreement status ("applying" has no agreement counterpart: active).
STATUS = {"applying": "active", "active": "active", "suspended": "suspended", "ended": "ended"}
MEMBERSHIP_STATUS = {"active": "active", "dormant": "active", "suspended": "suspended", "ended": "ended"}


def _in(language: str, text: str, name: str) -> str:
    with translation.override(language):
        return elide_if_catalan(text % name)


def _address(language: str, name: str, slug: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs={"slug": slug})


def _slugs(obj) -> dict[str, str]:
    return {language: getattr(obj, f"slug_{language}") or obj.slug_ca for language in LANGUAGES}


def forwards(apps, schema_editor):
    Network = apps.get_model("networks", "Network")
    Agreement = apps.get_model("agreements", "Agreement")
    Place = apps.get_model("places", "Place")
    Redirect = apps.get_model("redirects", "Redirect")
    SearchEntry = apps.get_model("search", "SearchEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moved = []
    for network in Network.objects.filter(kind="twinning").order_by("pk"):
        if network.forums.exists() or network.working_groups.exists() or network.positions.exists():
            continue  # Not a plain twinning: left for an Administrator to sort out.
        names = {}
        countries_named = [getattr(network, f"headquarters_{language}") for language in LANGUAGES]
        for language in LANGUAGES:
            city, country_name = split_city_and_country(getattr(network, f"name_{language}") or "")
            names[language] = city
            countries_named.append(country_name)
        place = place_for(Place, names, country_code(*countries_named))
        memberships = list(network.memberships.order_by("since", "pk"))
        first, latest = (memberships[0], memberships[-1]) if memberships else (None, None)
        status = STATUS.get(latest.status, "active") if latest else "active"
        ends_on = latest.until if latest else None
        if status == "ended" and ends_on is None:
            ends_on = latest.updated_at.date()
        values = {
            "kind": "twinning",
            "status": network.status,
            "publish_at": network.publish_at,
            "unpublish_at": network.unpublish_at,
            "signed_on": first.since if first else None,
            "ends_on": ends_on,
            "agreement_status": status,
        }
        slugs = _slugs(network)
        for language in LANGUAGES:
            name = getattr(network, f"name_{language}") or network.name_ca
            values[f"title_{language}"] = _in(language, TITLE[language], name)
            values[f"slug_{language}"] = getattr(network, f"slug_{language}") or ""
            values[f"object_{language}"] = getattr(network, f"description_{language}") or ""
        values["title"], values["slug"] = values["title_ca"], values["slug_ca"]
        values["object"] = values["object_ca"]
        agreement = Agreement.objects.create(**values)
        agreement.partners.create(
            place=place,
            **{
                f"organisation_{language}": _in(
                    language, PARTNER[language], getattr(place, f"name_{language}") or place.name_ca
                )
                for language in LANGUAGES
            },
            organisation=_in("ca", PARTNER["ca"], place.name_ca),
        )
        agreement.news_items.set(network.news_items.all())
        agreement.events.set(network.events.all())
        agreement.objectives.set(
            {objective for membership in memberships for objective in membership.objectives.all()}
        )
        for language in LANGUAGES:
            old = _address(language, "networks:detail", slugs[language])
            new = _address(language, "agreements:detail", _slugs(agreement)[language])
            Redirect.objects.update_or_create(
                old_path=old, defaults={"new_path": new, "kind": 301, "note": REDIRECT_NOTE}
            )
        moved.append(network.pk)
        for membership in memberships:
            membership.objectives.clear()
            membership.delete()
        network.news_items.clear()
        network.events.clear()
        network.delete()
    content_type = ContentType.objects.filter(app_label="networks", model="network").first()
    if moved and content_type is not None:
        SearchEntry.objects.filter(content_type=content_type, object_id__in=moved).delete()
    if moved:
        _stale_pages()


def backwards(apps, schema_editor):
    Network = apps.get_model("networks", "Network")
    Agreement = apps.get_model("agreements", "Agreement")
    Redirect = apps.get_model("redirects", "Redirect")
    SearchEntry = apps.get_model("search", "SearchEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    removed = []
    for agreement in Agreement.objects.filter(kind="twinning").order_by("pk"):
        partner = agreement.partners.exclude(place=None).select_related("place").first()
        place = partner.place if partner else None
        values = {
            "kind": "twinning",
            "status": agreement.status,
            "publish_at": agreement.publish_at,
            "unpublish_at": agreement.unpublish_at,
        }
        for language in LANGUAGES:
            title = getattr(agreement, f"title_{language}") or ""
            prefix = TITLE[language].removesuffix("%s")
            name = title.removeprefix(prefix) if title.startswith(prefix) else ""
            if not name and place is not None:
                name = getattr(place, f"name_{language}") or ""
            values[f"name_{language}"] = name or (title if language == "ca" else "")
            values[f"slug_{language}"] = getattr(agreement, f"slug_{language}") or ""
            values[f"description_{language}"] = getattr(agreement, f"object_{language}") or ""
            with translation.override(language):
                values[f"headquarters_{language}"] = (
                    str(countries.name(place.country)) if place and place.country else ""
                )
        values["name"], values["slug"] = values["name_ca"], values["slug_ca"]
        values["description"], values["headquarters"] = (
            values["description_ca"],
            values["headquarters_ca"],
        )
        network = Network.objects.create(**values)
        membership = network.memberships.create(
            category="partner",
            since=agreement.signed_on,
            until=agreement.ends_on,
            status=MEMBERSHIP_STATUS.get(agreement.agreement_status, "active"),
        )
        membership.objectives.set(agreement.objectives.all())
        network.news_items.set(agreement.news_items.all())
        network.events.set(agreement.events.all())
        for language in LANGUAGES:
            new = _address(language, "agreements:detail", _slugs(agreement)[language])
            Redirect.objects.filter(new_path=new, note=REDIRECT_NOTE).delete()
        removed.append(agreement.pk)
        agreement.delete()
        if place is not None and not (
            place.agreement_partners.exists() or place.events.exists() or place.network_seats.exists()
        ):
            place.delete()
    content_type = ContentType.objects.filter(app_label="agreements", model="agreement").first()
    if removed and content_type is not None:
        SearchEntry.objects.filter(content_type=content_type, object_id__in=removed).delete()
    if removed:
        _stale_pages()
    # The steps before drop tables and columns: PostgreSQL refuses to alter a table with
    # constraint checks still pending in the transaction, so they run now.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _stale_pages():
    # No save signal runs in a migration: the cached pages would still list the old networks.
    content_changed.send(sender=forwards)


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0001_initial"),
        ("networks", "0006_network_seat_from_headquarters"),
        ("events", "0006_event_location_from_city"),
        ("news", "0003_empty_blank_rich_text"),
        ("redirects", "0001_initial"),
        ("search", "0002_text_search_configurations"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
