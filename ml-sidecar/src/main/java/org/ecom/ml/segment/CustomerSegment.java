package org.ecom.ml.segment;

/** A customer's segment: the k-means cluster and the persona named from its centroid. */
public record CustomerSegment(int customerId, int segmentId, String segmentName) {
}
