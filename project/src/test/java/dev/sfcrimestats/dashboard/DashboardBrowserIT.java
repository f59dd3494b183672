package dev.sfcrimestats.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.browser.HeadlessChromium;
import dev.quarry.browser.Page;
import dev.sfcrimestats.SfProject;

/**
 * {@code ./quarry build} of the SF project on a small synthetic demo dataset leaves the dashboard in the site; opened
 * from {@code file://} in headless Chromium, every chart draws with data, the numbers agree with the marts, the demo
 * data is labelled synthetic, and the filters change what the charts show.
 */
class DashboardBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> CHARTS = List.of("trends", "neighborhoods", "calendar", "hours", "map",
            "resolution");

    @TempDir
    Path dir;

    @Test
    void theDashboardDrawsEveryChartFromTheMartsAndItsFiltersChangeThem() throws Exception {
        Optional<HeadlessChromium> started = HeadlessChromium.start();
        Assumptions.assumeTrue(started.isPresent(), HeadlessChromium.NOT_INSTALLED);
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        SfProject.Result build = project.run("build", "--vars", "{demo_rows: 20000}");
        assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
        assertThat(build.stdout()).contains("Wrote the page 'SF Crime Stats'; open target/site/dashboard/index.html");
        long martIncidents = queryLong(project.root(), "select sum(incidents) from main_marts.mart_daily_incidents");
        long martPoints = queryLong(project.root(), "select count(*) from main_marts.mart_incident_points");

        try (HeadlessChromium chromium = started.get()) {
            // The docs site's header links to the dashboard.
            Page page = chromium.open(project.root().resolve("target/site/index.html").toUri());
            page.waitFor("document.querySelector('#pages .page-link')", WAIT);
            assertThat(page.evaluate("document.querySelector('#pages .page-link').textContent"))
                    .isEqualTo("SF Crime Stats");
            page.click("#pages .page-link");
            page.waitFor("location.pathname.endsWith('/dashboard/index.html')", WAIT);
            page.setViewport(1400, 2400);
            page.waitFor("window.sfDashboardView && window.sfDashboardView.charts.resolution", WAIT);

            assertThat(page.evaluate("document.getElementById('synthetic').hidden")).isEqualTo(false);
            assertThat(page.evaluate("document.getElementById('source').textContent"))
                    .isEqualTo("synthetic demo data (not real incidents)");
            assertThat(page.evaluate("document.getElementById('range').textContent")).asString()
                    .matches("2018-01-0\\d to 2026-11-2\\d");
            assertThat(number(page, "window.sfDashboardView.data.monthly.incidents.reduce((a, b) => a + b, 0)"))
                    .isEqualTo(martIncidents);
            assertThat(number(page, "window.sfDashboardView.data.points.day.length")).isEqualTo(martPoints);
            // The demo data ends within November 2026: the first view is the 12 whole months before it.
            assertThat(page.evaluate("document.getElementById('to').value")).isEqualTo("2026-10");
            assertThat(page.evaluate("document.getElementById('from').value")).isEqualTo("2025-11");
            assertThat(page.evaluate("document.getElementById('partial').textContent")).asString()
                    .startsWith("The data covers 2026-11 only to 2026-11-2");
            for (String chart : CHARTS) {
                assertThat(seriesPoints(page, chart)).as(chart).isPositive();
            }
            long allIncidents = headlineIncidents(page);
            assertThat(allIncidents).isPositive();
            String allTrends = String.valueOf(page.evaluate(seriesNames("trends")));
            long allPoints = seriesPoints(page, "map");
            saveScreenshot(page, "dashboard.png");

            // A category: fewer incidents, one line, and the map shows only that category's points.
            page.evaluate("(() => { const s = document.getElementById('category'); s.value = s.options[1].value;"
                    + " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
            String category = String.valueOf(page.evaluate(
                    "document.getElementById('category').selectedOptions[0].textContent"));
            assertThat(headlineIncidents(page)).isPositive().isLessThan(allIncidents);
            assertThat(page.evaluate(seriesNames("trends"))).isEqualTo(List.of(category)).isNotEqualTo(allTrends);
            long categoryPoints = seriesPoints(page, "map");
            assertThat(categoryPoints).isPositive().isLessThan(allPoints);

            // And a neighborhood on top: fewer still.
            page.evaluate("(() => { const s = document.getElementById('neighborhood');"
                    + " s.value = [...s.options].find(o => o.textContent === 'Mission').value;"
                    + " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
            assertThat(seriesPoints(page, "map")).isPositive().isLessThan(categoryPoints);

            // A shorter date range: fewer incidents than in 12 months; the reset brings the first view back.
            page.evaluate("window.sfDashboardView.setFilters({category: -1, neighborhood: -1,"
                    + " from: window.sfDashboardView.filters.to}) || true");
            assertThat(headlineIncidents(page)).isPositive().isLessThan(allIncidents);
            saveScreenshot(page, "dashboard-filtered.png");
            page.click("#reset");
            assertThat(headlineIncidents(page)).isEqualTo(allIncidents);

            // On a phone's width every chart fits: the page does not scroll sideways.
            page.setViewport(390, 844);
            page.waitFor("document.documentElement.scrollWidth <= window.innerWidth", WAIT);
            saveScreenshot(page, "dashboard-phone.png");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    private static long number(Page page, String expression) {
        return ((Number) page.evaluate(expression)).longValue();
    }

    private static long headlineIncidents(Page page) {
        return Long.parseLong(String.valueOf(page.evaluate("document.getElementById('incidents').textContent"))
                .replace(",", ""));
    }

    /** The data points a chart draws, over all its series (heatmap cells with a count only). */
    private static long seriesPoints(Page page, String chart) {
        Object count = page.evaluate("window.sfDashboardView.charts['" + chart + "'].getOption().series"
                + ".reduce((n, s) => n + s.data.filter(d => Array.isArray(d) ? d[d.length - 1] > 0"
                + " : (d && typeof d === 'object' ? d.value > 0 : d > 0)).length, 0)");
        return ((Number) count).longValue();
    }

    private static String seriesNames(String chart) {
        return "window.sfDashboardView.charts['" + chart + "'].getOption().series.map(s => s.name)";
    }

    private static void saveScreenshot(Page page, String name) throws Exception {
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        assertThat(page.screenshot(screenshots.resolve(name))).isNotEmptyFile();
    }

    private static long queryLong(Path project, String sql) throws Exception {
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"
                + project.resolve("target/warehouse.duckdb"), readOnly);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
