from django.urls import path, register_converter

from articles.reader import feeds, jsonfeed, listings, photos, search, sitemaps, story

app_name = "articles"


class UnicodeSlugConverter:
    """Like <slug:>, but also letters of any script: django-taggit makes 港口 the slug of a tag 港口."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("", listings.HomeView.as_view(), name="home"),
    path("stories/<int:pk>/", story.story_shortlink, name="story_shortlink"),
    # Rendition files follow the photo's rights (articles/photos/serving.py).
    path("photos/r/<int:photo_id>/<str:folder>/<str:filename>", photos.rendition, name="photo_rendition"),
    path("tags/<uslug:slug>/", listings.TagView.as_view(), name="tag"),
    path("authors/<slug:slug>/", listings.AuthorView.as_view(), name="author"),
    # Feeds and sitemaps (articles/reader/feeds.py, articles/reader/sitemaps.py).
    path("feeds/rss/", feeds.LatestStoriesFeed("rss"), name="feed_rss"),
    path("feeds/atom/", feeds.LatestStoriesFeed("atom"), name="feed_atom"),
    path("feeds/sections/<slug:slug>/rss/", feeds.SectionFeed("rss"), name="section_feed_rss"),
    path("feeds/sections/<slug:slug>/atom/", feeds.SectionFeed("atom"), name="section_feed_atom"),
    path("feeds/tags/<uslug:slug>/rss/", feeds.TagFeed("rss"), name="tag_feed_rss"),
    path("feeds/tags/<uslug:slug>/atom/", feeds.TagFeed("atom"), name="tag_feed_atom"),
    path("feeds/authors/<slug:slug>/rss/", feeds.AuthorFeed("rss"), name="author_feed_rss"),
    path("feeds/authors/<slug:slug>/atom/", feeds.AuthorFeed("atom"), name="author_feed_atom"),
    path("feeds/json/", jsonfeed.JsonFeedView(feeds.LatestStoriesFeed), name="feed_json"),
    path("feeds/sections/<slug:slug>/json/", jsonfeed.JsonFeedView(feeds.SectionFeed), name="section_feed_json"),
    path("feeds/tags/<uslug:slug>/json/", jsonfeed.JsonFeedView(feeds.TagFeed), name="tag_feed_json"),
    path("feeds/authors/<slug:slug>/json/", jsonfeed.JsonFeedView(feeds.AuthorFeed), name="author_feed_json"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("archive/", listings.ArchiveIndex.as_view(), name="archive"),
    path("archive/<int:year>/", listings.ArchiveYear.as_view(), name="archive_year"),
    path("archive/<int:year>/<int:month>/", listings.ArchiveMonth.as_view(), name="archive_month"),
    path("corrections/", listings.CorrectionListView.as_view(), name="corrections"),
    path("search/", search.SearchView.as_view(), name="search"),
    # The story page, which also serves previews and share links (articles/listings.py).
    path("<slug:section>/<int:pk>/<str:slug>/", story.StoryView.as_view(), name="story"),
    path("<slug:section>/<int:pk>/", story.StoryView.as_view(), name="story_no_slug"),
    path("<slug:slug>/", listings.SectionView.as_view(), name="section"),
]
