from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "masthead.media"
    label = "media"

    def ready(self):
        from masthead.media.pictures import encode_avif_faster
        from masthead.media.uploads import apply_pillow_limit

        apply_pillow_limit()
        encode_avif_faster()
