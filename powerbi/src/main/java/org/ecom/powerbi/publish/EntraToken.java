package org.ecom.powerbi.publish;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.util.function.Supplier;

/**
 * An Entra ID access token for the Fabric REST API, from azure-identity's DefaultAzureCredential:
 * a service principal's AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or
 * AZURE_CLIENT_CERTIFICATE_PATH), a workload or managed identity, or the Azure CLI's sign-in, in
 * that order. The credential caches the token and renews it before it expires.
 */
public final class EntraToken implements Supplier<String> {

    public static final String FABRIC_SCOPE = "https://api.fabric.microsoft.com/.default";

    private final TokenCredential credential = new DefaultAzureCredentialBuilder().build();

    @Override
    public String get() {
        try {
            return credential.getTokenSync(new TokenRequestContext().addScopes(FABRIC_SCOPE)).getToken();
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            throw new PublishException("no Entra ID token for the Fabric API (DefaultAzureCredential): " + reason
                    + "; set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (powerbi/README.md)", e);
        }
    }
}
