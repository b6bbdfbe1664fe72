package org.ecom.powerbi.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An environment of environments.json: the SQL Server or Azure SQL the semantic model reads in
 * DirectQuery (it becomes the model's Server and Database parameters), and the Fabric connection
 * the model's data source is bound to (a cloud connection, or a gateway's for a private server).
 *
 * @param connectivityType as the Fabric API spells it: ShareableCloud, OnPremisesGateway or VirtualNetworkGateway
 */
public record Environment(String name, String server, String database, String connectionId, String connectivityType) {

    public static final String FILE_NAME = "environments.json";
    /** The connection id committed before anyone made the connection: publishing refuses it. */
    static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The environment of the file, or an exception naming the file and the missing or wrong field. */
    public static Environment read(Path file, String name) {
        JsonNode all;
        try {
            all = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PublishException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode node = all.path(name);
        if (!node.isObject()) {
            List<String> names = new ArrayList<>();
            all.fieldNames().forEachRemaining(names::add);
            throw new PublishException(file + ": no environment '" + name + "' (there are " + String.join(", ", names) + ")");
        }
        Environment environment = new Environment(name, text(file, node, name, "server"), text(file, node, name, "database"),
                text(file, node.path("connection"), name + ".connection", "id"),
                text(file, node.path("connection"), name + ".connection", "connectivityType"));
        try {
            UUID.fromString(environment.connectionId());
        } catch (IllegalArgumentException e) {
            throw new PublishException(file + ": " + name + ".connection.id is not a UUID: '" + environment.connectionId() + "'");
        }
        return environment;
    }

    private static String text(Path file, JsonNode node, String where, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new PublishException(file + ": " + where + "." + field + " is missing");
        }
        return value;
    }

    /** Whether the connection id is still the committed placeholder. */
    public boolean connectionIsPlaceholder() {
        return connectionId.equals(PLACEHOLDER_ID);
    }
}
