"""The networks' figures of the yearly report (content.REPORT) and the lists they link to."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from relacions.core.demo import load_demo_content
from relacions.networks.content import content
from tests.factories.networks import (
    ForumFactory,
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
    PositionFactory,
    WorkingGroupFactory,
)
from tests.helpers import ReportSection

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

D = datetime.date
YEAR = 2025


SECTION = ReportSection(content)


def figures(year: int = YEAR) -> dict:
    return SECTION.figures(year)


def indicator(key: str):
    return next(i for i in content.report.indicators if i.key == key)


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # EUROCITIES (full since 2009-01-01), the example City Network (observer until
    # 2025-05-31, full since 2025-06-01) and CGLU (a member, its start not recorded: it
    # counts, as the directory counts it, and the report's check asks for its start).
    "networks.member": 3,
    # EUROCITIES full; City Network observer (2023-01-01 – 2025-05-31) and full
    # (2025-06-01); CGLU full.
    "networks.memberships": 4,
    # City Network full, since 2025-06-01.
    "networks.memberships_started": 1,
    # City Network observer, until 2025-05-31.
    "networks.memberships_ended": 1,
    # Vice-chair of EUROCITIES' City Branding group (since 2017-01-01), Chair of the
    # example Mobility working group (since 2025-06-01) and CGLU's vice-presidency (no start
    # recorded).
    "networks.positions": 3,
    # The example Mobility Forum (since 2025-03-01) and the Culture Forum (no date recorded).
    "networks.forums": 2,
}


def test_the_demo_figures_of_last_year_as_counted_by_hand():
    load_demo_content(today=D(2026, 6, 15))
    # relacions/networks/demo.yaml, loaded on 15 June 2026 (year-start is 1 January 2026).
    assert figures() == DEMO_2025


def test_the_report_declaration_passes_the_checks():
    call_command("check")
    assert content.report.key == "networks" and content.report.order == 10


# --- What counts ---------------------------------------------------------------------------------


def hidden_networks():
    """A network of every state the public does not see."""
    now = timezone.now()
    return [
        NetworkFactory(status="draft"),
        NetworkFactory(publish_at=now + datetime.timedelta(days=1)),
        NetworkFactory(unpublish_at=now - datetime.timedelta(days=1)),
        NetworkFactory(status="draft", publish_at=now - datetime.timedelta(days=3)),
    ]


def test_drafts_scheduled_expired_and_unpublished_networks_do_not_count():
    for network in hidden_networks():
        MembershipFactory(network=network, since=D(YEAR, 3, 1), until=D(YEAR, 9, 30))
        forum = ForumFactory(network=network, participating_since=D(YEAR, 1, 1))
        PositionFactory(network=network, start=D(YEAR, 2, 1))
        PositionFactory(network=None, forum=forum, start=D(YEAR, 2, 1))
        group = WorkingGroupFactory(network=network)
        PositionFactory(network=None, working_group=group, start=D(YEAR, 2, 1))
    # A draft forum of a public network, and a position in it.
    draft_forum = ForumFactory(status="draft", participating_since=D(YEAR, 1, 1))
    PositionFactory(network=None, forum=draft_forum, start=D(YEAR, 2, 1))
    assert set(figures().values()) == {0}


def test_applications_and_former_twinning_rows_do_not_count():
    MembershipFactory(since=D(YEAR, 3, 1), status="applying")
    MembershipFactory(network=NetworkFactory(kind="twinning"), since=D(YEAR, 3, 1))
    assert set(figures().values()) == {0}


def test_fees_and_internal_fields_do_not_change_a_figure():
    membership = MembershipFactory(since=D(2020, 1, 1), until=D(YEAR, 6, 30), status="ended")
    before = figures()
    MembershipFeeFactory(membership=membership, year=YEAR, amount="99999.00")
    membership.internal_contact = "Someone"
    membership.notes = "Confidential"
    membership.political_representative = "A councillor"
    membership.save()
    assert figures() == before
    assert before["networks.memberships_ended"] == 1


def test_an_unknown_start_counts_and_the_report_s_check_asks_for_it():
    """As the directory shows them: a membership, a position or a forum whose start is not
    recorded counts in every year it has not ended by; the check lists it as lacking its start."""
    from relacions.reports.checks import missing_data

    membership = MembershipFactory(since=None, until=None)
    position = PositionFactory(start=None, end=None)
    forum = ForumFactory(participating_since=None)
    MembershipFactory(since=None, until=D(YEAR - 1, 12, 31), status="ended")  # ended before
    counted = figures()
    assert counted["networks.memberships"] == 1
    assert counted["networks.positions"] == 1
    assert counted["networks.forums"] == 1
    lacking = {problem.record: problem.what for problem in missing_data(YEAR)}
    for obj in (membership, position, forum):
        assert str(obj) in lacking, obj


def test_the_edges_of_the_year_count_in_their_own_year():
    # Dates (not moments): 1 January and 31 December belong to their year, whatever the hour.
    first_day = MembershipFactory(since=D(YEAR, 1, 1), until=D(YEAR, 12, 31), status="ended")
    MembershipFactory(since=D(YEAR + 1, 1, 1))
    MembershipFactory(since=D(YEAR - 2, 1, 1), until=D(YEAR - 1, 12, 31), status="ended")
    PositionFactory(start=D(YEAR, 12, 31))
    PositionFactory(start=D(YEAR - 3, 1, 1), end=D(YEAR, 1, 1))
    PositionFactory(start=D(YEAR - 3, 1, 1), end=D(YEAR - 1, 12, 31))
    ForumFactory(participating_since=D(YEAR, 12, 31))
    ForumFactory(participating_since=D(YEAR + 1, 1, 1))

    assert figures() == {
        "networks.member": 1,
        "networks.memberships": 1,
        "networks.memberships_started": 1,
        "networks.memberships_ended": 1,
        "networks.positions": 2,
        "networks.forums": 1,
    }
    assert figures(YEAR + 1)["networks.memberships_started"] == 1
    assert figures(YEAR - 1)["networks.memberships_ended"] == 1
    assert figures(YEAR - 1)["networks.positions"] == 2
    assert first_day.network.name in names_listed_at(indicator("networks.member").url(YEAR))


def test_a_network_counts_once_and_each_membership_once():
    network = NetworkFactory()
    MembershipFactory(
        network=network, category="observer", since=D(2020, 1, 1), until=D(YEAR, 4, 30)
    )
    MembershipFactory(network=network, category="full", since=D(YEAR, 5, 1), status="suspended")
    values = figures()
    assert (values["networks.member"], values["networks.memberships"]) == (1, 2)


# --- The links -----------------------------------------------------------------------------------


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def card_names(main: str) -> list[str]:
    return re.findall(r'class="network-card__name"><a href="[^"]+">([^<]+)</a>', main)


def names_listed_at(url: str) -> list[str]:
    return card_names(page(Client(), url))


def section(main: str, name: str) -> str:
    start = main.index(f'id="{name}"')
    return main[start : main.index("</section>", start)]


@pytest.fixture
def a_year_of_networks():
    """Records of the year, of other years, and hidden ones, named after what they are."""

    def network(name, **kwargs):
        return NetworkFactory(name_en=name, **kwargs)

    in_force = network("In force")
    MembershipFactory(network=in_force, since=D(2010, 1, 1))
    changed = network("Changed category")
    MembershipFactory(
        network=changed, category="observer", since=D(2015, 1, 1), until=D(YEAR, 2, 28)
    )
    MembershipFactory(network=changed, category="full", since=D(YEAR, 3, 1))
    joined = network("Joined")
    MembershipFactory(network=joined, since=D(YEAR, 12, 31))
    left = network("Left")
    MembershipFactory(network=left, since=D(2000, 1, 1), until=D(YEAR, 1, 1), status="ended")
    old = network("Old")
    MembershipFactory(network=old, since=D(2000, 1, 1), until=D(YEAR - 1, 12, 31), status="ended")
    MembershipFactory(network=network("Applying"), since=D(YEAR, 5, 1), status="applying")
    MembershipFactory(network=network("Draft", status="draft"), since=D(YEAR, 5, 1))

    forum = ForumFactory(
        network=in_force, name_en="Forum joined", participating_since=D(YEAR, 6, 1)
    )
    ForumFactory(network=in_force, name_en="Forum later", participating_since=D(YEAR + 1, 1, 1))
    ForumFactory(
        network=in_force, name_en="Forum draft", status="draft", participating_since=D(2020, 1, 1)
    )
    group = WorkingGroupFactory(network=left, name_en="Group")
    PositionFactory(network=in_force, title_en="Board member", start=D(YEAR, 6, 1))
    PositionFactory(network=None, forum=forum, title_en="Forum chair", start=D(2019, 1, 1))
    PositionFactory(
        network=None,
        working_group=group,
        title_en="Group chair",
        start=D(2019, 1, 1),
        end=D(YEAR, 1, 1),
    )
    PositionFactory(
        network=old, title_en="Old position", start=D(2000, 1, 1), end=D(YEAR - 1, 12, 31)
    )
    PositionFactory(
        network=network("Draft 2", status="draft"), title_en="Hidden", start=D(YEAR, 1, 1)
    )


def test_each_figure_links_to_a_list_of_exactly_its_records(client, a_year_of_networks):
    values = figures()
    with translation.override("en"):
        urls = {i.key: i.url(YEAR) for i in content.report.indicators}

    assert urls["networks.member"] == f"/en/networks/?year={YEAR}"
    names = names_listed_at(urls["networks.member"])
    assert sorted(names) == ["Changed category", "In force", "Joined", "Left"]
    assert values["networks.member"] == len(names)

    main = page(client, urls["networks.memberships"])
    rows = re.findall(r'class="year-membership">(.*?)</li>', main, re.S)
    assert values["networks.memberships"] == len(rows) == 5

    started = page(client, urls["networks.memberships_started"])
    assert urls["networks.memberships_started"].endswith(f"?year={YEAR}&membership=started")
    assert sorted(card_names(started)) == ["Changed category", "Joined"]
    assert values["networks.memberships_started"] == started.count('class="year-membership"') == 2
    assert "Observer" not in started  # the category left that year is not a start

    ended = page(client, urls["networks.memberships_ended"])
    assert sorted(card_names(ended)) == ["Changed category", "Left"]
    assert values["networks.memberships_ended"] == ended.count('class="year-membership"') == 2

    assert urls["networks.positions"] == f"/en/networks/?year={YEAR}#positions"
    positions = section(page(client, urls["networks.positions"]), "positions")
    titles = re.findall(r"<strong[^>]*>([^<]+)</strong>", positions)
    assert sorted(titles) == ["Board member", "Forum chair", "Group chair"]
    assert values["networks.positions"] == len(titles)

    assert urls["networks.forums"] == f"/en/networks/?year={YEAR}#forums"
    forums = section(page(client, urls["networks.forums"]), "forums")
    assert re.findall(r'class="year-forum"><a href="[^"]+">([^<]+)</a>', forums) == ["Forum joined"]
    assert values["networks.forums"] == 1


def test_the_links_are_in_the_active_language(a_year_of_networks):
    for language, path in (("ca", "/ca/xarxes/"), ("es", "/es/redes/")):
        with translation.override(language):
            assert indicator("networks.member").url(YEAR) == f"{path}?year={YEAR}"


# --- The directory's year filter -----------------------------------------------------------------


def test_the_directory_offers_the_years_in_its_form(client, a_year_of_networks):
    main = page(client, "/en/networks/")
    assert '<label for="id_year">Year</label>' in main
    assert f'<option value="{YEAR}">{YEAR}</option>' in main
    assert '<option value="2000">2000</option>' in main  # the first recorded date
    assert '<label for="id_membership">Memberships</label>' in main
    assert '<option value="started">Started that year</option>' in main


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=1999", "There are no memberships in “1999”."),
        ("year=abc", "There are no memberships in “abc”."),
        (f"year={YEAR}&membership=joined", "There is no choice of memberships “joined”."),
        ("membership=started", "Choose a year to see the memberships that started or ended in it."),
    ],
)
def test_an_invalid_filter_answers_404_with_the_error(client, a_year_of_networks, query, message):
    response = client.get(f"/en/networks/?{query}")
    assert response.status_code == 404
    body = response.content.decode()
    assert message in body
    assert 'class="card network-card"' not in body
    assert '<meta name="robots" content="noindex, follow">' in body


def test_the_filter_is_translated(client, a_year_of_networks):
    body = client.get(f"/ca/xarxes/?year={YEAR}").content.decode()
    assert '<label for="id_year">Any</label>' in body
    assert '<label for="id_membership">Pertinences</label>' in body
    assert f"Càrrecs que va ocupar Terrassa el {YEAR}" in body
    response = client.get("/es/redes/?year=1999")
    assert response.status_code == 404
    assert "No hay pertenencias en el año «1999»." in response.content.decode()
