package govgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs an embedded Neo4j 5.26 Community server with only Bolt on 127.0.0.1, auth off,
 * for tests and local development where Docker is not available.
 *
 * Usage: Neo4jLauncher [--port N] [--data-dir DIR] [--pagecache SIZE] [--exit-on-stdin-close]
 *
 * Port 0 (the default) lets the OS choose a free port, which avoids the race of probing
 * for one in the caller; the real port is read back from Neo4j and announced on stdout as
 * the single line "NEO4J READY bolt://127.0.0.1:PORT". Everything else goes to stderr so
 * that callers can wait on stdout alone.
 */
public final class Neo4jLauncher {

    static final String READY_PREFIX = "NEO4J READY ";
    // Just under neo4j_server.py's 180 s wait, so the launcher explains a slow start itself.
    private static final long AVAILABLE_TIMEOUT_MS = 170_000;

    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Neo4jLauncher: " + e.getMessage());
            System.err.println(
                    "usage: Neo4jLauncher [--port N] [--data-dir DIR] [--pagecache SIZE] [--exit-on-stdin-close]");
            System.exit(2);
            return;
        }

        // Keep stdout for the ready line only; Neo4j and its libraries sometimes print.
        PrintStream readyOut = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        boolean ownsHome = options.dataDir == null;
        Path home = ownsHome ? Files.createTempDirectory("govgraph-neo4j-") : options.dataDir;
        Files.createDirectories(home);

        // Announced before anything can fail, so a supervisor that has to SIGKILL us still
        // knows which throwaway folder to remove.
        System.err.println("Neo4jLauncher: starting Neo4j " + neo4jVersion() + ", "
                + (ownsHome ? "temporary data in " : "data in ") + home);

        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            System.err.println("Neo4jLauncher: stopping");
            DatabaseManagementService service = running.get();
            if (service != null) {
                try {
                    service.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("Neo4jLauncher: shutdown error: " + e);
                }
            }
            if (ownsHome) {
                deleteTree(home);
            }
            System.err.println("Neo4jLauncher: stopped");
        };
        // SIGTERM/SIGINT run shutdown hooks, so a plain `kill PID` stops the store cleanly,
        // also while it is still starting (then only the temp folder needs removing).
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-launcher-shutdown"));

        if (options.exitOnStdinClose) {
            // A parent that dies without signalling us closes our stdin; leaving then (also
            // mid-startup) avoids orphaned servers after a crashed test runner.
            Thread watcher = new Thread(() -> {
                waitForEof(System.in);
                System.err.println("Neo4jLauncher: stdin closed");
                System.exit(0);
            }, "neo4j-launcher-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, options.pagecacheBytes)
                    // Netty's default 5 s quiet period per event loop made every stop take
                    // ~10 s; a throwaway test server has no clients worth waiting for.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (RuntimeException e) {
            System.err.println("Neo4jLauncher: could not start Neo4j in " + home + ": " + rootCause(e));
            System.exit(1);
            return;
        }
        running.set(dbms);

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(AVAILABLE_TIMEOUT_MS)) {
            System.err.println("Neo4jLauncher: database did not become available within "
                    + AVAILABLE_TIMEOUT_MS + " ms");
            System.exit(1);
            return;
        }

        int port = boundBoltPort(db, options.port);
        readyOut.println(READY_PREFIX + "bolt://127.0.0.1:" + port);
        readyOut.flush();

        // Serve until a signal (or the stdin watcher) ends the JVM.
        Thread.currentThread().join();
    }

    private static int boundBoltPort(GraphDatabaseService db, int requested) {
        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        HostnamePort bound = ports.getLocalAddress(ConnectorType.BOLT);
        if (bound == null) {
            if (requested == 0) {
                throw new IllegalStateException("Bolt connector did not register a port");
            }
            return requested;
        }
        return bound.getPort();
    }

    /** Neo4j wraps the real reason (say, a port in use) several levels deep. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e.toString() : e.getMessage() + " — caused by " + t;
    }

    private static String neo4jVersion() {
        Package pkg = DatabaseManagementService.class.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    private static void waitForEof(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone, same as EOF.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("Neo4jLauncher: could not delete " + root + ": " + e);
        }
    }

    /** Command-line options; kept tiny on purpose so the launcher needs no CLI library. */
    private static final class Options {
        int port = 0;
        Path dataDir = null;
        long pagecacheBytes = 256L * 1024 * 1024;
        boolean exitOnStdinClose = false;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port":
                        o.port = parsePort(value(args, ++i, a));
                        break;
                    case "--data-dir":
                        o.dataDir = Paths.get(value(args, ++i, a)).toAbsolutePath();
                        break;
                    case "--pagecache":
                        o.pagecacheBytes = parseSize(value(args, ++i, a));
                        break;
                    case "--exit-on-stdin-close":
                        o.exitOnStdinClose = true;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be 0..65535, got '" + s + "'");
            }
        }

        private static long parseSize(String s) {
            String t = s.trim().toLowerCase();
            long mult = 1;
            if (t.endsWith("g")) {
                mult = 1024L * 1024 * 1024;
            } else if (t.endsWith("m")) {
                mult = 1024L * 1024;
            } else if (t.endsWith("k")) {
                mult = 1024L;
            }
            String digits = mult == 1 ? t : t.substring(0, t.length() - 1);
            try {
                long n = Long.parseLong(digits) * mult;
                if (n <= 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--pagecache must look like 256m or 1g, got '" + s + "'");
            }
        }
    }
}
