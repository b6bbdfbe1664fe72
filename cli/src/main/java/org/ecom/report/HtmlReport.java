package org.ecom.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The self-contained HTML dashboard: the page template, Chart.js from its WebJar and the data as
 * JSON, all in one file that opens offline in any browser.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "/org/ecom/report/report.html";
    private static final String CHARTJS_POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private HtmlReport() {
    }

    public static String render(JsonNode data, String title) {
        return template()
                .replace("/*@CHARTJS@*/", chartJs())
                .replace("/*@DATA@*/null", safeForScript(new ObjectMapper().valueToTree(data).toString()))
                .replace("@TITLE@", title.replace("&", "&amp;").replace("<", "&lt;"));
    }

    /** JSON inside a script element must not close it: "</" becomes "<\/", which JSON reads the same. */
    static String safeForScript(String json) {
        return json.replace("</", "<\\/");
    }

    private static String template() {
        return resource(TEMPLATE);
    }

    /** The Chart.js UMD build of the WebJar on the class path, whatever its version. */
    public static String chartJs() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CHARTJS_POM)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js WebJar not on the class path (" + CHARTJS_POM + ")");
            }
            Properties pom = new Properties();
            pom.load(in);
            return resource("/META-INF/resources/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.js")
                    .replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
