"""The blocks an article body is built from, mirroring the reference page's body."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, help_text="Leave empty to use the image's own.")
    credit = blocks.CharBlock(required=False, help_text="Leave empty to use the image's own.")

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class ReadNextBlock(blocks.StructBlock):
    """One inline link to another story, shown as "Read next: <headline>"."""

    article = blocks.PageChooserBlock(page_type="news.ArticlePage")

    class Meta:
        icon = "link"
        template = "news/blocks/read_next.html"
        label = "Read next"


class RelatedNewsBlock(blocks.StructBlock):
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.ArticlePage"), min_num=1, max_num=3
    )

    class Meta:
        icon = "list-ul"
        template = "news/blocks/related_news.html"
        label = "Related news"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Only stories readers can open: drafts and embargoed stories wait their turn.
        context["articles"] = [
            article
            for article in value["articles"]
            if article is not None and article.live and article.is_published()
        ]
        return context


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], template="news/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(
        icon="title", form_classname="title", template="news/blocks/subheading.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    read_next = ReadNextBlock()
    related_news = RelatedNewsBlock()


class PlainBodyBlock(blocks.StreamBlock):
    """For About, Privacy and other plain pages."""

    paragraph = blocks.RichTextBlock(template="news/blocks/paragraph.html")
    subheading = blocks.CharBlock(icon="title", template="news/blocks/subheading.html")
    image = ImageBlock()
