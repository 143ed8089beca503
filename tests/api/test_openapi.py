"""The OpenAPI document and its docs page."""

import pytest


@pytest.mark.django_db
def test_openapi_document_describes_every_endpoint(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    paths = document["paths"]
    for path in (
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/stories/{story_id}.ninjs",
        "/api/v1/sections",
        "/api/v1/authors",
        "/api/v1/tags",
        "/api/v1/photos",
        "/api/v1/corrections",
        "/api/v1/desk/stories",
        "/api/v1/desk/stories/{story_id}",
        "/api/v1/desk/stories/{story_id}/publish",
        "/api/v1/desk/photos",
    ):
        assert path in paths, path
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    assert "security" not in paths["/api/v1/stories"]["get"]
    assert paths["/api/v1/desk/stories"]["post"]["security"] == [{"TokenAuth": []}]


@pytest.mark.django_db
def test_docs_page_loads_its_scripts_from_our_own_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn." not in page
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
