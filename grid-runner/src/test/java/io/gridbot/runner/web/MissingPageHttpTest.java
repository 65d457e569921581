package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: an unknown grid's page, or any unknown page address, answers 404 with an HTML page that says what
 * is missing and links back to the list; API paths keep their JSON 404.
 */
class MissingPageHttpTest {

    @TempDir
    Path dir;

    private DashboardFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new DashboardFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void anUnknownGridsPageAndItsEditPageAre404PagesNamingTheGridWithALinkBack() throws Exception {
        DashboardSession s = DashboardSession.logIn(f);
        for (String path : new String[] {"/grids/UNKNOWN", "/grids/UNKNOWN/edit"}) {
            HttpResponse<String> page = s.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("No grid named \u201cUNKNOWN\u201d").contains("href=\"/\"")
                    .doesNotContain("grid.js");
        }
        assertThat(s.get("/grids/g").statusCode()).isEqualTo(200);
        assertThat(s.get("/grids/g/edit").statusCode()).isEqualTo(200);
    }

    @Test
    void anyUnknownPagePathIsA404PageWhileApiPathsKeepTheirJson() throws Exception {
        DashboardSession s = DashboardSession.logIn(f);
        HttpResponse<String> page = s.get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no page at /no/such/page.").contains("Back to the grid list");

        HttpResponse<String> api = s.get("/api/grids/UNKNOWN");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(api.body()).contains("no grid named 'UNKNOWN'");
        HttpResponse<String> unknownApi = s.get("/api/nothing");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.body()).contains("\"error\"");
        assertThat(s.get("/assets/nothing.js").body()).contains("\"error\"");
    }

    @Test
    void anAnonymousVisitorOfAnUnknownPageIsSentToTheLoginFirst() throws Exception {
        HttpResponse<String> page = DashboardSession.anonymous(f).get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
