package org.ecom.ml.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.clustering.kmeans.KMeansTrainer.Initialisation;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** k-means with k-means++ seeding (Tribuo) on points given as primitive rows. */
final class KMeansClustering {

    /** labels[i] in 0..k-1; centroids[c] in the points' space; inertia: within-cluster sum of squares. */
    record Clustering(int k, int[] labels, double[][] centroids, double inertia) {
    }

    private static final ClusteringFactory FACTORY = new ClusteringFactory();

    // Tribuo logs every Lloyd iteration at INFO (hundreds of lines per run); warnings still show.
    // Held in a field because java.util.logging keeps loggers only weakly.
    private static final Logger TRIBUO_KMEANS_LOG = Logger.getLogger(KMeansTrainer.class.getName());

    static {
        TRIBUO_KMEANS_LOG.setLevel(Level.WARNING);
    }

    private final MutableDataset<ClusterID> dataset;
    private final double[][] points;
    private final String[] featureNames;

    KMeansClustering(double[][] points) {
        this.points = points;
        int dimensions = points[0].length;
        featureNames = new String[dimensions];
        for (int d = 0; d < dimensions; d++) {
            featureNames[d] = "x" + d;
        }
        List<Example<ClusterID>> examples = new ArrayList<>(points.length);
        for (double[] point : points) {
            examples.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, featureNames, point));
        }
        dataset = new MutableDataset<>(examples, new SimpleDataSourceProvenance("rfm", FACTORY), FACTORY);
    }

    /** The best of {@code restarts} seeded runs by inertia. */
    Clustering fit(int k, int maxIterations, int restarts, long seed) {
        Clustering best = null;
        for (int r = 0; r < restarts; r++) {
            Clustering run = fitOnce(k, maxIterations, seed + r);
            if (best == null || run.inertia() < best.inertia()) {
                best = run;
            }
        }
        return best;
    }

    private Clustering fitOnce(int k, int maxIterations, long seed) {
        // One thread: Tribuo's k-means is then a pure function of the seed.
        KMeansTrainer trainer = new KMeansTrainer(k, maxIterations, new L2Distance(), Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(dataset);
        double[][] centroids = centroidsInPointOrder(model);
        int[] labels = new int[points.length];
        List<Prediction<ClusterID>> predictions = model.predict(dataset);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = predictions.get(i).getOutput().getID();
        }
        double inertia = 0;
        for (int i = 0; i < points.length; i++) {
            inertia += squaredDistance(points[i], centroids[labels[i]]);
        }
        return new Clustering(k, labels, centroids, inertia);
    }

    /** Tribuo numbers features by its own map; this puts the centroid coordinates back in column order. */
    private double[][] centroidsInPointOrder(KMeansModel model) {
        DenseVector[] vectors = model.getCentroidVectors();
        double[][] centroids = new double[vectors.length][featureNames.length];
        for (int c = 0; c < vectors.length; c++) {
            for (int d = 0; d < featureNames.length; d++) {
                centroids[c][d] = vectors[c].get(model.getFeatureIDMap().getID(featureNames[d]));
            }
        }
        return centroids;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }
}
