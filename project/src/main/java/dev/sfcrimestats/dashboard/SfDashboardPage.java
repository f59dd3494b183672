package dev.sfcrimestats.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.docs.SitePage;
import dev.quarry.docs.SitePageException;
import dev.quarry.docs.SitePageRequest;
import dev.quarry.docs.WebJarFile;

/**
 * The {@code sfpd_dashboard} site page: {@code data.js} (a call of {@code window.sfDashboard} with the
 * {@link DashboardData}, loadable from {@code file://}), the page's own files and ECharts.
 */
public final class SfDashboardPage implements SitePage {

    private static final String RESOURCES = "/dev/sfcrimestats/dashboard/";
    private static final List<String> PAGE_FILES = List.of("index.html", "dashboard.js", "dashboard.css");
    private static final WebJarFile ECHARTS = new WebJarFile("org.webjars.npm", "echarts", "dist/echarts.min.js");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String type() {
        return "sfpd_dashboard";
    }

    @Override
    public void write(SitePageRequest request) throws SitePageException {
        DashboardData data = new DashboardReader().read(request);
        Path dir = request.dir();
        try {
            // The JSON is a script of its own, never inlined into HTML: no further escaping is needed.
            Files.write(dir.resolve("data.js"), ("window.sfDashboard(" + mapper.writeValueAsString(data) + ");\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String file : PAGE_FILES) {
                try (InputStream in = SfDashboardPage.class.getResourceAsStream(RESOURCES + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing from the classpath: " + RESOURCES + file);
                    }
                    Files.copy(in, dir.resolve(file));
                }
            }
            ECHARTS.copyTo(dir.resolve("echarts.min.js"));
        } catch (IOException failure) {
            throw new SitePageException("cannot write " + dir + ": " + failure.getMessage(), failure);
        }
    }
}
