package org.peersupport.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts node number -nodeIndex i of a cluster of -numOfNode N on 127.0.0.1
 * and keeps it running until the JVM is interrupted. The first node waits
 * until all N have joined and the cluster is healthy, then writes the
 * cluster's URLs to DIR/ready and prints them.
 *
 * The other arguments follow elasticsearch-cluster-runner's: -baseHttpPort P
 * (node i listens on P+i, default 9200), -basePath DIR (node i's home, data
 * and logs under DIR/node_i), -clusterName NAME. One JVM per node: several
 * Elasticsearch nodes in one JVM share static state and trip over it.
 */
public final class ElasticsearchNodes {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int count = Integer.parseInt(options.getOrDefault("numOfNode", "1"));
        int baseHttpPort = Integer.parseInt(options.getOrDefault("baseHttpPort", "9200"));
        Path basePath = Path.of(options.getOrDefault("basePath", "es_home")).toAbsolutePath();
        String clusterName = options.getOrDefault("clusterName", "peersupport");
        Path modules = Path.of(options.getOrDefault("modulesPath", "target/modules")).toAbsolutePath();

        int index = Integer.parseInt(options.getOrDefault("nodeIndex", "1"));

        Settings settings = nodeSettings(index, count, baseHttpPort, basePath, clusterName);
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = startNode(settings, modules);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "es-shutdown"));
        if (index == 1) {
            String urls = IntStream.rangeClosed(1, count)
                .mapToObj(i -> "http://127.0.0.1:" + (baseHttpPort + i))
                .collect(Collectors.joining(","));
            waitForHealth(urls.split(",")[0], count);
            Files.writeString(basePath.resolve("ready"), urls + "\n");
            System.out.println("Elasticsearch " + org.elasticsearch.Build.current().version()
                + " is ready: ELASTICSEARCH_URL=" + urls);
        }
        Thread.currentThread().join();
    }

    private static Settings nodeSettings(int i, int count, int baseHttpPort, Path basePath, String clusterName) {
        Path home = basePath.resolve("node_" + i);
        List<String> transportHosts = IntStream.rangeClosed(1, count)
            .mapToObj(n -> "127.0.0.1:" + transportPort(baseHttpPort, n))
            .toList();
        Settings.Builder builder = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", "node_" + i)
            .put("network.host", "127.0.0.1")
            .put("http.port", baseHttpPort + i)
            .put("transport.port", transportPort(baseHttpPort, i))
            // A developer's disk is often fuller than a server's; don't let the
            // watermark make the index read-only in the middle of a test run.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (count == 1) {
            builder.put("discovery.type", "single-node");
        } else {
            builder.putList("discovery.seed_hosts", transportHosts);
            builder.putList("cluster.initial_master_nodes",
                IntStream.rangeClosed(1, count).mapToObj(n -> "node_" + n).toList());
        }
        return builder.build();
    }

    private static int transportPort(int baseHttpPort, int i) {
        return baseHttpPort + 100 + i;
    }

    private static Node startNode(Settings settings, Path modules) throws Exception {
        Path home = Path.of(settings.get("path.home"));
        installModules(modules, home.resolve("modules"));
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> settings.get("node.name"));
        PluginsLoader loader = PluginsLoader.createPluginsLoader(
            PluginsLoader.loadModulesBundles(environment.modulesDir()),
            PluginsLoader.loadPluginsBundles(environment.pluginsDir()),
            Map.of());
        Node node = new Node(environment, loader);
        node.start();
        return node;
    }

    /** Each node gets its own copy of the modules, as a distribution's home would hold them. */
    private static void installModules(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void waitForHealth(String url, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                url + "/_cluster/health?wait_for_status=yellow&wait_for_nodes=" + count + "&timeout=5s"))
            .timeout(Duration.ofSeconds(10))
            .build();
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The cluster at " + url + " was not healthy within " + HEALTH_TIMEOUT);
    }

    private static void close(Node node) {
        try {
            node.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Options come in pairs: -name value");
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("-")) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            options.put(args[i].substring(1), args[i + 1]);
        }
        return options;
    }

    private ElasticsearchNodes() {}
}
