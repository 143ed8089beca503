from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("stories/<int:pk>/", views.story_shortlink, name="story_shortlink"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("<slug:section>/<int:pk>/<str:slug>/", views.StoryView.as_view(), name="story"),
    path("<slug:section>/<int:pk>/", views.StoryView.as_view(), name="story_no_slug"),
    path("<slug:slug>/", views.SectionView.as_view(), name="section"),
]
