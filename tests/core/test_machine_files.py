"""sitemap.xml and robots.txt, for search engines."""


def test_robots_points_to_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, home):
    from tests.factories import CareerLadderPageFactory, SkillIndexPageFactory

    CareerLadderPageFactory(parent=home)
    SkillIndexPageFactory(parent=home, live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/en/career-ladder/</loc>" in body
    assert "/en/skills/" not in body
