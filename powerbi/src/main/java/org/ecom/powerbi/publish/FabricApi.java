package org.ecom.powerbi.publish;

import com.fasterxml.jackson.databind.JsonNode;

/** The Fabric REST calls publishing makes: sent ({@link FabricClient}) or printed ({@link DryRun}). */
interface FabricApi {

    /** GET a path under the API's base URL, or an absolute URL (a list's continuationUri). */
    JsonNode get(String pathOrUrl);

    /** POST that creates an item: the item (a 201's body, or the long-running operation's result). */
    JsonNode create(String path, JsonNode body);

    /** POST that changes something: returns when it answers 200, or when its long-running operation has succeeded. */
    void call(String path, JsonNode body);
}
