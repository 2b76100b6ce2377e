from django.core.management.base import BaseCommand

from masthead.newsroom.roles import roles_setup


class Command(BaseCommand):
    help = "Create or update the Reporter, Editor and Chief editor groups and their permissions."

    def handle(self, *args, **options):
        for role, group in roles_setup().items():
            self.stdout.write(f"{role}: {group.permissions.count()} permissions")
