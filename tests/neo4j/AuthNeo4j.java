import java.nio.file.Files;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Test-only Neo4j with authentication ON, so that the store's handling of rejected
 * credentials is checked against a real server (the shared test server runs with auth off).
 *
 * Run in source-file mode on the launcher's class path:
 *   java -cp "tools/neo4j/target/lib/*" tests/neo4j/AuthNeo4j.java PORT DATA_DIR
 * Prints "AUTH NEO4J READY" on stdout, exits when stdin closes.
 */
public final class AuthNeo4j {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]);
        Files.createDirectories(home);
        var out = System.out;
        System.setOut(System.err);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000);
        out.println("AUTH NEO4J READY");
        out.flush();
        while (System.in.read() >= 0) {
            // Only the end of stdin matters: the test closes it to stop the server.
        }
        System.exit(0);
    }
}
