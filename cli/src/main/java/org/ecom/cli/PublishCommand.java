package org.ecom.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecom.powerbi.publish.EntraToken;
import org.ecom.powerbi.publish.PublishRequest;
import org.ecom.powerbi.publish.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Deploy the Power BI semantic model and report (powerbi/) to a Power BI / Microsoft Fabric workspace "
                + "through the Fabric REST API: create or update both items from the PBIP files, set the model's Server and "
                + "Database to the environment's, and bind its SQL data source to the environment's Fabric connection.",
            "Sign-in: DefaultAzureCredential (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, a managed identity, "
                + "or az login). One-time setup: powerbi/README.md."},
        footer = {"", "Examples:", "  ./ecom publish --workspace 5b2c...-... --dry-run",
            "  ./ecom publish --workspace 5b2c...-... --environment prod"})
final class PublishCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, paramLabel = "ID",
            description = "The workspace id (a UUID, in its URL: /groups/<id>/).")
    String workspace;

    @Option(names = "--environment", paramLabel = "NAME", defaultValue = "dev",
            description = "A key of powerbi/environments.json: dev or prod (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--dry-run", description = "Print each request with its body and send none (no sign-in needed).")
    boolean dryRun;

    @Option(names = "--project", paramLabel = "DIR",
            description = "The PBIP folder (default: powerbi/ of this project).")
    Path project;

    @Option(names = "--api", paramLabel = "URL", description = "The Fabric REST API (default: ${DEFAULT-VALUE}).")
    URI api = PublishRequest.FABRIC_API;

    @Override
    public Integer call() {
        Path folder = project != null ? project : Path.of(System.getProperty("ecom.root", "."), "powerbi");
        Publisher.Published published = Publisher.publish(
                new PublishRequest(workspace, environment, dryRun, folder, api, new EntraToken()), System.out);
        if (!dryRun) {
            Console.status("published: semantic model " + published.semanticModelId() + ", report " + published.reportId());
        }
        return 0;
    }
}
