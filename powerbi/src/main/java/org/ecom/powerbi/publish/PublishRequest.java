package org.ecom.powerbi.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What to publish where: the PBIP folder (powerbi/) to a Fabric workspace, with the server and
 * database of an environment of the folder's environments.json.
 *
 * @param workspaceId   the Fabric workspace (its id, a UUID, from the workspace's URL)
 * @param environment   a key of environments.json, e.g. dev or prod
 * @param dryRun        print every request instead of sending it (no token is asked for)
 * @param projectFolder the PBIP folder holding one *.SemanticModel, one *.Report and environments.json
 * @param baseUrl       the Fabric REST API, {@link #FABRIC_API} outside tests
 * @param token         an Entra ID access token for the Fabric API ({@link EntraToken} outside tests)
 */
public record PublishRequest(String workspaceId, String environment, boolean dryRun, Path projectFolder, URI baseUrl,
                             Supplier<String> token) {

    public static final URI FABRIC_API = URI.create("https://api.fabric.microsoft.com/v1/");

    public PublishRequest {
        try {
            UUID.fromString(Objects.requireNonNull(workspaceId, "workspaceId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workspace id is not a UUID: '" + workspaceId + "'");
        }
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(projectFolder, "projectFolder");
        Objects.requireNonNull(token, "token");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
    }
}
