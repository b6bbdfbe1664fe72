package org.ecom.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the API answers from, read whole from the reader views and replaced whole when the database's
 * current runs or loads change: each customer's profile as ready JSON, their recommendations, the
 * current runs and the stored repurchase model.
 *
 * @param version         what the database looked like when it was read (see {@link ServeData})
 * @param customers       each customer's profile, serialised
 * @param recommendations each customer's current recommendations, best first
 * @param runs            the current run of each model kind
 * @param scorer          the current repurchase run's stored model (copies of it), or null when there is none
 * @param scorerRunId     its run
 * @param readAt          when this was read
 */
record Snapshot(String version, Map<Integer, byte[]> customers, Map<Integer, List<ObjectNode>> recommendations,
                ArrayNode runs, ScorerPool scorer, long scorerRunId, Instant readAt) {
}
