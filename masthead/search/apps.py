from django.apps import AppConfig


class SearchConfig(AppConfig):
    # Wagtail's own search app already has the label "wagtailsearch"; ours is the readers'
    # search page, the headline suggestions and the reindex command.
    name = "masthead.search"
    label = "masthead_search"
    verbose_name = "Search"
