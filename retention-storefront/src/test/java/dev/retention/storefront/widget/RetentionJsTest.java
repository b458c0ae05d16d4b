package dev.retention.storefront.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The JS embed: its logic tests ({@code src/test/js}, run with {@code node --test}) and its size budget. */
class RetentionJsTest {

    static final Path EMBED = Path.of("src/main/resources/static/retention/widget/retention.js");

    @Test
    void theEmbedsLogicTestsPassUnderNode() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        Process node = new ProcessBuilder("node", "--test", "src/test/js/").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    }

    @Test
    void theEmbedStaysUnderFifteenKilobytesGzipped() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(Files.readAllBytes(EMBED));
        }
        assertThat(gzipped.size()).isLessThan(15 * 1024);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
