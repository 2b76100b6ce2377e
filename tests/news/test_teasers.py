"""Most Read and Read Next: the teaser queries readers see on every story."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.news import teasers
from tests import factories
from tests.conftest import by_class, one, parse, text_of


def titles(articles):
    return [article.title for article in articles]


@pytest.fixture
def dated(newsroom):
    """make(title, section, hours_ago=…, **fields): stories with distinct publication times."""
    now = timezone.now()

    def make(title, section="politics", *, hours_ago=1, **fields):
        return factories.make_article(
            newsroom[section], title, published_at=now - timedelta(hours=hours_ago), **fields
        )

    return make


class TestMostRead:
    def test_ranks_by_views_in_the_last_72_hours(self, newsroom, dated):
        quiet = dated("Quiet story", hours_ago=1)
        popular = dated("Popular story", hours_ago=30)
        steady = dated("Steady story", hours_ago=50)
        factories.add_views(popular, 40, hours_ago=2)
        factories.add_views(steady, 10, hours_ago=5)
        factories.add_views(steady, 15, hours_ago=60)  # 25 in all: still behind 40
        factories.add_views(quiet, 3, hours_ago=1)

        ranked = teasers.most_read(newsroom["home"].locale_id, limit=3)

        assert titles(ranked) == ["Popular story", "Steady story", "Quiet story"]

    def test_views_older_than_72_hours_are_ignored(self, newsroom, dated):
        once_famous = dated("Once famous", hours_ago=200)
        lately_read = dated("Lately read", hours_ago=100)
        factories.add_views(once_famous, 1000, hours_ago=73)
        factories.add_views(lately_read, 2, hours_ago=71)

        ranked = teasers.most_read(newsroom["home"].locale_id, limit=1)

        assert titles(ranked) == ["Lately read"]

    def test_falls_back_to_the_latest_without_views(self, newsroom, dated):
        dated("Older", hours_ago=3)
        dated("Newest", hours_ago=1)
        dated("Middle", hours_ago=2)
        ranked = teasers.most_read(newsroom["home"].locale_id, limit=5)
        assert titles(ranked) == ["Newest", "Middle", "Older"]

    def test_tops_up_with_the_latest_without_repeating(self, newsroom, dated):
        read = dated("Read story", hours_ago=10)
        dated("Newest", hours_ago=1)
        dated("Middle", hours_ago=2)
        factories.add_views(read, 5)
        ranked = teasers.most_read(newsroom["home"].locale_id, limit=3)
        assert titles(ranked) == ["Read story", "Newest", "Middle"]

    def test_unpublished_stories_never_rank(self, newsroom, dated):
        shown = dated("Published", hours_ago=2)
        draft = factories.make_article(newsroom["politics"], "Draft", live=False)
        embargoed = dated("Embargoed", hours_ago=-5)
        for article in (shown, draft, embargoed):
            factories.add_views(article, 10)
        ranked = teasers.most_read(newsroom["home"].locale_id, limit=5)
        assert titles(ranked) == ["Published"]

    def test_window_follows_the_setting(self, newsroom, dated, settings):
        settings.MASTHEAD_MOST_READ_HOURS = 24
        day_old = dated("Read yesterday", hours_ago=40)
        factories.add_views(day_old, 50, hours_ago=30)
        fresh = dated("Read today", hours_ago=40)
        factories.add_views(fresh, 1, hours_ago=2)
        assert titles(teasers.most_read(newsroom["home"].locale_id, limit=1)) == ["Read today"]

    def test_rail_shows_the_ranking(self, client, newsroom, dated):
        first = dated("Most read story", hours_ago=20, lead_image=factories.make_image())
        second = dated("Second story", hours_ago=10)
        factories.add_views(first, 9)
        factories.add_views(second, 4)
        rail = one(parse(client.get(second.url)), "most-read", "section")
        items = by_class(rail, "teaser")
        assert [text_of(one(t, "teaser-title")) for t in items] == [
            "Most read story",
            "Second story",
        ]
        assert items[0].find(".//img") is not None
        assert text_of(one(items[0], "teaser-section")) == "Politics"

    def test_runs_a_fixed_number_of_queries(self, newsroom, dated):
        image = factories.make_image()
        locale_id = newsroom["home"].locale_id

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert len(teasers.most_read(locale_id, limit=5)) == 5
            return len(queries)

        for number in range(6):
            article = dated(f"Story {number}", hours_ago=number + 1, lead_image=image)
            if number < 2:
                factories.add_views(article, number + 1)
        # Two ranked, three topped up with the latest: the most work it ever does.
        few = count()
        for number in range(30):
            article = dated(f"More {number}", hours_ago=number + 10, lead_image=image)
            factories.add_views(article, number + 1)
        # Five ranked out of thirty-two read stories: no top-up needed.
        assert count() <= few <= 8


class TestReadNext:
    def test_shares_section_tags_or_coverage(self, newsroom, dated):
        article = dated("The story", tags=["Budget"], coverage=[newsroom["floods"]], hours_ago=10)
        same_section = dated("Same section", "politics", hours_ago=1)
        same_tag = dated("Same tag", "opinion", tags=["Budget"], hours_ago=2)
        same_coverage = dated(
            "Same coverage", "economy", coverage=[newsroom["floods"]], hours_ago=3
        )
        dated("Unrelated", "economy", tags=["Sport"], hours_ago=0.5)

        found = titles(teasers.read_next(article))

        assert found == [same_section.title, same_tag.title, same_coverage.title]

    def test_never_the_article_itself(self, newsroom, dated):
        article = dated("The story", tags=["Budget"], coverage=[newsroom["floods"]])
        assert article.pk not in [a.pk for a in teasers.read_next(article)]
        assert teasers.read_next(article) == []

    def test_no_repeats_when_a_story_shares_several_things(self, newsroom, dated):
        article = dated("The story", tags=["Budget", "Tax"], coverage=[newsroom["floods"]])
        dated("Shares everything", tags=["Budget", "Tax"], coverage=[newsroom["floods"]])
        assert titles(teasers.read_next(article)) == ["Shares everything"]

    def test_leaves_out_drafts_and_embargoed_stories(self, newsroom, dated):
        article = dated("The story", tags=["Budget"])
        factories.make_article(newsroom["politics"], "A draft", live=False, tags=["Budget"])
        dated("Embargoed", tags=["Budget"], hours_ago=-2)
        dated("Published", tags=["Budget"], hours_ago=3)
        assert titles(teasers.read_next(article)) == ["Published"]

    def test_newest_first_and_at_most_four(self, newsroom, dated):
        article = dated("The story", hours_ago=100)
        for number in range(6):
            dated(f"Related {number}", hours_ago=number + 1)
        assert titles(teasers.read_next(article)) == [f"Related {n}" for n in range(4)]

    def test_labels_each_story_with_its_section(self, newsroom, dated):
        article = dated("The story", tags=["Budget"])
        dated("Opinion on it", "opinion", tags=["Budget"])
        [found] = teasers.read_next(article)
        assert found.section.title == "Opinion"


class TestCoverageTabs:
    def test_every_active_topic_gets_a_tab(self, newsroom, dated):
        topics = [factories.make_coverage(f"Running story {n}", sort_order=n) for n in range(6)]
        factories.make_coverage("Finished story", active=False)
        for n, topic in enumerate(topics):
            dated(f"Update {n}", coverage=[topic], hours_ago=n + 1)
        locale_id = newsroom["politics"].locale_id
        tabs = teasers.coverage_tabs(locale_id)
        names = [topic.title if topic else "All" for topic, _ in tabs]
        assert names[0] == "All"
        ours = [(topic.title, titles(articles)) for topic, articles in tabs if topic in topics]
        assert ours == [(f"Running story {n}", [f"Update {n}"]) for n in range(6)]
        assert "Finished story" not in names


class TestReadNextWindow:
    def test_old_stories_sharing_a_tag_give_way_to_the_section(self, newsroom, dated):
        article = dated("Today's story", tags=["rivers"], hours_ago=1)
        dated("Old story on rivers", "economy", tags=["rivers"], hours_ago=24 * 40)
        dated("Yesterday in politics", hours_ago=24)
        picked = titles(teasers.read_next(article))
        assert "Old story on rivers" not in picked
        assert "Yesterday in politics" in picked
        assert "Today's story" not in picked

    def test_an_old_archive_still_gets_its_sections_stories(self, newsroom, dated):
        article = dated("Archive story", hours_ago=24 * 90)
        dated("Older neighbour", hours_ago=24 * 100)
        assert "Older neighbour" in titles(teasers.read_next(article))
