from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "masthead.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom staff"

    def ready(self):
        from masthead.newsroom.roles import roles_after_migrate

        post_migrate.connect(roles_after_migrate, dispatch_uid="masthead-roles")
