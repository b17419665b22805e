import datetime

import pytest
from django.utils import timezone, translation

from relacions.core.models import Publishable
from relacions.news.models import NewsItem
from tests.factories.news import NewsItemFactory

pytestmark = pytest.mark.django_db


def day(n: int) -> datetime.date:
    return datetime.date(2021, 1, 1) + datetime.timedelta(days=n)


def test_published_is_live_items_only(hidden_items):
    live = NewsItemFactory()
    assert list(NewsItem.objects.published()) == [live]
    assert [item.is_published() for item in hidden_items.values()] == [False, False, False]
    assert live.is_published()


def test_a_scheduled_item_is_public_from_its_moment_with_no_job():
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    item = NewsItemFactory(publish_at=publish_at)
    assert not NewsItem.objects.published().exists()
    assert NewsItem.objects.filter(Publishable.published_q(publish_at)).get() == item


def test_published_on_defaults_to_today_and_is_not_the_publication_moment():
    item = NewsItem.objects.create(title_ca="Avui", slug_ca="avui")
    assert item.published_on == timezone.localdate()
    field = NewsItem._meta.get_field("published_on")
    with translation.override("en"):
        assert "publish at" in str(field.help_text)


def test_listing_is_newest_first_with_ties_broken_by_id():
    older = NewsItemFactory(published_on=day(1))
    same_day_first = NewsItemFactory(published_on=day(5))
    same_day_second = NewsItemFactory(published_on=day(5))
    assert list(NewsItem.objects.for_listing()) == [same_day_second, same_day_first, older]


def test_in_year_and_featured():
    in_2019 = NewsItemFactory(published_on=datetime.date(2019, 12, 31), featured=True)
    NewsItemFactory(published_on=datetime.date(2020, 1, 1), featured=True)
    NewsItemFactory(published_on=datetime.date(2019, 6, 1), featured=False)
    assert list(NewsItem.objects.for_listing().in_year(2019).featured()) == [in_2019]


def test_years_come_from_published_items_in_one_query(django_assert_num_queries, hidden_items):
    NewsItemFactory(published_on=datetime.date(2019, 3, 1))
    NewsItemFactory(published_on=datetime.date(2019, 9, 1))
    NewsItemFactory(published_on=datetime.date(2023, 1, 1))
    hidden_items["draft"].published_on = datetime.date(2010, 1, 1)
    hidden_items["draft"].save()
    with django_assert_num_queries(1):
        assert NewsItem.objects.years() == [2023, 2019]


def test_the_items_before_and_after_skip_unpublished_ones_in_the_item_s_own_query(
    django_assert_num_queries,
):
    oldest = NewsItemFactory(published_on=day(1))
    NewsItemFactory(published_on=day(2), status=NewsItem.Status.DRAFT)
    middle = NewsItemFactory(published_on=day(3))
    same_day = NewsItemFactory(published_on=day(3))
    NewsItemFactory(published_on=day(4), unpublish_at=timezone.now())

    def adjacent(item):
        found = NewsItem.objects.with_adjacent(timezone.now()).get(pk=item.pk)
        return tuple(link and link["id"] for link in (found.older, found.newer))

    with django_assert_num_queries(1):
        assert adjacent(middle) == (oldest.pk, same_day.pk)
    assert adjacent(same_day) == (middle.pk, None)
    assert adjacent(oldest) == (None, middle.pk)
    assert set(NewsItem.objects.with_adjacent(timezone.now()).get(pk=middle.pk).older) == {
        "id",
        "title_ca",
        "title_es",
        "title_en",
        "slug_ca",
        "slug_es",
        "slug_en",
    }


def test_without_top_featured_leaves_out_only_the_featured_shown():
    featured = [NewsItemFactory(featured=True, published_on=day(n)) for n in range(4)]
    plain = NewsItemFactory(published_on=day(10))
    rest = list(NewsItem.objects.for_listing().without_top_featured(3))
    # The three newest featured items are shown as featured; the oldest one still counts as news.
    assert rest == [plain, featured[0]]


def test_body_is_sanitised_in_every_language():
    item = NewsItemFactory(
        body_ca="<p>Bé</p><script>alert(1)</script>",
        body_en='<p onclick="steal()">Fine</p><a href="javascript:alert(1)">x</a>',
    )
    item.refresh_from_db()
    assert item.body_ca == "<p>Bé</p>"
    assert "onclick" not in item.body_en and "javascript" not in item.body_en


def test_slug_must_be_unique_per_language():
    from django.core.exceptions import ValidationError

    NewsItemFactory(slug_es="repetido")
    with pytest.raises(ValidationError) as error:
        NewsItemFactory.build(slug_es="repetido").full_clean()
    assert "slug_es" in error.value.message_dict


@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_a_slug_cannot_take_a_feed_address(slug):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        NewsItemFactory.build(slug_en=slug).full_clean()
    assert "slug_en" in error.value.message_dict
