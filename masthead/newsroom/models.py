"""The people who run the newsroom."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Masthead's user: custom from the first migration so it can grow without pain.

    Kept in an app of its own because Wagtail's migrations depend on the user model, while
    the page models depend on Wagtail's: one app holding both would be a dependency cycle.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
